"""
Issue 26: the admin screens a Korean editor meets after a translation is approved speak Korean
where Wagtail's and wagtail-localize's Korean catalogues leave English or particles without a noun
(our catalogue, decision 0235); the reports menu offers one translation report (decision 0269).
"""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests import factories
from tests.i18n.test_translation_rights import (
    korean_article,  # noqa: F401 (a fixture)
    sync_url,
    translate_every_segment,
    translation_into_korean,
)


@pytest.fixture
def korean_admin(db):
    user = factories.UserFactory(is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ko"
    profile.save()
    return user


@pytest.fixture
def approved_translation(client, secondee, comms, own_article, korean_article):  # noqa: F811
    """The secondee's Korean translation, submitted for approval and approved by communications."""
    client.force_login(secondee)
    translate_every_segment(client, translation_into_korean(own_article))
    client.post(reverse("i18n_submit_translation_for_approval", args=[korean_article.pk]))
    client.force_login(comms)
    task_state = korean_article.current_workflow_state.current_task_state
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[korean_article.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    client.logout()
    return korean_article


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_the_page_history_speaks_korean(client, korean_admin, approved_translation):
    client.force_login(korean_admin)
    url = reverse("wagtailadmin_pages:history", args=[approved_translation.pk])

    content = page_text(client, url)

    assert "단계에서 승인됨" in content
    assert "방금 전" in content
    for english in ["Approved at", "Just now", "just now"]:
        assert english not in content


@pytest.mark.django_db
def test_the_workflow_report_speaks_korean(client, korean_admin, approved_translation):
    client.force_login(korean_admin)

    content = page_text(client, reverse("wagtailadmin_reports:workflow"))

    for korean in ["작업별", "페이지/스니펫", "요청한 사람", "시작 시각"]:
        assert korean in content
    for wrong in ["By task", "Page/Snippet", "Requested by", "에 의해 요청됨", "에서 시작됨"]:
        assert wrong not in content


@pytest.mark.django_db
def test_the_dashboard_speaks_korean(client, korean_admin, site):
    client.force_login(korean_admin)

    content = page_text(client, reverse("wagtailadmin_home"))

    assert "생성됨)" in content
    for english in ["created in", "editor guide"]:
        assert english not in content


@pytest.mark.django_db
def test_the_empty_webhooks_list_speaks_korean(client, korean_admin):
    client.force_login(korean_admin)

    content = page_text(client, reverse("webhook_subscriptions:index"))

    assert "표시할 웹훅 구독이(가) 없습니다" in content
    for english in ["There are no", "Why not", "New: "]:
        assert english not in content


@pytest.mark.django_db
def test_the_sync_page_speaks_korean(client, korean_admin, own_article, korean_article):  # noqa: F811
    client.force_login(korean_admin)

    content = page_text(client, sync_url(own_article))

    assert "원문 언어로 표시됩니다" in content
    assert "Apply the updates" not in content


@pytest.mark.django_db
def test_the_reports_menu_offers_one_translation_report(client, korean_admin):
    client.force_login(korean_admin)

    content = page_text(client, reverse("wagtailadmin_home"))

    assert reverse("i18n_translation_status") in content
    assert reverse("wagtail_localize:translations_report") not in content
