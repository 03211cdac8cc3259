from django.urls import re_path
from wagtail import urls as wagtail_urls

from citynet.delivery.cache import cache_public_responses
from citynet.delivery.tags import html_page_tags

from .fallback import serve

# Wagtail's front-end URLs, its page view swapped for one that falls back along each
# language's chain instead of answering 404, and whose public pages are cached.
urlpatterns = [
    re_path(
        pattern.pattern.regex.pattern,
        cache_public_responses(serve, html_page_tags),
        name="wagtail_serve",
    )
    if getattr(pattern, "name", None) == "wagtail_serve"
    else pattern
    for pattern in wagtail_urls.urlpatterns
]
