"""Delivery on the task queue: on time, retried with the same webhook-id, never lost, safe."""

import datetime
import socket

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from standardwebhooks.webhooks import Webhook

from citynet.webhooks import sending
from citynet.webhooks.models import Attempt, Delivery, Subscription
from citynet.webhooks.tasks import prune, send_overdue
from tests import factories
from tests.clock import START
from tests.webhooks.conftest import DATABASE_QUEUE, subscribe

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture
def publish(blog_index, django_capture_on_commit_callbacks):
    """Publish an article as a request does; returns its one delivery."""

    def run(title="Water for every city"):
        with django_capture_on_commit_callbacks(execute=True):
            factories.ArticlePageFactory(parent=blog_index, title=title).save_revision().publish()
        return Delivery.objects.latest("pk")

    return run


@pytest.fixture
def admin(db):
    return factories.UserFactory(username="root", is_superuser=True, email="root@example.org")


def test_scheduled_go_live_is_delivered_in_the_same_worker_pass(
    receiver, subscription, blog_index, clock, worker, django_capture_on_commit_callbacks
):
    go_live = START + datetime.timedelta(hours=1)
    page = factories.ArticlePageFactory(parent=blog_index, live=False, title="Planned")
    page.go_live_at = go_live
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    clock.move_to(go_live)  # the worker's wake-up task falls due
    worker()

    ((headers, payload),) = receiver.messages()
    assert payload["type"] == "page.scheduled_published"
    sent_at = datetime.datetime.fromtimestamp(int(headers["webhook-timestamp"]), datetime.UTC)
    # The clock stood still: the delivery was due at once, not at a later poll or sweep.
    assert sent_at - go_live <= datetime.timedelta(seconds=5)
    assert Webhook(subscription[1]).verify(receiver.requests[0]["body"], headers)


def test_a_failure_is_retried_with_the_same_webhook_id(
    receiver, subscription, clock, worker, publish
):
    receiver.answer(500)
    delivery = publish()
    worker()
    delivery.refresh_from_db()
    assert delivery.status == "pending" and delivery.attempts == 1
    assert delivery.next_attempt_at - START >= datetime.timedelta(seconds=24)

    clock.move_to(delivery.next_attempt_at)
    worker()

    first, second = receiver.requests
    assert first["headers"]["webhook-id"] == second["headers"]["webhook-id"] == delivery.message_id
    assert first["body"] == second["body"]
    assert Webhook(subscription[1]).verify(second["body"], second["headers"])
    delivery.refresh_from_db()
    assert delivery.status == "delivered"
    assert Delivery.objects.count() == 1
    assert list(Attempt.objects.order_by("pk").values_list("status_code", flat=True)) == [500, 200]


def test_retry_after_is_honoured(receiver, subscription, clock, worker, publish):
    receiver.answer(429, {"Retry-After": "3600"})
    delivery = publish()
    worker()

    delivery.refresh_from_db()
    assert delivery.next_attempt_at == START + datetime.timedelta(hours=1)


def test_gone_disables_the_subscription(receiver, subscription, admin, worker, publish):
    receiver.answer(410)
    publish()
    worker()
    publish("A second story")
    worker()

    assert len(receiver.requests) == 1
    subscription = Subscription.objects.get()
    assert not subscription.active
    assert "410" in subscription.disabled_reason
    assert mail.outbox[0].to == ["root@example.org"]
    subscription.active = True  # an administrator enables it again
    subscription.save()
    assert subscription.disabled_reason == ""


def test_other_client_errors_fail_without_retry(receiver, subscription, worker, publish):
    receiver.answer(404)
    delivery = publish()
    worker()

    delivery.refresh_from_db()
    assert delivery.status == "failed"
    assert Subscription.objects.get().active


def test_after_the_last_attempt_the_subscription_is_disabled(
    receiver, subscription, admin, clock, worker, publish
):
    for _ in range(sending.MAX_ATTEMPTS):
        receiver.answer(503)
    delivery = publish()
    worker()
    for _ in range(sending.MAX_ATTEMPTS - 1):
        delivery.refresh_from_db()
        clock.move_to(delivery.next_attempt_at)
        worker()

    assert len(receiver.requests) == sending.MAX_ATTEMPTS == 9
    assert len({r["headers"]["webhook-id"] for r in receiver.requests}) == 1
    delivery.refresh_from_db()
    assert delivery.status == "failed"
    assert not Subscription.objects.get().active
    assert "Webhook subscription disabled" in mail.outbox[0].subject
    assert timezone.now() - START > datetime.timedelta(hours=20)


def test_retries_spread_over_about_a_day():
    low = sum(delay.total_seconds() * 0.8 for delay in sending.RETRY_DELAYS) / 3600
    high = sum(delay.total_seconds() * 1.2 for delay in sending.RETRY_DELAYS) / 3600
    assert 20 < low < high < 34
    delays = [sending.retry_delay(1) for _ in range(50)]
    assert len(set(delays)) > 1  # jitter
    assert all(
        datetime.timedelta(seconds=24) <= d <= datetime.timedelta(seconds=36) for d in delays
    )


def test_pending_deliveries_survive_a_worker_killed_mid_send(
    receiver, subscription, clock, worker, publish
):
    delivery = publish()
    # A worker claimed the task and the delivery, then died before the answer came.
    task = DBTaskResult.objects.get(task_path="citynet.webhooks.tasks.deliver")
    task.claim("killed-worker")
    assert sending.claim(delivery.pk, START)
    worker()  # a new worker: the dead one's task is not ready, the delivery is leased
    assert receiver.requests == []

    clock.move_to(START + 3 * sending.lease())  # the sweep runs every minute
    worker()

    assert [r["headers"]["webhook-id"] for r in receiver.requests] == [delivery.message_id]
    delivery.refresh_from_db()
    assert delivery.status == "delivered"


def test_deliveries_wait_for_a_stopped_worker(receiver, subscription, clock, worker, publish):
    delivery = publish()
    assert receiver.requests == []  # no worker: the delivery and its task wait in the database

    clock.move_to(START + datetime.timedelta(hours=3))
    worker()

    assert receiver.events() == ["page.published"]
    delivery.refresh_from_db()
    assert delivery.status == "delivered"


@override_settings(WEBHOOKS_ALLOW_LOOPBACK=False)
def test_a_name_resolving_to_loopback_is_refused_at_delivery(receiver, worker, publish):
    assert socket.gethostbyname("localhost") == "127.0.0.1"
    subscribe(receiver.url.replace("127.0.0.1", "localhost"))
    delivery = publish()
    worker()

    assert receiver.requests == []
    attempt = Attempt.objects.get()
    assert attempt.status_code is None
    assert (
        attempt.error == "Refused: 127.0.0.1 is a private, loopback, link-local or reserved address"
    )
    delivery.refresh_from_db()
    assert delivery.status == "failed"


@pytest.mark.parametrize(
    "url", ["http://10.0.0.7/hooks", "http://169.254.169.254/latest", "http://[fd00::1]/"]
)
def test_private_targets_are_refused_at_delivery(url, worker, publish):
    # Saved when the address was public, say: the check that counts is the one at delivery.
    subscribe(url)
    publish()
    worker()

    assert Attempt.objects.get().error.startswith("Refused:")


def test_redirects_are_not_followed(receiver, subscription, worker, publish):
    receiver.answer(302, {"Location": receiver.url + "/elsewhere"})
    delivery = publish()
    worker()

    assert [r["path"] for r in receiver.requests] == ["/hooks"]
    delivery.refresh_from_db()
    assert delivery.status == "failed"
    assert Attempt.objects.get().status_code == 302


@override_settings(WEBHOOKS_TIMEOUT=1)
def test_a_slow_receiver_times_out_and_is_retried(receiver, subscription, worker, publish):
    receiver.answer(200, delay=2)
    delivery = publish()
    worker()

    attempt = Attempt.objects.get()
    assert attempt.status_code is None
    assert "timed out" in attempt.error
    delivery.refresh_from_db()
    assert delivery.status == "pending"


def test_rotated_secret_signs_beside_the_old_one_during_the_overlap(
    receiver, subscription, clock, worker, publish
):
    subscription, old_secret = subscription
    new_secret = subscription.set_new_secret(overlap=datetime.timedelta(hours=24))
    subscription.save()
    publish()
    worker()
    clock.move_to(START + datetime.timedelta(hours=25))
    publish("After the overlap")
    worker()

    during, after = receiver.requests
    assert len(during["headers"]["webhook-signature"].split(" ")) == 2
    with time_machine.travel(START):
        assert Webhook(old_secret).verify(during["body"], during["headers"])
        assert Webhook(new_secret).verify(during["body"], during["headers"])
    assert Webhook(new_secret).verify(after["body"], after["headers"])
    assert len(after["headers"]["webhook-signature"].split(" ")) == 1


def test_the_log_is_pruned_after_30_days(receiver, subscription, clock, worker, publish):
    publish()
    worker()
    receiver.answer(500)
    clock.move_to(START + datetime.timedelta(days=29))
    publish("Still failing")
    worker()

    clock.move_to(START + datetime.timedelta(days=31))
    assert prune() == 2  # the old delivery and its attempt
    assert Delivery.objects.get().status == "pending"
    assert send_overdue() == 1
