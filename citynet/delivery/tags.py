"""
Cache tags: the names of what a response shows, collected while it is computed.

Every page, snippet, image and document instantiated while a response is computed adds its tag
(`page-12`, `people.person-3`, `images.customimage-7`), so a change to any of them finds every
response that showed it. A response about a page (its detail, its HTML, a listing item) adds
`about-12`: those show the page's translations and what points at it. Listings add the tag of
the type and locale they list (`list-blog.articlepage-en`, `list-wagtailcore.page-all`), so a
publish reaches the listings it may enter. Decision 0060.
"""

import contextvars
import functools
from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import post_init
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, TranslatableMixin

ALL_LOCALES = "all"
_collecting = contextvars.ContextVar("citynet_cache_tags", default=None)


class Collected:
    """What one response showed: its tags, the latest change and the earliest expiry in it."""

    def __init__(self):
        self.tags = set()
        self.changed_at = None
        self.expires_at = None

    def saw(self, instance):
        # Read from __dict__ only: a deferred field must not cost a query.
        changed, expires = (instance.__dict__.get(f) for f in ("last_published_at", "expire_at"))
        if changed is not None and (self.changed_at is None or changed > self.changed_at):
            self.changed_at = changed
        if expires is not None and (self.expires_at is None or expires < self.expires_at):
            self.expires_at = expires


@contextmanager
def collecting():
    collected = Collected()
    token = _collecting.set(collected)
    try:
        yield collected
    finally:
        _collecting.reset(token)


def add(*tags):
    collected = _collecting.get()
    if collected is not None:
        collected.tags.update(tags)


@functools.cache
def base_label(model):
    """The label objects of `model` are tagged with: the root of its inheritance chain."""
    parents = model._meta.get_parent_list()
    root = parents[-1] if parents else model
    return "page" if issubclass(root, Page) else root._meta.label_lower


def object_tag(model, pk):
    return f"{base_label(model)}-{pk}"


def about_tag(pk):
    """The responses about a page: its detail and HTML, listings naming it as an item. They show
    its translations and what points at it (a partner its articles), unlike mere mentions."""
    return f"about-{pk}"


def list_tag(model, locale_code=None):
    return f"list-{model._meta.label_lower}-{locale_code or ALL_LOCALES}"


def listing_tags(models, locale_code=None):
    """The tags of a listing of `models` (or of every page) in one locale or all."""
    return {list_tag(model, locale_code) for model in (models or [Page])}


def html_page_tags(request, response):
    """An HTML page is about its page; one that has subpages (home, the indexes) lists the
    pages of its locale."""
    page = (getattr(response, "context_data", None) or {}).get("page")
    if not isinstance(page, Page):
        return set()
    tags = {about_tag(page.pk)}
    if page.specific_class.allowed_subpage_models():
        tags |= listing_tags([], page.locale.language_code)
    return tags


def record_instance(sender, instance, **kwargs):
    collected = _collecting.get()
    if collected is None or instance.pk is None:
        return
    collected.tags.add(object_tag(sender, instance.pk))
    collected.saw(instance)


def tracked_models():
    """Pages, images, documents and translatable snippets (people, themes)."""
    content = (Page, AbstractImage, AbstractDocument, TranslatableMixin)
    return [model for model in apps.get_models() if issubclass(model, content)]


def connect_signals():
    for model in tracked_models():
        post_init.connect(record_instance, sender=model, dispatch_uid=f"citynet-tags-{model}")
