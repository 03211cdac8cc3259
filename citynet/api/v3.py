"""
Wagtail's v3 API (a preview in 8.0) behind a guard that answers bad client input with a 4xx
problem document instead of a 500: out-of-range offsets, NUL characters, bodies that are not a
JSON object, bodies over the size limit. Unknown v3 URLs are JSON 404s, nothing a token reads is
kept by a cache (decision 0070), and refused tokens are throttled (decision 0072). Its OpenAPI
description says so, and is valid OpenAPI (decision 0160).
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


PROBLEM = {
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
}
GUARD_RESPONSES = {
    "400": "A bad parameter or body",
    "404": "Not found",
    "413": "The request body is too large",
    "429": "Too many refused tokens from this address or for this token",
}


def problem(description):
    return {
        "description": description,
        "content": {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        },
    }


def described(get_openapi_schema):
    """
    Wagtail's description of v3, with what the guard and the throttle answer, and valid: Wagtail
    declares its anonymous fallback as an HTTP scheme without a scheme, which OpenAPI refuses;
    OpenAPI says "authentication optional" with an empty security requirement instead.
    """

    @functools.wraps(get_openapi_schema)
    def get_schema(**kwargs):
        schema = get_openapi_schema(**kwargs)
        components = schema.setdefault("components", {})
        schemes = components.get("securitySchemes", {})
        anonymous = {name for name, scheme in schemes.items() if "scheme" not in scheme}
        for name in anonymous:
            del schemes[name]
        components.setdefault("schemas", {})["Problem"] = PROBLEM
        for operations in schema["paths"].values():
            for operation in operations.values():
                if "security" in operation:
                    operation["security"] = [
                        {} if anonymous.issuperset(requirement) else requirement
                        for requirement in operation["security"]
                    ]
                for status, description in GUARD_RESPONSES.items():
                    operation["responses"].setdefault(status, problem(description))
        return schema

    return get_schema


def guarded_urls(ninja_urls):
    """The v3 API's URL patterns, each view behind `guarded`."""
    patterns, app_name, namespace = ninja_urls
    for pattern in patterns:
        pattern.callback = guarded(throttle_api_tokens(pattern.callback))
    return patterns, app_name, namespace
