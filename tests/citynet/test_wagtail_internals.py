"""
The two private Wagtail and Django methods the project overrides or calls (decision 0051).
If an upgrade changes them, these fail before the sitemap or the API silently changes.
"""

import inspect

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.contrib.sitemaps import Sitemap

from citynet.i18n.sitemap import MultilingualSitemap


def parameters(function):
    return list(inspect.signature(function).parameters)


def test_sitemaps_still_build_their_entries_in_urls():
    assert "self._urls(page, protocol, domain)" in inspect.getsource(DjangoSitemap.get_urls)
    assert parameters(Sitemap._urls) == ["self", "page", "protocol", "domain"]
    assert parameters(MultilingualSitemap._urls) == parameters(Sitemap._urls)


def test_the_pages_api_still_builds_serializers_in_get_serializer_class():
    assert parameters(PagesAPIViewSet._get_serializer_class)[:4] == [
        "router",
        "model",
        "fields_config",
        "show_details",
    ]
    assert "self._get_serializer_class(" in inspect.getsource(PagesAPIViewSet.get_serializer_class)
