"""
Issue 26: the emails Wagtail's page editor sends about new comments speak each recipient's
admin language, or the site's for one who chose none, never the commenter's: a Korean
commenter's email reaches an English reader in English, through a real SMTP server
(decision 0277).
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageSubscription

from tests import factories
from tests.comments.test_moderator_languages import prefers, received
from tests.comments.test_outages import smtp_server  # noqa: F401 (a fixture)
from tests.editorial.forms import edit_form_data

pytestmark = pytest.mark.django_db


def subscribed(page, username, language=None):
    user = factories.UserFactory(username=username, email=f"{username}@example.org")
    if language:
        prefers(user, language)
    PageSubscription.objects.create(user=user, page=page, comment_notifications=True)
    return user


def comment_on_title(client, page, text):
    data = edit_form_data(client, page)
    data.update(
        {
            "comments-TOTAL_FORMS": "1",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "comments-0-id": "",
            "comments-0-contentpath": "title",
            "comments-0-position": "",
            "comments-0-text": text,
            "comments-0-resolved": "",
            "comments-0-DELETE": "",
            "comments-0-replies-TOTAL_FORMS": "0",
            "comments-0-replies-INITIAL_FORMS": "0",
            "comments-0-replies-MIN_NUM_FORMS": "0",
            "comments-0-replies-MAX_NUM_FORMS": "1000",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_korean_commenters_email_reaches_each_reader_in_their_language(
    comms,
    live_article,
    smtp_server,  # noqa: F811
):
    smtp_server.start()
    english = subscribed(live_article, "no_choice")  # chose no admin language
    korean = subscribed(live_article, "reads_korean", "ko")
    japanese = subscribed(live_article, "reads_japanese", "ja")
    prefers(comms, "ko")
    client = Client()
    client.force_login(comms)

    comment_on_title(client, live_article, "Please check the figures.")

    inbox = received(smtp_server)
    english_subject, english_body = inbox[(english.email,)]
    korean_subject, korean_body = inbox[(korean.email,)]
    japanese_subject, japanese_body = inbox[(japanese.email,)]
    assert "Please check the figures." in english_body
    # Wagtail's English, not the commenter's Korean.
    assert (
        english_subject == f'{comms.get_username()} has updated comments on "{live_article.title}"'
    )
    assert not any(
        "\uac00" <= character <= "\ud7a3" for character in english_subject + english_body
    )
    assert english_subject != korean_subject != japanese_subject
    assert any("\uac00" <= character <= "\ud7a3" for character in korean_subject)
    assert any("\u3040" <= character <= "\u30ff" for character in japanese_subject + japanese_body)
