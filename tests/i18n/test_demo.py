import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from blog.models import ArticlePage
from citynet.i18n import status
from citynet.i18n.models import TranslatorProfile
from citynet.people.models import Person


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """
    The demo, loaded once for this module's tests, which only read it (a load costs half a
    minute): each test runs in a savepoint of this transaction, rolled back after the last.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_the_demo_shows_every_translation_status_and_the_fallback(demo, client, home_page):
    locales = {code: Locale.objects.get(language_code=code) for code in ("ko", "zh-hant", "ja")}

    def status_of(slug, code):
        page = Page.objects.get(slug=slug, locale=Locale.get_default())
        found = status.translation_statuses([page.translation_key], [locales[code]])
        return found[page.translation_key, locales[code].pk].status

    assert status_of("sharing-the-work-of-clean-water", "ko") == status.OUTDATED
    assert status_of("sharing-the-work-of-clean-water", "zh-hant") == status.UP_TO_DATE
    assert status_of("paying-for-brighter-streets", "zh-hant") == status.IN_PROGRESS
    assert status_of("city-of-yokohama", "ko") == status.UP_TO_DATE
    assert status_of("city-of-yokohama", "zh-hant") == status.MISSING
    for slug in ("water-management-workshop", "seoul-metropolitan-government", "blog", "home"):
        assert {status_of(slug, code) for code in ("ko", "zh-hant")} == {status.UP_TO_DATE}
        assert status_of(slug, "ja") == status.MISSING

    korean = ArticlePage.objects.get(slug="sharing-the-work-of-clean-water", locale=locales["ko"])
    assert [link.person.name for link in korean.authors.all()] == ["아리프 라흐만", "박민지"]
    html = client.get("/ko/blog/sharing-the-work-of-clean-water/").content.decode()
    assert "깨끗한 물을 지키는 일을 함께 나누다" in html
    # The article's own hero caption, translated with it (decision 0191).
    assert "참가자들은 서울의 누수 탐지팀과 함께 상수도망을 걸었다" in html
    assert "Seoul, where the water workshop met" not in html

    response = client.get("/zh-hant/partners/city-of-yokohama/", follow=True)
    assert "此頁面沒有繁體中文版本" in response.content.decode()

    html = client.get("/zh-hant/search/", {"q": "漏水"}).content.decode()
    assert "攜手守護潔淨用水" in html

    # The figures of docs/search.md (one-character words: decision 0190).
    def found(language, query):
        response = client.get(f"/{language}/search/", {"q": query})
        return {page.title for page in response.context["search_results"]}

    workshop, article, seoul = (
        "도시 물 관리 워크숍",
        "깨끗한 물을 지키는 일을 함께 나누다",
        "서울특별시",
    )
    assert found("ko", "물") == {workshop, article}
    assert found("ko", "누수") == {workshop, article}
    assert found("ko", "서울") == {workshop, article, seoul}
    assert found("ko", "시") == set()
    workshop, article, seoul = "城市水資源管理工作坊", "城市之間攜手守護潔淨用水", "首爾特別市政府"
    assert found("zh-hant", "水") == found("zh-hant", "市") == {workshop, article, seoul}
    assert found("zh-hant", "漏水") == found("zh-hant", "水質") == {workshop, article}


@pytest.mark.django_db
def test_the_demo_secondee_translates_into_korean_and_awaits_approval(demo, home_page):
    secondee = get_user_model().objects.get(username="secondee")
    korean = ArticlePage.objects.get(
        slug="notes-from-the-ninth-world-urban-forum", locale__language_code="ko"
    )

    assert list(
        TranslatorProfile.languages_of(secondee).values_list("language_code", flat=True)
    ) == ["ko"]
    assert korean.owner == secondee
    assert not korean.live
    assert korean.workflow_in_progress
    # Every segment translated, as the editor lets a secondee submit (decision 0310): what
    # comms approve in the demo is what goes live.
    translation = Translation.objects.get(
        source__object_id=korean.translation_key, target_locale=korean.locale
    )
    assert status.untranslated_segments(translation) == 0
    assert Person.objects.get(name="Min-ji Park", locale__language_code="en").user == secondee
