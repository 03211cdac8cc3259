import functools

from django.http import JsonResponse
from wagtail.api.v2.router import WagtailAPIRouter

from citynet.api.caching import cached_api_view
from citynet.api.pages import CityNetPagesAPIViewSet
from citynet.api.views import (
    CityNetDocumentsAPIViewSet,
    CityNetImagesAPIViewSet,
    PeopleAPIViewSet,
    ThemesAPIViewSet,
)


def without_language_redirects(view):
    """
    LocaleMiddleware turns a 404 into a redirect to /en/<path> when that path would match,
    and Wagtail's catch-all page route matches everything. Pointing the request at the API's
    own URLconf (no language prefixes) keeps API 404s as 404s.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        request.urlconf = "citynet.api.urls"
        return response

    return wrapped


def not_found(request, path):
    """A URL under /api/ that no endpoint has: a 404 shaped like v2's other errors."""
    request.urlconf = "citynet.api.urls"
    return JsonResponse({"message": "not found"}, status=404)


class CachedAPIRouter(WagtailAPIRouter):
    """Wagtail's router, with HTTP caching (ETag, 304, Cache-Control) on every endpoint."""

    def wrap_view(self, func):
        return without_language_redirects(cached_api_view(super().wrap_view(func)))


api_router = CachedAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CityNetPagesAPIViewSet)
api_router.register_endpoint("images", CityNetImagesAPIViewSet)
api_router.register_endpoint("documents", CityNetDocumentsAPIViewSet)
api_router.register_endpoint("people", PeopleAPIViewSet)
api_router.register_endpoint("themes", ThemesAPIViewSet)
