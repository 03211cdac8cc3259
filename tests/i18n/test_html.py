import re

import pytest
from wagtail.models import Locale

from tests import factories


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
def test_a_page_in_one_language_has_no_switcher(client, articles):
    html = client.get("/en/blog/english/").content.decode()
    assert "language-switcher" not in html
    assert links(html) == [
        ("en", "http://localhost/en/blog/english/"),
        ("x-default", "http://localhost/en/blog/english/"),
    ]


# The notice names both languages in the language it is written in; the switcher names each
# language in itself.
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "landing", "notice"),
    [
        (
            "/zh-hant/blog/shared/",
            "/zh-hans/blog/shared/?fallback_from=zh-hant",
            "此頁面沒有繁體中文版本，您正在閱讀的是簡體中文版本。",
        ),
        (
            "/ko/blog/english/",
            "/en/blog/english/?fallback_from=ko",
            "이 페이지는 한국어 버전이 없어 영어 버전을 보여 드립니다.",
        ),
        # No Thai home page at all: Wagtail alone would show English under /th/ silently.
        (
            "/th/blog/english/",
            "/en/blog/english/?fallback_from=th",
            "หน้านี้ไม่มีฉบับภาษาไทย คุณกำลังอ่านฉบับภาษาอังกฤษ",
        ),
    ],
)
def test_a_missing_translation_leads_to_the_nearest_one_with_a_notice(
    client, articles, url, landing, notice
):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == landing

    html = client.get(landing).content.decode()
    assert notice in html


@pytest.mark.django_db
def test_a_page_that_exists_in_no_language_is_still_a_404(client, articles):
    assert client.get("/ko/blog/nowhere/").status_code == 404
    assert client.get("/en/blog/nowhere/").status_code == 404


@pytest.mark.django_db
def test_a_draft_translation_is_neither_listed_nor_served(client, articles, blog_index):
    draft = articles["english"].copy_for_translation(Locale.objects.get(language_code="ko"))
    assert not draft.live

    assert client.get("/ko/blog/english/")["Location"] == "/en/blog/english/?fallback_from=ko"
    html = client.get("/en/blog/english/").content.decode()
    assert "/ko/blog/english/" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["xx", "en", "", "<script>"])
def test_a_meaningless_fallback_parameter_shows_no_notice(client, articles, value):
    response = client.get("/en/blog/english/", {"fallback_from": value})
    assert response.status_code == 200
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
