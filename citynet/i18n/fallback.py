"""
A reader who opens a page in a language it is not written in is shown the nearest translation
along that language's fallback chain (settings.LOCALE_FALLBACKS) at the address they opened,
inside an interface in their language, with a notice naming the language of the text, instead
of a 404 (decision 0165).
"""

from django.http import Http404, HttpResponse
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page, Site

from .languages import fallback_chain


def nearest_route(request, path, language_code):
    """Wagtail's route of `path` in the first language along the chain that has it, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    chain = fallback_chain(language_code)
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
                return roots[code].specific.route(request, path_components)
            except Http404:
                continue
    return None


def serve(request, path):
    """Wagtail's page view, falling back along the chain when the page is not in this language."""
    language_code = translation.get_language()
    # What the page's context and links follow (citynet/i18n/pages.py): the language of the
    # address, which a fallback page does not share.
    request.reader_language = language_code
    route = Page.route_for_request(request, path)
    # Without a home page in this language, Wagtail routes through the default language's tree.
    if route is None or route.page.locale.language_code != language_code:
        route = nearest_route(request, path, language_code)
        if route is None:
            raise Http404
    page, args, kwargs = route
    # As wagtail.views.serve does with the route it finds: the page-serving hooks, then serve.
    serve_chain = serve_page
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        serve_chain = wrap(serve_chain)
    for before_serve in hooks.get_hooks("before_serve_page"):
        result = before_serve(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    response = serve_chain(page, request, args, kwargs)
    # LocaleMiddleware would name the interface's language; the header names the text's.
    response.headers["Content-Language"] = page.locale.language_code
    return response


def serve_page(page, request, args, kwargs):
    return page.serve(request, *args, **kwargs)
