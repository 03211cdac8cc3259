"""
Issue 26: Wagtail's own words in the page editor, the page listing and the workflow emails speak
the editor's admin language where Wagtail's catalogues leave English or awkward Korean, and the
words Wagtail builds outside gettext are translated by the project (decision 0295).
"""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield
from wagtail.users.models import UserProfile

from tests import factories
from tests.editorial.forms import edit_form_data
from tests.i18n.test_translation_review import submitted  # noqa: F401 (a fixture)
from tests.i18n.test_translation_rights import (
    edit_segment,
    korean_article,  # noqa: F401 (a fixture)
    translation_into_korean,
)

NOT_ENGLISH = [
    code
    for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES
    if code != settings.LANGUAGE_CODE
]
EDITOR_ENGLISH = [
    "Keyboard shortcuts are currently",
    "content checks guide",
    "Schedule to publish",
    "More actions",
]
INVALID_ENGLISH = [
    "The page could not be saved due to validation errors",
    "Validation error in StreamBlock",
    "Go to the first error",
]


def speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def scheduled_draft(blog_index, secondee):
    """A never-published article of the secondee's with a go-live time."""
    article = factories.ArticlePageFactory(
        parent=blog_index,
        title="Water for every city",
        live=False,
        owner=secondee,
        go_live_at=timezone.now() + datetime.timedelta(days=2),
    )
    article.save_revision(user=secondee)
    return article


def edit_page(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def publish_with_an_empty_heading(client, page):
    """Publish without an author (the form's own error) and with an empty heading block."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    body = streamfield([("heading", {"text": "", "level": "h2"})])
    data.update(nested_form_data({"body": body}))
    data["action-publish"] = "1"
    response = client.post(url, data)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_the_korean_page_editor_speaks_korean(client, comms, scheduled_draft):
    client.force_login(speaks(comms, "ko"))

    content = edit_page(client, scheduled_draft)

    # (the English left out is checked for every language below, Korean included)
    for korean in ["게시 예약", "키보드 단축키가 켜져 있습니다", "콘텐츠 검사 가이드", "추가 작업"]:
        assert korean in content


@pytest.mark.django_db
@pytest.mark.parametrize("language", NOT_ENGLISH)
def test_the_page_editor_has_no_english_left(client, comms, scheduled_draft, language):
    client.force_login(speaks(comms, language))

    content = edit_page(client, scheduled_draft)

    for english in EDITOR_ENGLISH:
        assert english not in content


@pytest.mark.django_db
def test_a_page_with_errors_says_so_in_korean(client, comms, scheduled_draft):
    client.force_login(speaks(comms, "ko"))

    content = publish_with_an_empty_heading(client, scheduled_draft)

    assert "입력 내용에 오류가 있어 페이지를 저장하지 못했습니다." in content
    assert "본문: 일부 블록에 오류가 있습니다. 아래에서 확인하세요." in content
    assert "첫 번째 오류로 이동" in content


@pytest.mark.django_db
@pytest.mark.parametrize("language", NOT_ENGLISH)
def test_a_page_with_errors_has_no_english_left(client, comms, scheduled_draft, language):
    client.force_login(speaks(comms, language))

    content = publish_with_an_empty_heading(client, scheduled_draft)

    assert "errorlist" in content  # the form's and the body's errors are listed
    for english in INVALID_ENGLISH:
        assert english not in content


@pytest.fixture
def articles_in_moderation(blog_index, secondee):
    """A draft and a live article of the secondee's, each submitted for approval."""
    draft = factories.ArticlePageFactory(parent=blog_index, title="Draft", live=False)
    live = factories.ArticlePageFactory(parent=blog_index, title="Live")
    live.save_revision(user=secondee).publish()
    for article in (draft, live):
        article.save_revision(user=secondee)
        article.get_workflow().start(article, secondee)
    return draft, live


@pytest.mark.django_db
@pytest.mark.parametrize("language", NOT_ENGLISH)
def test_the_page_listing_names_pages_in_moderation(
    client, comms, blog_index, articles_in_moderation, language
):
    client.force_login(speaks(comms, language))

    response = client.get(reverse("wagtailadmin_explore", args=[blog_index.pk]))

    content = response.content.decode()
    assert "in moderation" not in content
    if language == "ko":
        assert "라이브 + 검토 중" in content
        assert content.count("검토 중") >= 2


@pytest.mark.django_db
def test_a_translation_in_moderation_refuses_its_author_in_korean(
    client,
    secondee,
    own_article,
    submitted,  # noqa: F811
):
    client.force_login(speaks(secondee, "ko"))

    refused = edit_segment(client, translation_into_korean(own_article), "바뀐 제목")

    assert refused.status_code == 403
    detail = refused.json()["detail"]
    assert "현재 검토를 기다리고 있습니다" in detail
    assert "이 작업의 검토자만" in detail
    assert "awaiting moderation" not in detail and "Only reviewers" not in detail


@pytest.fixture
def korean_team(secondee, comms):
    secondee.first_name, secondee.last_name = "Min-ji", "Park"
    secondee.save()
    return speaks(secondee, "ko"), speaks(comms, "ko")


@pytest.fixture
def draft_with_author(blog_index, secondee):
    article = factories.ArticlePageFactory(
        parent=blog_index, title="Water for every city", live=False, owner=secondee
    )
    factories.ArticleAuthorFactory(article=article, person=factories.PersonFactory())
    article.save_revision(user=secondee)
    return article


def sent_to(user):
    (message,) = [message for message in mail.outbox if user.email in message.to]
    return message.body


@pytest.mark.django_db
def test_the_workflow_emails_read_as_korean(client, korean_team, draft_with_author):
    secondee, comms = korean_team
    client.force_login(secondee)
    url = reverse("wagtailadmin_pages:edit", args=[draft_with_author.pk])
    data = edit_form_data(client, draft_with_author, **{"action-submit": "1"})
    assert client.post(url, data).status_code == 302
    submitted_email = sent_to(comms)
    mail.outbox.clear()
    client.force_login(comms)
    state = WorkflowState.objects.get(object_id=str(draft_with_author.pk), status="in_progress")
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[draft_with_author.pk, "approve", state.current_task_state.pk],
        )
    )
    approved_email = sent_to(secondee)

    assert (
        '"Water for every city" 페이지가 "Communications approval" 검토 단계에 승인 요청되었습니다.'
        in submitted_email
    )
    assert "조정단계" not in submitted_email
    assert '"Water for every city" 페이지가 워크플로 ' in approved_email
    assert "에서 승인되었습니다." in approved_email
    assert "안에 승인" not in approved_email
    assert "페이지는 여기에서 볼 수 있습니다: http" in approved_email
    assert "Min-ji님, 안녕하세요." in approved_email


def test_a_page_no_longer_in_review_is_not_said_to_be_in_review_in_korean():
    # Wagtail's Korean drops the "not": the preview link of an approved page said it was waiting.
    with translation.override("ko"):
        said = translation.gettext(
            "The page '%(page_title)s' is not currently awaiting moderation in task "
            "'%(task_name)s'."
        ) % {"page_title": "물", "task_name": "검토"}
    assert said == "'물' 페이지는 현재 작업 '검토'에서 검토를 기다리고 있지 않습니다."
