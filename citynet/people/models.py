from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from citynet.i18n.search import BigramSearchField
from citynet.images.api import ImageField


class Person(TranslatableMixin, index.Indexed, models.Model):
    """A reusable byline: article authors, speakers, contacts."""

    name = models.CharField(max_length=255)
    role = models.CharField(max_length=255, blank=True, help_text='e.g. "Secondment Staff".')
    organisation = models.CharField(
        max_length=255,
        blank=True,
        help_text="Home organisation, e.g. a city government department.",
    )
    bio = models.TextField(blank=True, help_text="Two or three sentences.")
    photo = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person_profiles",
        help_text="The staff member this profile describes: they may edit and translate it.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("user", permission="people.change_person"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
        BigramSearchField("name"),
        BigramSearchField("organisation"),
        index.FilterField("locale"),
    ]

    api_fields = [
        APIField("name"),
        APIField("role"),
        APIField("organisation"),
        APIField("bio"),
        APIField("photo", serializer=ImageField()),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "person"
        verbose_name_plural = "people"

    def __str__(self):
        return self.name
