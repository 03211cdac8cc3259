"""
The public iCalendar URLs: the programs feed (all languages' default at /programs/calendar.ics,
each language's at /<language>/programs/calendar.ics) and one .ics per program. Cached and
validated with ETags like the API (citynet/api/caching.py).
"""

from django.db.models import Exists, OuterRef, Prefetch
from django.db.models.functions import Substr
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page, Site

from citynet.core.filters import narrowed
from citynet.delivery.tags import listing_tags
from citynet.i18n.languages import fallback_chain
from citynet.i18n.links import in_language_below
from citynet.visibility import publicly_visible

from .calendar import calendar, feed_programs, program_event
from .models import ProgramIndexPage, ProgramPage, ProgramPartner


def with_organisers(programs):
    partners = publicly_visible(Page.objects).values("pk")
    links = (
        ProgramPartner.objects.filter(partner__in=partners)
        .select_related("partner")
        .order_by("sort_order")
    )
    return programs.select_related("locale").prefetch_related(
        Prefetch("partner_links", queryset=links)
    )


def organisers(program, request):
    """(partner, its URL) for the program's live partners, organisers before co-organisers."""
    links = sorted(
        program.partner_links.all(), key=lambda link: link.role != ProgramPartner.Role.ORGANISER
    )
    return [(link.partner, link.partner.get_full_url(request)) for link in links]


def ics_response(cal, filename):
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def events_of(programs, request):
    stamp = timezone.now()
    return [
        program_event(program, program.get_full_url(request), organisers(program, request), stamp)
        for program in programs
    ]


def program_index_for(request, language_code):
    """
    The live program index of the request's site in that language, or in the nearest language
    of its fallback chain that has one.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    chain = fallback_chain(language_code)
    # Each language's tree hangs from its translation of the site's root page.
    roots = site.root_page.get_translations(inclusive=True).filter(locale__language_code__in=chain)
    indexes = (
        publicly_visible(ProgramIndexPage.objects)
        .filter(Exists(roots.filter(path=Substr(OuterRef("path"), 1, len(site.root_page.path)))))
        .select_related("locale")
        .order_by("path")
    )
    index = min(indexes, key=lambda index: chain.index(index.locale.language_code), default=None)
    if index is None:
        raise Http404
    return index, site


# The index's filters (ProgramFilterForm), so that its "subscribe" link gives the same selection.
FEED_FILTERS = ("kind", "theme", "country", "year")


def parse_filters(params):
    """The feed's filters, parsed as the page type declares them; a bad one is a ValueError."""
    unknown = set(params) - set(FEED_FILTERS)
    if unknown:
        raise ValueError(f"unknown parameter: {', '.join(sorted(unknown))}")
    filters = {}
    for name in FEED_FILTERS:
        if value := params.get(name):
            try:
                filters[name] = ProgramPage.listing_filters[name].parse(value)
            except ValueError as error:
                raise ValueError(f"{name} {error}") from error
    return filters


def feed_tags(request, response):
    """A feed lists programs: a program published anywhere may join it."""
    return listing_tags([ProgramPage])


@require_safe
def calendar_feed(request, localised=True):
    """
    Upcoming, ongoing and recent event programs, filtered like the index. Without a language
    prefix in the URL, the default language's (not the reader's browser language).
    """
    language_code = translation.get_language() if localised else Locale.get_default().language_code
    with translation.override(language_code):
        return language_calendar_feed(request, language_code)


def language_calendar_feed(request, language_code):
    index, site = program_index_for(request, language_code)
    try:
        filters = parse_filters(request.GET)
    except ValueError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    programs = in_language_below(
        index, publicly_visible(ProgramPage.objects), language_code, children_only=True
    )
    programs = feed_programs(narrowed(programs, filters))
    programs = with_organisers(programs).order_by("start_date", "pk")
    name = f"{site.site_name or 'CityNet'}: {index.title}"
    return ics_response(calendar(name, events_of(programs, request)), "calendar.ics")


@require_safe
def program_calendar(request, page_id):
    """One program's .ics, to add it to a calendar or subscribe to its changes."""
    program = get_object_or_404(with_organisers(publicly_visible(ProgramPage.objects)), pk=page_id)
    if not program.is_event:
        raise Http404
    # Outside the language prefixes: the program's language, not the browser's.
    with translation.override(program.locale.language_code):
        cal = calendar(program.title, events_of([program], request))
    return ics_response(cal, f"{program.slug}.ics")
