"""
Issue 26: the email about a held comment reaches each moderator in the language they chose for
the admin, decided when the worker sends it: one message per language, through a real SMTP
server (decision 0205).
"""

import email
from email import policy

import pytest
from django.conf import settings
from django.core import mail
from wagtail.users.models import UserProfile

from comments import tasks
from comments.models import ReaderComment
from comments.notifications import moderator_emails
from tests.comments.conftest import form_data
from tests.comments.test_outages import POST, run_worker, smtp_server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

ENGLISH_SUBJECT = "A reader comment on “Seoul data” awaits moderation"


def prefers(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def received(server):
    """{recipients: (subject, body)} of what the SMTP `server` received."""
    found = {}
    for envelope in server.messages:
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        found[tuple(sorted(envelope.rcpt_tos))] = (
            str(message["subject"]).strip(),
            message.get_content(),
        )
    return found


def test_a_korean_moderator_reads_korean_and_the_author_english(
    client,
    article,
    comms,
    smtp_server,  # noqa: F811
    run_worker,  # noqa: F811
):
    smtp_server.start()
    client.post(POST, form_data(article))  # held: a new commenter
    prefers(comms, "ko")  # chosen after the post, before the worker sends: it counts
    run_worker()

    inbox = received(smtp_server)
    korean_subject, korean_body = inbox[(comms.email,)]
    assert korean_subject == "“Seoul data”에 달린 독자 댓글이 검토를 기다리고 있습니다"
    assert "Ana Reader님이 “Seoul data”에 댓글을 남겼습니다" in korean_body
    assert "보류 사유:" in korean_body
    assert "승인, 스팸으로 표시 또는 답글:" in korean_body
    english_subject, english_body = inbox[(article.owner.email,)]
    assert english_subject == ENGLISH_SUBJECT
    assert "Ana Reader commented on “Seoul data” (held: new or unconfirmed commenter)" in (
        english_body
    )


@pytest.mark.parametrize(
    "language", [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES]
)
def test_the_held_comment_email_speaks_every_admin_language(article, comms, make_comment, language):
    prefers(comms, language)
    comment = make_comment(
        status=ReaderComment.Status.PENDING, held_because="new or unconfirmed commenter"
    )

    (message,) = [message for message in moderator_emails(comment) if comms.email in message.to]

    if language == settings.LANGUAGE_CODE:
        assert message.subject == ENGLISH_SUBJECT
    else:
        assert "Seoul data" in message.subject and message.subject != ENGLISH_SUBJECT
        assert "Approve, mark as spam or reply" not in message.body
        assert "new or unconfirmed commenter" not in message.body


def test_a_retry_goes_only_to_those_not_reached(article, comms, make_comment, monkeypatch):
    """The English message left, the Korean one failed: the retry sends the Korean one only."""
    prefers(comms, "ko")
    comment = make_comment(status=ReaderComment.Status.PENDING)
    retries = []
    monkeypatch.setattr(tasks, "retry_later", lambda *args: retries.append(args))
    sent = mail.EmailMessage.send

    def send(message):
        if comms.email in message.to:
            raise ConnectionRefusedError
        return sent(message)

    monkeypatch.setattr(mail.EmailMessage, "send", send)
    tasks.send_comment_email.call("moderators", comment.pk)

    assert [message.to for message in mail.outbox] == [[article.owner.email]]
    assert retries == [("moderators", comment.pk, 1, [comms.email])]


@pytest.mark.parametrize(
    "language", [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES]
)
def test_a_comment_held_for_its_links_says_so_in_every_admin_language(
    article, comms, make_comment, language
):
    """The reason is stored with its number, in the site's language (decision 0296)."""
    prefers(comms, language)
    comment = make_comment(status=ReaderComment.Status.PENDING, held_because="more than 2 links")

    (message,) = [message for message in moderator_emails(comment) if comms.email in message.to]

    if language == settings.LANGUAGE_CODE:
        assert "(held: more than 2 links)" in message.body
    else:
        assert "more than 2 links" not in message.body
        assert "2" in message.body.split("\n", 1)[0]
    if language == "ko":
        assert "(보류 사유: 링크가 2개를 넘음)" in message.body


def test_a_reason_of_other_origin_is_shown_as_stored(article, comms, make_comment):
    prefers(comms, "ko")
    comment = make_comment(status=ReaderComment.Status.PENDING, held_because="held in WordPress")

    (message,) = [message for message in moderator_emails(comment) if comms.email in message.to]

    assert "(보류 사유: held in WordPress)" in message.body
