"""`manage.py webhooks add|list|test|rotate|remove`."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from standardwebhooks.webhooks import Webhook

from citynet.webhooks.models import Subscription


def webhooks(*args):
    out = io.StringIO()
    call_command("webhooks", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_add_list_test_rotate_remove(receiver, django_capture_on_commit_callbacks):
    added = json.loads(
        webhooks("add", receiver.url, "--events", "page.published", "image.changed", "--json")
    )
    assert added["secret"].startswith("whsec_")
    subscription = Subscription.objects.get(pk=added["id"])
    assert subscription.events == ["page.published", "image.changed"]

    (listed,) = json.loads(webhooks("list", "--json"))
    assert listed["url"] == receiver.url and listed["active"]
    assert added["secret"] not in webhooks("list") + webhooks("list", "--json")

    with django_capture_on_commit_callbacks(execute=True):
        webhooks("test", str(added["id"]))
    (ping,) = receiver.verified(added["secret"])
    assert ping["type"] == "ping"

    rotated = json.loads(webhooks("rotate", str(added["id"]), "--json"))
    subscription.refresh_from_db()
    assert subscription.signing_secrets() == [rotated["secret"], added["secret"]]

    webhooks("remove", str(added["id"]))
    assert not Subscription.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "https://example.org/", "--events", "page.eaten"], "Unknown events: page.eaten"),
        (["add", "gopher://example.org/", "--events", "all"], "must use http or https"),
        (["test", "999"], "No webhook subscription with id 999"),
        (["remove", "999"], "No webhook subscription with id 999"),
    ],
)
def test_mistakes_are_clear_errors(args, message):
    with pytest.raises(CommandError, match=message):
        webhooks(*args)


@pytest.mark.django_db
def test_all_events(receiver):
    added = json.loads(webhooks("add", receiver.url, "--events", "all", "--json"))

    assert len(added["events"]) == 9
    assert Webhook(added["secret"])  # a valid Standard Webhooks secret
