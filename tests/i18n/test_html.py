import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page

from citynet.i18n.pages import bcp47
from tests import factories
from tests.clock import START


def publish_translation(page, language_code):
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    translation.title = f"{page.title} ({language_code})"
    translation.save_revision().publish()
    return translation


@pytest.fixture
def articles(blog_index):
    """
    Article "shared" is in English, Simplified Chinese and Korean; article "english" only in
    English. Traditional Chinese has a home page and blog, but neither article.
    """
    home = blog_index.get_parent().specific
    shared = factories.ArticlePageFactory(parent=blog_index, slug="shared", title="Shared")
    english = factories.ArticlePageFactory(parent=blog_index, slug="english", title="English")
    for language in ("ko", "zh-hans", "zh-hant"):
        publish_translation(home, language)
        publish_translation(blog_index, language)
    for language in ("ko", "zh-hans"):
        publish_translation(shared, language)
    return {"shared": shared, "english": english}


def links(html, rel="alternate"):
    return re.findall(rf'<link rel="{rel}" hreflang="([^"]+)" href="([^"]+)">', html)


@pytest.mark.django_db
def test_a_page_says_its_language_and_links_to_its_translations(client, articles):
    response = client.get("/ko/blog/shared/")
    html = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="ko">' in html
    assert links(html) == [
        ("en", "http://localhost/en/blog/shared/"),
        ("zh-Hans", "http://localhost/zh-hans/blog/shared/"),
        ("ko", "http://localhost/ko/blog/shared/"),
        ("x-default", "http://localhost/en/blog/shared/"),
    ]


@pytest.mark.django_db
def test_the_language_switcher_lists_only_the_languages_the_page_exists_in(client, articles):
    html = client.get("/zh-hans/blog/shared/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group()

    assert re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', switcher) == [
        ("/en/blog/shared/", "English"),
        ("/zh-hans/blog/shared/", "简体中文"),
        ("/ko/blog/shared/", "한국어"),
    ]
    assert 'lang="zh-Hans" aria-current="page"' in switcher
    assert 'aria-label="语言"' in switcher


@pytest.mark.django_db
def test_a_translation_leaves_the_switcher_the_moment_it_expires(clock, client, articles):
    korean = articles["shared"].get_translation(Locale.objects.get(language_code="ko"))
    # No save, no signal: only time passes.
    Page.objects.filter(pk=korean.pk).update(expire_at=START + datetime.timedelta(minutes=5))

    def switcher_languages():
        html = client.get("/zh-hans/blog/shared/").content.decode()
        return [tag for tag, _url in links(html)]

    assert "ko" in switcher_languages()
    clock.move_to(START + datetime.timedelta(minutes=6))
    assert switcher_languages() == ["en", "zh-Hans", "x-default"]


@pytest.mark.django_db
def test_a_page_in_one_language_has_no_switcher(client, articles):
    html = client.get("/en/blog/english/").content.decode()
    assert "language-switcher" not in html
    assert links(html) == [
        ("en", "http://localhost/en/blog/english/"),
        ("x-default", "http://localhost/en/blog/english/"),
    ]


# A page missing in the reader's language is shown at the reader's address, inside an interface
# in the reader's language (decision 0165). The notice names both languages in the reader's
# language; the switcher names each language in itself.
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "text_language", "notice"),
    [
        ("/zh-hant/blog/shared/", "zh-hans", "此頁面沒有繁體中文版本，您正在閱讀的是簡體中文版本"),
        ("/ko/blog/english/", "en", "이 페이지는 한국어 버전이 없어 영어 버전을 보여 드립니다."),
        # No Thai home page at all: Wagtail alone would show English under /th/ silently.
        ("/th/blog/english/", "en", "หน้านี้ไม่มีฉบับภาษาไทย คุณกำลังอ่านฉบับภาษาอังกฤษ"),
    ],
)
def test_a_missing_translation_is_shown_in_the_readers_interface_with_a_notice(
    client, articles, url, text_language, notice
):
    reader = url.split("/")[1]
    response = client.get(url)
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")

    assert response.status_code == 200
    assert notice in html
    # The interface is the reader's; the text says its own language, to readers and robots.
    assert soup.html["lang"] == bcp47(reader)
    assert soup.main["lang"] == bcp47(text_language)
    assert response["Content-Language"] == text_language
    canonical = soup.select_one('link[rel="canonical"]')["href"]
    assert canonical == f"http://localhost/{text_language}/blog/{url.split('/')[3]}/"
    assert reader not in [tag.lower() for tag, _url in links(html)]
    # Search, breadcrumbs, menu and the switcher's current language keep the reader's language.
    assert soup.select_one("form.site-search")["action"] == f"/{reader}/search/"
    crumbs = [link["href"] for link in soup.select(".breadcrumbs a")]
    assert crumbs == [f"/{reader}/", f"/{reader}/blog/", url]
    assert [link["href"] for link in soup.select(".main-nav a")] == [f"/{reader}/blog/"]
    current = soup.select_one('.language-switcher a[aria-current="page"]')
    assert (current["href"], current["lang"]) == (url, bcp47(reader))


@pytest.mark.django_db
def test_a_home_page_exists_in_a_language_without_content(client, articles):
    response = client.get("/th/")
    soup = BeautifulSoup(response.content.decode(), "html.parser")

    assert response.status_code == 200
    assert soup.html["lang"] == "th"
    assert soup.select_one(".fallback-notice")["lang"] == "th"
    assert soup.select_one('link[rel="alternate"][type="application/atom+xml"]')["href"] == (
        "/th/feeds/articles/"
    )


@pytest.mark.django_db
def test_a_page_that_exists_in_no_language_is_still_a_404(client, articles):
    assert client.get("/ko/blog/nowhere/").status_code == 404
    assert client.get("/en/blog/nowhere/").status_code == 404


@pytest.mark.django_db
def test_a_draft_translation_is_neither_listed_nor_served(client, articles, blog_index):
    draft = articles["english"].copy_for_translation(Locale.objects.get(language_code="ko"))
    assert not draft.live

    response = client.get("/ko/blog/english/")
    assert response["Content-Language"] == "en"
    assert "English" in response.content.decode()
    html = client.get("/en/blog/english/").content.decode()
    assert "/ko/blog/english/" not in html


@pytest.mark.django_db
def test_a_translation_under_its_own_slug_is_where_its_readers_are_sent(client, articles):
    korean = articles["english"].copy_for_translation(Locale.objects.get(language_code="ko"))
    korean.slug = "english-in-korean"
    korean.save_revision().publish()

    response = client.get("/ko/blog/english/")

    assert response.status_code == 302
    assert response["Location"] == "/ko/blog/english-in-korean/"
    assert client.get("/zh-hant/blog/english/")["Content-Language"] == "en"  # no translation


@pytest.mark.django_db
def test_a_page_in_its_own_language_shows_no_notice(client, articles):
    response = client.get("/en/blog/english/", {"fallback_from": "ko"})
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert "fallback-notice" not in response.content.decode()


@pytest.mark.django_db
def test_the_sitemap_lists_every_languages_pages_with_their_alternates(
    client, articles, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = client.get("/sitemap.xml")
    xml = response.content.decode()
    entries = dict(re.findall(r"<loc>([^<]+)</loc>(.*?)</url>", xml, re.S))

    assert "http://localhost/zh-hant/blog/" in entries
    assert "http://localhost/en/blog/english/" in entries
    assert re.findall(
        r'hreflang="([^"]+)" href="([^"]+)"', entries["http://localhost/ko/blog/shared/"]
    ) == [
        ("en", "http://localhost/en/blog/shared/"),
        ("zh-Hans", "http://localhost/zh-hans/blog/shared/"),
        ("ko", "http://localhost/ko/blog/shared/"),
        ("x-default", "http://localhost/en/blog/shared/"),
    ]


@pytest.mark.django_db
def test_a_page_shown_in_another_language_has_that_languages_menu(client, articles, partner_index):
    """The menu of a page shown in Korean is the Korean home page's, whatever the English one
    has: the English Partners section unpublished does not hide the Korean one."""
    publish_translation(partner_index, "ko")
    factories.PartnerPageFactory(parent=partner_index, slug="water-board")
    partner_index.unpublish()

    for url in ("/ko/", "/ko/blog/english/", "/ko/partners/water-board/"):
        soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
        menu = [link["href"] for link in soup.select(".main-nav a")]
        assert menu == ["/ko/blog/", "/ko/partners/"], url
    current = soup.select_one(".main-nav a[aria-current]")
    assert (current["href"], current["aria-current"]) == ("/ko/partners/", "true")


def breadcrumbs(response):
    """The breadcrumbs' links, and the JSON-LD's BreadcrumbList's items."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    graph = json.loads(soup.select_one('script[type="application/ld+json"]').string)["@graph"]
    [crumbs] = [node for node in graph if node["@type"] == "BreadcrumbList"]
    return (
        [link["href"] for link in soup.select(".breadcrumbs a")],
        [item["item"].removeprefix("http://localhost") for item in crumbs["itemListElement"]],
    )


@pytest.mark.django_db
def test_breadcrumbs_leave_out_a_section_the_public_may_not_see(client, partner_index):
    factories.PartnerPageFactory(parent=partner_index, slug="water-board")
    url = "/en/partners/water-board/"
    shown = ["/en/", "/en/partners/", url]
    assert breadcrumbs(client.get(url)) == (shown, shown)

    partner_index.unpublish()

    assert client.get("/en/partners/").status_code == 404
    assert breadcrumbs(client.get(url)) == (["/en/", url], ["/en/", url])


@pytest.mark.django_db
def test_the_search_page_has_the_menu_of_every_other_page_in_its_language(client, blog_index):
    """Simplified Chinese has no pages of its own: it is shown Traditional Chinese ones, whose
    blog keeps its address when the English one moves."""
    home = blog_index.get_parent().specific
    for page in (home, blog_index):
        publish_translation(page, "zh-hant")
    blog_index.slug = "news"
    blog_index.save_revision().publish()

    def menu(url):
        soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
        return [link["href"] for link in soup.select(".main-nav a")]

    assert menu("/zh-hans/search/") == menu("/zh-hans/") == ["/zh-hans/blog/"]
