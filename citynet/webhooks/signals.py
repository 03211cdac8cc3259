"""
Wagtail's and Django's signals, turned into webhook events. Only public objects make events:
a page must be visible in the content API (live, not expired, not behind a view restriction).
"""

import copy
from functools import partial

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    unpublished,
)

from citynet.api.pages import visible_pages
from citynet.people.models import Person
from citynet.taxonomy.models import Theme
from citynet.visibility import is_draft_save

from . import events
from .dispatch import emit


def is_public(page):
    return visible_pages().filter(pk=page.pk).exists()


def publish_event(page, revision):
    # Wagtail clears `approved_go_live_at` in the database only: the revision the scheduler
    # loaded still has it, which tells a go-live from an editor's publish (decision 0102).
    if revision.approved_go_live_at is not None:
        return events.PAGE_SCHEDULED_PUBLISHED
    if page.locale_id != Locale.get_default().pk and page.get_translations().exists():
        return events.PAGE_TRANSLATION_PUBLISHED
    return events.PAGE_PUBLISHED


def public_page(page, **kwargs):
    return events.page_subject(page, **kwargs) if is_public(page) else None


def on_page_published(sender, instance, revision, **kwargs):
    emit(
        publish_event(instance, revision),
        partial(public_page, instance, revision_id=revision.pk),
    )


def on_page_unpublished(sender, instance, **kwargs):
    event = events.PAGE_EXPIRED if instance.expired else events.PAGE_UNPUBLISHED
    emit(event, partial(unrestricted_page, instance))


def unrestricted_page(page):
    """The page's last public facts, if no view restriction hid it while it was live.

    Wagtail also unpublishes a page it is about to delete, without saving it: the database
    still says live, and page.deleted tells that story.
    """
    if Page.objects.filter(pk=page.pk, live=True).exists():
        return None
    restricted = page.get_view_restrictions().exists()
    return None if restricted else events.page_subject(page)


def on_page_deleted(sender, instance, **kwargs):
    emit(events.PAGE_DELETED, partial(public_page, instance))


def on_page_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    if url_path_before != url_path_after:
        before = copy.copy(instance)
        before.url_path = url_path_before
        emit(events.PAGE_MOVED, partial(moved_page, instance, before))


def on_slug_changed(sender, instance, instance_before, **kwargs):
    emit(events.PAGE_MOVED, partial(moved_page, instance, instance_before))


def moved_page(page, before):
    return public_page(page, previous_url=before.get_full_url())


def on_object_changed(event, sender, instance, raw=False, created=False, update_fields=None, **kw):
    """A save or delete of a public object. A person's draft, or a person not live, makes no
    event; their publish saves them live (one event), their unpublish is `on_object_unpublished`."""
    if (
        raw
        or is_draft_save(instance, created, update_fields)
        or not getattr(instance, "live", True)
    ):
        return
    emit(event, partial(events.object_subject, instance))


def on_object_unpublished(event, sender, instance, **kwargs):
    emit(event, partial(events.object_subject, instance))


def connect():
    page_published.connect(on_page_published, dispatch_uid="webhooks")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="webhooks")
    pre_delete.connect(on_page_deleted, sender=Page, dispatch_uid="webhooks")
    post_page_move.connect(on_page_moved, dispatch_uid="webhooks")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="webhooks")
    for model, event in [
        (get_image_model(), events.IMAGE_CHANGED),
        (Person, events.SNIPPET_CHANGED),
        (Theme, events.SNIPPET_CHANGED),
    ]:
        receiver = partial(on_object_changed, event)
        uid = f"webhooks:{model._meta.label_lower}"
        post_save.connect(receiver, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(receiver, sender=model, dispatch_uid=uid, weak=False)
    unpublished.connect(
        partial(on_object_unpublished, events.SNIPPET_CHANGED),
        sender=Person,
        dispatch_uid="webhooks:people.person",
        weak=False,
    )
