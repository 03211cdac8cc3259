"""
Issue 26: Wagtail's own words in the page editor, the page listing and the workflow emails speak
the editor's admin language where Wagtail's catalogues leave English or awkward Korean, and the
words Wagtail builds outside gettext are translated by the project (decision 0295); so do the
autosave indicator, the editing sessions, Wagtail's refusals, the page history, the dashboard,
the explorer, the reports and the account settings (decision 0300); so do the new-page editor's
errors, the dashboard, the editor's panel toggles, the explorer's sort links and the history's
"system" (decision 0300, third round).
"""

import datetime
import json
import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.models import PageLogEntry, WorkflowState
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
    "Autosave is",
    "A network error occurred",
    "Troubleshoot your connection",
    "View latest version",
    "A comma-separated list of tags.",
    "Toggle section",
    "Toggle checks",
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


def page_text(client, url):
    response = client.get(url)
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
    for korean in [
        "게시 예약",
        "키보드 단축키가 켜져 있습니다",
        "콘텐츠 검사 가이드",
        "추가 작업",
        # The autosave indicator, and the dialog before a save over a newer version.
        "저장됨",
        "자동 저장이 일시 중지되었습니다",
        "네트워크 오류가 발생했습니다",
        "최신 버전 보기",
        "쉼표로 구분한 태그 목록입니다.",
        "섹션 펼치기/접기",
        "검사 열기/닫기",
    ]:
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


# Issue 26, second round (decision 0300).

ADMIN_SCRIPT_WORDS = [
    "Autosave in progress…",
    "Changes have been autosaved.",
    "A network error occurred.",
    "A server error occurred.",
    "More actions",
    "Insert a block",
    "Toggle section",
]


def script_catalogue(client):
    """The translations Wagtail's admin script reads (Django's JavaScript catalogue)."""
    response = client.get(reverse("wagtailadmin_javascript_catalog"))
    catalogue = re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S)
    return json.loads(catalogue.group(1))


@pytest.mark.django_db
@pytest.mark.parametrize("language", NOT_ENGLISH)
def test_the_admin_script_has_its_words_in_every_admin_language(client, comms, language):
    client.force_login(speaks(comms, language))

    catalogue = script_catalogue(client)

    assert not [english for english in ADMIN_SCRIPT_WORDS if english not in catalogue]
    if language == "ko":
        assert catalogue["Autosave in progress…"] == "자동 저장 중…"
        assert catalogue["Changes have been autosaved."] == "변경 내용이 자동 저장되었습니다."
        assert catalogue["Insert a block"] == "블록 삽입"


def autosave_over(client, page, revision):
    """An autosave of `page`'s edit form made over `revision`, as Wagtail's script sends it."""
    data = edit_form_data(client, page, overwrite_revision_id=str(revision.pk))
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data, HTTP_ACCEPT="application/json"
    ).json()


@pytest.mark.django_db
@pytest.mark.parametrize("language", NOT_ENGLISH)
def test_an_autosave_over_a_newer_version_pauses_in_the_editors_language(
    client, secondee, comms, draft_with_author, language
):
    client.force_login(speaks(secondee, language))
    loaded = draft_with_author.latest_revision
    draft_with_author.save_revision(user=comms)

    refused = autosave_over(client, draft_with_author, loaded)

    assert refused["error_code"] == "invalid_revision"
    assert refused["error_message"] != "Saving will overwrite a newer version."
    if language == "ko":
        assert refused["error_message"] == "저장하면 더 새로운 버전을 덮어씁니다."


def sessions_seen_by(client, page, revision):
    """The editing sessions' list, as the editor of `revision` asks for it (Wagtail's ping)."""
    url = reverse(
        "wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", str(page.pk), 0]
    )
    response = client.post(url, {"revision_id": revision.pk})
    assert response.status_code == 200
    return response.json()["html"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", NOT_ENGLISH)
def test_the_save_dialog_names_the_newer_version_in_the_editors_language(
    client, secondee, comms, draft_with_author, language
):
    comms.first_name, comms.last_name = "Ji-woo", "Lee"
    comms.save()
    client.force_login(speaks(secondee, language))
    loaded = draft_with_author.latest_revision
    draft_with_author.save_revision(user=comms)

    sessions = sessions_seen_by(client, draft_with_author, loaded)

    for english in ["saved a new version", "Proceeding will overwrite", "Alternatively"]:
        assert english not in sessions
    if language == "ko":
        assert "Ji-woo Lee 님이 새 버전을 저장했습니다" in sessions
        assert "계속하면 Ji-woo Lee 님의 변경 내용을 덮어씁니다." in sessions
        assert "또는 새 탭에서 최신 버전을 볼 수 있습니다." in sessions


@pytest.mark.django_db
@pytest.mark.parametrize("language", NOT_ENGLISH)
def test_a_refused_move_delete_or_unpublish_says_so_in_the_editors_language(
    client, secondee, blog_index, language
):
    # The secondee may edit the blog's articles, not move, delete or unpublish them.
    article = factories.ArticlePageFactory(parent=blog_index, title="Water for every city")
    client.force_login(speaks(secondee, language))

    for action in ["move", "delete", "unpublish"]:
        response = client.get(
            reverse(f"wagtailadmin_pages:{action}", args=[article.pk]), follow=True
        )

        content = response.content.decode()
        assert response.redirect_chain[0][0] == reverse("wagtailadmin_home")
        assert "Sorry, you do not have permission" not in content
        if language == "ko":
            assert "이 영역에 접근할 권한이 없습니다" in content


@pytest.fixture
def submitted_draft(client, secondee, draft_with_author):
    """The secondee's draft, saved twice and submitted for approval through the editor."""
    draft_with_author.save_revision(user=secondee, log_action=True)
    client.force_login(secondee)
    data = edit_form_data(client, draft_with_author, **{"action-submit": "1"})
    url = reverse("wagtailadmin_pages:edit", args=[draft_with_author.pk])
    assert client.post(url, data).status_code == 302
    client.logout()
    return draft_with_author


@pytest.mark.django_db
@pytest.mark.parametrize("language", NOT_ENGLISH)
def test_the_page_history_speaks_the_editors_language(client, comms, submitted_draft, language):
    client.force_login(speaks(comms, language))

    content = page_text(client, reverse("wagtailadmin_pages:history", args=[submitted_draft.pk]))

    for english in ["Workflow: start", "started. Next step", "page log entries", "Draft saved"]:
        assert english not in content
    if language == "ko":
        assert "워크플로 시작됨. 다음 단계: " in content
        assert "초안 저장됨" in content
        assert re.search(r"\d+ 페이지 기록", content)


@pytest.mark.django_db
@pytest.mark.parametrize("language", NOT_ENGLISH)
def test_the_dashboard_names_the_editors_pages_in_a_workflow(
    client, secondee, submitted_draft, language
):
    client.force_login(speaks(secondee, language))

    content = page_text(client, reverse("wagtailadmin_home"))

    assert submitted_draft.title in content
    assert "Your pages and snippets in a workflow" not in content
    if language == "ko":
        assert "워크플로에 있는 내 페이지와 스니펫" in content


@pytest.mark.django_db
@pytest.mark.parametrize("language", NOT_ENGLISH)
def test_the_explorer_and_the_page_types_report_speak_the_editors_language(
    client, comms, blog_index, language
):
    client.force_login(speaks(comms, language))

    explorer = page_text(client, reverse("wagtailadmin_explore", args=[blog_index.pk]))
    report = page_text(client, reverse("wagtailadmin_reports:page_types_usage"))

    assert "Exploring:" not in explorer
    assert "Page types usage" not in report
    if language == "ko":
        assert "<title>탐색: Blog" in explorer
        assert "페이지 유형 사용 현황" in report


def account_settings_saved(client):
    """The account settings posted as they stand; the page they lead back to."""
    url = reverse("wagtailadmin_account")
    data = querydict_from_html(page_text(client, url), form_id="w-editor-form")
    response = client.post(url, data, follow=True)
    assert response.redirect_chain == [(url, 302)]
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", NOT_ENGLISH)
def test_saved_account_settings_are_confirmed_in_the_editors_language(client, comms, language):
    comms.first_name, comms.last_name = "Ji-woo", "Lee"  # the form asks for both
    comms.save()
    client.force_login(speaks(comms, language))

    content = account_settings_saved(client)

    assert "messages" in content
    assert "Your account settings have been changed successfully" not in content
    if language == "ko":
        assert "계정 설정이 변경되었습니다." in content


# Issue 26, third round (decision 0300).


def create_page_with_a_taken_slug(client, blog_index):
    """The new-article form posted with the slug of an article already under the blog."""
    factories.ArticlePageFactory(parent=blog_index, title="Water", slug="water")
    url = reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk])
    data = querydict_from_html(page_text(client, url), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([])}))  # written by the editor's script
    data.update({"title": "Water again", "slug": "water"})
    response = client.post(url, data)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", NOT_ENGLISH)
def test_a_new_page_with_errors_says_so_in_the_editors_language(
    client, comms, blog_index, language
):
    client.force_login(speaks(comms, language))

    content = create_page_with_a_taken_slug(client, blog_index)

    assert 'class="error-message"' in content  # the slug's error is shown
    assert "The page could not be created due to validation errors" not in content
    assert "is already in use within the parent page" not in content
    if language == "ko":
        assert "입력 내용에 오류가 있어 페이지를 만들지 못했습니다." in content
        assert "&#x27;water&#x27; 슬러그는 상위 페이지 안에서 이미 사용 중입니다." in content


def sidebar_props(content):
    """The sidebar's menu, as the admin's script reads it from the page."""
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', content, re.S)
    return props.group(1)


@pytest.mark.django_db
@pytest.mark.parametrize("language", NOT_ENGLISH)
def test_the_dashboard_and_its_help_menu_speak_the_editors_language(client, comms, language):
    client.force_login(speaks(comms, language))

    content = page_text(client, reverse("wagtailadmin_home"))

    for english in ["Search all pages", "Edit account avatar", "new in Wagtail"]:
        assert english not in content
    if language == "ko":
        assert "모든 페이지 검색…" in content
        assert "계정 아바타 편집" in content


@pytest.mark.django_db
def test_the_help_menus_whats_new_speaks_each_editors_language(client, comms, secondee):
    # Wagtail words it once per process: whichever language comes first must not stay.
    for user, language, label in [
        (comms, "ko", "Wagtail 8.0의 새로운 기능"),
        (secondee, "ja", "Wagtail 8.0の新機能"),
    ]:
        client.force_login(speaks(user, language))

        content = page_text(client, reverse("wagtailadmin_home"))

        assert json.dumps(label)[1:-1] in sidebar_props(content)


@pytest.mark.django_db
@pytest.mark.parametrize("language", NOT_ENGLISH)
def test_the_explorers_sort_links_speak_the_editors_language(client, comms, blog_index, language):
    factories.ArticlePageFactory(parent=blog_index, title="Water")
    client.force_login(speaks(comms, language))

    explorer = page_text(client, reverse("wagtailadmin_explore", args=[blog_index.pk]))

    assert "Sort the order of child pages" not in explorer
    if language == "ko":
        # Wagtail's Korean lost the quote before the column's name.
        assert "순서를  " not in explorer
        ascending = "'Blog'의 하위 페이지를 '제목' 기준 오름차순으로 정렬합니다."
        assert escape(ascending) in explorer


@pytest.mark.django_db
@pytest.mark.parametrize("language", NOT_ENGLISH)
def test_the_history_names_the_system_in_the_editors_language(client, comms, blog_index, language):
    article = factories.ArticlePageFactory(parent=blog_index, title="Water")
    PageLogEntry.objects.log_action(article, "wagtail.publish")  # no user: a scheduled publish
    client.force_login(speaks(comms, language))

    content = page_text(client, reverse("wagtailadmin_pages:history", args=[article.pk]))

    assert not re.search(r">\s*system\s*<", content)
    if language == "ko":
        assert re.search(r">\s*시스템\s*<", content)
