"""
Issue 26: the site's other emails to staff, a translation outdated by its source and a webhook
subscription disabled, are written in each recipient's admin language (decision 0205).
"""

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from citynet.i18n.notifications import send_outdated_email
from citynet.webhooks.models import Subscription
from citynet.webhooks.sending import tell_administrators
from tests import factories
from tests.i18n.test_translation_work import korean_translation  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def prefers(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def test_a_korean_translator_hears_in_korean_that_a_translation_is_outdated(
    secondee,
    own_article,
    korean_translation,  # noqa: F811
):
    send_outdated_email(prefers(secondee, "ko"), own_article, korean_translation, None)

    (message,) = mail.outbox
    assert (
        message.subject
        == f'"{korean_translation.title}" 번역이 최신이 아닙니다: 영어 원문이 바뀌었습니다'
    )
    assert "한국어 번역 열기:" in message.body
    # Greeted by the short name, as Wagtail's workflow emails greet the same person (0295).
    assert message.body.startswith("Sun님")


def test_administrators_hear_of_a_disabled_webhook_each_in_their_language():
    korean = prefers(factories.UserFactory(is_superuser=True, email="ko@example.org"), "ko")
    english = factories.UserFactory(is_superuser=True, email="en@example.org")
    subscription = Subscription(url="https://example.org/hooks", events=["page.published"])
    subscription.set_new_secret()
    subscription.save()

    tell_administrators(subscription, "The target answered 410 Gone.")

    subjects = {tuple(message.to): message.subject for message in mail.outbox}
    assert subjects == {
        (english.email,): "Webhook subscription disabled: https://example.org/hooks",
        (korean.email,): "웹훅 구독이 비활성화됨: https://example.org/hooks",
    }
