"""
Issue 28, finding 3: posting a comment never fails because Redis or the mail server is down.
The limits count in each process while Redis is away; the emails wait on the task queue and are
retried until the mail server answers, and a reader who sends again gets the first answer. The
tests own their Redis and SMTP servers and stop and start them.
"""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from comments import limits
from comments.models import ReaderComment
from comments.tasks import send_comment_email
from tests.comments.conftest import form_data
from tests.live.servers import RedisServer, SMTPServer, serving_the_cache

pytestmark = pytest.mark.django_db

POST = "/en/comments/post/"


@pytest.fixture
def redis_server(tmp_path):
    limits.local.clear()
    yield from serving_the_cache(RedisServer(tmp_path))


def test_posting_works_with_redis_down_and_is_still_limited(client, article, redis_server):
    redis_server.stop()

    for number in range(limits.PER_IP[0]):
        response = client.post(POST, form_data(article, author_email=f"r{number}@example.org"))
        assert response.status_code == 200
        assert "awaits moderation" in response.content.decode()
    refused = client.post(POST, form_data(article, author_email="more@example.org"))

    assert refused.status_code == 400
    assert "several comments in a short time" in refused.content.decode()
    assert ReaderComment.objects.count() == limits.PER_IP[0]

    redis_server.start()
    limits.local.clear()  # the shared count is used again, not this process's
    welcome = client.post(POST, form_data(article, author_email="back@example.org"))
    assert "awaits moderation" in welcome.content.decode()


@pytest.fixture
def smtp_server():
    server = SMTPServer()
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=server.port,
        EMAIL_TIMEOUT=2,
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    ):
        yield server
    server.stop()


@pytest.fixture
def run_worker(monkeypatch):
    """The real db_worker until nothing is ready, inside the test's transaction."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: call_command(
        "db_worker", batch=True, reload=False, startup_delay=False, verbosity=0
    )


def waiting_emails():
    return DBTaskResult.objects.filter(
        task_path=send_comment_email.module_path, status=TaskResultStatus.READY
    )


def test_mail_server_down_never_fails_a_post_and_the_emails_follow(
    client, article, comms, smtp_server, run_worker
):
    data = form_data(article)  # the mail server is not running
    answers = [client.post(POST, data) for _ in range(3)]  # the reader sends again, and again

    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert all("awaits moderation" in answer.content.decode() for answer in answers)
    assert ReaderComment.objects.count() == 1
    assert waiting_emails().count() == 2  # to the commenter, to the moderators

    run_worker()  # both sends fail: each is queued again, for later
    retries = waiting_emails()
    assert retries.count() == 2
    assert all(retry.run_after > timezone.now() for retry in retries)

    smtp_server.start()
    retries.update(run_after=timezone.now())
    run_worker()

    assert waiting_emails().count() == 0
    recipients = sorted(tuple(message.rcpt_tos) for message in smtp_server.messages)
    assert recipients == sorted(
        [("ana@example.org",), tuple(sorted([comms.email, article.owner.email]))]
    )
