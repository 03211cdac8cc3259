"""
Finding 2: guessing is throttled per IP address and per account at one address (django-axes,
decisions 0072 and 0180), with a clear message, the same for accounts that exist and accounts
that do not, and an unlock path. Issue 28: nobody's failures lock the right user out elsewhere.
"""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
GOOD = "correct horse battery staple"  # the factories' password
LIMIT = 5


@pytest.fixture
def editor(db):
    return factories.UserFactory(username="editor", is_superuser=True)


def log_in(client, username, password, ip="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_an_account_locks_at_the_address_that_guessed(client, editor):
    for number in range(LIMIT):
        response = log_in(client, "editor", f"guess {number}", ip="10.0.1.1")
        assert response.status_code in (200, 429)

    response = log_in(client, "editor", GOOD, ip="10.0.1.1")

    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_elsewhere_never_lock_the_right_user_out(client, editor):
    for number in range(4 * LIMIT):
        log_in(client, "editor", f"guess {number}", ip=f"10.0.1.{number % 3}")

    response = log_in(client, "editor", GOOD, ip="10.0.2.1")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
    dashboard = client.get(response["Location"], REMOTE_ADDR="10.0.2.1").content.decode()
    assert "Someone failed to sign in as you 20 times from other addresses" in dashboard


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_one_address_guessing_locks_only_itself(client, editor):
    """Every request comes from the proxy (127.0.0.1); X-Forwarded-For names the client."""
    for number in range(LIMIT):
        client.post(
            LOGIN,
            {"username": f"nobody{number}", "password": "guess"},
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    refused = client.post(
        LOGIN, {"username": "editor", "password": GOOD}, HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    assert refused.status_code == 429

    response = client.post(
        LOGIN, {"username": "editor", "password": GOOD}, HTTP_X_FORWARDED_FOR="203.0.113.8"
    )

    assert response.status_code == 302


def test_an_address_locks_after_guessing_many_accounts(client, editor):
    for number in range(LIMIT):
        log_in(client, f"someone{number}", "guess")

    assert log_in(client, "editor", GOOD).status_code == 429


def test_a_lockout_tells_nothing_about_whether_an_account_exists(client, editor):
    for username in ("editor", "nobody-by-this-name"):
        for _ in range(LIMIT):
            log_in(client, username, "guess", ip=f"10.0.3.{len(username)}")
    existing = log_in(client, "editor", "guess", ip="10.0.3.6")
    missing = log_in(client, "nobody-by-this-name", "guess", ip="10.0.3.19")

    assert existing.status_code == missing.status_code == 429
    assert existing.content == missing.content


def test_an_administrator_can_unlock(client, editor):
    for _ in range(LIMIT):
        log_in(client, "editor", "guess")
    assert log_in(client, "editor", GOOD).status_code == 429

    call_command("axes_reset_username", "editor")
    call_command("axes_reset_ip", "10.0.0.1")

    assert log_in(client, "editor", GOOD).status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_private_page_passwords_are_throttled_per_address(client, blog_index):
    article = factories.ArticlePageFactory(parent=blog_index)
    article.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="opensesame"
    )
    url = f"/en/_util/authenticate_with_password/{restriction.pk}/{article.pk}/"

    def try_password(password, ip):
        return client.post(url, {"password": password, "return_url": article.url}, REMOTE_ADDR=ip)

    for number in range(LIMIT - 1):
        assert try_password(f"guess {number}", "10.0.7.1").status_code == 200  # the form again
    assert try_password("guess", "10.0.7.1").status_code == 429

    response = try_password("opensesame", "10.0.7.1")
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()

    assert try_password("opensesame", "10.0.7.2").status_code == 302  # another reader


def test_api_token_guesses_are_throttled(client, home_page, editor):
    for number in range(LIMIT):
        response = client.get("/api/v3/whoami/", headers={"Authorization": f"Bearer bad{number}"})
        assert response.status_code == (401 if number < LIMIT - 1 else 429)

    response = client.get("/api/v3/whoami/", headers={"Authorization": "Bearer bad"})

    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"


def test_others_failures_never_refuse_a_good_token(client, home_page, editor):
    token = _token(editor)
    for number in range(LIMIT):
        client.post(LOGIN, {"username": "editor", "password": f"guess {number}"})
        client.get("/api/v3/whoami/", headers={"Authorization": f"Bearer bad{number}"})

    response = client.get("/api/v3/whoami/", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 200


def _token(user):
    import io

    output = io.StringIO()
    call_command("api_tokens", "create", "--user", user.username, "--name", "t", stdout=output)
    return output.getvalue().strip().splitlines()[-1]


@pytest.mark.parametrize("email", ["editor@example.org", "nobody@example.org"])
def test_password_reset_requests_are_throttled_per_address(client, editor, email):
    def request_reset(ip):
        return client.post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=ip)

    for _ in range(LIMIT - 1):
        assert request_reset("10.0.5.1").status_code == 302  # "if the address is known, ..."

    assert request_reset("10.0.5.1").status_code == 429
    assert len(mail.outbox) == (LIMIT - 1 if email.startswith("editor") else 0)
    assert request_reset("10.0.6.1").status_code == 302  # the owner, elsewhere


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_client_cannot_choose_its_address_behind_a_proxy(client, editor):
    """The proxy appends the address it saw; what the client wrote before it is not read."""
    for number in range(LIMIT):
        client.post(
            LOGIN,
            {"username": "editor", "password": "guess"},
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 203.0.113.7",
        )

    refused = client.post(
        LOGIN,
        {"username": "editor", "password": GOOD},
        HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.7",
    )

    assert refused.status_code == 429
