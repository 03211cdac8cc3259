"""
Every configured language has the listings, home page sections and feeds its fallback chain
provides (issue 25): a Korean reader sees the Korean pages, and the English ones that have no
Korean version, linked at Korean addresses; a Thai reader, with no Thai page at all, the
English ones.
"""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from icalendar import Calendar
from wagtail.models import Locale

from blog.models import BlogIndexPage
from programs.models import ProgramIndexPage
from tests import factories

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def translate(page, language, title):
    translation = page.copy_for_translation(Locale.objects.get(language_code=language))
    translation.title = title
    translation.save_revision().publish()
    return translation


@pytest.fixture
def pages(home_page, blog_index, program_index):
    """Two articles and two workshops in English; Korean has its home, sections, one of each."""
    english = {
        "articles": [
            factories.ArticlePageFactory(parent=blog_index, slug=slug, title=slug.title())
            for slug in ("river", "harbour")
        ],
        "programs": [
            factories.ProgramPageFactory(parent=program_index, slug=slug, title=slug.title())
            for slug in ("flood", "transit")
        ],
    }
    for page in (home_page, blog_index, program_index):
        translate(page, "ko", f"{page.title} (ko)")
    translate(english["articles"][0], "ko", "강변")
    translate(english["programs"][0], "ko", "홍수")
    return english


def card_links(client, url, selector):
    soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    return {link.get_text(strip=True): link["href"] for link in soup.select(selector)}


@pytest.mark.parametrize(
    ("language", "titles"),
    [
        ("ko", {"강변", "Harbour", "홍수", "Transit"}),
        ("th", {"River", "Harbour", "Flood", "Transit"}),
    ],
)
def test_the_home_page_shows_what_the_languages_chain_provides(client, pages, language, titles):
    links = card_links(client, f"/{language}/", ".card__title a")

    assert set(links) == titles
    assert all(url.startswith(f"/{language}/") for url in links.values()), links


@pytest.mark.parametrize("language", ["ko", "th"])
def test_the_listings_show_what_the_languages_chain_provides(client, pages, language):
    articles = card_links(client, f"/{language}/blog/", ".card__title a")
    programs = card_links(client, f"/{language}/programs/", ".card__title a")

    assert len(articles) == 2 and len(programs) == 2
    assert all(url.startswith(f"/{language}/") for url in [*articles.values(), *programs.values()])


@pytest.mark.parametrize(
    ("language", "titles"), [("ko", ["홍수", "Transit"]), ("th", ["Flood", "Transit"])]
)
def test_every_language_has_a_calendar_feed_with_its_chains_events(client, pages, language, titles):
    response = client.get(f"/{language}/programs/calendar.ics")

    assert response.status_code == 200
    cal = Calendar.from_ical(response.content)
    assert sorted(str(event["SUMMARY"]) for event in cal.walk("VEVENT")) == sorted(titles)


@pytest.mark.parametrize(
    ("language", "titles"), [("ko", ["강변", "Harbour"]), ("th", ["River", "Harbour"])]
)
def test_every_language_has_an_article_feed_with_its_chains_articles(
    client, pages, language, titles
):
    response = client.get(f"/{language}/feeds/articles/")

    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert sorted(entry.findtext(f"{ATOM}title") for entry in entries) == sorted(titles)
    assert feed.find(f"{ATOM}link").get("href").endswith(f"/{language}/")


def test_the_home_page_names_the_site_once_in_its_title(client, home_page, site):
    site.site_name = "CityNet"
    site.save()
    home_page.title = "CityNet"
    home_page.save_revision().publish()

    assert "<title>CityNet</title>" in client.get("/en/").content.decode()


@pytest.mark.parametrize(
    ("language", "query", "title"), [("ko", "강변", "강변"), ("th", "River", "River")]
)
def test_search_finds_what_the_languages_chain_provides(client, pages, language, query, title):
    links = card_links(client, f"/{language}/search/?q={query}", ".search-result h3 a")

    assert list(links) == [title]
    assert links[title].startswith(f"/{language}/")


def menu_and_breadcrumbs(client, url):
    soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    return [
        [(link.get_text(strip=True), link["href"]) for link in soup.select(selector)]
        for selector in (".main-nav a", ".breadcrumbs a")
    ]


def test_a_reader_of_an_untranslated_section_is_shown_its_name_in_their_language(
    client, pages, home_page, blog_index, program_index
):
    """Thai has no sections: the menu and breadcrumbs name them with the interface's words,
    not their English titles, and lead to Thai addresses; the article's title stays its own.
    Korean has its sections: their Korean titles."""
    with translation.override("th"):
        articles, programs = str(BlogIndexPage.menu_label), str(ProgramIndexPage.menu_label)

    menu, breadcrumbs = menu_and_breadcrumbs(client, "/th/blog/harbour/")
    search_menu, _breadcrumbs = menu_and_breadcrumbs(client, "/th/search/?q=River")
    korean_menu, _breadcrumbs = menu_and_breadcrumbs(client, "/ko/blog/harbour/")

    assert menu == [(articles, "/th/blog/"), (programs, "/th/programs/")]
    assert breadcrumbs == [
        (home_page.title, "/th/"),
        (articles, "/th/blog/"),
        ("Harbour", "/th/blog/harbour/"),
    ]
    assert search_menu == menu
    assert korean_menu == [
        (f"{blog_index.title} (ko)", "/ko/blog/"),
        (f"{program_index.title} (ko)", "/ko/programs/"),
    ]
