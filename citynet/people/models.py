from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from citynet.i18n.languages import fallback_chain
from citynet.i18n.search import BigramSearchField
from citynet.images.api import ImageField


class Person(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """
    A reusable byline: article authors, speakers, contacts. Changes are drafts until the
    Communications team publishes them, through the approval workflow (decision 0125); readers
    see the live version only.
    """

    name = models.CharField(_("name"), max_length=255)
    role = models.CharField(
        _("role"), max_length=255, blank=True, help_text=_('e.g. "Secondment Staff".')
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=255,
        blank=True,
        help_text=_("Home organisation, e.g. a city government department."),
    )
    bio = models.TextField(_("bio"), blank=True, help_text=_("Two or three sentences."))
    photo = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person_profiles",
        verbose_name=_("user"),
        help_text=_("The staff member this profile describes: they may edit and translate it."),
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
        index.FilterField("live"),
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
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name


def public_people(people):
    """
    `people` as readers may see them: a live person as they are; one not live (a translation
    awaiting approval, an unpublished profile) replaced by their nearest live translation along
    their language's fallback chain, or left out (decision 0125). Queries only if one is not live.
    """
    people = list(people)
    hidden = [person for person in people if not person.live]
    if not hidden:
        return people
    translations = {}
    for person in Person.objects.filter(
        translation_key__in={person.translation_key for person in hidden}
    ).select_related("locale", "photo"):
        translations.setdefault(person.translation_key, {})[person.locale_id] = person
    shown = []
    for person in people:
        if person.live:
            shown.append(person)
            continue
        by_language = {
            translation.locale.language_code: translation
            for translation in translations.get(person.translation_key, {}).values()
            if translation.live
        }
        language_code = translations[person.translation_key][person.locale_id].locale.language_code
        for code in fallback_chain(language_code):
            if code in by_language:
                shown.append(by_language[code])
                break
    return list(dict.fromkeys(shown))  # two links may fall back to the same person
