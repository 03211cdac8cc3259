from django.contrib.contenttypes.models import ContentType
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from citynet.core.pages import live_pages_by_id, main_navigation, paginate
from citynet.i18n.links import in_nearest_language
from citynet.visibility import publicly_searchable, publicly_visible

# The page types a visitor can narrow results to, by the name used in the URL.
SEARCHABLE_TYPES = {
    "article": ("blog", "articlepage", _("Articles")),
    "program": ("programs", "programpage", _("Programs")),
    "partner": ("partners", "partnerpage", _("Partners")),
}
# What a result is, by its page model; other pages (home, sections) are just pages.
RESULT_KINDS = {
    "articlepage": _("Article"),
    "programpage": _("Program"),
    "partnerpage": _("Partner"),
}
RESULTS_PER_PAGE = 10


def search(request):
    # NUL characters cannot reach PostgreSQL; nobody means to search for them.
    query = request.GET.get("q", "").replace("\x00", "").strip()
    page_type = request.GET.get("type", "")
    if page_type not in SEARCHABLE_TYPES:
        page_type = ""

    language_code = translation.get_language()
    results = Page.objects.none()
    if query:
        # The reader's language, and the pages it has no version of in the nearest language of
        # its fallback chain (a Thai reader finds the English pages).
        # (Search filters may name indexed fields only: `id`, not the chain's subqueries.)
        visible = publicly_visible(Page.objects)
        language = in_nearest_language(language_code)
        pages = (
            publicly_searchable(Page.objects)
            .specific()
            .filter(id__in=visible.filter(language).values("pk"))
        )
        if page_type:
            app_label, model, _label = SEARCHABLE_TYPES[page_type]
            content_type = ContentType.objects.get_by_natural_key(app_label, model)
            pages = pages.filter(content_type=content_type)
        results = pages.search(query)

    page = paginate(results, RESULTS_PER_PAGE, request.GET.get("page"))
    for result in page:
        result.kind_label = RESULT_KINDS.get(result.specific_class._meta.model_name, _("Page"))
    # The home page of the reader's language or the nearest of its chain, as on every page.
    root = Site.find_for_request(request).root_page
    home = live_pages_by_id(Page.objects.all(), [root.pk], language_code).get(root.pk, root)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_type": page_type,
            "search_types": [(key, label) for key, (_a, _m, label) in SEARCHABLE_TYPES.items()],
            "search_results": page,
            "home": home,
            "navigation": main_navigation(home, language_code),
        },
    )
