"""
Translating an article in headless Chromium against a real server: the secondee translates
their English article into Korean in the side-by-side editor and submits it; communications
approve it; the Korean page is live, linked both ways, and up to date in the report until the
English source changes. Deselect with `-m "not e2e"`.
"""

import re
import time
import urllib.request

import pytest

from tests.live.fixtures import log_in

pytestmark = pytest.mark.e2e

SETUP = """
from django.contrib.auth.models import Group
from wagtail.models import Locale
from citynet.editorial.roles import COMMUNICATIONS, SECONDEES
from home.models import HomePage
from tests import factories

home = HomePage.objects.get(depth=2)
blog = factories.BlogIndexPageFactory(parent=home, title="Blog", slug="blog")
korean = Locale.objects.get(language_code="ko")
home.copy_for_translation(korean, alias=True)
korean_blog = blog.copy_for_translation(korean)
korean_blog.save_revision().publish()
users = {}
for name, group in [("secondee", SECONDEES), ("comms", COMMUNICATIONS)]:
    users[name] = factories.UserFactory(username=name)
    users[name].groups.add(Group.objects.get(name=group))
article = factories.ArticlePageFactory(
    parent=blog, title="Water for every city", slug="water-for-every-city",
    owner=users["secondee"],
)
factories.ArticleAuthorFactory(article=article, person=factories.PersonFactory(name="Park Min-ji"))
article.save_revision(user=users["secondee"]).publish()
print(article.pk)
"""
KOREAN = {
    "Water for every city": "모든 도시를 위한 물",
    "How cities share what they learn.": "도시들이 배운 것을 나누는 방법.",
    "Cities across the region met to compare notes.": "지역의 도시들이 모여 경험을 비교했다.",
}
SLUG = "water-for-every-city"
ENGLISH_PATH = "/en/blog/water-for-every-city/"
KOREAN_PATH = "/ko/blog/water-for-every-city/"


@pytest.fixture(scope="module")
def live_site_setup():
    return SETUP


def alternates(site, path):
    with urllib.request.urlopen(f"{site.url}{path}") as response:
        html = response.read().decode()
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def served_at(site, path):
    """
    The path a reader of `path` ends up at, and the language of the text served there (a
    missing translation falls back in place, decision 0165).
    """
    with urllib.request.urlopen(f"{site.url}{path}") as response:
        return response.url.removeprefix(site.url), response.headers["Content-Language"]


def wait_until(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.5)


def report_status(page, site, article_id, language):
    page.goto(f"{site.url}/admin/reports/translation-status/")
    row = page.locator("tr", has=page.locator(f"a[href='/admin/pages/{article_id}/edit/']"))
    return row.locator(f"td[data-locale='{language}']").get_attribute("data-status")


def translate_in_the_editor(page):
    """Translate every segment in wagtail-localize's side-by-side editor."""
    for source, translation in KOREAN.items():
        # The innermost list item holding the source text: the segment, with its buttons.
        segment = page.locator("li").filter(has_text=source).last
        segment.get_by_role("button", name="Translate", exact=True).click()
        segment.locator("textarea").fill(translation)
        segment.get_by_role("button", name="Save").click()
        segment.get_by_text(translation).wait_for()
    assert page.get_by_role("button", name="Translate", exact=True).count() == 0
    # The slug, on the Promote tab, keeps its English form so that the paths match.
    page.get_by_role("tab", name="Promote").click()
    segment = page.locator("li").filter(has_text=SLUG).last
    segment.get_by_role("button", name="Translate", exact=True).click()
    segment.locator("textarea").fill(SLUG)
    segment.get_by_role("button", name="Save").click()
    segment.get_by_role("button", name="Edit").wait_for()
    assert page.get_by_role("button", name="Translate", exact=True).count() == 0


def test_secondee_translates_and_communications_approve(live_site, browser):
    article_id = live_site.blog_index_id
    secondee = log_in(browser, live_site, "secondee")
    secondee.goto(f"{live_site.url}/admin/localize/submit/page/{article_id}/")
    secondee.get_by_label("Korean").check()
    secondee.get_by_role("button", name="Submit").click()
    secondee.wait_for_url("**/edit/")

    translate_in_the_editor(secondee)
    assert secondee.get_by_role("button", name=re.compile("^Publish")).count() == 0
    secondee.get_by_role("button", name="Submit for approval").click()
    secondee.get_by_text("was submitted to Communications approval").wait_for()
    # A draft: readers of the Korean address stay there and read the English text.
    assert served_at(live_site, KOREAN_PATH) == (KOREAN_PATH, "en")

    # On the dashboard, under "Awaiting your review".
    comms = log_in(browser, live_site, "comms")
    row = comms.locator("tr", has=comms.get_by_text("모든 도시를 위한 물"))
    row.get_by_role("button", name="Actions").click()
    comms.get_by_role("button", name="Approve", exact=True).click()
    wait_until(lambda: served_at(live_site, KOREAN_PATH) == (KOREAN_PATH, "ko"))

    korean = alternates(live_site, KOREAN_PATH)
    english = alternates(live_site, ENGLISH_PATH)
    assert korean["en"].endswith(ENGLISH_PATH) and korean["ko"].endswith(KOREAN_PATH)
    assert english["ko"].endswith(KOREAN_PATH)
    assert report_status(comms, live_site, article_id, "ko") == "up_to_date"

    # The English source changes: the Korean translation is outdated, and says so.
    comms.goto(f"{live_site.url}/admin/pages/{article_id}/edit/")
    comms.fill("#id_title", "Water for every city, and for every village")
    comms.locator("footer .w-dropdown__toggle").click()
    comms.get_by_role("button", name="Publish").click()
    comms.get_by_text("has been published").wait_for()
    assert report_status(comms, live_site, article_id, "ko") == "outdated"
