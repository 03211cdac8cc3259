"""
The translation editor gives each role its own main action (issue 26): the secondee submits for
approval and cannot change the translation while it is awaited; communications approve and
publish it, or request changes with a comment; what they approve is what goes live.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from wagtail.models import Revision
from wagtail.users.models import UserProfile

from tests.i18n.test_translation_rights import (
    TITLE,
    edit_segment,
    korean_article,  # noqa: F401 (a fixture)
    refused,
    translate_every_segment,
    translation_into_korean,
)


def editor_action(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    marker = 'data-i18n-editor-action="'
    return html.split(marker)[1].split('"')[0] if marker in html else None


def submit(client, page):
    return client.post(reverse("i18n_submit_translation_for_approval", args=[page.pk]))


def review(client, page, action, comment=""):
    url = reverse("i18n_review_translation", args=[page.pk])
    return client.post(url, {"action": action, "comment": comment})


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def submitted(client, secondee, own_article, korean_article):  # noqa: F811
    """The Korean article, its title translated, submitted for approval by the secondee."""
    client.force_login(secondee)
    translate_every_segment(client, translation_into_korean(own_article))
    submit(client, korean_article)
    client.logout()
    korean_article.refresh_from_db()
    assert korean_article.workflow_in_progress
    return korean_article


@pytest.mark.django_db
def test_each_role_sees_its_own_main_action(
    client,
    secondee,
    comms,
    own_article,
    korean_article,  # noqa: F811
):
    client.force_login(secondee)
    translate_every_segment(client, translation_into_korean(own_article))
    assert editor_action(client, korean_article) == "submit"
    submit(client, korean_article)
    assert editor_action(client, korean_article) == "awaiting"

    client.force_login(comms)
    assert editor_action(client, korean_article) == "review"


def submit_footer(html):
    """The Submit button of the editor's footer (or its redrawn footer), and what it says."""
    footer = BeautifulSoup(html, "html.parser").select_one("footer[data-i18n-editor-action]")
    return footer.find("button"), footer.get_text(" ", strip=True)


@pytest.mark.django_db
def test_the_secondee_submits_only_once_every_segment_is_translated(
    client,
    secondee,
    own_article,
    korean_article,  # noqa: F811
):
    translation = translation_into_korean(own_article)
    client.force_login(secondee)
    edit_segment(client, translation, TITLE)
    revisions = Revision.objects.count()

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[korean_article.pk]))
    refusal = submit(client, korean_article)

    # The standfirst and the paragraph are still in English (the slug is not asked for).
    button, text = submit_footer(editor.content.decode())
    assert button.has_attr("disabled")
    assert "2 segments are not translated yet." in text
    assert refusal.url == reverse("wagtailadmin_pages:edit", args=[korean_article.pk])
    assert messages_of(refusal) == [
        "The translation was not submitted: 2 segments are not translated yet."
    ]
    korean_article.refresh_from_db()
    assert not korean_article.workflow_in_progress
    assert Revision.objects.count() == revisions

    translate_every_segment(client, translation)
    button, text = submit_footer(
        client.get(reverse("wagtailadmin_pages:edit", args=[korean_article.pk])).content.decode()
    )
    submitted = submit(client, korean_article)

    assert not button.has_attr("disabled")
    assert "not translated" not in text
    assert messages_of(submitted) == [f"'{TITLE}' was submitted to Communications approval."]
    korean_article.refresh_from_db()
    assert korean_article.workflow_in_progress


@pytest.mark.django_db
def test_a_segment_saved_as_spaces_is_not_translated(
    client,
    secondee,
    own_article,
    korean_article,  # noqa: F811
):
    """Found by an outside tester: a segment saved as spaces alone enabled Submit, and the
    spaces were what went for approval."""
    translation = translation_into_korean(own_article)
    client.force_login(secondee)
    translate_every_segment(client, translation, standfirst="   ")

    button, text = submit_footer(
        client.get(reverse("wagtailadmin_pages:edit", args=[korean_article.pk])).content.decode()
    )
    refusal = submit(client, korean_article)

    assert button.has_attr("disabled")
    assert "1 segment is not translated yet." in text
    assert messages_of(refusal) == [
        "The translation was not submitted: 1 segment is not translated yet."
    ]


@pytest.mark.django_db
def test_the_secondee_is_told_what_is_left_in_their_language(
    client,
    secondee,
    own_article,
    korean_article,  # noqa: F811
):
    prefers(secondee, "ko")
    client.force_login(secondee)

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[korean_article.pk]))
    refusal = submit(client, korean_article)

    assert "아직 번역하지 않은 구간이 3개 있습니다." in submit_footer(editor.content.decode())[1]
    assert messages_of(refusal) == [
        "번역을 제출하지 않았습니다. 아직 번역하지 않은 구간이 3개 있습니다."
    ]


@pytest.mark.django_db
def test_the_editor_redraws_its_footer_with_what_is_left(
    client,
    secondee,
    other_secondee,
    own_article,
    korean_article,  # noqa: F811
):
    translation = translation_into_korean(own_article)
    url = reverse("i18n_translation_editor_action", args=[translation.pk])
    client.force_login(secondee)

    before = submit_footer(client.get(url).content.decode())
    edit_segment(client, translation, TITLE)
    after = submit_footer(client.get(url).content.decode())
    translate_every_segment(client, translation)
    done = submit_footer(client.get(url).content.decode())

    assert "3 segments are not translated yet." in before[1]
    assert "2 segments are not translated yet." in after[1]
    assert before[0].has_attr("disabled") and after[0].has_attr("disabled")
    assert not done[0].has_attr("disabled")
    client.force_login(other_secondee)
    assert refused(client.get(url))


@pytest.mark.django_db
def test_the_author_cannot_change_a_translation_awaiting_approval(
    client, secondee, comms, own_article, submitted
):
    translation = translation_into_korean(own_article)
    client.force_login(secondee)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[submitted.pk])).content.decode()
    refused = edit_segment(client, translation, "바뀐 제목")

    assert "&quot;isLocked&quot;: true" in html
    assert refused.status_code == 403
    assert "awaiting moderation" in refused.json()["detail"]

    client.force_login(comms)  # the reviewer may still correct it
    assert edit_segment(client, translation, TITLE).status_code == 200


@pytest.mark.django_db
def test_what_communications_approve_is_what_goes_live(client, comms, own_article, submitted):
    client.force_login(comms)
    edit_segment(client, translation_into_korean(own_article), "모든 도시를 위한 깨끗한 물")

    response = review(client, submitted, "approve")

    submitted.refresh_from_db()
    assert response.status_code == 302
    assert messages_of(response) == ["'모든 도시를 위한 깨끗한 물' was approved and published."]
    assert submitted.live and not submitted.has_unpublished_changes
    assert submitted.title == submitted.draft_title == "모든 도시를 위한 깨끗한 물"
    assert not submitted.workflow_in_progress


@pytest.mark.django_db
def test_approving_says_when_the_source_gained_text_meanwhile(
    client, comms, own_article, submitted
):
    # The English standfirst changes, and is synced, while the translation awaits approval.
    own_article.standfirst = "How cities share what they learn, and teach."
    own_article.save_revision().publish()
    translation_into_korean(own_article).source.update_from_db()
    client.force_login(comms)

    response = review(client, submitted, "approve")

    # The reviewer is told that the standfirst went live in English.
    assert messages_of(response) == [
        f"'{TITLE}' was approved and published with missing translations - see below."
    ]


@pytest.mark.django_db
def test_communications_request_changes_with_a_comment_and_the_author_resubmits(
    client, secondee, comms, own_article, submitted
):
    client.force_login(comms)
    no_comment = review(client, submitted, "reject")
    assert submitted.workflow_in_progress
    assert "the comment is sent to the author" in messages_of(no_comment)[0]

    requested = review(client, submitted, "reject", "Please translate the standfirst too.")
    assert messages_of(requested)[-1] == f"Changes to '{TITLE}' were requested."
    submitted.refresh_from_db()
    assert not submitted.workflow_in_progress

    client.force_login(secondee)
    assert edit_segment(client, translation_into_korean(own_article), TITLE).status_code == 200
    submit(client, submitted)
    submitted.refresh_from_db()
    assert submitted.workflow_in_progress


@pytest.mark.django_db
def test_only_reviewers_may_review(client, secondee, submitted):
    client.force_login(secondee)
    assert refused(review(client, submitted, "approve"))
    submitted.refresh_from_db()
    assert submitted.workflow_in_progress


def prefers(user, language):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})


@pytest.mark.django_db
@pytest.mark.parametrize(
    "author_language, greeting, comment_line",
    [
        ("", "Hello Sun,", 'The following comment was left: "제목을 더 다듬어 주세요."'),
        ("ko", "Sun님, 안녕하세요.", '남긴 의견: "제목을 더 다듬어 주세요."'),
    ],
)
def test_a_korean_reviewer_s_request_for_changes_reaches_the_author_in_the_author_s_language(
    client, secondee, comms, submitted, author_language, greeting, comment_line
):
    # The secondee without a chosen language reads the site's default (decision 0205).
    prefers(secondee, author_language)
    prefers(comms, "ko")
    mail.outbox.clear()
    client.force_login(comms)
    review(client, submitted, "reject", "제목을 더 다듬어 주세요.")

    [email] = [email for email in mail.outbox if email.to == [secondee.email]]
    assert greeting in email.body
    assert comment_line in email.body
