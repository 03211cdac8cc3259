"""
One-character words in Korean, Chinese and Japanese (decision 0190), on a small labelled set:
each query's relevant sentences are those a reader means (水: water, 市: city, 물: water), and
each test states what the search finds, misses and finds wrongly. docs/search.md gives the
precision and recall these results make.
"""

import pytest
from wagtail.search.backends import get_search_backend

from blog.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db

SENTENCES = {
    # Korean
    "ko-loss": "많은 도시가 정수한 물의 상당량을 수도꼭지에 닿기도 전에 잃는다.",
    "ko-clean": "깨끗한 물을 지키는 일을 함께 나누다",
    "ko-workshop": "도시 물 관리 워크숍",
    "ko-rain": "빗물을 모아 공원에 쓰는 도시가 늘고 있다.",  # rainwater
    "ko-building": "새 시청 건물은 에너지를 절반만 쓴다.",  # 건물: building
    "ko-of-course": "물론 예산이 가장 큰 문제다.",  # 물론: of course
    "ko-bus": "서울시는 버스 노선을 개편했다.",
    # Traditional Chinese
    "zh-loss": "許多城市處理過的自來水，在送達水龍頭之前就流失了一大部分。",
    "zh-quality": "第二天的主題是水質監測。",
    "zh-trees": "市政府今年在河岸種植了三千棵樹。",
    "zh-visit": "首爾市舉辦交通考察訪問。",
    "zh-members": "會員城市互相學習。",
    "zh-supermarket": "他們在週末去超市買菜。",  # 超市: supermarket
    "zh-salary": "香港的薪水上漲了。",  # 薪水: salary
    # Japanese
    "ja-fares": "横浜市は来年から公共交通機関の運賃を見直す予定です。",
    "ja-leaks": "水道の漏水を減らすため、センサーを設置しました。",
    "ja-river": "川の水質を毎月調べています。",
    "ja-wednesday": "会議は水曜日に開かれます。",  # 水曜日: Wednesday
    "ja-library": "市民のための新しい図書館が開館しました。",
    "ja-smart-city": "スマートシティの実証実験を始めました。",  # シティ: city, in katakana
}

# (language, query): (relevant sentences, sentences found).
LABELLED = {
    ("ko", "물"): (
        {"ko-loss", "ko-clean", "ko-workshop", "ko-rain"},
        {"ko-loss", "ko-clean", "ko-workshop", "ko-of-course"},
    ),
    ("ko", "도시"): ({"ko-loss", "ko-workshop", "ko-rain"}, {"ko-loss", "ko-workshop", "ko-rain"}),
    ("ko", "시청"): ({"ko-building"}, {"ko-building"}),
    ("zh", "水"): ({"zh-loss", "zh-quality"}, {"zh-loss", "zh-quality", "zh-salary"}),
    ("zh", "市"): (
        {"zh-loss", "zh-trees", "zh-visit", "zh-members"},
        {"zh-loss", "zh-trees", "zh-visit", "zh-members", "zh-supermarket"},
    ),
    ("zh", "城市"): ({"zh-loss", "zh-members"}, {"zh-loss", "zh-members"}),
    ("zh", "水質"): ({"zh-quality"}, {"zh-quality"}),
    ("ja", "水"): ({"ja-leaks", "ja-river"}, {"ja-leaks", "ja-river", "ja-wednesday"}),
    ("ja", "市"): ({"ja-fares", "ja-library", "ja-smart-city"}, {"ja-fares", "ja-library"}),
    ("ja", "漏水"): ({"ja-leaks"}, {"ja-leaks"}),
    ("ja", "水質"): ({"ja-river"}, {"ja-river"}),
}


@pytest.fixture
def articles(blog_index):
    return {
        key: factories.ArticlePageFactory(
            parent=blog_index, title=key, body=[factories.paragraph(text)]
        )
        for key, text in SENTENCES.items()
    }


def found(query, language=""):
    return {
        page.title for page in ArticlePage.objects.search(query) if page.title.startswith(language)
    }


def test_one_and_two_character_queries_find_what_the_labelled_set_says(articles):
    results = {(language, query): found(query, language) for language, query in LABELLED}

    assert results == {key: expected for key, (_relevant, expected) in LABELLED.items()}


def test_letters_that_are_never_words_alone_find_nothing(articles):
    # Kana and Thai letters; a Korean syllable inside a word (은 of 건물은).
    assert {query: found(query) for query in ("の", "マ", "ก", "은")} == {
        "の": set(),
        "マ": set(),
        "ก": set(),
        "은": set(),
    }


def test_the_site_search_finds_a_one_syllable_korean_word(client, articles):
    html = client.get("/en/search/", {"q": "물"}).content.decode()

    assert f'href="{articles["ko-clean"].url}"' in html
    assert f'href="{articles["ko-building"].url}"' not in html


def test_every_search_goes_through_the_search_apps_backend():
    """The settings name search.backend (its path moved from citynet/i18n/, issue #30)."""
    assert type(get_search_backend()).__module__ == "search.backend"
