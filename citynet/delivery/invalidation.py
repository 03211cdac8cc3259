"""
What a change invalidates (decision 0060).

A publish, unpublish, move or delete of a page touches: its own tag (every response showing
it); the responses about its translations (their language lists and fallbacks show it), about
the pages it points at (a partner lists its articles) and about the pages and snippets that
point at it (Wagtail's ReferenceIndex, plus the references its new content makes); the listings
of its type and every parent type, in its locale and in all. A change to a snippet, image or
document touches its own tag and what refers to it. Scheduled go-lives and expiries publish and
unpublish through Wagtail, so they arrive here too.

The response cache and the page snapshots (citynet/delivery/snapshots.py) are invalidated at
once and again when the transaction commits (a request computed meanwhile read the old rows);
CDN purges are queued after the commit (citynet/delivery/purge.py).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail import signals as wagtail_signals
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_unpublished, post_page_move

from citynet.delivery import cache as response_cache
from citynet.delivery import snapshots
from citynet.delivery import tags as cache_tags

# Fields editors change while working on drafts: nothing readers see.
DRAFT_FIELDS = {
    "comments",
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}
SITES_TAG = "sites"


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
            # A private method; tests/delivery/test_invalidation.py fails if it changes.
            extracted = ReferenceIndex._extract_references_from_object(obj)
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
    """Drop every cached response showing `tags`, now and after the commit, and purge the CDN."""
    from citynet.delivery.purge import purge_after_commit

    forget(tags)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: forget(tags))
    purge_after_commit(tags)


def forget(tags):
    # The versions first: a snapshot read or built meanwhile sees them and is not kept.
    response_cache.invalidate(tags)
    snapshots.invalidate(tags)


def page_changed(sender, instance, **kwargs):
    invalidate(page_tags(instance))


def page_published(sender, instance, **kwargs):
    invalidate(page_tags(instance))
    snapshots.build_after_publish(instance)


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
            connect(wagtail_signals.page_published, page_published, model)
            connect(page_unpublished, page_changed, model)
            connect(post_page_move, page_moved, model)
            connect(post_save, page_saved, model)
            connect(post_delete, page_deleted, model)
        else:
            connect(post_save, object_changed, model)
            connect(post_delete, object_changed, model)
        for field in model._meta.local_many_to_many:
            connect(m2m_changed, relation_changed, field.remote_field.through)
    for signal in (post_save, post_delete):
        connect(signal, restriction_changed, PageViewRestriction)
        connect(signal, site_changed, Site)
