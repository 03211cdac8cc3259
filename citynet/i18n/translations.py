"""Translating pages and snippets from code, through wagtail-localize as the editor does."""

from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def translate(instance, language_code, strings, *, publish=True, user=None):
    """
    Translate `instance` into `language_code` with `strings` ({source text: translation}).

    Segments missing from `strings` keep their source text, exactly as in the translation
    editor; the translation can be finished and synced later in the admin. Returns the translated
    instance.
    """
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()  # take the source's latest text, as "Sync" does in the admin
    locale = Locale.objects.get(language_code=language_code)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(
        source=source, string__data__in=list(strings)
    ).select_related("string")
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context_id=segment.context_id,
            defaults={
                "data": strings[segment.string.data],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    translation.translations_last_updated_at = timezone.now()
    translation.save(update_fields=["translations_last_updated_at"])
    if isinstance(instance, Page):
        # wagtail-localize publishes pages when the transaction commits, from a revision whose
        # copy of the page predates any children added meanwhile: publishing that would reset
        # the page's child count. A draft published here, at once, has no such stale copy.
        translation.save_target(user=user, publish=False)
        translated = source.get_translated_instance(locale)
        if publish:
            translated.get_latest_revision().publish(user=user)
            translated.refresh_from_db()
        return translated
    translation.save_target(user=user)
    return source.get_translated_instance(locale)
