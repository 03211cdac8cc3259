"""
Finding 2: guessing is throttled per IP address and per account (django-axes), with a clear
message, the same for accounts that exist and accounts that do not, and an unlock path.
"""

import pytest
from django.core import mail
from django.core.management import call_command
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


def test_an_account_locks_after_repeated_wrong_passwords(client, editor):
    for number in range(LIMIT):
        response = log_in(client, "editor", f"guess {number}", ip=f"10.0.1.{number}")
        assert response.status_code in (200, 429)

    response = log_in(client, "editor", GOOD, ip="10.0.2.1")

    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_address_locks_after_guessing_many_accounts(client, editor):
    for number in range(LIMIT):
        log_in(client, f"someone{number}", "guess")

    assert log_in(client, "editor", GOOD).status_code == 429


def test_a_lockout_tells_nothing_about_whether_an_account_exists(client, editor):
    for username in ("editor", "nobody-by-this-name"):
        for _ in range(LIMIT):
            log_in(client, username, "guess", ip=f"10.0.3.{len(username)}")
    existing = log_in(client, "editor", "guess", ip="10.0.4.1")
    missing = log_in(client, "nobody-by-this-name", "guess", ip="10.0.4.2")

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


def test_private_page_passwords_are_throttled(client, blog_index):
    article = factories.ArticlePageFactory(parent=blog_index)
    article.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="opensesame"
    )
    url = f"/en/_util/authenticate_with_password/{restriction.pk}/{article.pk}/"
    for number in range(LIMIT - 1):
        response = client.post(url, {"password": f"guess {number}", "return_url": article.url})
        assert response.status_code == 200  # the form again
    assert client.post(url, {"password": "guess", "return_url": article.url}).status_code == 429

    response = client.post(url, {"password": "opensesame", "return_url": article.url})

    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()


def test_api_token_guesses_are_throttled(client, home_page, editor):
    token = _token(editor)
    for number in range(LIMIT):
        response = client.get("/api/v3/whoami/", headers={"Authorization": f"Bearer bad{number}"})
        assert response.status_code == (401 if number < LIMIT - 1 else 429)

    response = client.get("/api/v3/whoami/", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"


def _token(user):
    import io

    output = io.StringIO()
    call_command("api_tokens", "create", "--user", user.username, "--name", "t", stdout=output)
    return output.getvalue().strip().splitlines()[-1]


@pytest.mark.parametrize("email", ["editor@example.org", "nobody@example.org"])
def test_password_reset_requests_are_throttled(client, editor, email):
    for number in range(LIMIT - 1):
        response = client.post(
            "/admin/password_reset/", {"email": email}, REMOTE_ADDR=f"10.0.5.{number}"
        )
        assert response.status_code == 302  # "if the address is known, an email is on its way"

    response = client.post("/admin/password_reset/", {"email": email}, REMOTE_ADDR="10.0.6.1")

    assert response.status_code == 429
    assert len(mail.outbox) == (LIMIT - 1 if email.startswith("editor") else 0)
