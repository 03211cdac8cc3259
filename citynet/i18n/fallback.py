"""
A reader who opens a page in a language it is not written in is sent to the nearest
translation along that language's fallback chain (settings.LOCALE_FALLBACKS), with a notice in
the language they asked for, instead of a 404.
"""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .languages import fallback_chain
from .pages import FALLBACK_PARAMETER


def nearest_translation(request, path, language_code):
    """The live page at `path` in the first language along the chain that has it, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    chain = fallback_chain(language_code)[1:]
    roots = {
        root.locale.language_code: root
        for root in site.root_page.get_translations(inclusive=True)
        .filter(locale__language_code__in=chain)
        .select_related("locale")
    }
    path_components = [component for component in path.split("/") if component]
    for code in chain:
        if code in roots:
            try:
                return roots[code].specific.route(request, path_components).page
            except Http404:
                continue
    return None


def serve(request, path):
    """Wagtail's page view, falling back along the chain when the page is not in this language."""
    language_code = translation.get_language()
    route = Page.route_for_request(request, path)
    # Without a home page in this language, Wagtail routes through the default language's tree.
    if route is None or route.page.locale.language_code != language_code:
        page = nearest_translation(request, path, language_code)
        if page is None:
            raise Http404
        query = urlencode({FALLBACK_PARAMETER: language_code})
        return redirect(f"{page.get_url(request)}?{query}")
    return wagtail_views.serve(request, path)
