import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.search.backends import get_search_backend

from blog.models import ArticlePage
from citynet.i18n.search import as_indexed_words, split_unspaced_words
from citynet.people.models import Person
from search.views import search
from tests import factories

# A sentence from an article in each language, a word from the middle of it, and a word that
# the sentence does not contain although it shares characters with it.
SENTENCES = [
    pytest.param(
        "市政府今年在河岸種植了三千棵樹，以減少城市熱島效應。", "熱島", "島國", id="zh-hant"
    ),
    pytest.param("首尔市政府与曼谷市交流了关于垃圾分类的经验。", "垃圾", "分子", id="zh-hans"),
    pytest.param("横浜市は来年から公共交通機関の運賃を見直す予定です。", "交通", "通交", id="ja"),
    pytest.param(
        "福岡市はスマートシティの実証実験を始めました。", "スマート", "スマホ", id="ja-katakana"
    ),
    pytest.param("กรุงเทพมหานครกำลังพัฒนาระบบขนส่งสาธารณะเพื่อลดมลพิษทางอากาศ", "ขนส่ง", "ขนมปัง", id="th"),
    pytest.param(
        "서울시에서 열린 도시 기후 포럼에 아시아 태평양 지역 대표들이 참석했다.",
        "서울시",
        "부산시",
        id="ko",
    ),
    pytest.param(
        "Thành phố Hà Nội đang mở rộng mạng lưới xe buýt điện.", "xe buýt", "tàu điện", id="vi"
    ),
    pytest.param(
        "Pemerintah Kota Surabaya meluncurkan program pengelolaan sampah berbasis masyarakat.",
        "sampah",
        "banjir",
        id="id",
    ),
    pytest.param(
        "The city council approved a new flood resilience plan.", "resilience", "drought", id="en"
    ),
]


def test_unspaced_runs_are_indexed_as_two_character_pieces_and_one_character_words():
    assert as_indexed_words("Tokyo 東京都庁 2024") == "東京 京都 都庁 東 京 都 庁"
    # A Korean word's first syllable (물: water), not the others (건물: building).
    assert as_indexed_words("물을 건물") == "물을 물 건물 건"
    # Kana and Thai letters alone are not words; Thai marks stay with their consonant.
    assert as_indexed_words("スマホ ก่อน") == "スマ マホ ก่อ อน"
    assert as_indexed_words("水 の") == "水 の"
    assert split_unspaced_words("東京都 parks") == "東京 京都 parks"
    assert split_unspaced_words("서울") == "서울"


@pytest.mark.django_db
@pytest.mark.parametrize(("sentence", "word", "absent_word"), SENTENCES)
def test_a_word_inside_a_sentence_is_found(article_in, sentence, word, absent_word):
    article = article_in(sentence)
    factories.ArticlePageFactory(parent=article.get_parent(), title="Unrelated news")

    assert list(ArticlePage.objects.search(word)) == [article]
    assert list(ArticlePage.objects.search(absent_word)) == []


@pytest.mark.django_db
def test_titles_and_authors_in_unspaced_scripts_are_found(article_in):
    article = article_in("Body text.", title="曼谷的公共交通")
    person = factories.PersonFactory(name="김민지")
    factories.ArticleAuthorFactory(article=article, person=person)

    assert list(ArticlePage.objects.search("交通")) == [article]
    assert list(get_search_backend().search("민지", Person)) == [person]


@pytest.mark.django_db
def test_site_search_returns_results_in_the_requested_language(article_in, korean_blog_index):
    english = article_in("Seoul hosted the urban climate forum.", title="Climate forum")
    korean = article_in(
        "서울시에서 도시 기후 포럼이 열렸다. Seoul hosted the urban climate forum.",
        title="기후 포럼",
        parent=korean_blog_index,
    )
    assert korean.locale.language_code == "ko"

    def results(language, query):
        request = RequestFactory().get("/search/", {"q": query})
        with translation.override(language):
            response = search(request)
        return [page.specific for page in response.context_data["search_results"]]

    assert results("ko", "기후") == [korean]
    # English is on the Korean fallback chain: its untranslated article is found too (0165).
    assert set(results("ko", "climate")) == {korean, english}
    assert results("en", "climate") == [english]
    assert results("en", "기후") == []
