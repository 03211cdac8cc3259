"""
Wagtail's v3 API (a preview in 8.0) behind a guard that answers bad client input with a 4xx
problem document instead of a 500: out-of-range offsets, NUL characters, repeated or zero
parameters, bodies that are not a JSON object (whatever their Content-Type), bodies over the
size limit. A refused token is a 401, never an anonymous read (decision 0267). Unknown v3 URLs
are JSON 404s, nothing a token reads is kept by a cache (decision 0070), refused tokens are
throttled (decision 0072), and a write answered with an error changes nothing (decision 0150).
Anonymous readers see what v2 and HTML show (decision 0150); a token adds what its user may
edit (decision 0260). Its OpenAPI description says so, and is valid OpenAPI (decision 0160).
"""

import functools
import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils.cache import patch_cache_control
from django_countries.fields import CountryField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import Page

from citynet.api import v3_references
from citynet.api.pages import public_pages
from citynet.api.pagination import MAX_OFFSET
from citynet.security.throttling import throttle_api_tokens
from citynet.wagtail_internals import api_problem, describe_in_v3_as, read_v3_pages_through

WRITE_METHODS = {"POST", "PUT", "PATCH"}
# v3's list parameters (`?type=a&type=b`, `?order=title&order=-id`): repeated with different
# values they mean several; every other parameter, or the same value twice, is ambiguous.
LIST_PARAMETERS = {"type", "order"}
# Wagtail's own v3 reads, kept by `install`: an anonymous reader's pages (`anonymous_pages`),
# or those a token's user may edit.
wagtail_pages = None


def anonymous_pages(request, model):
    """
    What an anonymous v3 reader may see: the one rule of v2, HTML, search and feeds
    (citynet/visibility.py, in the request's site). Wagtail's v3 reads it in place of its own
    public pages (`install`); a token's reads add the pages its user may edit (`readable_pages`).
    """
    try:
        # Through the (indexed) id, so that `?search=` can filter by it (as publicly_searchable).
        return model.objects.live().filter(pk__in=public_pages(request, model).values("pk"))
    except BadRequestError as error:  # a host name shared by several sites: v3 answers 400
        raise ValueError(str(error)) from error


def readable_pages(request, model=Page):
    """
    What a v3 reader may read (decision 0260): the public pages, and with a token also the pages
    its user may change or publish in the admin, drafts included. A draft (`?version=draft`)
    is its editors' only: asked for one, a token finds only the pages its user may edit.
    """
    pages = wagtail_pages(request, model)
    if not request.user.is_authenticated or request.GET.get("version") == "draft":
        return pages
    public = anonymous_pages(request, model)
    readable = Q(pk__in=pages.values("pk")) | Q(pk__in=public.values("pk"))
    return model.objects.filter(readable).select_related("content_type", "locale").order_by("pk")


def query_problem(request):
    for name, values in request.GET.lists():
        repeated = len(values) != len(set(values)) or name not in LIST_PARAMETERS
        if len(values) > 1 and repeated:
            return f"{name} is given more than once"
        for value in values:
            if "\x00" in value:
                return f"{name}: null characters are not allowed"
    limit = request.GET.get("limit", "")
    if limit.isdigit() and int(limit) == 0:
        return "limit must be at least 1"
    offset = request.GET.get("offset", "")
    if offset.isdigit() and (len(offset) > 9 or int(offset) > MAX_OFFSET):
        return f"offset cannot be higher than {MAX_OFFSET}"
    return None


def body_problem(request):
    """
    (status, detail) for a body the API cannot take, or None. Django Ninja reads any body that is
    not multipart as JSON, whatever its Content-Type: each is checked here.
    """
    if request.method not in WRITE_METHODS or request.content_type == "multipart/form-data":
        return None  # uploads are limited by Django's own upload handling
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    length = request.META.get("CONTENT_LENGTH") or "0"
    too_large = 413, f"the request body is larger than {limit} bytes"
    if limit is not None and length.isdigit() and int(length) > limit:
        return too_large
    try:
        body = json.loads(request.body or b"{}")
    except RequestDataTooBig:
        return too_large
    except ValueError:
        return 400, "the request body is not valid JSON"
    if not isinstance(body, dict):
        return 400, "the request body must be a JSON object"
    return None


def all_or_nothing(view, request, *args, **kwargs):
    """
    A write runs in one transaction, undone when its answer is an error: Wagtail saves and
    publishes before it validates the response, so a 422 could follow a change made.
    """
    if request.method not in WRITE_METHODS | {"DELETE"}:
        return view(request, *args, **kwargs)
    with transaction.atomic():
        response = view(request, *args, **kwargs)
        if response.status_code >= 400:
            transaction.set_rollback(True)
    return response


def private_if_authenticated(request, response):
    """A token may read drafts: neither the browser nor any shared cache may keep the answer."""
    if "authorization" in request.headers:
        patch_cache_control(response, private=True, no_store=True)
    return response


def refusing_bad_tokens(view):
    """
    A request that sends a token the API refuses (unknown, revoked, its user inactive, or not a
    bearer token) is a 401: Wagtail's public reads would answer it as anonymous, and a client
    with a mistyped or revoked token would silently read less than it should.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if "authorization" in request.headers and BearerTokenAuth()(request) is None:
            response = api_problem(401, "The bearer token was refused")
            response["WWW-Authenticate"] = 'Bearer error="invalid_token"'
            return response
        return view(request, *args, **kwargs)

    return wrapped


def guarded(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        problem = query_problem(request)
        if problem:
            response = api_problem(400, problem)
        elif problem := body_problem(request):
            response = api_problem(problem[0], problem[1])
        else:
            try:
                response = all_or_nothing(view, request, *args, **kwargs)
            except Http404:  # raised past Ninja's handlers (its root URL does): still JSON
                response = api_problem(404, "Not found")
        if response.status_code == 405 and "json" not in response.get("Content-Type", ""):
            # Ninja's 405 is Django's plain HttpResponseNotAllowed: say it as the API speaks.
            allowed = response["Allow"]
            response = api_problem(405, f"{request.method} is not allowed here; allowed: {allowed}")
            response["Allow"] = allowed
        # A 404 from the API stays a 404: see without_language_redirects (router.py).
        request.urlconf = "citynet.api.urls"
        return private_if_authenticated(request, response)

    return wrapped


def not_found(request, path=None):
    """Any URL under /api/v3/ that the API does not have."""
    request.urlconf = "citynet.api.urls"
    return private_if_authenticated(request, api_problem(404, "Not found"))


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

    Built once per process and address: Wagtail builds the 150 KB document from the code alone
    (no query) at every request, a quarter of a second idle and seconds on a busy server.
    """
    schemas = {}

    @functools.wraps(get_openapi_schema)
    def get_schema(*, path_prefix=None, path_params=None):
        address = (path_prefix, tuple(sorted((path_params or {}).items())))
        if address not in schemas:
            schemas[address] = describe(
                get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
            )
        return schemas[address]

    def describe(schema):
        components = schema.setdefault("components", {})
        schemes = components.get("securitySchemes", {})
        anonymous = {name for name, scheme in schemes.items() if "scheme" not in scheme}
        for name in anonymous:
            del schemes[name]
        components.setdefault("schemas", {})["Problem"] = PROBLEM
        for path, operations in schema["paths"].items():
            for operation in operations.values():
                if "security" in operation:
                    operation["security"] = [
                        {} if anonymous.issuperset(requirement) else requirement
                        for requirement in operation["security"]
                        # Redirects need a token (for_redirect_editors).
                        if "/redirects/" not in path or not anonymous.issuperset(requirement)
                    ]
                for status, description in GUARD_RESPONSES.items():
                    operation["responses"].setdefault(status, problem(description))
        return schema

    return get_schema


REDIRECT_PERMISSIONS = ("add", "change", "delete")


def for_redirect_editors(view):
    """
    Wagtail lists the site's redirects to anyone, with the page each leads to: a private page's
    new address, a draft's id. v3 shows them to the users who may manage redirects in the
    admin (decision 0410): without a token a 401, with another user's a 403. Runs after
    `refusing_bad_tokens`, which took the user from the token.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if "authorization" not in request.headers:
            response = api_problem(401, "Redirects need a bearer token")
            response["WWW-Authenticate"] = "Bearer"
            return response
        if not any(
            request.user.has_perm(f"wagtailredirects.{action}_redirect")
            for action in REDIRECT_PERMISSIONS
        ):
            return api_problem(403, "Only those who may manage redirects in the admin see them")
        return view(request, *args, **kwargs)

    return wrapped


def guarded_urls(ninja_urls):
    """The v3 API's URL patterns, each view behind `guarded`; redirects for their editors."""
    patterns, app_name, namespace = ninja_urls
    for pattern in patterns:
        view = pattern.callback
        if str(pattern.pattern).startswith("redirects/"):
            view = for_redirect_editors(view)
        pattern.callback = guarded(throttle_api_tokens(refusing_bad_tokens(view)))
    return patterns, app_name, namespace


def country_schema(generator, field):
    """A country is its ISO code in v3 as in v2 (Wagtail would fail validating a Country)."""
    name = field.name

    def resolve(obj):
        return getattr(obj, name).code or None

    return str | None, None, staticmethod(resolve)


def install():
    """
    What Wagtail's v3 takes from this site, set before its schemas and routers are built (the
    first import of `wagtail.api.v3.registry` and of its pages router): anonymous reads through
    `anonymous_pages`, every read through `readable_pages`, countries as codes, and writes that
    refer only to what exists (citynet/api/v3_references.py, decision 0275). All are private
    seams of a preview API (citynet/wagtail_internals.py, decisions 0051, 0150, 0260).
    """
    global wagtail_pages
    wagtail_pages = read_v3_pages_through(anonymous_pages, readable_pages)
    describe_in_v3_as(CountryField, country_schema)
    v3_references.install()
