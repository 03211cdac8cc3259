"""
HTTP caching for the public API. A response's ETag is derived from the content version
(citynet/core/caching.py), so a conditional request is answered 304 without touching the
database, and a full response comes from the shared response cache while content is unchanged.
"""

import hashlib

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from citynet.core.caching import cached_response, content_version


def max_age():
    return max(settings.API_CACHE_MAX_AGE, 0)


def validators(request, version):
    """(etag, last_modified) for a public GET at a content version, computed without any query."""
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
        version = content_version()  # one cache read serves the ETag and the response cache
        etag, last_modified = validators(request, version)
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            not_modified["ETag"] = etag
            patch_cache_control(not_modified, public=True, max_age=max_age())
            return not_modified
        response = cached_response(request, lambda: view(request, *args, **kwargs), version)
        if response.status_code == 200:
            response["ETag"] = etag
            response["Last-Modified"] = http_date(last_modified)
            patch_cache_control(response, public=True, max_age=max_age())
        else:
            patch_cache_control(response, no_cache=True)
        return response

    return wrapped
