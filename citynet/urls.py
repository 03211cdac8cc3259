import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve as static_serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import PasswordResetView
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from blog.feeds import ArticleFeed
from blog.models import ArticlePage
from citynet.delivery.cache import cache_public_responses
from citynet.delivery.tags import html_page_tags, listing_tags
from citynet.i18n.fallback import at_readers_address, serve
from citynet.i18n.sitemap import MultilingualSitemap
from citynet.security.throttling import throttle_page_passwords, throttle_password_resets
from programs import urls as program_urls
from search import views as search_views

# The admin, the APIs, feeds and the sitemap live outside i18n_patterns: LocaleMiddleware must
# not turn their 404s into redirects to a language prefix.
urlpatterns = [
    path("django-admin/", admin.site.urls),
    path(
        "admin/password_reset/",
        throttle_password_resets(PasswordResetView.as_view()),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("accounts/", include("allauth.urls")),  # readers' sign-in to comment (decision 0184)
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
    path("programs/", include(program_urls.urlpatterns)),
]

if settings.SERVE_MEDIA:  # development only (citynet/settings/dev.py)
    urlpatterns.append(
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            static_serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# Wagtail's front-end URLs, its page view swapped for one that falls back along each
# language's chain instead of answering 404, and whose public pages are cached; private-page
# password guesses are throttled (decision 0072).
WRAPPED = {
    "wagtail_serve": lambda view: cache_public_responses(serve, html_page_tags),
    "wagtailcore_authenticate_with_password": lambda view: throttle_page_passwords(
        at_readers_address(view)
    ),
}
page_urlpatterns = [
    re_path(
        pattern.pattern.regex.pattern, WRAPPED[pattern.name](pattern.callback), name=pattern.name
    )
    if getattr(pattern, "name", None) in WRAPPED
    else pattern
    for pattern in wagtail_urls.urlpatterns
]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path(
        "feeds/articles/",
        cache_public_responses(
            ArticleFeed(localised=True), lambda request, response: listing_tags([ArticlePage])
        ),
        name="language_article_feed",
    ),
    path("programs/", include(program_urls.localised_urlpatterns)),
    path("comments/", include("comments.urls")),
    *page_urlpatterns,
)
