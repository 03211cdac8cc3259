"""
Issue 26: an editor whose admin language is Korean writes an article or a program with the
content model's own words in Korean too: field labels, help texts, panel headings, the page
type's name and the body's block labels, not only Wagtail's.
"""

import json

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

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
