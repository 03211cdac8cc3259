"""
HTTP caching for the public API: every anonymous response goes through the response cache of
citynet/delivery/cache.py (ETag from the bytes, Last-Modified, cache tags, 304s); listings add
the tags of the types and locale they list. Authenticated responses are private.
"""

from django.utils.cache import patch_cache_control
from wagtail.api.v2.utils import page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet

from citynet.delivery.cache import public_response
from citynet.delivery.tags import about_tag, listing_tags


def is_private(request):
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated) or "authorization" in request.headers


def page_tags_for(request, response, view_class, kwargs):
    """A page detail is about its page; a listing lists the requested page types (or the
    endpoint's model) in its locale, and is about its items (tagged by the pages' listing view,
    which has them whatever `fields` leaves out)."""
    is_pages = issubclass(view_class, PagesAPIViewSet)
    if "pk" in kwargs:
        return {about_tag(kwargs["pk"])} if is_pages else set()
    return listing_tags_for(request, view_class, is_pages)


def listing_tags_for(request, view_class, is_pages):
    params = request.GET
    locale = None if params.get("fallback") == "true" else params.get("locale")
    if not is_pages:
        return listing_tags([view_class.model], locale)
    try:
        models = page_models_from_string(params["type"]) if "type" in params else []
    except (LookupError, ValueError):
        return set()  # answered 400, never stored
    return listing_tags(models, locale)


def cached_api_view(view):
    """Adds validators, cache tags and Cache-Control to a public API view and answers 304s."""

    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if is_private(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_store=True)
            return response
        response = public_response(
            request,
            lambda: view(request, *args, **kwargs),
            lambda request, response: page_tags_for(request, response, view.cls, kwargs),
        )
        if response.status_code not in (200, 304):
            patch_cache_control(response, no_cache=True)
        return response

    return wrapped
