from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from blog.feeds import ArticleFeed
from blog.models import ArticlePage
from citynet.delivery.cache import cache_public_responses
from citynet.delivery.tags import listing_tags
from citynet.i18n import urls as i18n_urls
from citynet.i18n.sitemap import MultilingualSitemap
from search import views as search_views

# The admin, the APIs, feeds and the sitemap live outside i18n_patterns: LocaleMiddleware must
# not turn their 404s into redirects to a language prefix.
urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("citynet.api.urls")),
    path(
        "sitemap.xml",
        cache_public_responses(sitemap, lambda *_: listing_tags([])),
        {"sitemaps": {"pages": MultilingualSitemap}},
        name="sitemap",
    ),
    path(
        "feeds/articles/",
        cache_public_responses(
            ArticleFeed(), lambda request, response: listing_tags([ArticlePage])
        ),
        name="article_feed",
    ),
    path("calendar/", include("citynet.editorial.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("", include(i18n_urls)),
)
