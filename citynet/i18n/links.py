"""
Links between pages lead to the reader's language: a linked page is swapped for its public
translation nearest the reader's language along that language's fallback chain (the same
chain that routes a missing page), and stays as linked when it has none.
"""

from django.db.models import Case, F, Q, When
from wagtail.models import Page

from citynet.editorial.visibility import publicly_visible

from .languages import fallback_chain


def nearest_public_translations(pages, linked, language_code):
    """
    [(linked page, page to show)] for the public pages of `pages` (a page queryset) among
    `linked` (ids, or a query of ids), in the order of `pages`. The page to show is the linked
    page's public translation nearest `language_code`, or the linked page itself. One query.
    """
    rank = {code: position for position, code in enumerate(fallback_chain(language_code))}
    linked_keys = Page.objects.filter(pk__in=linked).values("translation_key")
    candidates = list(
        publicly_visible(pages)
        .filter(
            Q(pk__in=linked)
            | Q(translation_key__in=linked_keys, locale__language_code__in=list(rank))
        )
        .annotate(
            language_code=F("locale__language_code"),
            is_linked=Case(When(pk__in=linked, then=True), default=False),
        )
    )
    versions = {}
    for page in candidates:
        versions.setdefault(page.translation_key, []).append(page)
    return [
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
