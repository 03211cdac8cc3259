"""
A reader who opens a page in a language it is not written in is shown the nearest translation
along that language's fallback chain (settings.LOCALE_FALLBACKS) at the address they opened,
inside an interface in their language, with a notice naming the language of the text, instead
of a 404 (decision 0165).
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page, Site, get_page_models
from wagtail.url_routing import RouteResult

from citynet.compiled import Argument, CompiledOnce, CompiledPage
from citynet.delivery.sites import cached_site
from citynet.visibility import UnrestrictedWithoutAliases, publicly_visible
from citynet.wagtail_internals import site_root_paths

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


def route_by_url_path(request, path, language_code):
    """
    The route Wagtail's would find, in two queries instead of two per URL segment: the live
    page whose url_path is the path below the root of this language's tree of the request's
    site. None when that does not decide it (no live page there, or a page type that routes
    on its own), and Wagtail's route does.
    """
    site = Site.find_for_request(request)
    if site is None or any(model.route is not Page.route for model in get_page_models()):
        return None
    roots = [
        root.root_path
        for root in site_root_paths(request)
        if root.site_id == site.pk and root.language_code == language_code
    ]
    if not roots:
        return None
    url_path = roots[0] + path
    # url_path has no index; the slug, its last segment, has: 0.03 ms instead of a scan of
    # every page (3.8 ms on a site of 10,000 articles).
    slug = url_path.rstrip("/").rsplit("/", 1)[-1]
    found = LIVE_PAGE_AT.run(slug=slug, url_path=url_path)
    if not found:
        return None
    [(pk, content_type_id)] = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    page = routed_page_query(model).run(pk)
    return RouteResult(page) if page else None


# A route's queries are compiled once per process (decision 0400): this one, then the page's.
LIVE_PAGE_AT = CompiledOnce(
    Page.objects.live()
    .filter(slug=Argument("slug", CharField()), url_path=Argument("url_path", CharField()))
    .order_by("path")
    .values_list("pk", "content_type_id")[:1]
)


@functools.cache
def routed_page_query(model):
    """
    The routed page with what its HTML shows along with it: its locale, social image and the
    relations it names in `routed_relations()` (citynet/core/pages.py).
    """
    image = [model.social_image_field] if getattr(model, "social_image_field", None) else []
    relations = model.routed_relations() if hasattr(model, "routed_relations") else []
    return CompiledPage(
        model.objects.select_related("locale", *image)
        .annotate(has_no_view_restrictions=UnrestrictedWithoutAliases())
        .prefetch_related(*relations)
    )


def serve(request, path):
    """Wagtail's page view, falling back along the chain when the page is not in this language."""
    language_code = translation.get_language()
    # What the page's context and links follow (citynet/i18n/pages.py): the language of the
    # address, which a fallback page does not share.
    request.reader_language = language_code
    cached_site(request)  # Wagtail's lookups below reuse it: no query for the site
    route = route_by_url_path(request, path, language_code) or Page.route_for_request(request, path)
    # Without a home page in this language, Wagtail routes through the default language's tree.
    if route is None or route.page.locale.language_code != language_code:
        route = nearest_route(request, path, language_code)
        if route is None:
            raise Http404
        # A translation in the reader's language under a slug of its own: send them there.
        own = publicly_visible(route.page.get_translations()).filter(
            locale__language_code=language_code
        )
        if (translated := own.first()) is not None:
            return HttpResponseRedirect(translated.get_url(request))
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


def at_readers_address(view):
    """
    A Wagtail view that shows a page outside `serve` (a wrong password's form), in the
    interface of its address's language as `serve` shows it, not in the page's.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        request.reader_language = translation.get_language()
        return view(request, *args, **kwargs)

    return wrapped


def serve_page(page, request, args, kwargs):
    return page.serve(request, *args, **kwargs)
