"""
Issue 26: wagtail-localize's translation editor in a Korean admin speaks Korean, in the page it
renders and in the JavaScript catalogue its editor reads (decision 0235).
"""

import html
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from tests.i18n.test_translation_rights import (
    edit_segment,
    korean_article,  # noqa: F401 (a fixture)
    translation_into_korean,
)

ENGLISH = [
    "Translated manually on",
    "Switch locales",
    "Available in",
    "No publishing schedule set",
    "Anyone can edit this",
    "Side panel width",
    "Minimap",
]


def editor_text(response):
    """The page, with the editor's props (JSON in an attribute, non-ASCII escaped) decoded."""
    content = response.content.decode()
    props = json.loads(html.unescape(re.search(r'data-props="([^"]*)"', content)[1]))
    return content + json.dumps(props, ensure_ascii=False)


@pytest.fixture
def korean_secondee(client, secondee):
    profile = UserProfile.get_for_user(secondee)
    profile.preferred_language = "ko"
    profile.save()
    return secondee


@pytest.mark.django_db
def test_the_translation_editor_speaks_korean(
    client,
    korean_secondee,
    own_article,
    korean_article,  # noqa: F811
):
    client.force_login(korean_secondee)
    edit_segment(client, translation_into_korean(own_article), "모든 도시를 위한 물")

    content = editor_text(client.get(reverse("wagtailadmin_pages:edit", args=[korean_article.pk])))

    for korean in ["직접 번역함", "언어 전환", "2개 언어로 제공", "게시 일정이 설정되지 않음"]:
        assert korean in content
    for wrong in [*ENGLISH, "현장을 바꿈"]:
        assert wrong not in content
    catalogue_url = reverse("wagtail_localize:javascript_catalog")
    assert catalogue_url in content


@pytest.mark.django_db
def test_the_translation_editors_dates_and_heading_are_korean(
    client,
    korean_secondee,
    own_article,
    korean_article,  # noqa: F811
):
    korean_article.save_revision(user=korean_secondee).publish()
    client.force_login(korean_secondee)
    saved = edit_segment(client, translation_into_korean(own_article), "모든 도시를 위한 물")
    today = timezone.localdate()
    korean_date = f"{today.year}년 {today.month}월 {today.day}일"
    english_date = f"{today.day} {today:%B} {today.year}"

    response = client.get(reverse("wagtailadmin_pages:edit", args=[korean_article.pk]))
    content = editor_text(response)
    props = json.loads(html.unescape(re.search(r'data-props="([^"]*)"', content)[1]))

    assert saved.json()["comment"] == f"직접 번역함({korean_date})"
    assert props["object"]["lastPublishedDate"] == korean_date
    comments = [item["comment"] for item in props["initialStringTranslations"]]
    assert f"직접 번역함({korean_date})" in comments
    assert english_date not in content
    heading = response.context["words"]
    assert heading == {"english": "영어 to 한국어 translation", "translated": "영어 → 한국어 번역"}
    assert 'id="i18n-translation-editor-words"' in content
    assert "i18n/translation_editor_words.js" in content


@pytest.mark.django_db
def test_the_translation_editors_javascript_catalogue_speaks_korean(client, korean_secondee):
    client.force_login(korean_secondee)
    script = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    catalogue = json.loads(script.split("const newcatalog = ")[1].split(";\n")[0])

    assert catalogue["Download PO file"] == "PO 파일 다운로드"
    assert catalogue["Translate"] == "번역하기"  # not the dictionary form 번역하다
    assert catalogue["Not translated"] == "번역되지 않음"
    assert catalogue["segments translated"] == "구간 번역됨"
    assert catalogue["More actions"] == "추가 작업"  # the editor's footer; not 더 많은 움직임


@pytest.mark.django_db
def test_the_admins_javascript_catalogue_speaks_korean(client, korean_secondee):
    client.force_login(korean_secondee)
    script = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    catalogue = json.loads(script.split("const newcatalog = ")[1].split(";\n")[0])

    assert catalogue["(%(number)s new items in this menu)"] == "(이 메뉴에 새 항목 %(number)s개)"
