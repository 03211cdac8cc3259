from django.urls import path, re_path
from django.views.generic import RedirectView
from wagtail.api.v3.urls import api as api_v3

from citynet.api import v3
from citynet.api.openapi import openapi_view
from citynet.api.preview import preview_view
from citynet.api.router import api_router, not_found

api_v3.get_openapi_schema = v3.described(api_v3.get_openapi_schema)

urlpatterns = [
    path("v2/openapi.json", openapi_view, name="api_v2_openapi"),
    path("v2/preview/", preview_view(api_router), name="api_preview"),
    path("v2/", api_router.urls),
    # docs/api.md gives the docs' address without its slash, which Wagtail's URL has.
    path("v3/docs", RedirectView.as_view(pattern_name="wagtailapi_v3:openapi-view")),
    path("v3/", v3.guarded_urls(api_v3.urls)),
    re_path(r"^v3(?:/(?P<path>.*))?$", v3.not_found),
    # Any other URL under /api/ is a JSON 404, never the page tree's HTML (or a redirect to it).
    re_path(r"^(?P<path>.*)$", not_found),
]
