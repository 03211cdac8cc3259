from wagtail.api.v2.router import WagtailAPIRouter

from citynet.api.caching import cached_api_view
from citynet.api.pages import CityNetPagesAPIViewSet
from citynet.api.views import (
    CityNetDocumentsAPIViewSet,
    CityNetImagesAPIViewSet,
    PeopleAPIViewSet,
    ThemesAPIViewSet,
)


class CachedAPIRouter(WagtailAPIRouter):
    """Wagtail's router, with HTTP caching (ETag, 304, Cache-Control) on every endpoint."""

    def wrap_view(self, func):
        return cached_api_view(super().wrap_view(func))


api_router = CachedAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CityNetPagesAPIViewSet)
api_router.register_endpoint("images", CityNetImagesAPIViewSet)
api_router.register_endpoint("documents", CityNetDocumentsAPIViewSet)
api_router.register_endpoint("people", PeopleAPIViewSet)
api_router.register_endpoint("themes", ThemesAPIViewSet)
