"""The approval workflow: submit, reject with a comment, approve now or with a go-live time."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from tests.editorial.forms import edit_form_data


def post_edit(client, page, **changes):
    data = edit_form_data(client, page, **changes)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def submit(client, page):
    response = post_edit(client, page, **{"action-submit": "1"})
    assert response.status_code == 302
    return WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")


def workflow_action(client, page, state, action, comment=""):
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, state.current_task_state.pk],
    )
    return client.post(url, {"comment": comment} if comment else {})


@pytest.fixture
def submitted(client, secondee, comms, draft_article):
    client.force_login(secondee)
    state = submit(client, draft_article)
    client.logout()
    return state


@pytest.mark.django_db
def test_submitting_notifies_the_communications_team(submitted, comms, draft_article):
    assert submitted.current_task_state.task.name == "Communications approval"
    assert any(comms.email in message.to for message in mail.outbox)
    draft_article.refresh_from_db()
    assert not draft_article.live


@pytest.mark.django_db
def test_author_sees_the_state_of_their_submission(client, secondee, submitted, draft_article):
    client.force_login(secondee)
    response = client.get(reverse("wagtailadmin_home"))
    content = response.content.decode()
    assert draft_article.title in content
    assert "Communications approval" in content


@pytest.mark.django_db
def test_rejecting_with_a_comment_returns_the_article_to_its_author(
    client, comms, secondee, submitted, draft_article
):
    mail.outbox.clear()
    client.force_login(comms)

    response = workflow_action(client, draft_article, submitted, "reject", "Add a photo credit.")

    assert response.status_code in (200, 302)
    submitted.refresh_from_db()
    assert submitted.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert submitted.current_task_state.comment == "Add a photo credit."
    assert any(secondee.email in message.to for message in mail.outbox)
    draft_article.refresh_from_db()
    assert not draft_article.live
    # The author can edit again and resubmit.
    client.force_login(secondee)
    assert post_edit(client, draft_article, title="With credit").status_code == 302


@pytest.mark.django_db
def test_approving_publishes_and_tells_the_author(
    client, comms, secondee, submitted, draft_article
):
    mail.outbox.clear()
    client.force_login(comms)

    workflow_action(client, draft_article, submitted, "approve")

    submitted.refresh_from_db()
    assert submitted.status == WorkflowState.STATUS_APPROVED
    draft_article.refresh_from_db()
    assert draft_article.live
    assert any(secondee.email in message.to for message in mail.outbox)


@pytest.mark.django_db
def test_approving_with_a_go_live_time_schedules_instead(client, comms, submitted, draft_article):
    go_live = timezone.now() + datetime.timedelta(hours=3)
    client.force_login(comms)

    # The reviewer sets the go-live in the edit form and approves from it, as in the browser.
    response = post_edit(
        client,
        draft_article,
        go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M:%S"),
        **{"action-workflow-action": "1", "workflow-action-name": "approve"},
    )

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == WorkflowState.STATUS_APPROVED
    draft_article.refresh_from_db()
    assert not draft_article.live
    assert draft_article.status_string == "scheduled"
    assert draft_article.scheduled_revision.approved_go_live_at == go_live.replace(microsecond=0)
