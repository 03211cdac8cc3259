"""Issue 26: the webhook screens speak the administrator's admin language (Korean here)."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from citynet.webhooks.models import Attempt, Delivery
from tests import factories
from tests.webhooks.conftest import subscribe

ENGLISH = [
    "Target URL",
    "target URL",
    "Description",
    "Disabled reason",
    "Secret fingerprint",
    "Rotate secret",
    "A page is published",
    "None ticked",
    "Make a new secret",
    "Signing secret",
    "Done",
    "Redeliver",
    "Duration (ms)",
    "again?",
    "must use",
    "Delivery ",
    "Active",
    # Wagtail's listing words its Korean catalogue lacks (decision 0235)
    "Sort by",
    "Show filters",
    "More options for",
]


@pytest.fixture
def korean_admin(client, db):
    admin = factories.UserFactory(username="root", is_superuser=True)
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "ko"
    profile.save()
    client.force_login(admin)
    return client


@pytest.fixture
def failed_delivery(db):
    subscription, _secret = subscribe("https://receiver.example.org/hooks")
    delivery = Delivery.objects.create(
        subscription=subscription, event="page.published", body="{}", status="failed"
    )
    Attempt.objects.create(delivery=delivery, status_code=404, duration_ms=12, error="HTTP 404")
    return delivery


def text_of(client, path, method="get", **data):
    response = getattr(client, method)(path, data)
    assert response.status_code == 200
    return response.content.decode()


def test_every_webhook_screen_speaks_korean(korean_admin, failed_delivery):
    subscription = failed_delivery.subscription
    screens = {
        "subscriptions": text_of(korean_admin, reverse("webhook_subscriptions:index")),
        "new subscription": text_of(
            korean_admin,
            reverse("webhook_subscriptions:add"),
            "post",
            url="ftp://example.org/",
        ),
        "rotate": text_of(
            korean_admin, reverse("webhook_subscriptions:rotate", args=[subscription.pk])
        ),
        "new secret": text_of(
            korean_admin,
            reverse("webhook_subscriptions:rotate", args=[subscription.pk]),
            "post",
        ),
        "log": text_of(korean_admin, reverse("webhook_log:index")),
        "redeliver": text_of(
            korean_admin, reverse("webhook_log:redeliver", args=[failed_delivery.pk])
        ),
    }
    expected = {
        "subscriptions": ["대상 URL", "비활성화 사유", "비밀 키 교체"],
        "new subscription": [
            "대상은 http 또는 https를 사용해야 합니다",
            "페이지가 게시됨",
            "선택하지 않으면 모든 유형",
        ],
        "rotate": ["새 서명 비밀 키를 만들까요?", "새 비밀 키 만들기"],
        "new secret": ["한 번만 표시됩니다", "이전 비밀 키는", "완료"],
        "log": ["구독", "페이지가 게시됨", "소요 시간(ms)", "다시 전송"],
        "redeliver": ["다시 보낼까요?", "다시 전송"],
    }
    for screen, content in screens.items():
        for korean in expected[screen]:
            assert korean in content, (screen, korean)
        for english in ENGLISH:
            assert english not in content, (screen, english)
