import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.visitor import count_queries, get_ok

pytestmark = pytest.mark.django_db


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def test_upcoming_programs_come_first_soonest_first_then_past_newest_first(client, program_index):
    def make(title, start):
        return factories.ProgramPageFactory(
            parent=program_index, title=title, start_date=start, end_date=start
        )

    make("Later forum", days_from_today(60))
    make("Sooner workshop", days_from_today(10))
    make("Congress 2017", datetime.date(2017, 11, 5))
    make("Forum 2018", datetime.date(2018, 2, 7))

    html = get_ok(client, program_index.url)

    order = ["Sooner workshop", "Later forum", "Forum 2018", "Congress 2017"]
    assert [html.index(title) for title in order] == sorted(html.index(t) for t in order)
    assert html.index("Later forum") < html.index('id="past-heading"') < html.index("Forum 2018")


def test_index_filters_by_kind_theme_country_and_year(client, program_index):
    workshop = factories.ProgramPageFactory(
        parent=program_index,
        title="Seoul water workshop",
        kind="workshop",
        country="KR",
        start_date=datetime.date(2019, 5, 1),
        end_date=datetime.date(2019, 5, 2),
    )
    forum = factories.ProgramPageFactory(
        parent=program_index,
        title="Kuala Lumpur forum",
        kind="forum",
        country="MY",
        start_date=datetime.date(2018, 2, 7),
        end_date=datetime.date(2018, 2, 13),
    )
    forum.themes.add(factories.ThemeFactory(slug="infrastructure"))
    forum.save()

    for query, shown, hidden in [
        ("kind=forum", forum, workshop),
        ("theme=infrastructure", forum, workshop),
        ("country=KR", workshop, forum),
        ("year=2018", forum, workshop),
    ]:
        html = get_ok(client, f"{program_index.url}?{query}")
        assert shown.title in html and hidden.title not in html, query


@pytest.mark.parametrize(
    "query", ["year=99999999999999999999", "year=²", "country=%00", "kind=party", "theme=x"]
)
def test_bad_filters_are_reported_and_ignored(client, program_index, query):
    program = factories.ProgramPageFactory(parent=program_index)

    html = get_ok(client, f"{program_index.url}?{query}")

    assert program.title in html
    assert "Some filters were not understood" in html


def test_past_programs_are_paginated_keeping_the_filters(client, program_index):
    for day in range(14):
        factories.ProgramPageFactory(
            parent=program_index,
            kind="forum",
            start_date=datetime.date(2018, 1, 1) + datetime.timedelta(days=day),
            end_date=datetime.date(2018, 1, 1) + datetime.timedelta(days=day),
        )

    html = get_ok(client, f"{program_index.url}?kind=forum")

    assert "Page 1 of 2" in html
    assert 'href="?kind=forum&amp;page=2"' in html


@pytest.mark.parametrize("count", [3, 12])
def test_index_queries_do_not_grow_with_programs(client, program_index, count):
    theme = factories.ThemeFactory()
    for n in range(count):
        for start in (days_from_today(10 + n), datetime.date(2018, 1, 1 + n)):
            program = factories.ProgramPageFactory(
                parent=program_index,
                start_date=start,
                end_date=start,
                hero_image=factories.ImageFactory(),
            )
            program.themes.add(theme)
            program.save()

    assert count_queries(client, program_index.url) == 15
