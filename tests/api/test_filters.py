import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db


def titles(client, **params):
    return sorted(item["title"] for item in get_json(client, "/api/v2/pages/", **params)["items"])


def test_articles_by_tag_theme_author_and_date(client, make_article, themes):
    first = make_article(0, title="First")
    second = make_article(5, title="Second")
    second.tags.set(["water"])
    second.themes.set(themes[1:])
    second.save_revision().publish()
    author = first.authors.first().person

    assert titles(client, type="blog.ArticlePage", tag="energy") == ["First"]
    assert titles(client, type="blog.ArticlePage", tag="water") == ["Second"]
    assert titles(client, type="blog.ArticlePage", theme="climate") == ["First"]
    assert titles(client, type="blog.ArticlePage", theme="resilience") == ["First", "Second"]
    assert titles(client, type="blog.ArticlePage", author=str(author.pk)) == ["First"]
    assert titles(client, type="blog.ArticlePage", date_from="2025-01-03") == ["Second"]
    assert titles(client, type="blog.ArticlePage", date_to="2025-01-03") == ["First"]


def test_a_page_matching_twice_is_listed_once(client, make_article):
    make_article()

    data = get_json(client, "/api/v2/pages/", type="blog.ArticlePage", theme="climate")

    assert data["meta"]["total_count"] == 1


def test_programs_by_status_kind_country_theme_and_dates(client, program_index, themes):
    today = timezone.localdate()
    day = datetime.timedelta(days=1)

    def make(title, start, end, **kwargs):
        return factories.ProgramPageFactory(
            parent=program_index, title=title, start_date=start, end_date=end, **kwargs
        )

    make("Past", today - 10 * day, today - 8 * day, kind="forum", country="MY")
    make("Ongoing", today - day, today + day, kind="training", country="KR")
    upcoming = make("Upcoming", today + 8 * day, today + 9 * day, kind="workshop", country="KR")
    upcoming.themes.set(themes[:1])
    upcoming.save_revision().publish()

    assert titles(client, type="programs.ProgramPage", status="past") == ["Past"]
    assert titles(client, type="programs.ProgramPage", status="ongoing") == ["Ongoing"]
    assert titles(client, type="programs.ProgramPage", status="upcoming") == ["Upcoming"]
    assert titles(client, type="programs.ProgramPage", kind="forum") == ["Past"]
    assert titles(client, type="programs.ProgramPage", country="kr") == ["Ongoing", "Upcoming"]
    assert titles(client, type="programs.ProgramPage", theme="climate") == ["Upcoming"]
    assert titles(
        client, type="programs.ProgramPage", date_from=str(today), date_to=str(today + 8 * day)
    ) == ["Ongoing", "Upcoming"]


def test_partners_by_kind_and_country(client, partner_index):
    factories.PartnerPageFactory(parent=partner_index, title="Seoul", kind="member_city")
    factories.PartnerPageFactory(
        parent=partner_index, title="UN-Habitat", kind="international", country="KE"
    )

    assert titles(client, type="partners.PartnerPage", kind="member_city") == ["Seoul"]
    assert titles(client, type="partners.PartnerPage", country="KE") == ["UN-Habitat"]


def test_search_with_filters_and_ordering(client, make_article):
    make_article(0, title="Energy in Seoul")
    make_article(1, title="Water in Manila")

    assert titles(client, type="blog.ArticlePage", search="Manila") == ["Water in Manila"]
    assert titles(client, search="Seoul", type="blog.ArticlePage", theme="climate") == [
        "Energy in Seoul"
    ]
    data = get_json(client, "/api/v2/pages/", type="blog.ArticlePage", order="-date_published")
    assert [item["title"] for item in data["items"]] == ["Water in Manila", "Energy in Seoul"]


def test_pagination(client, make_article):
    for index in range(3):
        make_article(index)

    data = get_json(client, "/api/v2/pages/", type="blog.ArticlePage", limit=2, offset=2)

    assert data["meta"]["total_count"] == 3
    assert len(data["items"]) == 1


@pytest.mark.parametrize("order", [None, "-date_published", "title", "-id"])
def test_paging_through_a_listing_shows_every_page_once_in_order(client, make_article, order):
    for index, title in enumerate(["Delta", "Alpha", "Echo", "Charlie", "Bravo"]):
        make_article(index, title=title)
    params = {"type": "blog.ArticlePage", **({"order": order} if order else {})}

    whole = get_json(client, "/api/v2/pages/", **params)["items"]
    pages = [
        get_json(client, "/api/v2/pages/", **params, limit=2, offset=offset)["items"]
        for offset in (0, 2, 4)
    ]

    assert [len(page) for page in pages] == [2, 2, 1]
    assert [item["id"] for page in pages for item in page] == [item["id"] for item in whole]
    assert get_json(client, "/api/v2/pages/", **params, offset=5)["items"] == []


def test_locale_and_translation_of_work_as_in_wagtail(client, make_article):
    article = make_article()

    assert get_json(client, "/api/v2/pages/", locale="en")["meta"]["total_count"] > 0
    unknown = client.get("/api/v2/pages/", {"locale": "xx"})
    assert unknown.status_code == 400  # a bad parameter, as docs/api.md says
    assert "'xx' is not one of: en," in unknown.json()["message"]
    assert client.get("/api/v2/people/", {"locale": "xx"}).status_code == 400
    data = get_json(client, "/api/v2/pages/", translation_of=article.pk)
    assert data["meta"]["total_count"] == 0  # no translations yet
