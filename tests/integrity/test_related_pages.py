"""
Related pages are one rule on every surface (issue 30, decision 0245): for each state a linked
page can be in, a page's HTML, its v2 detail, a v2 listing and its v3 detail list the same pages,
in the same order and the same language, for English readers and for Korean ones (Korean falls
back to English). test_matrix.py asks whether each surface shows a page at all; this asks that
the lists agree, item for item, translations and order included.
"""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from home.models import HomePageFeaturedLink
from tests import factories
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db

# What a reader of each language is shown of a linked page in each state: its English or its
# Korean version, or nothing.
SHOWN = {
    "live": {"en": "en", "ko": "en"},  # not translated: Korean readers get the English page
    "translated": {"en": "en", "ko": "ko"},
    "draft": {"en": None, "ko": None},
    "expired": {"en": None, "ko": None},  # expire_at passed, no worker has unpublished it
    "restricted": {"en": None, "ko": None},  # its public Korean translation does not stand in
    "restricted_translation": {"en": "en", "ko": None},  # the Korean version is restricted
}
# A partner lists the pages that link to any of its translations: the public Korean translation
# of a restricted program names the partner itself, and Korean readers see it.
SHOWN_LINKING = {**SHOWN, "restricted": {"en": None, "ko": "ko"}}
FACTORIES = {
    "Program": factories.ProgramPageFactory,
    "Partner": factories.PartnerPageFactory,
    "Article": factories.ArticlePageFactory,
}
START = datetime.date(2026, 3, 1)


def translate(page):
    translation = page.copy_for_translation(Locale.objects.get(language_code="ko"))
    translation.title = f"{page.title} ko"
    translation.save_revision().publish()
    return translation


def linked_page(kind, state, index, parent):
    """A page of `kind` in `state`; the nth is the nth newest (dates grow with `index`)."""
    title = f"{kind} {state}"
    dates = {
        "Program": {"start_date": START + datetime.timedelta(days=index)},
        "Article": {"date_published": START + datetime.timedelta(days=index)},
        "Partner": {},
    }[kind]
    return FACTORIES[kind](
        parent=parent, title=title, slug=title.lower().replace(" ", "-"), live=state != "draft",
        **dates,
    )  # fmt: skip


def put_in_state(page, state):
    """After its links exist: a Korean translation copies them, as wagtail-localize does."""
    if state == "expired":
        page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        page.save(update_fields=["expire_at"])
    elif state in ("translated", "restricted", "restricted_translation"):
        korean = translate(page)
        restricted = {"restricted": page, "restricted_translation": korean}.get(state)
        if restricted is not None:
            PageViewRestriction.objects.create(page=restricted, restriction_type="login")


@pytest.fixture
def hubs(home_page, blog_index, program_index, partner_index):
    """
    In each language a home page, an article, a program and a partner that relate to a page
    of every state: the article names programs and partners, the program partners, the home
    page features articles (each in the editor's order, which is not the order they were made
    in); programs and articles name the partner (listed newest first). The Korean pages name
    the English ones, as a translation whose links were synchronised from English does.
    """
    korean_home = translate(home_page)
    for index in (blog_index, program_index, partner_index):
        translate(index)
    english = {
        "home": home_page,
        "article": factories.ArticlePageFactory(parent=blog_index, title="Hub article"),
        "program": factories.ProgramPageFactory(parent=program_index, title="Hub program"),
        "partner": factories.PartnerPageFactory(parent=partner_index, title="Hub partner"),
    }
    korean = {"home": korean_home} | {
        name: translate(page) for name, page in english.items() if name != "home"
    }
    parents = {"Program": program_index, "Partner": partner_index, "Article": blog_index}
    linked = {
        (kind, state): linked_page(kind, state, index, parents[kind])
        for kind in FACTORIES
        for index, state in enumerate(SHOWN)
    }
    # The editor's order is that of SHOWN; the links are made the other way round.
    for order, state in reversed(list(enumerate(SHOWN))):
        for hub in (english, korean):
            factories.ArticleProgramFactory(
                article=hub["article"], program=linked["Program", state], sort_order=order
            )
            factories.ArticlePartnerFactory(
                article=hub["article"], partner=linked["Partner", state], sort_order=order
            )
            factories.ProgramPartnerFactory(
                program=hub["program"], partner=linked["Partner", state], sort_order=order
            )
            HomePageFeaturedLink.objects.create(
                home_page=hub["home"], page=linked["Article", state], sort_order=order
            )
    for state in SHOWN:
        partner = english["partner"]
        factories.ProgramPartnerFactory(program=linked["Program", state], partner=partner)
        factories.ArticlePartnerFactory(article=linked["Article", state], partner=partner)
    for (_kind, state), page in linked.items():
        put_in_state(page, state)
    return {"en": english, "ko": korean}


def titles(kind, shown, language, newest_first):
    states = reversed(list(shown)) if newest_first else shown
    return [
        f"{kind} {state}" + (" ko" if shown[state][language] == "ko" else "")
        for state in states
        if shown[state][language]
    ]


EDITORS_ORDER, NEWEST_FIRST = False, True
# (hub, the HTML section listing the pages, [(API field, kind of page, who sees what, order)])
RELATIONS = [
    (
        "article",
        "related-heading",
        [
            ("related_programs", "Program", SHOWN, EDITORS_ORDER),
            ("related_partners", "Partner", SHOWN, EDITORS_ORDER),
        ],
    ),
    ("program", "partners-heading", [("partners", "Partner", SHOWN, EDITORS_ORDER)]),
    ("partner", "programs-heading", [("programs", "Program", SHOWN_LINKING, NEWEST_FIRST)]),
    ("partner", "articles-heading", [("articles", "Article", SHOWN_LINKING, NEWEST_FIRST)]),
    ("home", "featured-heading", [("featured_pages", "Article", SHOWN, EDITORS_ORDER)]),
]
LINK = re.compile(r'<a href="[^"]*">([^<]*)</a>')


def html(client, page, fields, section):
    content = client.get(page.url).content.decode()
    found = re.search(rf'aria-labelledby="{section}">(.*?)</section>', content, re.S)
    return LINK.findall(found.group(1)) if found else []


def listed(data, fields):
    return [item["title"] for field in fields for item in data[field]]


def v2_detail(client, page, fields, section):
    return listed(get_json(client, f"/api/v2/pages/{page.pk}/"), fields)


def v2_listing(client, page, fields, section):
    data = get_json(
        client,
        "/api/v2/pages/",
        type=page.specific_class._meta.label,
        locale=page.locale.language_code,
        fields=",".join(fields),
    )
    [item] = [item for item in data["items"] if item["id"] == page.pk]
    return listed(item, fields)


def v3_detail(client, page, fields, section):
    response = client.get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    return listed(response.json(), fields)


SURFACES = [html, v2_detail, v2_listing, v3_detail]


def test_every_surface_lists_the_same_related_pages_in_the_same_order(client, hubs):
    wrong = []
    for language, pages in hubs.items():
        for hub, section, relations in RELATIONS:
            fields = [field for field, *_rule in relations]
            expected = [
                title
                for _field, kind, shown, newest_first in relations
                for title in titles(kind, shown, language, newest_first)
            ]
            for surface in SURFACES:
                found = surface(client, pages[hub], fields, section)
                if found != expected:
                    wrong.append(f"{language} {hub} {fields} on {surface.__name__}: {found}")
    assert not wrong, "\n".join(wrong)
