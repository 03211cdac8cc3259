from django.urls import re_path
from wagtail import urls as wagtail_urls

from citynet.core.caching import cache_public_responses
from citynet.core.throttling import throttle_page_passwords

from .fallback import serve

# Wagtail's front-end URLs, its page view swapped for one that falls back along each
# language's chain instead of answering 404, and whose public pages are cached; private-page
# password guesses are throttled (decision 0072).
WRAPPED = {
    "wagtail_serve": lambda view: cache_public_responses(serve),
    "wagtailcore_authenticate_with_password": throttle_page_passwords,
}
urlpatterns = [
    re_path(
        pattern.pattern.regex.pattern, WRAPPED[pattern.name](pattern.callback), name=pattern.name
    )
    if getattr(pattern, "name", None) in WRAPPED
    else pattern
    for pattern in wagtail_urls.urlpatterns
]
