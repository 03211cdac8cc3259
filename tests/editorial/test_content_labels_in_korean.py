"""
Issue 26: an editor whose admin language is Korean writes an article or a program with the
content model's own words in Korean too: field labels, help texts, panel headings, the page
type's name and the body's block labels, not only Wagtail's.
"""

import datetime
import json

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from tests import factories
from wordpress.models import ImportedItem

pytestmark = pytest.mark.django_db


def in_korean(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ko"
    profile.save()
    return user


def add_form(client, user, parent, app_label, model_name):
    client.force_login(in_korean(user))
    url = reverse("wagtailadmin_pages:add", args=(app_label, model_name, parent.pk))
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def block_label(text):
    """A block's label as the StreamField's definition carries it: JSON in an attribute."""
    return json.dumps(text)[1:-1]


def test_the_article_form_names_its_fields_and_blocks_in_korean(client, secondee, blog_index):
    content = add_form(client, secondee, blog_index, "blog", "articlepage")

    for korean in [
        "기사 페이지",  # the page type
        "리드문",
        "제목 아래에 표시되는 첫 요약문.",
        "게시일",
        "대표 이미지 설명",
        "글쓴이",
        "태그 및 주제",
        "관련 프로그램",
        "관련 파트너",
    ]:
        assert korean in content
    for english in [
        "Article page",
        "Standfirst",
        "The opening summary",
        "Publication date",
        "Hero caption",
        "Tags and themes",
        "Related programs",
        "Related partners",
    ]:
        assert english not in content
    for korean, english in [("본문 단락", "Paragraph"), ("강조 인용문", "Pull quote")]:
        assert block_label(korean) in content
        assert f'"{english}"' not in content


def test_the_program_form_names_its_fields_in_korean(client, comms, program_index):
    content = add_form(client, comms, program_index, "programs", "programpage")

    for korean in ["프로그램 페이지", "시작일", "종료일", "시간대", "장소", "등록 URL"]:
        assert korean in content
    for english in ["Program page", "Start date", "End date", "Time zone", "Venue"]:
        assert english not in content


def test_the_theme_form_names_its_kinds_and_refuses_in_korean(client, admin_user):
    client.force_login(in_korean(admin_user))
    url = "/admin/snippets/taxonomy/theme/add/?locale=en"

    form = client.get(url).content.decode()
    refused = client.post(
        url, {"name": "Clean water", "slug": "water", "kind": "sdg", "description": ""}
    ).content.decode()
    numbered = client.post(
        url,
        {"name": "Water", "slug": "water-2", "kind": "cluster", "sdg_number": "6"},
    ).content.decode()

    assert "지속가능발전목표" in form and "주제 분야" in form
    assert "Sustainable Development Goal" not in form and "Thematic cluster" not in form
    assert "지속가능발전목표에는 번호가 있어야 합니다." in refused
    assert "needs its number" not in refused
    assert "번호는 지속가능발전목표에만 있습니다." in numbered


def test_a_programs_dates_and_time_zone_are_refused_in_korean(program_index):
    program = factories.ProgramPageFactory(parent=program_index)
    program.end_date = program.start_date - datetime.timedelta(days=1)
    program.time_zone = "Mars/Olympus"

    with translation.override("ko"):
        with pytest.raises(ValidationError) as refused:
            program.full_clean()
        messages = refused.value.message_dict
    assert messages["end_date"] == ["종료일은 시작일보다 앞설 수 없습니다."]
    assert messages["time_zone"] == [
        "“Mars/Olympus”은(는) 알 수 없는 시간대입니다. 예: Asia/Seoul."
    ]


def test_the_wordpress_importers_labels_are_in_korean():
    with translation.override("ko"):
        assert apps.get_app_config("wordpress").verbose_name == "워드프레스 가져오기"
        assert ImportedItem._meta.verbose_name == "가져온 워드프레스 항목"
        assert [label for _value, label in ImportedItem.Kind.choices] == [
            "글",
            "첨부 파일",
            "작성자",
            "댓글",
        ]
        assert ImportedItem._meta.get_field("site").help_text == (
            "워드프레스 블로그 주소(http:// 없이)."
        )
