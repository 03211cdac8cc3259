"""
A normal authoring session leaves the console quiet (issue 26, finding 5): in headless Chromium
the secondee writes an article (autosaved while incomplete, then complete) and submits it,
communications approve it, the secondee translates it into Korean and submits that, and
communications approve it in the translation editor. The server's and the task worker's output
(one log file) then holds no traceback, no error or warning, and no request log line such as
"Bad Request: ...". Deselect with `-m "not e2e"`.
"""

import re

import pytest

from tests.editorial.test_e2e_browser import start_article
from tests.i18n.test_e2e_translation import (
    approve_from_dashboard,
    open_korean_translation,
    review,
    submit,
    translate_segment,
    wait_until,
    words,
)
from tests.live.fixtures import log_in
from tests.live.sites import SETUP

pytestmark = pytest.mark.e2e

KOREAN_TREE = """
from wagtail.models import Locale
korean = Locale.objects.get(language_code="ko")
home.copy_for_translation(korean, alias=True)
blog.copy_for_translation(korean).save_revision().publish()
print(blog.pk)
"""
TITLE = "Seoul opens its data"
KOREAN = {
    TITLE: "서울, 데이터를 열다",
    "The city publishes its datasets for everyone.": "서울시는 모든 사람을 위해 데이터를 공개한다.",
    "Open data for everyone": "모두를 위한 열린 데이터",
}
# What a quiet console does not contain: tracebacks, log lines at WARNING or above (Python's
# warnings too), failed tasks, and the request logger's lines ("Bad Request: /admin/...").
NOISE = re.compile(
    r"Traceback|ERROR|WARNING|CRITICAL|FAILED|Warning:"
    r"|^(Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed|Conflict"
    r"|Internal Server Error|Service Unavailable): /"
)
TASKS_DUE = """
from django_tasks_db.models import DBTaskResult
print(DBTaskResult.objects.ready().count() + DBTaskResult.objects.running().count())
"""


@pytest.fixture(scope="module")
def live_site_setup():
    return SETUP + KOREAN_TREE


def noise(site, start):
    with open(site.log_path, encoding="utf-8") as log:
        log.seek(start)
        return [line.rstrip() for line in log if NOISE.search(line)]


def test_a_session_of_writing_translating_and_approving_logs_nothing(live_site, browser):
    start = live_site.log_path.stat().st_size  # after the servers' start-up banners
    say = words("en")

    secondee = log_in(browser, live_site, "secondee")
    start_article(secondee, live_site, TITLE)  # autosaved while incomplete, then created
    english_id = int(secondee.url.rstrip("/").split("/")[-2])
    secondee.locator("footer .w-dropdown__toggle").click()
    with secondee.expect_navigation():
        secondee.locator("footer button[name=action-submit]").click()

    comms = log_in(browser, live_site, "comms")
    approve_from_dashboard(comms, TITLE)

    open_korean_translation(secondee, live_site, english_id, "Korean")
    korean_url = secondee.url
    for source, text in KOREAN.items():
        translate_segment(secondee, say, source, text)
    submit(secondee, say, KOREAN[TITLE])

    comms.goto(korean_url)
    review(comms, say, "Approve and publish")
    comms.locator(".messages li.success").wait_for()

    # The worker has run every task the session queued.
    wait_until(lambda: live_site.manage("shell", "-v0", "-c", TASKS_DUE).strip() == "0", 60)
    assert noise(live_site, start) == []
