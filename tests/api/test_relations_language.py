"""
Linked pages follow the reader in the API (issue 25): an article's programs and partners, a
home page's featured pages, are the public translation nearest the language asked for (or the
page's own), along its fallback chain, each with its own `locale`; Content-Language names the
language of the text served.
"""

import pytest
from wagtail.models import Locale, PageViewRestriction

from blog.models import ArticlePartner
from tests import factories
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db


def translate(page, language):
    translation = page.copy_for_translation(Locale.objects.get(language_code=language))
    translation.title = f"{page.title} ({language})"
    translation.save_revision().publish()
    return translation


@pytest.fixture
def linked(home_page, blog_index, program_index, partner_index):
    """An English article linking a program and a partner; Korean has all three, Simplified
    Chinese the program only, Thai nothing."""
    article = factories.ArticlePageFactory(parent=blog_index, title="Article")
    program = factories.ProgramPageFactory(parent=program_index, title="Program")
    partner = factories.PartnerPageFactory(parent=partner_index, title="Partner")
    factories.ArticleProgramFactory(article=article, program=program)
    factories.ArticlePartnerFactory(article=article, partner=partner)
    for index in (home_page, blog_index, program_index, partner_index):
        translate(index, "ko")
        translate(index, "zh-hans")
    korean = {
        name: translate(page, "ko")
        for name, page in {"article": article, "program": program, "partner": partner}.items()
    }
    simplified_program = translate(program, "zh-hans")
    return {
        "en": {"article": article, "program": program, "partner": partner},
        "ko": korean,
        "zh-hans": {"program": simplified_program},
    }


def relations(data):
    return [
        (item["id"], item["locale"], item["html_url"].split("/")[3])
        for item in data["related_programs"] + data["related_partners"]
    ]


def test_a_korean_detail_links_the_korean_translations(client, linked):
    response = client.get(f"/api/v2/pages/{linked['ko']['article'].pk}/")
    again = client.get(
        f"/api/v2/pages/{linked['ko']['article'].pk}/",
        headers={"If-None-Match": response["ETag"]},
    )

    assert response["Content-Language"] == "ko"
    assert (again.status_code, again["Content-Language"]) == (304, "ko")  # what a cache keeps
    assert relations(response.json()) == [
        (linked["ko"]["program"].pk, "ko", "ko"),
        (linked["ko"]["partner"].pk, "ko", "ko"),
    ]


@pytest.mark.parametrize(
    ("language", "program_language", "partner_language"),
    [("ko", "ko", "ko"), ("zh-hant", "zh-hans", "en"), ("th", "en", "en"), ("en", "en", "en")],
)
def test_a_listing_in_a_language_links_the_nearest_translations(
    client, linked, language, program_language, partner_language
):
    data = get_json(
        client,
        "/api/v2/pages/",
        type="blog.ArticlePage",
        locale=language,
        fallback="true",
        fields="related_programs,related_partners",
    )

    [item] = data["items"]
    assert relations(item) == [
        (linked[program_language]["program"].pk, program_language, program_language),
        (linked[partner_language]["partner"].pk, partner_language, partner_language),
    ]


def test_an_english_detail_stays_english_and_says_so(client, linked):
    response = client.get(f"/api/v2/pages/{linked['en']['article'].pk}/")

    assert response["Content-Language"] == "en"
    assert [locale for _id, locale, _prefix in relations(response.json())] == ["en", "en"]


def test_a_page_linked_from_several_translations_is_listed_once(client, linked):
    """The English and Korean articles both link the English partner: it lists the article once,
    in its own language."""
    partner = linked["en"]["partner"]
    assert ArticlePartner.objects.filter(partner=partner).count() == 2

    data = get_json(client, f"/api/v2/pages/{partner.pk}/")

    assert [item["id"] for item in data["articles"]] == [linked["en"]["article"].pk]


def summaries(items):
    return [(item["id"], item["locale"]) for item in items]


def test_a_translated_partner_lists_what_links_any_of_its_translations(client, linked):
    """The Korean article and program were translated from English ones that name the English
    partner: the Korean partner lists them all the same, in Korean, as its HTML does."""
    factories.ProgramPartnerFactory(
        program=linked["en"]["program"], partner=linked["en"]["partner"]
    )
    korean = linked["ko"]

    data = get_json(client, f"/api/v2/pages/{korean['partner'].pk}/")
    listing = get_json(
        client,
        "/api/v2/pages/",
        type="partners.PartnerPage",
        locale="ko",
        fields="programs,articles",
    )

    assert summaries(data["articles"]) == [(korean["article"].pk, "ko")]
    assert summaries(data["programs"]) == [(korean["program"].pk, "ko")]
    [item] = listing["items"]
    assert (item["programs"], item["articles"]) == (data["programs"], data["articles"])
    html = client.get(korean["partner"].url).content.decode()
    assert korean["article"].url in html and korean["program"].url in html


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def test_a_restricted_page_is_not_replaced_by_a_translation(
    client, linked, home_page, program_index
):
    """The English program is restricted; its Traditional Chinese translation, public, must not
    stand in for it on the English partner (HTML and API), nor in the English listing."""
    english = linked["en"]
    factories.ProgramPartnerFactory(program=english["program"], partner=english["partner"])
    translate(home_page, "zh-hant")
    translate(program_index, "zh-hant")
    chinese = translate(english["program"], "zh-hant")
    restrict(english["program"])

    data = get_json(client, f"/api/v2/pages/{english['partner'].pk}/")
    html = client.get(english["partner"].url).content.decode()
    listing = client.get(program_index.url).content.decode()
    article = get_json(client, f"/api/v2/pages/{english['article'].pk}/")

    assert data["programs"] == []
    assert chinese.title not in html and chinese.title not in listing
    assert article["related_programs"] == []


def test_a_listing_names_the_languages_of_its_items(client, linked):
    korean = client.get("/api/v2/pages/", {"type": "blog.ArticlePage", "locale": "ko"})
    chain = client.get(
        "/api/v2/pages/", {"type": "programs.ProgramPage", "locale": "th", "fallback": "true"}
    )

    assert korean["Content-Language"] == "ko"
    assert chain["Content-Language"] == "en"  # Thai falls back to English
