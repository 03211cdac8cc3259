"""
HTTP caching for the public API. A response's ETag is derived from a content version that is
bumped whenever content changes, so a conditional request is answered 304 without touching the
database. The version also rolls over every max-age period, which bounds staleness for changes
no signal reports (a page reaching its expiry time, a program's status changing with the date,
another process with its own local cache).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from wagtail.images.models import AbstractRendition

VERSION_KEY = "citynet:api:content-version"
# Apps whose rows end up in API responses.
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


def content_version():
    """
    The time content last changed, as far as this cache knows; 0 until a change is seen, so
    that processes with their own local caches agree on ETags.
    """
    return cache.get(VERSION_KEY, 0.0)


def bump_content_version(sender, **kwargs):
    # Renditions are created while serving; they change no content.
    if sender._meta.app_label in CONTENT_APPS and not issubclass(sender, AbstractRendition):
        cache.set(VERSION_KEY, time.time(), None)


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(bump_content_version, dispatch_uid=f"citynet-api-{signal!r}")


def max_age():
    return max(settings.API_CACHE_MAX_AGE, 0)


def validators(request):
    """(etag, last_modified) for a public GET, computed without any query."""
    period = max(max_age(), 60)
    period_start = int(time.time()) // period * period
    version = max(content_version(), period_start)
    key = f"{version!r}|{request.get_full_path()}|{request.headers.get('Accept', '')}"
    return f'"{hashlib.sha1(key.encode()).hexdigest()}"', int(version)


def is_private(request):
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated) or "authorization" in request.headers


def cached_api_view(view):
    """Adds ETag, Last-Modified and Cache-Control to a public API view and answers 304s."""

    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if is_private(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_store=True)
            return response
        etag, last_modified = validators(request)
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            not_modified["ETag"] = etag
            patch_cache_control(not_modified, public=True, max_age=max_age())
            return not_modified
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            response["ETag"] = etag
            response["Last-Modified"] = http_date(last_modified)
            patch_cache_control(response, public=True, max_age=max_age())
        else:
            patch_cache_control(response, no_cache=True)
        return response

    return wrapped
