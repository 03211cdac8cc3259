"""
An editor's admin language: the one they chose, else their browser's, never the language of the
last article they read (whose comment form sets Django's language cookie, decision 0196).
"""

import pytest
from wagtail.users.models import UserProfile

from tests import factories

REPORT = "/admin/reports/translation-status/"


@pytest.fixture
def editor(client, home_page):
    user = factories.UserFactory(is_superuser=True)
    client.force_login(user)
    return user


def read_a_korean_article(client, page):
    """What a reader's browser does on a Korean page: the comment form asks for its token."""
    response = client.get(f"/ko/comments/token/?page={page.pk}")
    assert client.cookies["django_language"].value == "ko"
    return response


def report_text(client, **headers):
    response = client.get(REPORT, headers=headers)
    assert response.status_code == 200
    return response.content.decode()


def test_reading_a_korean_article_leaves_the_admin_in_the_browsers_language(
    client, editor, home_page
):
    read_a_korean_article(client, home_page)

    text = report_text(client, accept_language="en")
    assert "Missing" in text
    assert "없음" not in text


def test_without_a_choice_the_admin_follows_the_browser(client, editor):
    assert "없음" in report_text(client, accept_language="ko")


def test_the_editors_choice_wins_over_the_browser_and_the_cookie(client, editor, home_page):
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "ko"})
    read_a_korean_article(client, home_page)
    client.cookies["django_language"] = "zh-hant"

    text = report_text(client, accept_language="en")
    assert "없음" in text
    assert "Missing" not in text
