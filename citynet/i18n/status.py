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

from django.db.models import Count, F, Max
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, PageLogEntry
from wagtail_localize.models import StringSegment, TranslationLog, TranslationSource

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
    last_written = translations_last_written([source["id"] for source in localize_sources.values()])

    # The moment each translation's text was taken from its source: a source published again
    # after that makes the translation outdated.
    baselines = {}
    for (key, locale_id), page in translations.items():
        if key not in sources or not page["live"]:
            continue
        if localize_source := localize_sources.get(key):
            synced = localize_source["last_updated_at"]
            written = last_written.get((localize_source["id"], locale_id), synced)
            baselines[key, locale_id] = min(synced, written)
        elif page["last_published_at"]:  # translated by hand, without wagtail-localize
            baselines[key, locale_id] = page["last_published_at"]
    outdated = first_publications_after(sources, baselines)

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
            if not page["live"] or (percent is not None and percent < 100):
                found = TranslationStatus(IN_PROGRESS, page["id"], percent or 0)
            elif since := outdated.get((key, locale.pk)):
                found = TranslationStatus(OUTDATED, page["id"], percent, since)
            else:
                found = TranslationStatus(UP_TO_DATE, page["id"], percent)
            statuses[key, locale.pk] = found
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


def translations_last_written(localize_source_ids):
    """{(source id, locale id): when wagtail-localize last wrote the translation from source}."""
    logs = (
        TranslationLog.objects.filter(source_id__in=localize_source_ids)
        .values_list("source_id", "locale_id")
        .annotate(Max("created_at"))
        .order_by()
    )
    return {(source_id, locale_id): written for source_id, locale_id, written in logs}


def first_publications_after(sources, baselines):
    """{(translation key, locale id): the source's first publication after the baseline}."""
    if not baselines:
        return {}
    page_ids = {sources[key]["id"]: key for key, _locale_id in baselines}
    publications = (
        PageLogEntry.objects.filter(
            page_id__in=page_ids, action="wagtail.publish", timestamp__gt=min(baselines.values())
        )
        .values_list("page_id", "timestamp")
        .order_by("timestamp")
    )
    published = {}
    for page_id, timestamp in publications:
        published.setdefault(page_ids[page_id], []).append(timestamp)
    return {
        (key, locale_id): later[0]
        for (key, locale_id), baseline in baselines.items()
        if (later := [when for when in published.get(key, []) if when > baseline])
    }
