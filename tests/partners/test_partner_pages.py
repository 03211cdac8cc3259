import datetime

import pytest

from tests import factories
from tests.visitor import count_queries, get_ok

pytestmark = pytest.mark.django_db


def test_partner_profile_shows_logo_facts_programs_and_articles(
    client, partner_index, program_index, blog_index
):
    logo = factories.ImageFactory(description="Logo of UN-Habitat")
    partner = factories.PartnerPageFactory(
        parent=partner_index,
        title="United Nations Human Settlements Programme",
        acronym="UN-Habitat",
        kind="international",
        country="KE",
        city="Nairobi",
        website="https://unhabitat.org/",
        member_since=1999,
        logo=logo,
        description="<p>Convenes the World Urban Forum.</p>",
        contact_email="info@example.org",
    )
    forum = factories.ProgramPageFactory(
        parent=program_index,
        title="Ninth World Urban Forum",
        start_date=datetime.date(2018, 2, 7),
        end_date=datetime.date(2018, 2, 13),
    )
    draft_program = factories.ProgramPageFactory(parent=program_index, title="Draft program")
    draft_program.unpublish()
    factories.ProgramPartnerFactory(program=forum, partner=partner)
    factories.ProgramPartnerFactory(program=draft_program, partner=partner)
    article = factories.ArticlePageFactory(parent=blog_index, title="Notes from WUF9")
    factories.ArticlePartnerFactory(article=article, partner=partner)

    html = get_ok(client, partner.url)

    assert html.count("<h1") == 1
    assert 'alt="Logo of UN-Habitat"' in html
    assert "(UN-Habitat)" in html
    assert "International organisation" in html
    assert "Nairobi, Kenya" in html
    assert "<dd>1999</dd>" in html
    assert 'href="https://unhabitat.org/"' in html
    assert "mailto:info@example.org" in html
    assert "Convenes the World Urban Forum." in html
    assert "Ninth World Urban Forum" in html and "Draft program" not in html
    assert "Notes from WUF9" in html


def test_index_filters_by_kind_and_country_and_reports_bad_values(client, partner_index):
    city = factories.PartnerPageFactory(
        parent=partner_index, title="City of Yokohama", kind="member_city", country="JP"
    )
    chapter = factories.PartnerPageFactory(
        parent=partner_index, title="Indonesia chapter", kind="national_chapter", country="ID"
    )

    by_kind = get_ok(client, f"{partner_index.url}?kind=member_city")
    by_country = get_ok(client, f"{partner_index.url}?country=ID")
    bad = get_ok(client, f"{partner_index.url}?country=%00&kind=x")

    assert city.title in by_kind and chapter.title not in by_kind
    assert chapter.title in by_country and city.title not in by_country
    assert "Some filters were not understood" in bad and city.title in bad


def test_index_paginates_keeping_the_filters(client, partner_index):
    for _ in range(25):
        factories.PartnerPageFactory(parent=partner_index, kind="member_city")

    html = get_ok(client, f"{partner_index.url}?kind=member_city")

    assert 'href="?kind=member_city&amp;page=2"' in html


@pytest.mark.parametrize("count", [3, 12])
def test_index_queries_do_not_grow_with_partners(client, partner_index, count):
    for _ in range(count):
        factories.PartnerPageFactory(parent=partner_index, logo=factories.ImageFactory())

    assert count_queries(client, partner_index.url) == 9


@pytest.mark.parametrize("count", [1, 6])
def test_profile_queries_do_not_grow_with_programs_and_articles(
    client, partner_index, program_index, blog_index, count
):
    partner = factories.PartnerPageFactory(parent=partner_index, logo=factories.ImageFactory())
    for _ in range(count):
        program = factories.ProgramPageFactory(parent=program_index)
        factories.ProgramPartnerFactory(program=program, partner=partner)
        article = factories.ArticlePageFactory(parent=blog_index)
        factories.ArticlePartnerFactory(article=article, partner=partner)

    # The logo comes with the page (its social image).
    assert count_queries(client, partner.url) == 8
