"""
Issue 26: the email telling translators that their translation is outdated is sent by the task
worker (decision 0240). With the mail server stopped, communications still publish the English
source at once; the email waits on the queue, is retried, and reaches the translator once the
server answers.
"""

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from citynet.i18n.notifications import send_outdated_translation_email
from tests import factories
from tests.comments.test_outages import run_worker, smtp_server  # noqa: F401 (fixtures)
from tests.editorial.forms import edit_form_data
from tests.i18n.test_translation_work import korean_translation  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def waiting_emails():
    return DBTaskResult.objects.filter(
        task_path=send_outdated_translation_email.module_path, status=TaskResultStatus.READY
    )


def test_publishing_the_source_with_the_mail_server_down_succeeds_and_the_email_follows(
    client,
    comms,
    secondee,
    own_article,
    korean_translation,  # noqa: F811
    smtp_server,  # noqa: F811
    run_worker,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    factories.ArticleAuthorFactory(article=own_article, person=factories.PersonFactory())
    client.force_login(comms)
    url = reverse("wagtailadmin_pages:edit", args=[own_article.pk])
    data = edit_form_data(client, own_article, title="Water for every city, and its people")
    data["action-publish"] = "action-publish"

    with django_capture_on_commit_callbacks(execute=True):  # the mail server is not running
        response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    own_article.refresh_from_db()
    assert own_article.live and own_article.title == "Water for every city, and its people"
    assert smtp_server.messages == []
    assert waiting_emails().count() == 1

    run_worker()  # the send fails: queued again, for later
    (retry,) = waiting_emails()
    assert retry.run_after > timezone.now()

    smtp_server.start()
    waiting_emails().update(run_after=timezone.now())
    run_worker()

    assert waiting_emails().count() == 0
    (message,) = smtp_server.messages
    assert message.rcpt_tos == [secondee.email]
    assert b"Water for every city, and its people" in message.content
