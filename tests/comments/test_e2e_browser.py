"""
In headless Chromium against a real server: a reader posts a comment under an article, the
Communications team approves it in the admin, and the comment appears on the article.
Deselect with `-m "not e2e"`.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.live.fixtures import log_in

pytestmark = pytest.mark.e2e

TEXT = "Will Busan publish its datasets too?"


def test_a_reader_comments_and_comms_approve_it(live_site, browser):
    reader = browser.new_context().new_page()
    reader.set_default_timeout(20_000)
    reader.goto(live_site.article_url)
    # The token arrives from an uncached request (no eval: the site's CSP forbids it).
    expect(reader.locator("#comment-form [name=token]")).to_have_value(re.compile(r".+"))
    reader.fill("#id_author_name", "Ji-woo Kim")
    reader.fill("#id_author_email", "jiwoo@example.org")
    reader.fill("#id_text", TEXT)
    reader.wait_for_timeout(3500)  # the form refuses what is sent within 3 s of loading
    reader.get_by_role("button", name="Post comment").click()
    reader.get_by_text("Thank you: your comment awaits moderation.").wait_for()

    comms = log_in(browser, live_site, "comms")
    comms.goto(f"{live_site.url}/admin/snippets/comments/readercomment/?status=pending")
    comms.get_by_role("link", name=f"Ji-woo Kim: {TEXT}").click()
    comms.get_by_text("new or unconfirmed commenter").wait_for()  # the comment in context
    comms.goto(comms.url.replace("/inspect/", "/edit/"))
    comms.select_option("#id_status", "approved")
    comms.get_by_role("button", name="Save").click()
    comms.get_by_text("updated").first.wait_for()

    reader.goto(live_site.article_url)
    comment = reader.locator(".reader-comment", has_text=TEXT)
    comment.wait_for()
    assert "Ji-woo Kim" in comment.inner_text()
    assert "1 comment" in reader.locator("#comments-title").inner_text()
