import datetime
import xml.etree.ElementTree as ET

import pytest

from tests import factories
from tests.visitor import count_queries

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_feed_lists_live_articles_newest_first_with_authors(client, blog_index):
    older = factories.ArticlePageFactory(
        parent=blog_index, title="Colombo congress", date_published=datetime.date(2017, 11, 10)
    )
    newer = factories.ArticlePageFactory(
        parent=blog_index,
        title="Notes from WUF9",
        standfirst="The forum met in Kuala Lumpur.",
        date_published=datetime.date(2018, 2, 20),
    )
    factories.ArticleAuthorFactory(article=newer, person__name="Min-ji Park")
    draft = factories.ArticlePageFactory(parent=blog_index, title="Draft")
    draft.unpublish()

    response = client.get("/feeds/articles/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [newer.title, older.title]
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == f"http://localhost{newer.url}"
    assert first.findtext(f"{ATOM}summary") == "The forum met in Kuala Lumpur."
    assert first.findtext(f"{ATOM}author/{ATOM}name") == "Min-ji Park"
    assert first.findtext(f"{ATOM}published") == "2018-02-20T00:00:00+00:00"


@pytest.mark.parametrize("count", [3, 12])
def test_feed_queries_do_not_grow_with_articles(client, blog_index, count):
    for _ in range(count):
        factories.ArticleAuthorFactory(article__parent=blog_index)

    # A language's feed costs no more: its fallback chain is a subquery.
    assert count_queries(client, "/feeds/articles/") == 3
    assert count_queries(client, "/ko/feeds/articles/") == 3


def test_every_page_links_to_the_feed_in_its_readers_language(client, home_page):
    html = client.get("/en/").content.decode()

    assert 'type="application/atom+xml" title="CityNet articles" href="/en/feeds/articles/"' in html
