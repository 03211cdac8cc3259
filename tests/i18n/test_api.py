import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from citynet.i18n.translations import translate
from tests import factories

pytestmark = pytest.mark.django_db
LISTING = "/api/v2/pages/"


def publish_translation(page, language_code, **fields):
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


@pytest.fixture
def articles(blog_index):
    """
    "shared" is in English, Korean (through wagtail-localize, then left outdated) and
    Simplified Chinese; "english" only in English; "chinese" in English and Simplified Chinese.
    """
    home = blog_index.get_parent().specific
    for language in ("ko", "zh-hans", "zh-hant"):
        publish_translation(home, language)
        publish_translation(blog_index, language)
    shared = factories.ArticlePageFactory(parent=blog_index, slug="shared", title="Shared")
    english = factories.ArticlePageFactory(parent=blog_index, slug="english", title="English")
    chinese = factories.ArticlePageFactory(parent=blog_index, slug="chinese", title="Chinese")
    korean = translate(shared, "ko", {"Shared": "공유"})
    shared.standfirst = "Shared, and changed after its translation."
    shared.save_revision().publish()  # its text changed: the Korean page is outdated
    return {
        "shared": shared,
        "english": english,
        "chinese": chinese,
        "shared_ko": korean,
        "shared_zh": publish_translation(shared, "zh-hans", title="共享"),
        "chinese_zh": publish_translation(chinese, "zh-hans", title="中文"),
    }


def test_every_page_lists_its_translations(client, articles):
    data = client.get(f"{LISTING}{articles['shared'].pk}/").json()
    api = data["meta"]["detail_url"].split("/api/")[0] + "/api/v2/pages"

    assert data["meta"]["translations"] == [
        {
            "locale": "zh-hans",
            "id": articles["shared_zh"].pk,
            "html_url": "http://localhost/zh-hans/blog/shared/",
            "detail_url": f"{api}/{articles['shared_zh'].pk}/",
        },
        {
            "locale": "ko",
            "id": articles["shared_ko"].pk,
            "html_url": "http://localhost/ko/blog/shared/",
            "detail_url": f"{api}/{articles['shared_ko'].pk}/",
        },
    ]
    assert data["meta"]["translation_status"] is None  # the source itself


def test_listings_show_the_same_translations_as_details(client, articles):
    listed = client.get(LISTING, {"type": "blog.ArticlePage", "limit": 100}).json()["items"]

    by_id = {item["id"]: item["meta"]["translations"] for item in listed}
    for item in listed:
        detail = client.get(f"{LISTING}{item['id']}/").json()
        assert detail["meta"]["translations"] == by_id[item["id"]]
    # in the order of the languages, not of the pages' creation (Korean came first)
    assert [t["locale"] for t in by_id[articles["shared"].pk]] == ["zh-hans", "ko"]
    assert [t["locale"] for t in by_id[articles["shared_ko"].pk]] == ["en", "zh-hans"]
    assert by_id[articles["english"].pk] == []


def test_a_translation_says_whether_it_is_up_to_date_with_its_source(client, articles):
    korean = client.get(f"{LISTING}{articles['shared_ko'].pk}/").json()
    chinese = client.get(f"{LISTING}{articles['shared_zh'].pk}/").json()

    assert korean["meta"]["translation_status"]["source_id"] == articles["shared"].pk
    assert korean["meta"]["translation_status"]["up_to_date"] is False
    assert korean["meta"]["translation_status"]["outdated_since"].startswith("20")
    assert chinese["meta"]["translation_status"] == {
        "source_id": articles["shared"].pk,
        "up_to_date": True,
        "outdated_since": None,
    }
    assert [t["locale"] for t in korean["meta"]["translations"]] == ["en", "zh-hans"]


def items(client, **params):
    response = client.get(LISTING, {"type": "blog.ArticlePage", **params})
    assert response.status_code == 200, response.content
    return [
        (item["title"], item["meta"]["locale"], item["meta"]["fallback_from"])
        for item in response.json()["items"]
    ]


def test_fallback_gives_each_page_in_the_nearest_language_of_the_chain(client, articles):
    assert sorted(items(client, locale="ko", fallback="true")) == [
        ("Chinese", "en", "ko"),
        ("English", "en", "ko"),
        ("공유", "ko", None),
    ]
    # zh-hant → zh-hans → en
    assert sorted(items(client, locale="zh-hant", fallback="true")) == [
        ("English", "en", "zh-hant"),
        ("中文", "zh-hans", "zh-hant"),
        ("共享", "zh-hans", "zh-hant"),
    ]


def test_without_fallback_the_locale_filter_is_wagtails(client, articles):
    assert items(client, locale="ko") == [("공유", "ko", None)]
    assert items(client, locale="ko", fallback="false") == [("공유", "ko", None)]
    assert items(client, locale="zh-hant") == []


@pytest.mark.parametrize(
    "params",
    [
        {"locale": "ko", "fallback": "yes"},
        {"fallback": "true"},
        {"locale": "xx", "fallback": "true"},
    ],
)
def test_a_bad_fallback_request_is_a_400(client, articles, params):
    response = client.get(LISTING, params)
    assert response.status_code == 400
    assert "fallback" in response.json()["message"]


def test_fallback_and_translations_add_no_query(client, articles):
    def count(params):
        client.get(LISTING, params)  # warm the caches
        with override_settings(RESPONSE_CACHE=False), CaptureQueriesContext(connection) as queries:
            assert client.get(LISTING, params).status_code == 200
        return len(queries)

    listing = {"type": "blog.ArticlePage", "fields": "*"}
    assert count({**listing, "locale": "ko", "fallback": "true"}) == count(listing) <= 8
    assert count({"locale": "ko", "fallback": "true"}) <= 8


def test_api_search_finds_words_in_the_requested_locale(client, articles, blog_index):
    chinese_blog = blog_index.get_translation(Locale.objects.get(language_code="zh-hant"))
    factories.ArticlePageFactory(
        parent=chinese_blog,
        title="攜手守護潔淨用水",
        body=[factories.paragraph("參加者隨漏水檢測團隊實地走訪管網。")],
    )
    found = client.get(LISTING, {"search": "漏水", "locale": "zh-hant"}).json()["items"]
    assert [item["title"] for item in found] == ["攜手守護潔淨用水"]
    assert client.get(LISTING, {"search": "漏水", "locale": "en"}).json()["items"] == []
