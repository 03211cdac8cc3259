import re

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from citynet.i18n.translations import translate
from tests import factories

URL = "/admin/reports/translation-status/"


@pytest.fixture
def editor(client, db):
    user = factories.UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return client


@pytest.fixture
def translated_site(blog_index, program_index, django_capture_on_commit_callbacks):
    """An article in Korean, then edited in English; a program half-translated into Korean."""
    with django_capture_on_commit_callbacks(execute=True):
        translate(blog_index.get_parent().specific, "ko", {})
        translate(blog_index, "ko", {})
        translate(program_index, "ko", {})
        article = factories.ArticlePageFactory(parent=blog_index, title="Flood resilience")
        translate(
            article,
            "ko",
            {
                "Flood resilience": "홍수 회복력",
                article.slug: article.slug,
                "How cities share what they learn.": "도시들은 배운 것을 어떻게 나누는가.",
                "Cities across the region met to compare notes.": "도시들이 경험을 비교했다.",
            },
        )
        program = factories.ProgramPageFactory(parent=program_index, title="Waste forum")
        translate(program, "ko", {"Waste forum": "폐기물 포럼"}, publish=False)
    article.standfirst = "How cities share what they have learned."
    article.save_revision().publish()
    return {"article": article, "program": program}


def cells(response, language_code):
    """{page title: status text} in the language's column, as listed."""
    return {
        page.title: str(found)
        for page in response.context["object_list"]
        for locale, found in page.translation_statuses
        if locale.language_code == language_code
    }


@pytest.mark.django_db
def test_the_report_shows_every_page_in_every_language(editor, translated_site):
    response = editor.get(URL)
    html = response.content.decode()

    korean = cells(response, "ko")
    assert korean["Flood resilience"].startswith("Outdated since ")
    assert korean["Waste forum"] == "In progress (25%)"
    assert korean["Blog"] == "In progress (0%)"  # submitted, nothing translated yet
    assert cells(response, "th")["Flood resilience"] == "Missing"
    assert 'data-locale="ko" data-status="outdated"' in html
    assert "In progress (25%)" in html


@pytest.mark.django_db
def test_the_report_filters_by_section_language_and_status(editor, translated_site, program_index):
    korean = Locale.objects.get(language_code="ko")
    response = editor.get(URL, {"section": program_index.pk, "locale": korean.pk})
    assert set(cells(response, "ko")) == {"Programs", "Waste forum"}
    assert cells(response, "th") == {}

    response = editor.get(URL, {"locale": korean.pk, "status": "outdated"})
    assert set(cells(response, "ko")) == {"Flood resilience"}


@pytest.mark.django_db
def test_the_report_exports_a_spreadsheet(editor, translated_site):
    response = editor.get(URL, {"export": "csv"})
    lines = response.getvalue().decode().splitlines()
    assert lines[0].startswith("Title,URL path,")
    assert "Korean" in lines[0]
    assert any(line.startswith("Waste forum,") and "In progress (25%)" in line for line in lines)


@pytest.mark.django_db
def test_the_report_takes_the_same_queries_for_few_or_many_pages(
    editor, translated_site, blog_index
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert editor.get(URL).status_code == 200
        return len(queries)

    few = count()
    factories.ArticlePageFactory.create_batch(5, parent=blog_index)
    assert count() == few


@pytest.mark.django_db
def test_people_without_page_permissions_cannot_see_the_report(client):
    user = factories.UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(URL).status_code == 302


@pytest.mark.django_db
def test_the_report_dates_an_outdated_translation_in_the_readers_language(client, translated_site):
    """Issue 26: "2026-12-06부터 오래됨" read as a code in a Korean admin."""
    user = factories.UserFactory(is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ko"
    profile.save()
    client.force_login(user)

    html = client.get(URL).content.decode()

    assert re.search(r"\d{4}년 \d{1,2}월 \d{1,2}일부터 오래됨", html)
    assert not re.search(r"\d{4}-\d{2}-\d{2}부터", html)
