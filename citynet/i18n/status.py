"""
How far each page is translated into each language, for the status report and the API.

A page's source is its version in the default language. Its translation into a locale is:
- missing: no page there (an alias, which shows the source, counts as missing);
- in progress: a draft, or a wagtail-localize translation with segments still to translate;
- outdated: the source was published again after the translation last took its text;
- up to date: everything else.
All statuses of a set of pages are worked out in a fixed number of queries.
"""

import dataclasses
import datetime

from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, PageLogEntry
from wagtail_localize.models import StringSegment, TranslationSource

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
            return _("Outdated since %(date)s") % {"date": f"{self.outdated_since:%Y-%m-%d}"}
        return str(LABELS[self.status])


def source_pages(translation_keys):
    default_locale = Locale.get_default()
    return Page.objects.filter(translation_key__in=translation_keys, locale=default_locale)


def translation_statuses(translation_keys, locales):
    """{(translation key, locale id): TranslationStatus} for every key and locale given."""
    translation_keys = set(translation_keys)
    sources = {
        page["translation_key"]: page
        for page in source_pages(translation_keys).values(
            "id", "translation_key", "locale_id", "last_published_at"
        )
    }
    translations = {
        (page["translation_key"], page["locale_id"]): page
        for page in Page.objects.filter(
            translation_key__in=translation_keys,
            locale__in=locales,
            alias_of__isnull=True,
        ).values("id", "translation_key", "locale_id", "live", "last_published_at")
    }
    localize_sources = {
        source["object_id"]: source
        for source in TranslationSource.objects.filter(
            object_id__in=sources,
            locale_id__in={page["locale_id"] for page in sources.values()},
        ).values("id", "object_id", "last_updated_at")
    }
    segment_counts, translated_counts = count_segments(
        [source["id"] for source in localize_sources.values()]
    )
    first_changes = first_publications_after_sync(sources.values(), localize_sources)

    statuses = {}
    for key in translation_keys:
        source = sources.get(key)
        localize_source = localize_sources.get(key)
        for locale in locales:
            if locale.pk == (source or {}).get("locale_id"):
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
            if not page["live"] or (percent is not None and percent < 100):
                statuses[key, locale.pk] = TranslationStatus(
                    IN_PROGRESS, page["id"], percent if percent is not None else 0
                )
            elif outdated_since := source and outdated_from(
                source, page, localize_source, first_changes
            ):
                statuses[key, locale.pk] = TranslationStatus(
                    OUTDATED, page["id"], percent, outdated_since
                )
            else:
                statuses[key, locale.pk] = TranslationStatus(UP_TO_DATE, page["id"], percent)
    return statuses


def count_segments(localize_source_ids):
    """Segments per wagtail-localize source, and those translated per source and locale."""
    segments = StringSegment.objects.filter(source_id__in=localize_source_ids)
    totals = dict(segments.values_list("source_id").annotate(Count("id")).order_by())
    translated = (
        segments.filter(
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values_list("source_id", "string__translations__locale_id")
        .annotate(Count("id"))
        .order_by()
    )
    return totals, {(source_id, locale_id): count for source_id, locale_id, count in translated}


def first_publications_after_sync(sources, localize_sources):
    """{source page id: when it was first published after its translations last took its text}."""
    sync_dates = {
        page["id"]: localize_sources[page["translation_key"]]["last_updated_at"]
        for page in sources
        if page["translation_key"] in localize_sources
    }
    if not sync_dates:
        return {}
    publications = (
        PageLogEntry.objects.filter(
            page_id__in=sync_dates,
            action="wagtail.publish",
            timestamp__gt=min(sync_dates.values()),
        )
        .values_list("page_id", "timestamp")
        .order_by("timestamp")
    )
    first = {}
    for page_id, timestamp in publications:
        if page_id not in first and timestamp > sync_dates[page_id]:
            first[page_id] = timestamp
    return first


def outdated_from(source, page, localize_source, first_changes):
    """When the translation fell behind its source, or None if it has not."""
    if localize_source:
        return first_changes.get(source["id"])
    # Translated by hand, outside wagtail-localize: compare the publication dates.
    source_published, page_published = source["last_published_at"], page["last_published_at"]
    if source_published and page_published and source_published > page_published:
        return source_published
    return None
