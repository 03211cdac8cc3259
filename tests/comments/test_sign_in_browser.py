"""
In headless Chromium against a real site and a real OpenID Connect provider on loopback
(oidc-provider-mock, its own process): a reader signs in to comment, comments as that account,
logs out and changes account; refusing consent and a forged callback give a clear message.
Deselect with `-m "not e2e"`.
"""

import json
import re
import sys

import pytest
from playwright.sync_api import expect

from tests.live.servers import serve, stop

pytestmark = pytest.mark.e2e

READERS = [
    {"sub": "mina", "name": "Mina Lee", "email": "mina@example.org"},
    {"sub": "joon", "name": "Joon Park", "email": "joon@example.org"},
]


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    claims = [arg for reader in READERS for arg in ("--user-claims", json.dumps(reader))]
    process, url = serve(
        [sys.executable, "-m", "oidc_provider_mock", "--port", "0", *claims],
        tmp_path_factory.mktemp("oidc") / "provider.log",
    )
    yield url
    stop(process)


@pytest.fixture(scope="module")
def live_site_env(provider):
    return {
        "SOCIAL_OIDC_NAME": "CityNet ID",
        "SOCIAL_OIDC_SERVER_URL": provider,
        "SOCIAL_OIDC_CLIENT_ID": "citynet",
        "SOCIAL_OIDC_SECRET": "not-a-secret",
    }


POSTED_BY = """
from comments.models import ReaderComment
comment = ReaderComment.objects.get()
admin = comment.user.is_staff or comment.user.has_perm("wagtailadmin.access_admin")
print(comment.author_name, comment.author_email, admin)
"""


def sign_in(page, sub):
    """From the comment form, through the provider, back to the form signed in."""
    page.locator(".reader-comment-form__providers").get_by_role("link", name="CityNet ID").click()
    page.get_by_role("button", name=sub, exact=True).click()  # the provider's consent page


def test_a_reader_signs_in_comments_logs_out_and_changes_account(live_site, browser):
    page = browser.new_context().new_page()
    page.set_default_timeout(20_000)
    page.goto(live_site.article_url)
    form = page.locator("#comment-form")
    expect(form.locator(".reader-comment-form__providers")).to_be_visible()

    sign_in(page, "mina")
    expect(form.get_by_text("You are commenting as Mina Lee")).to_be_visible()
    expect(page.locator("#id_author_name")).to_be_hidden()
    expect(page.locator("#id_author_email")).to_be_hidden()
    page.fill("#id_text", "Signed in with my CityNet ID.")
    page.wait_for_timeout(3500)  # the form refuses what is sent within 3 s of loading
    page.get_by_role("button", name="Post comment").click()
    page.get_by_text("Thank you: your comment awaits moderation.").wait_for()
    author = live_site.shell(POSTED_BY)
    assert author == "Mina Lee mina@example.org False"
    page.goto(f"{live_site.url}/admin/")  # a reader account is not an admin account
    expect(page).to_have_url(re.compile(r"/admin/login/"))

    page.goto(live_site.article_url)
    form.get_by_role("link", name="Change").click()
    page.get_by_role("link", name="CityNet ID").click()
    page.get_by_role("button", name="joon", exact=True).click()
    expect(form.get_by_text("You are commenting as Joon Park")).to_be_visible()

    form.get_by_role("link", name="Log out").click()
    page.get_by_role("button", name="Sign Out").click()
    expect(form.locator(".reader-comment-form__providers")).to_be_visible()
    expect(page.locator("#id_author_name")).to_be_visible()


def test_refusing_consent_says_so(live_site, browser):
    page = browser.new_context().new_page()
    page.set_default_timeout(20_000)
    page.goto(live_site.article_url)
    page.locator(".reader-comment-form__providers").get_by_role("link", name="CityNet ID").click()
    page.get_by_role("button", name="Deny").click()

    expect(page.get_by_role("alert")).to_contain_text("You did not allow the sign-in")


def test_a_forged_callback_says_the_sign_in_did_not_work(live_site, browser):
    page = browser.new_context().new_page()
    response = page.goto(f"{live_site.url}/accounts/oidc/oidc/login/callback/?code=x&state=forged")

    assert response.status < 500
    expect(page.get_by_role("alert")).to_contain_text("did not work")
