"""The admin: subscriptions with a secret shown once, and the delivery log with redelivery."""

import pytest
from django.urls import reverse
from standardwebhooks.webhooks import Webhook
from wagtail.models import Locale

from citynet.webhooks.models import Attempt, Delivery, Subscription
from tests import factories
from tests.webhooks.conftest import subscribe


@pytest.fixture
def admin_client(client, db):
    client.force_login(factories.UserFactory(username="root", is_superuser=True))
    return client


def create(admin_client, url, **fields):
    return admin_client.post(
        reverse("webhook_subscriptions:add"),
        {"url": url, "events": ["page.published", "page.moved"], "active": "on", **fields},
    )


@pytest.mark.django_db
def test_the_secret_is_shown_once_and_stored_encrypted(admin_client, receiver):
    korean = Locale.objects.get(language_code="ko")
    response = create(admin_client, receiver.url, locales=[korean.pk])

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    secret = response.context["secret"]
    assert secret.startswith("whsec_")
    subscription = Subscription.objects.get()
    assert subscription.events == ["page.published", "page.moved"]
    assert list(subscription.locales.all()) == [korean]
    assert secret not in subscription.secret_encrypted
    assert subscription.signing_secrets() == [secret]
    for url in (
        reverse("webhook_subscriptions:index"),
        reverse("webhook_subscriptions:edit", args=[subscription.pk]),
    ):
        page = admin_client.get(url)
        assert page.status_code == 200
        assert secret not in page.content.decode()
    listing = admin_client.get(reverse("webhook_subscriptions:index")).content.decode()
    assert subscription.secret_fingerprint in listing
    assert reverse("webhook_subscriptions:rotate", args=[subscription.pk]) in listing


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/", "The target must use http or https."),
        ("http://10.1.2.3/hooks", "10.1.2.3 is a private"),
        ("https://user:pw@example.org/", "Credentials in the URL are not allowed"),
    ],
)
def test_bad_targets_are_form_errors(admin_client, url, message):
    response = create(admin_client, url)

    assert response.status_code == 200
    assert message in str(response.context["form"].errors["url"])
    assert not Subscription.objects.exists()


@pytest.mark.django_db
def test_https_is_required_outside_development(admin_client, settings):
    settings.WEBHOOKS_ALLOW_HTTP = False
    response = create(admin_client, "http://example.org/hooks")

    assert "The target must use https." in str(response.context["form"].errors["url"])


@pytest.mark.django_db
def test_rotating_shows_the_new_secret_once(admin_client, receiver):
    subscription, old = subscribe(receiver.url)
    url = reverse("webhook_subscriptions:rotate", args=[subscription.pk])
    assert admin_client.get(url).status_code == 200

    response = admin_client.post(url)

    new = response.context["secret"]
    subscription.refresh_from_db()
    assert subscription.signing_secrets() == [new, old]


@pytest.mark.django_db
def test_the_log_lists_attempts_and_redelivers_with_the_same_id(
    admin_client, receiver, subscription, blog_index, django_capture_on_commit_callbacks
):
    receiver.answer(404)
    with django_capture_on_commit_callbacks(execute=True):
        factories.ArticlePageFactory(parent=blog_index).save_revision().publish()
    delivery = Delivery.objects.get()
    assert delivery.status == "failed"

    log = admin_client.get(reverse("webhook_log:index"))
    assert log.status_code == 200
    assert delivery.message_id in log.content.decode()
    assert "HTTP 404" in log.content.decode()
    assert reverse("webhook_log:redeliver", args=[delivery.pk]) in log.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("webhook_log:redeliver", args=[delivery.pk]))

    assert response.status_code == 302
    first, second = receiver.requests
    assert first["headers"]["webhook-id"] == second["headers"]["webhook-id"]
    assert Webhook(subscription[1]).verify(second["body"], second["headers"])
    assert list(Attempt.objects.order_by("pk").values_list("status_code", flat=True)) == [404, 200]


@pytest.mark.django_db
def test_editors_cannot_see_webhooks(client):
    from django.contrib.auth.models import Group

    from citynet.editorial.roles import COMMUNICATIONS

    comms = factories.UserFactory(username="comms")
    comms.groups.add(Group.objects.get(name=COMMUNICATIONS))
    client.force_login(comms)

    for name in ("webhook_subscriptions:index", "webhook_log:index"):
        response = client.get(reverse(name))
        assert response.status_code in (302, 403)
