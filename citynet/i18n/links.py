"""
Links between pages lead to the reader's language: a linked page is swapped for its public
translation nearest the reader's language along that language's fallback chain (the same
chain that routes a missing page), and stays as linked when it has none.

A restricted translation (password, login or group) hides the page rather than letting a
translation further along the chain stand in for it: restricted means hidden, on every surface.
"""

from django.db.models import Case, Exists, F, OuterRef, Q, When
from django.db.models.functions import Substr
from wagtail.models import Page

from citynet.visibility import NotExpired, UnderARestriction

from .languages import fallback_chain


def published(pages):
    """The pages of `pages` that exist for readers, restricted or not: live, not expired."""
    return pages.live().filter(NotExpired())


def nearest_public_translations(pages, linked, language_code):
    """
    [(linked page, page to show)] for the pages of `pages` (a page queryset) among `linked`
    (ids, or a query of ids), in the order of `pages`. The page to show is the linked page's
    published translation nearest `language_code`, or the linked page itself; a link is left
    out when that page is not public. One query.
    """
    rank = {code: position for position, code in enumerate(fallback_chain(language_code))}
    linked_keys = Page.objects.filter(pk__in=linked).values("translation_key")
    candidates = list(
        published(pages)
        .filter(
            Q(pk__in=linked)
            | Q(translation_key__in=linked_keys, locale__language_code__in=list(rank))
        )
        .annotate(
            language_code=F("locale__language_code"),
            is_linked=Case(When(pk__in=linked, then=True), default=False),
            is_restricted=UnderARestriction(),
        )
    )
    versions = {}
    for page in candidates:
        versions.setdefault(page.translation_key, []).append(page)
    found = [
        (
            page,
            min(
                versions[page.translation_key],
                key=lambda version: rank.get(version.language_code, len(rank)),
            ),
        )
        for page in candidates
        if page.is_linked
    ]
    return [(linked, shown) for linked, shown in found if not shown.is_restricted]


def in_nearest_language(language_code):
    """
    A filter for the pages in `language_code`, and for each page without a published version
    in it, its version in the nearest language along the language's fallback chain: what a
    reader of that language is shown of a listing, a feed or the API, once narrowed to the
    public pages (a restricted version is not replaced by a further one).
    """
    chain = fallback_chain(language_code)
    condition = Q()
    for position, code in enumerate(chain):
        nearer = published(Page.objects).filter(locale__language_code__in=chain[:position])
        condition |= Q(locale__language_code=code) & ~Q(
            translation_key__in=nearer.values("translation_key")
        )
    return condition


def in_language_below(page, pages, language_code, children_only=False):
    """
    `pages` (a queryset of one page type) below `page` or one of its translations, each once:
    in `language_code` or the nearest language of its fallback chain (in_nearest_language). A
    listing, a home page's sections and a feed show a reader this, so that no language has
    fewer items than its chain provides.
    """
    # Each language's tree mirrors the others: a translation of `page` has a path as long.
    ancestors = Page.objects.filter(
        translation_key=page.translation_key, path=Substr(OuterRef("path"), 1, len(page.path))
    )
    below = pages.filter(Exists(ancestors), depth__gt=page.depth)
    if children_only:
        below = below.filter(depth=page.depth + 1)
    return below.filter(in_nearest_language(language_code))
