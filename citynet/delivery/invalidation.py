"""
What a change invalidates (decision 0060).

A publish, unpublish, move or delete of a page touches: its own tag (every response showing
it); the responses about its translations (their language lists and fallbacks show it), about
the pages it points at (a partner lists its articles) and about the pages and snippets that
point at it (Wagtail's ReferenceIndex, plus the references its new content makes); the listings
of its type and every parent type, in its locale and in all. A change to a snippet, image or
document touches its own tag and what refers to it. Scheduled go-lives and expiries publish and
unpublish through Wagtail, so they arrive here too.

`invalidate(tags)` is the one way anything is invalidated, and it cannot be lost (decision
0155). It writes the tags to the outbox (`Invalidation`) in the change's own transaction. The
response cache is told at once and again when the transaction commits (a request computed
meanwhile read the old rows).
The task queue then applies the row: response cache first, then the CDN (which refetches from
the app), twice: ahead of everything, so the CDN drops the old copies at once, and at the
normal priority, after the search and reference index updates that Wagtail queued before it,
so that a search computed from the old index in between is not kept; the second run deletes
the row. A row that Redis or the CDN did not take stays, and `retry_invalidations` applies
the waiting rows every RETRY_SECONDS until they are taken. docs/delivery.md gives the bound.
"""

import logging
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django_tasks import task
from wagtail import signals as wagtail_signals
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_unpublished, post_page_move

from citynet.delivery import tags as cache_tags
from citynet.delivery import versions
from citynet.delivery.models import Invalidation
from citynet.delivery.purge import PurgeFailed, purge
from citynet.visibility import DRAFT_FIELDS, is_draft_save
from citynet.wagtail_internals import references_in
from citynet.worker.periodic import enqueue_unless_waiting

logger = logging.getLogger(__name__)
SITES_TAG = "sites"
# Ahead of Wagtail's indexing tasks, which can pile up after a bulk import.
FIRST_PRIORITY = 50
# How often invalidations that Redis or the CDN did not take are tried again.
RETRY_SECONDS = 5


def model_of(content_type_id):
    return ContentType.objects.get_for_id(content_type_id).model_class()


def subject_tag(content_type_id, pk):
    """The responses about an object: `about-` for a page, the object's own tag otherwise."""
    model = model_of(content_type_id)
    if model is not None and issubclass(model, Page):
        return cache_tags.about_tag(pk)
    return cache_tags.object_tag(model, pk) if model else None


def reference_tags(obj):
    """Responses about what points at `obj` and, for a page, about the pages it points at."""
    refs = ReferenceIndex.get_references_to(obj).values_list("base_content_type_id", "object_id")
    found = {subject_tag(*row) for row in refs}
    if isinstance(obj, Page):
        outgoing = set(
            ReferenceIndex.get_references_for_object(obj).values_list(
                "to_content_type_id", "to_object_id"
            )
        )
        if ReferenceIndex.is_indexed(type(obj)):
            # The index catches up in a task later: take the new content's references too.
            extracted = references_in(obj)
            outgoing |= {(content_type_id, pk) for content_type_id, pk, *_path in extracted}
        # A page shows the pages that point at it (a partner its programs and articles).
        found |= {
            cache_tags.about_tag(pk)
            for content_type_id, pk in outgoing
            if issubclass(model_of(content_type_id) or object, Page)
        }
    return found - {None}


def page_tags(page, descendants=False):
    page_type = page.specific_class or type(page)
    tags = {cache_tags.object_tag(Page, page.pk)} | reference_tags(page)
    locale_code = page.locale.language_code
    for model in page_type.__mro__:
        if isinstance(model, type) and issubclass(model, Page) and not model._meta.abstract:
            tags |= {cache_tags.list_tag(model, locale_code), cache_tags.list_tag(model)}
    translations = Page.objects.filter(translation_key=page.translation_key)
    tags |= {cache_tags.about_tag(pk) for pk in translations.values_list("pk", flat=True)}
    if descendants:  # their URLs, or who may see them, changed with the page
        below = Page.objects.filter(path__startswith=page.path, depth__gt=page.depth)
        tags |= {cache_tags.object_tag(Page, pk) for pk in below.values_list("pk", flat=True)}
    return tags


def object_tags(obj):
    """A snippet, image or document: every response that instantiated it carries its tag, so
    only snippets pointing at it (a person's photo) are added, not the pages."""
    tags = {cache_tags.object_tag(type(obj), obj.pk), cache_tags.list_tag(type(obj))}
    refs = ReferenceIndex.get_references_to(obj).values_list("base_content_type_id", "object_id")
    for content_type_id, pk in refs:
        model = model_of(content_type_id)
        if model is not None and not issubclass(model, Page):
            tags.add(cache_tags.object_tag(model, pk))
    return tags


def invalidate(tags):
    """
    Every response showing any of `tags` goes stale: in the response cache and the CDN, now
    or, if one of them cannot be reached, as soon as it can.
    """
    if not tags:
        return
    tags = sorted(tags)
    forget(tags)
    row = Invalidation.objects.create(tags=tags)
    transaction.on_commit(partial(apply_after_commit, row.pk, tags))


def forget(tags):
    """The app's own copies: True if the response cache took the new versions."""
    return versions.invalidate(tags)


def apply_after_commit(pk, tags):
    forget(tags)
    apply_invalidation.using(priority=FIRST_PRIORITY).enqueue(pk, tags)
    apply_invalidation.enqueue(pk, tags, last=True)


def apply(tags):
    """The response cache, then the CDN; True if both took it."""
    if not forget(tags):
        return False
    try:
        purge(tags)
    except PurgeFailed:
        logger.warning("CDN purge failed; it is tried again", exc_info=True)
        return False
    return True


@task()
def apply_invalidation(pk, tags, last=False):
    """Apply one change's invalidation; the `last` run removes it from the outbox."""
    if not apply(tags):
        schedule_retry()
    elif last:
        Invalidation.objects.filter(pk=pk).delete()


@task(priority=FIRST_PRIORITY)
def retry_invalidations():
    """Apply the waiting invalidations, oldest first, until one is not taken; then later again."""
    for pk, tags in Invalidation.objects.order_by("pk").values_list("pk", "tags"):
        if not apply(tags):
            schedule_retry()
            return
        Invalidation.objects.filter(pk=pk).delete()


def schedule_retry():
    enqueue_unless_waiting(retry_invalidations, RETRY_SECONDS)


def retry_waiting_invalidations():
    """For the heartbeat: a retry lost with a killed worker is queued again."""
    if Invalidation.objects.exists():
        schedule_retry()


def page_changed(sender, instance, **kwargs):
    invalidate(page_tags(instance))


def page_moved(sender, instance, **kwargs):
    invalidate(page_tags(instance, descendants=True))


def page_saved(sender, instance, update_fields=None, **kwargs):
    """Any save but a draft's: publishing, and scripts or factories that save live pages."""
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return
    invalidate(page_tags(instance))


def page_deleted(sender, instance, **kwargs):
    invalidate(page_tags(instance))


def object_changed(sender, instance, **kwargs):
    invalidate(object_tags(instance))


def object_saved(sender, instance, created=False, update_fields=None, **kwargs):
    """Any save but a draft's: a person's draft or new translation is not shown (0125)."""
    if not is_draft_save(instance, created, update_fields):
        invalidate(object_tags(instance))


def relation_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        changed = page_tags(instance) if isinstance(instance, Page) else object_tags(instance)
        invalidate(changed)


def restriction_changed(sender, instance, **kwargs):
    invalidate(page_tags(instance.page, descendants=True))


def site_changed(sender, instance, **kwargs):
    invalidate({SITES_TAG, cache_tags.list_tag(Page)})


def connect_signals():
    def connect(signal, receiver, sender):
        signal.connect(
            receiver, sender=sender, dispatch_uid=f"citynet-{receiver.__name__}-{sender}"
        )

    for model in cache_tags.tracked_models():
        if issubclass(model, Page):
            connect(wagtail_signals.page_published, page_changed, model)
            connect(page_unpublished, page_changed, model)
            connect(post_page_move, page_moved, model)
            connect(post_save, page_saved, model)
            connect(post_delete, page_deleted, model)
        else:
            connect(post_save, object_saved, model)
            connect(post_delete, object_changed, model)
        for field in model._meta.local_many_to_many:
            connect(m2m_changed, relation_changed, field.remote_field.through)
    for signal in (post_save, post_delete):
        connect(signal, restriction_changed, PageViewRestriction)
        connect(signal, site_changed, Site)
