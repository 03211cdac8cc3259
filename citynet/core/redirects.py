"""Wagtail's redirects, followed only where the reader may go (decision 0410)."""

from urllib.parse import urlparse

from django import http
from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from citynet.visibility import publicly_visible


class PublicRedirectMiddleware(RedirectMiddleware):
    """
    Wagtail's redirects middleware, except that a missing address stays a 404 when its redirect
    names a page the public may not see (a draft, an expired or private page): the redirect
    told anyone a private page's new address, and led to nothing but another refusal. Nor does
    a redirect lead back to the address asked for: an article renamed and renamed back keeps a
    redirect from its own address, which looped once the article expired.
    """

    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        # As Wagtail's: the path as asked for, with its query string, then without.
        path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
        redirect = get_redirect(request, path) or get_redirect(request, urlparse(path).path)
        if redirect is None or not leads_elsewhere(redirect, request):
            return response
        if redirect.is_permanent:
            return http.HttpResponsePermanentRedirect(redirect.link)
        return http.HttpResponseRedirect(redirect.link)


def leads_elsewhere(redirect, request):
    """Whether following `redirect` reaches something other than this refusal."""
    if redirect.redirect_page_id is not None:
        pages = Page.objects.filter(pk=redirect.redirect_page_id)
        if not publicly_visible(pages).exists():
            return False
    link = redirect.link
    return link is not None and urlparse(link).path != request.path
