from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from citynet.i18n.search import BigramSearchField


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """
    A managed theme: one of the 17 Sustainable Development Goals or one of the network's
    thematic clusters. Articles and programs are tagged with themes; free tags stay separate.
    """

    class Kind(models.TextChoices):
        SDG = "sdg", _("Sustainable Development Goal")
        CLUSTER = "cluster", _("Thematic cluster")

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    sdg_number = models.PositiveSmallIntegerField(
        _("sdg number"),
        null=True,
        blank=True,
        help_text=_("1 to 17, for Sustainable Development Goals only."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("sdg_number"),
        FieldPanel("description"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        BigramSearchField("name"),
        index.FilterField("kind"),
        index.FilterField("locale"),
    ]

    # The slug names the theme in filter URLs (?theme=...): the same in every language.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    api_fields = [
        APIField("name"),
        APIField("slug"),
        APIField("kind"),
        APIField("sdg_number"),
        APIField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["kind", "sdg_number", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale"),
            models.CheckConstraint(
                condition=models.Q(sdg_number__isnull=True)
                | models.Q(sdg_number__gte=1, sdg_number__lte=17),
                name="sdg_number_between_1_and_17",
            ),
        ]

    def __str__(self):
        if self.sdg_number:
            return f"SDG {self.sdg_number}: {self.name}"
        return self.name

    def clean(self):
        if self.kind == self.Kind.SDG and not self.sdg_number:
            raise ValidationError(
                {"sdg_number": _("A Sustainable Development Goal needs its number.")}
            )
        if self.kind == self.Kind.CLUSTER and self.sdg_number:
            raise ValidationError(
                {"sdg_number": _("Only Sustainable Development Goals have a number.")}
            )
