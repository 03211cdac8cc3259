"""
What anonymous readers see, cached on the server until content changes.

Any save or delete in a content app bumps a content version; the API's ETags and the keys of
cached responses include it, so a publish shows at once and older entries are never read again.
The version also rolls over every period (API_CACHE_MAX_AGE, at least a minute), which bounds
staleness for changes no signal reports: expiry times passing, a program's status changing with
the date. Responses are cached only when RESPONSE_CACHE is on, which needs a cache every process
shares (decision 0026).
"""

import hashlib
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from wagtail.images.models import AbstractRendition
from wagtail.models import (
    BaseLogEntry,
    Comment,
    CommentReply,
    PageSubscription,
    ReferenceIndex,
    Revision,
    TaskState,
    WorkflowState,
)

VERSION_KEY = "citynet:content-version"
# Apps whose rows end up in pages and API responses.
CONTENT_APPS = {
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "images",
    "people",
    "taxonomy",
    "taggit",
    "home",
    "blog",
    "programs",
    "partners",
}


def cache_period():
    return max(settings.API_CACHE_MAX_AGE, 60)


def content_changed_at():
    """When content last changed as far as the cache knows; 0 until a change is seen."""
    return cache.get(VERSION_KEY, 0.0)


def content_version():
    """The time content last changed, or the start of the current period if that is later."""
    period = cache_period()
    period_start = int(time.time()) // period * period
    return max(content_changed_at(), period_start)


# Saved while editors work on drafts: none of it is public, so none of it empties the cache.
EDITORIAL_RECORDS = (
    Revision,
    BaseLogEntry,
    PageSubscription,
    WorkflowState,
    TaskState,
    Comment,
    CommentReply,
    ReferenceIndex,
    AbstractRendition,  # created while serving, from unchanged images
)
DRAFT_FIELDS = {
    "comments",
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
}


def bump_content_version(sender, update_fields=None, **kwargs):
    if sender._meta.app_label not in CONTENT_APPS or issubclass(sender, EDITORIAL_RECORDS):
        return
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return
    cache.set(VERSION_KEY, time.time(), None)


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(bump_content_version, dispatch_uid=f"citynet-content-{signal!r}")


def is_anonymous(request):
    """A reader without a session, messages or credentials sees what everyone sees."""
    return not (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or CookieStorage.cookie_name in request.COOKIES
        or "authorization" in request.headers
    )


def response_key(request, version):
    url = request.build_absolute_uri()
    key = f"{version!r}|{url}|{request.headers.get('Accept', '')}"
    return "citynet:response:" + hashlib.sha1(key.encode()).hexdigest()


def is_shareable(request, response):
    """A complete 200 that carries nothing of this reader's: no cookie, no CSRF token."""
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def cached_response(request, respond, version):
    """
    `respond()` for an anonymous GET, from the cache while content is at `version`
    (content_version(), read once by the caller).
    """
    if not (settings.RESPONSE_CACHE and request.method == "GET" and is_anonymous(request)):
        return respond()
    key = response_key(request, version)
    response = cache.get(key)
    if response is not None:
        return response
    response = respond()
    if hasattr(response, "render"):
        response.render()
    if is_shareable(request, response):
        stored = HttpResponse(response.content, status=200, headers=response.headers)
        # The copy is for readers without a session: say so to caches downstream too.
        patch_vary_headers(stored, ["Cookie"])
        cache.set(key, stored, cache_period())
    return response


def cache_public_responses(view):
    """Decorates a view whose anonymous GET responses may be shared (see cached_response)."""

    def wrapped(request, *args, **kwargs):
        return cached_response(request, lambda: view(request, *args, **kwargs), content_version())

    return wrapped
