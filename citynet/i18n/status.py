"""
How far each page is translated into each language, for the status report and the API.

A page's source is its version in the default language. Its translation into a locale is:
- missing: no page there (an alias, which shows the source, counts as missing);
- in progress: a draft, or a wagtail-localize translation with segments still to translate
  (the slug is not one: it follows the source's unless the translator changes it);
- outdated: the text to translate changed in the source after the translation last took it
  (source_changes.py);
- up to date: everything else.
All statuses of a set of pages are worked out in a fixed number of queries.
"""

import dataclasses
import datetime

from django.conf import settings
from django.db.models import Case, Count, F, OuterRef, Subquery, When
from django.db.models.functions import Coalesce, Least
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, PageLogEntry
from wagtail_localize.models import StringSegment, TranslationSource

from .source_changes import NOT_TRANSLATED, TEXT_CHANGED

MISSING = "missing"
IN_PROGRESS = "in_progress"
OUTDATED = "outdated"
UP_TO_DATE = "up_to_date"
LABELS = {
    MISSING: _("Missing"),
    IN_PROGRESS: _("In progress"),
    OUTDATED: _("Outdated"),
    UP_TO_DATE: _("Up to date"),
}


@dataclasses.dataclass
class TranslationStatus:
    status: str
    page_id: int | None = None
    percent: int | None = None
    outdated_since: datetime.datetime | None = None

    def __str__(self):
        if self.status == IN_PROGRESS:
            return _("In progress (%(percent)s%%)") % {"percent": self.percent}
        if self.status == OUTDATED:
            # In the reader's language's date format: 2026년 12월 6일, Dec. 6, 2026.
            return _("Outdated since %(date)s") % {"date": date_format(self.outdated_since)}
        return str(LABELS[self.status])


def source_pages(translation_keys):
    default_locale = Locale.get_default()
    return Page.objects.filter(translation_key__in=translation_keys, locale=default_locale)


def translation_statuses(translation_keys, locales):
    """{(translation key, locale id): TranslationStatus} for every key and locale given."""
    translation_keys = set(translation_keys)
    sources = {
        page["translation_key"]: page
        for page in source_pages(translation_keys).values("id", "translation_key", "locale_id")
    }
    translations = {
        (page["translation_key"], page["locale_id"]): page
        for page in with_outdated_since(
            Page.objects.filter(
                translation_key__in=translation_keys, locale__in=locales, alias_of__isnull=True
            )
        ).values("id", "translation_key", "locale_id", "live", "outdated_since")
    }
    localize_sources = {
        source["object_id"]: source
        for source in TranslationSource.objects.filter(
            object_id__in=sources,
            locale_id__in={page["locale_id"] for page in sources.values()},
        ).values("id", "object_id")
    }
    segment_counts, translated_counts = count_segments(
        [source["id"] for source in localize_sources.values()]
    )
    statuses = {}
    for key in translation_keys:
        source = sources.get(key)
        localize_source = localize_sources.get(key)
        for locale in locales:
            if source and locale.pk == source["locale_id"]:
                continue
            page = translations.get((key, locale.pk))
            if page is None:
                statuses[key, locale.pk] = TranslationStatus(MISSING)
                continue
            percent = None
            if localize_source:
                total = segment_counts.get(localize_source["id"], 0)
                done = translated_counts.get((localize_source["id"], locale.pk), 0)
                percent = 100 if total == 0 else 100 * done // total
            if page["live"] and (since := page["outdated_since"]):
                # Live with text from before its source changed, whether or not it was synced.
                found = TranslationStatus(OUTDATED, page["id"], percent, since)
            elif not page["live"] or (percent is not None and percent < 100):
                found = TranslationStatus(IN_PROGRESS, page["id"], percent or 0)
            else:
                found = TranslationStatus(UP_TO_DATE, page["id"], percent)
            statuses[key, locale.pk] = found
    return statuses


def count_segments(localize_source_ids):
    """Segments per wagtail-localize source, and those translated per source and locale."""
    segments = StringSegment.objects.filter(source_id__in=localize_source_ids).exclude(
        context__path__in=NOT_TRANSLATED
    )
    totals = dict(segments.values_list("source_id").annotate(Count("id")).order_by())
    translated = (
        segments.filter(
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
            # A translation saved as spaces alone is no translation.
            string__translations__data__regex=r"\S",
        )
        .values_list("source_id", "string__translations__locale_id")
        .annotate(Count("id"))
        .order_by()
    )
    return totals, {(source_id, locale_id): count for source_id, locale_id, count in translated}


def untranslated_segments(translation):
    """How many segments of `translation` a translator is asked for and has not translated."""
    source_id = translation.source_id
    totals, translated = count_segments([source_id])
    return totals.get(source_id, 0) - translated.get((source_id, translation.target_locale_id), 0)


def with_outdated_since(pages):
    """
    Annotates each page with `outdated_since`: when the text to translate first changed in its
    source (the page in the default language) after the translation took it, or None.

    A translation takes the source's text when it is published, from wagtail-localize's last
    sync of the source if it has one: the earlier of the two (a sync after the publication is
    not in it yet).
    """
    default_language = settings.LANGUAGE_CODE
    # A page has at most one wagtail-localize source in the default language; a language it
    # does not translate (a page translated by hand) takes nothing from its syncs.
    synced_at = Subquery(
        TranslationSource.objects.filter(
            object_id=OuterRef("translation_key"),
            locale__language_code=default_language,
            translations__target_locale_id=OuterRef("locale_id"),
        ).values("last_updated_at")[:1]
    )
    text_changes = PageLogEntry.objects.filter(
        page__translation_key=OuterRef("translation_key"),
        page__locale__language_code=default_language,
        action=TEXT_CHANGED,
        timestamp__gt=OuterRef("translation_taken_at"),
    ).order_by("timestamp")
    return pages.alias(
        translation_taken_at=Least(Coalesce(synced_at, "last_published_at"), "last_published_at")
    ).annotate(
        outdated_since=Case(
            When(locale__language_code=default_language, then=None),
            default=Subquery(text_changes.values("timestamp")[:1]),
        )
    )
