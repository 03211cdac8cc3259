"""
The webhook log in headless Chromium at a usual admin width: each row's Redeliver button stays
on one line and a long error is read whole (issue 26). Deselect with `-m "not e2e"`.
"""

import pytest

from tests.live.fixtures import log_in

pytestmark = pytest.mark.e2e

ERROR = (
    "HTTPSConnectionPool(host='receiver.partner-city.example.org', port=443): Max retries "
    "exceeded with url: /hooks/citynet (Caused by NewConnectionError: Failed to establish a new "
    "connection: [Errno 111] Connection refused)"
)
SETUP = f"""
from citynet.webhooks.models import Attempt, Delivery, Subscription
from tests import factories

factories.UserFactory(username="admin", is_superuser=True)
subscription = Subscription(url="https://receiver.partner-city.example.org/hooks/citynet",
                            events=["page.published"])
subscription.set_new_secret()
subscription.save()
delivery = Delivery.objects.create(subscription=subscription, event="page.published", body="{{}}")
Attempt.objects.create(delivery=delivery, duration_ms=2013, error={ERROR!r})
print(0)
"""


@pytest.fixture(scope="module")
def live_site_setup():
    return SETUP


def test_the_redeliver_button_is_on_one_line_and_the_error_whole(live_site, browser):
    admin = log_in(browser, live_site, "admin")
    admin.set_viewport_size({"width": 1280, "height": 800})
    admin.goto(f"{live_site.url}/admin/webhooks/log/")
    button = admin.get_by_role("link", name="Redeliver")
    assert lines_of_text(button) == 1
    error = admin.get_by_text(ERROR).bounding_box()
    assert error["x"] + error["width"] <= 1280  # inside the window, not scrolled off


def lines_of_text(locator):
    """How many lines the element's words take: the distinct tops of its text's line boxes."""
    return locator.evaluate(
        """element => {
            const words = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            const tops = new Set();
            while (words.nextNode()) {
                const range = document.createRange();
                range.selectNodeContents(words.currentNode);
                for (const box of range.getClientRects()) tops.add(Math.round(box.top));
            }
            return tops.size;
        }"""
    )
