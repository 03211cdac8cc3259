"""
When the text a translator translates changes in a source page (decision 0170).

A translation is outdated when a source segment it translates changed after it was last
published, not whenever the source is published again: an approval, a rescheduling or a change
to a date, an image or a slug leaves every translation as it was. Each publication of a page in
the default language is compared with the one before it, segment by segment as
wagtail-localize extracts them, and a change is recorded in the page's history.
"""

from wagtail.log_actions import log
from wagtail.models import Locale, PageLogEntry
from wagtail_localize.models import TranslationSource

from citynet.wagtail_internals import translatable_strings

TEXT_CHANGED = "i18n.source_text_changed"
# Generated from the title or kept as the source's: never asked of a translator.
NOT_TRANSLATED = {"slug"}


def translated_text(page):
    return {(path, text) for path, text in translatable_strings(page) if path not in NOT_TRANSLATED}


def previous_text(page):
    """The text of the page's previous publication, else of wagtail-localize's snapshot of it,
    else None: unknown, so counted as changed."""
    previous = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .exclude(revision_id=page.live_revision_id)
        .select_related("revision")
        .first()
    )
    if previous is not None:
        return translated_text(previous.revision.as_object())
    source = TranslationSource.objects.get_for_instance_or_none(page)
    return translated_text(source.as_instance()) if source else None


def record_text_change(page):
    """Log it if this publication of a source page changed its text; whether it did."""
    if page.locale_id != Locale.get_default().pk:
        return False
    before = previous_text(page)
    if before is not None and before == translated_text(page):
        return False
    log(instance=page, action=TEXT_CHANGED)
    return True
