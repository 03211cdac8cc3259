from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """
    Wagtail's image with the caption and credit that every published photo needs.
    Alt text is Wagtail's own `description` field, relabelled, so rich text and choosers use it.
    """

    description = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        default="",
        help_text=_("What the photo shows, for people who cannot see it. Defaults to the title."),
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_('Shown with the photo, e.g. "Photo: courtesy of CityNet".'),
    )

    admin_form_fields = Image.admin_form_fields + ("caption", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    @property
    def alt_text(self):
        return self.default_alt_text


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class HeroCaptionMixin(models.Model):
    """
    A page's own caption for its hero image. A text field of the page, so wagtail-localize
    translates it with the page, while the image itself (shared by every language) is synced.
    """

    hero_caption = models.CharField(
        _("hero caption"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the photo shows on this page, translated with it. "
            "Leave empty to use the image's own caption."
        ),
    )

    class Meta:
        abstract = True

    @property
    def hero_image_caption(self):
        """The caption shown with the hero image: the page's own, else the image's."""
        if self.hero_image is None:
            return ""
        return self.hero_caption or self.hero_image.caption
