"""
Wagtail's v3 API (a preview in 8.0) behind a guard that answers bad client input with a 4xx
problem document instead of a 500: out-of-range offsets, NUL characters, bodies that are not a
JSON object, bodies over the size limit. Unknown v3 URLs are JSON 404s, nothing a token reads is
kept by a cache (decision 0070), and refused tokens are throttled (decision 0072).
"""

import functools
import json

from django.conf import settings
from django.utils.cache import patch_cache_control
from wagtail.api.v3.errors import problem_response

from citynet.api.pagination import MAX_OFFSET
from citynet.core.throttling import throttle_api_tokens

WRITE_METHODS = {"POST", "PUT", "PATCH"}


def query_problem(request):
    for name, values in request.GET.lists():
        for value in values:
            if "\x00" in value:
                return f"{name}: null characters are not allowed"
    offset = request.GET.get("offset", "")
    if offset.isdigit() and (len(offset) > 9 or int(offset) > MAX_OFFSET):
        return f"offset cannot be higher than {MAX_OFFSET}"
    return None


def body_problem(request):
    """(status, detail) for a body the API cannot take, or None."""
    if request.method not in WRITE_METHODS or request.content_type != "application/json":
        return None  # multipart uploads are limited by Django's own upload handling
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    length = request.META.get("CONTENT_LENGTH") or "0"
    if limit is not None and length.isdigit() and int(length) > limit:
        return 413, f"the request body is larger than {limit} bytes"
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        return 400, "the request body is not valid JSON"
    if not isinstance(body, dict):
        return 400, "the request body must be a JSON object"
    return None


def private_if_authenticated(request, response):
    """A token may read drafts: neither the browser nor any shared cache may keep the answer."""
    if "authorization" in request.headers:
        patch_cache_control(response, private=True, no_store=True)
    return response


def guarded(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        problem = query_problem(request)
        if problem:
            response = problem_response(status=400, detail=problem)
        elif problem := body_problem(request):
            response = problem_response(status=problem[0], detail=problem[1])
        else:
            response = view(request, *args, **kwargs)
        # A 404 from the API stays a 404: see without_language_redirects (router.py).
        request.urlconf = "citynet.api.urls"
        return private_if_authenticated(request, response)

    return wrapped


def not_found(request, path):
    """Any URL under /api/v3/ that the API does not have."""
    request.urlconf = "citynet.api.urls"
    return private_if_authenticated(request, problem_response(status=404, detail="Not found"))


def guarded_urls(ninja_urls):
    """The v3 API's URL patterns, each view behind `guarded`."""
    patterns, app_name, namespace = ninja_urls
    for pattern in patterns:
        pattern.callback = guarded(throttle_api_tokens(pattern.callback))
    return patterns, app_name, namespace
