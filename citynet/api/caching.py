"""
HTTP caching for the public API: every anonymous response goes through the response cache of
citynet/delivery/cache.py (ETag from the bytes, Last-Modified, cache tags, 304s); listings add
the tags of the types and locale they list. Authenticated responses are private.
"""

from django.utils.cache import patch_cache_control
from wagtail.api.v2.utils import page_models_from_string

from citynet.delivery.cache import public_response
from citynet.delivery.tags import listing_tags


def is_private(request):
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated) or "authorization" in request.headers


def listing_tags_for(request, view_class):
    """Tags of a listing: the requested page types (or the endpoint's model) in its locale."""
    params = request.GET
    locale = None if params.get("fallback") == "true" else params.get("locale")
    model = getattr(view_class, "model", None)
    if model is not None and view_class.name != "pages":
        return listing_tags([model], locale)
    try:
        models = page_models_from_string(params["type"]) if "type" in params else []
    except (LookupError, ValueError):
        return set()  # answered 400, never stored
    return listing_tags(models, locale)


def cached_api_view(view):
    """Adds validators, cache tags and Cache-Control to a public API view and answers 304s."""
    is_listing = getattr(view, "actions", {}).get("get") == "listing_view"

    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if is_private(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_store=True)
            return response
        tags_for = (lambda request, response: listing_tags_for(request, view.cls)) if is_listing else None
        response = public_response(request, lambda: view(request, *args, **kwargs), tags_for)
        if response.status_code not in (200, 304):
            patch_cache_control(response, no_cache=True)
        return response

    return wrapped
