"""
The editorial flow in headless Chromium against a real server and a real task worker: a save
warns of an overwrite only when another tab saved meanwhile, never for the editor's own autosave;
a secondee writes and submits an article, communications approve it with a go-live at least
fifteen seconds ahead, and the worker publishes it. Deselect with `-m "not e2e"`.
"""

import datetime
import json
import time
import urllib.error
import urllib.request

import pytest
from django.utils import translation

from tests.live.fixtures import log_in

pytestmark = pytest.mark.e2e

TITLE = "Seoul opens its data"


# Wagtail's unsaved-changes tracker (w-unsaved) takes the form as it stands 2 s after it connects
# as unchanged, and autosave follows only a change from that: a field filled sooner is taken
# for the form's initial content and never autosaved on its own. On the page form the tracker
# connects twice (w-init removes itself from data-controller, which reconnects the controllers
# after it), so it takes the form in twice. The counts below, kept from the page's first script
# on, tell when each connection has taken its look.
EDITOR_EVENTS = """
window.trackerConnections = 0;
window.trackerSnapshots = 0;
window.autosaves = 0;
document.addEventListener("w-unsaved:ready", () => { window.trackerConnections += 1; });
document.addEventListener("w-unsaved:watch-edits", () => { window.trackerSnapshots += 1; });
document.addEventListener("w-autosave:success", () => { window.autosaves += 1; });
// Wagtail sends one autosave at a time, then one for the edits made meanwhile (w-unsaved:add
// events, the trigger of the autosave each asks for): autosave is done once the autosave of the
// latest edit has answered.
window.autosavePending = false;
window.edits = 0;
let latestEdit;
document.addEventListener("w-unsaved:add", (event) => { latestEdit = event; window.edits += 1; });
document.addEventListener("w-autosave:save", () => { window.autosavePending = true; });
for (const answer of ["w-autosave:success", "w-autosave:error"]) {
  document.addEventListener(answer, (event) => {
    if (event.detail.trigger === latestEdit) window.autosavePending = false;
  });
}
"""


def open_new_article(page, site):
    """
    The form of a new article, once Wagtail watches it for edits: a person reads the form
    before typing, Playwright types at once (issue 26: the page was then never autosaved).
    """
    page.add_init_script(EDITOR_EVENTS)
    page.goto(f"{site.url}/admin/pages/add/blog/articlepage/{site.blog_index_id}/")
    wait_until_watched(page)


def wait_until_watched(page):
    page.wait_for_function(
        "() => window.trackerSnapshots > 0 && window.trackerSnapshots === window.trackerConnections"
    )


def write_and_submit(page, site):
    open_new_article(page, site)
    page.fill("#id_title", TITLE)
    page.fill("#id_standfirst", "The city publishes its datasets for everyone.")
    add_author(page)

    page.get_by_role("button", name="Insert a block").click()
    page.get_by_role("option", name="Heading").click()
    page.fill("input[name='body-0-value-text']", "Open data for everyone")
    page.get_by_role("button", name="Insert a block").nth(1).click()
    page.get_by_role("option", name="Paragraph").click()

    editor = page.locator("[contenteditable=true]").first
    editor.click()
    page.keyboard.type("Read the datasets on the city portal")
    page.keyboard.down("Shift")
    for _ in range(len("city portal")):
        page.keyboard.press("ArrowLeft")
    page.keyboard.up("Shift")
    page.keyboard.press("Control+k")
    page.get_by_role("link", name="External link").click()
    page.fill("input[name='external-link-chooser-url']", "https://data.seoul.go.kr/")
    page.get_by_role("button", name="Insert link").click()
    # Autosave creates the page as soon as the form is valid, and the form then switches to
    # editing it: wait for that before going on, so nothing typed meanwhile is lost.
    page.wait_for_url("**/edit/")
    page_id = int(page.url.rstrip("/").split("/")[-2])

    editor = page.locator("[contenteditable=true]").first
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("/")
    page.get_by_role("option", name="Image").first.click()
    page.get_by_role("link", name="Seoul skyline").click()
    page.get_by_label("Full width").check()
    page.get_by_role("button", name="Insert image").click()
    page.locator(".modal").wait_for(state="hidden")
    # Draftail writes its state to the form a moment after the change.
    page.wait_for_function(
        "() => document.querySelector(\"input[name='body-1-value']\").value.includes('IMAGE')"
    )

    page.locator("footer .w-dropdown__toggle").click()
    page.get_by_role("button", name="Submit to Communications approval").click()
    page.get_by_text("submitted for moderation").wait_for()
    return page_id


def approve_with_go_live(page, site, page_id):
    # The first whole minute (the schedule keeps no seconds: typed in, they are dropped) at least
    # fifteen seconds away: time to approve it, however busy the machine.
    soon = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=15)
    go_live = soon.replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
    page.goto(f"{site.url}/admin/pages/{page_id}/edit/")
    page.get_by_role("button", name="Status").click()
    page.get_by_role("button", name="Set schedule").click()
    page.fill("input[name=go_live_at]", go_live.strftime("%Y-%m-%d %H:%M"))
    # The date picker can cover the button: press it directly.
    page.get_by_role("button", name="Save schedule").dispatch_event("click")
    page.wait_for_load_state()
    page.get_by_text("Once scheduled").wait_for()
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    page.wait_for_url(f"**/admin/pages/{site.blog_index_id}/")
    return go_live


def published(site, path):
    """Whether the article is on the site (HTML) and in the content API's article listing."""
    try:
        with urllib.request.urlopen(f"{site.url}{path}") as response:
            html = response.status == 200
    except urllib.error.HTTPError:
        html = False
    with urllib.request.urlopen(f"{site.url}/api/v2/pages/?type=blog.ArticlePage") as api:
        listed = any(item["title"] == TITLE for item in json.load(api)["items"])
    return html, listed


def test_article_goes_from_secondee_to_live_on_schedule(live_site, browser):
    secondee = log_in(browser, live_site, "secondee")
    page_id = write_and_submit(secondee, live_site)

    comms = log_in(browser, live_site, "comms")
    go_live = approve_with_go_live(comms, live_site, page_id)
    assert "scheduled" in comms.content().lower()

    path = "/en/blog/seoul-opens-its-data/"
    assert published(live_site, path)[0] is False
    while datetime.datetime.now(datetime.UTC) < go_live - datetime.timedelta(seconds=2):
        html, listed = published(live_site, path)
        assert not html and not listed, "visible before its go-live time"
        time.sleep(5)

    deadline = go_live + datetime.timedelta(seconds=60)
    while datetime.datetime.now(datetime.UTC) < deadline:
        html, listed = published(live_site, path)
        if html and listed:
            break
        time.sleep(0.5)
    lateness = datetime.datetime.now(datetime.UTC) - go_live
    print(f"\nThe article went live {lateness.total_seconds():.1f} s after its go-live time.")
    assert html, "not on the site 60 s after its go-live time"
    assert listed, "not in the API 60 s after its go-live time"

    public = browser.new_page()
    public.goto(f"{live_site.url}{path}")
    assert public.get_by_role("heading", name="Open data for everyone").is_visible()
    assert public.get_by_role("link", name="city portal").get_attribute("href") == (
        "https://data.seoul.go.kr/"
    )
    assert public.locator("img[alt='Alt text for Seoul skyline']").count() >= 1


# Editors whose admin speaks Korean (their Wagtail account preference).
KOREAN_EDITORS = """
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile
from citynet.editorial.roles import COMMUNICATIONS, SECONDEES
from tests import factories

for name, group in [("secondee_ko", SECONDEES), ("comms_ko", COMMUNICATIONS)]:
    user = factories.UserFactory(username=name)
    user.groups.add(Group.objects.get(name=group))
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "ko"})
"""


@pytest.fixture(scope="module")
def korean_editors(live_site):
    live_site.manage("shell", "-v0", "-c", KOREAN_EDITORS)


def add_author(page):
    """
    Add an author row (a new article opens without one) and choose Kim Min-jun in it. The row is
    found by its formset prefix: the ids Wagtail gives a panel's fields are built from panel
    headings in the language of the first editor the server showed the form to, so a Korean
    editor first made `[id$='authors-0-child-person-wrapper']` match nothing for everyone.
    """
    page.locator("#id_authors-ADD").click()
    page.locator("#inline_child_authors-0 [data-chooser-action-choose]").click()
    page.get_by_role("link", name="Kim Min-jun").click()
    page.wait_for_function("() => document.getElementById('id_authors-0-person').value !== ''")


def add_heading(page):
    page.locator("button.c-sf-add-button").click()
    with translation.override(page.locator("html").get_attribute("lang")):
        heading = translation.gettext("Heading")  # the block's name in the editor's language
    page.get_by_role("option", name=heading).click()
    page.fill("input[name='body-0-value-text']", "Open data for everyone")


def start_article(page, site, title):
    """A new article filled in until autosave creates it; the form then edits it."""
    open_new_article(page, site)
    page.fill("#id_title", title)
    page.fill("#id_standfirst", "The city publishes its datasets for everyone.")
    add_author(page)
    add_heading(page)
    page.wait_for_url("**/edit/")
    page.wait_for_function("() => window.autosaves > 0")  # the URL can change first


def wait_for_autosave(page):
    """Wait until the editor's next change has been autosaved."""
    done = page.evaluate("window.autosaves")
    page.wait_for_function(f"() => window.autosaves > {done}")


def save_draft(page):
    with page.expect_navigation():
        page.locator("footer button.action-save").first.click()


def overwrite_warning(page):
    """The overwrite warning (citynet/editorial/concurrent_edits.py), by its comparison link."""
    return page.locator(".messages .warning a[href*='/revisions/compare/']")


@pytest.mark.parametrize("username", ["secondee", "comms", "secondee_ko", "comms_ko"])
def test_only_another_tabs_save_warns_of_an_overwrite(live_site, browser, korean_editors, username):
    first_tab = log_in(browser, live_site, username)
    start_article(first_tab, live_site, f"Open data, written by {username}")
    edit_url = first_tab.url
    # Autosave goes on as the author types; Save draft then saves on top of their own version.
    first_tab.fill("#id_standfirst", "The city publishes all its datasets.")
    wait_for_autosave(first_tab)
    save_draft(first_tab)
    assert first_tab.locator(".messages .success").count() == 1
    assert overwrite_warning(first_tab).count() == 0
    wait_until_watched(first_tab)  # else its next edit is taken for the reloaded form's content

    second_tab = first_tab.context.new_page()
    second_tab.goto(edit_url)
    second_tab.fill("#id_standfirst", "Saved in a second tab.")
    save_draft(second_tab)
    assert overwrite_warning(second_tab).count() == 0

    # Autosave stops, Wagtail's editing sessions ask first; going on, the editor is warned that
    # they replaced the second tab's version, with a link to compare them. Wagtail asks once its
    # sessions list knows of the newer version, which it then shows: the editor sees it first.
    first_tab.fill("#id_standfirst", "Saved in the first tab, on top of the second.")
    first_tab.locator("#w-autosave-indicator[data-w-autosave-state-value=paused]").wait_for()
    first_tab.locator("#w-editing-sessions .w-editing-sessions__session--saved").wait_for()
    first_tab.locator("footer button.action-save").first.click()
    with first_tab.expect_navigation():
        first_tab.locator("#w-save-confirmation-dialog [data-w-dialog-target=confirm]").click()
    with translation.override("ko" if username.endswith("_ko") else "en"):
        compare = translation.gettext("Compare the two versions.")
    assert overwrite_warning(first_tab).all_inner_texts() == [compare]


def autosave_indicator(page, state):
    """The words of the autosave indicator, once in `state`: its label and its tooltip."""
    indicator = page.locator(f"#w-autosave-indicator[data-w-autosave-state-value={state}]")
    indicator.wait_for()
    label = indicator.locator(f".w-autosave-indicator__state--{state}").text_content().strip()
    return label, indicator.get_attribute("data-w-tooltip-content-value")


def test_the_autosave_indicator_and_the_save_dialog_speak_korean(
    live_site, browser, korean_editors
):
    # Wagtail's script writes the indicator's tooltips and the dialog's title and text: words of
    # its JavaScript catalogue and of the editing sessions it fetches (decision 0300).
    first_tab = log_in(browser, live_site, "secondee_ko")
    start_article(first_tab, live_site, "Open data, saved in two tabs in Korean")
    assert autosave_indicator(first_tab, "saved") == ("저장됨", "변경 내용이 자동 저장되었습니다.")

    second_tab = first_tab.context.new_page()
    second_tab.goto(first_tab.url)
    second_tab.fill("#id_standfirst", "Saved in a second tab.")
    save_draft(second_tab)
    first_tab.fill("#id_standfirst", "Saved in the first tab, on top of the second.")

    assert autosave_indicator(first_tab, "paused") == (
        "자동 저장이 일시 중지되었습니다",
        "저장하면 더 새로운 버전을 덮어씁니다.",
    )
    first_tab.locator("#w-editing-sessions .w-editing-sessions__session--saved").wait_for()
    first_tab.locator("footer button.action-save").first.click()
    dialog = first_tab.locator("#w-save-confirmation-dialog")
    dialog.get_by_text("다른 창에서 새 버전을 저장했습니다").wait_for()
    assert dialog.get_by_text("계속하면 그 창에서 한 변경 내용을 덮어씁니다.").is_visible()
    # (its button goes on with the action pressed)
    assert dialog.locator("[data-w-dialog-target=confirm]").inner_text().strip() == "초안 저장"
    assert dialog.get_by_role("link", name="최신 버전 보기").is_visible()


class HeldAutosaves:
    """
    Autosave requests (JSON posts) kept from the server until released; the addresses that the
    editor's other posts (Save, Publish) went to.
    """

    def __init__(self, page):
        self.holding = True
        self.held = []
        self.posted_to = []
        page.route("**/admin/pages/**", self.route)

    def route(self, route, request):
        if is_autosave(request):
            if self.holding:
                self.held.append((route, request))
                return
        elif request.method == "POST":
            self.posted_to.append(request.url)
        route.continue_()

    def release(self, *, hold_the_next=False):
        """Let the held autosaves go on, and those sent after them unless `hold_the_next`."""
        self.holding = hold_the_next
        for route, _request in self.held:
            route.continue_()
        self.held = []


def is_autosave(request):
    return request.method == "POST" and request.headers.get("accept") == "application/json"


EDITORS = pytest.mark.parametrize("username", ["secondee", "secondee_ko"])


@EDITORS
def test_save_while_own_autosave_is_on_its_way_does_not_warn(
    live_site, browser, korean_editors, username
):
    page = log_in(browser, live_site, username)
    start_article(page, live_site, f"Open data, saved during an autosave by {username}")
    # A fresh form of the page, once every autosave of this one has answered (one answering
    # after the new form was drawn would be a newer version than the form's, rightly warned of).
    page.wait_for_function(
        "() => !window.autosavePending && document.querySelector('#page-edit-form')"
        ".getAttribute('data-w-unsaved-has-edits-value') !== 'true'"
    )
    page.goto(page.url)
    wait_until_watched(page)
    autosaves = HeldAutosaves(page)
    # What the browser did, in the order it reports it.
    edit_url = page.url
    events = []

    def on_response(response):
        if is_autosave(response.request):
            events.append("autosave answered")

    def on_request(request):
        if request.method == "POST" and request.url == edit_url and not is_autosave(request):
            events.append("saved")

    page.on("response", on_response)
    page.on("request", on_request)
    standfirst = "Saved while its autosave was on its way."
    with page.expect_request(is_autosave):
        page.fill("#id_standfirst", standfirst)
    # The Save is pressed while the autosave is held; it is posted only after the autosave has
    # answered (without the editor script it was posted at once, before that answer).
    page.locator("footer button.action-save").first.click()
    autosaves.release()
    page.locator(".messages .success").wait_for()

    assert events.count("saved") == 1
    assert events[0] == "autosave answered" and events[-1] == "saved"
    assert page.locator(".messages .success").count() == 1
    assert overwrite_warning(page).count() == 0
    assert page.locator("#id_standfirst").input_value() == standfirst


ARTICLES_TITLED = """
from blog.models import ArticlePage
print(ArticlePage.objects.filter(title={title!r}).count())
"""


@EDITORS
def test_save_while_autosave_creates_the_page_saves_it_once(
    live_site, browser, korean_editors, username
):
    page = log_in(browser, live_site, username)
    open_new_article(page, live_site)
    title = f"Open data, saved as autosave created it, by {username}"

    def titled(request):
        return is_autosave(request) and title in (request.post_data or "")

    autosaves = HeldAutosaves(page)
    # Wagtail sends one autosave at a time: the form is completed while its first autosave,
    # untitled, is held, and the Save is pressed. That autosave is refused; the one that follows
    # for the edits made meanwhile creates the page. The editor script once sent the Save at the
    # first answer, to the create view: the page was made twice.
    with page.expect_request(is_autosave):
        page.fill("#id_standfirst", "Saved as its autosave created the page.")
    edits = page.evaluate("window.edits")
    add_author(page)
    add_heading(page)
    page.fill("#id_title", title)
    # Complete the edits, and let Wagtail know of them, before the Save. Leaving the title fills
    # in the slug a moment later (the Save's click did, after the autosave had read the form);
    # Wagtail looks for edits every 0.5 s and reports them 0.53 s after the last change it saw,
    # slower than Playwright edits. Else the autosave of the latest edit Wagtail knew of was
    # refused, and the Save rightly went to the create view and made the one page.
    page.locator("#id_title").blur()
    page.wait_for_function("() => document.getElementById('id_slug').value !== ''")
    page.wait_for_function(f"() => window.edits > {edits}")
    page.locator("footer button.action-save").first.click()
    with page.expect_request(titled):
        autosaves.release(hold_the_next=True)
    autosaves.release()
    # The form's address changes as the page is created (no navigation): wait for the Save's.
    page.locator(".messages .success").wait_for()

    assert page.locator(".messages .success").count() == 1
    assert page.locator(".error-message").count() == 0
    assert overwrite_warning(page).count() == 0
    assert page.locator("#id_standfirst").input_value() == "Saved as its autosave created the page."
    assert live_site.shell(ARTICLES_TITLED.format(title=title)) == "1"
    assert len(autosaves.posted_to) == 1 and autosaves.posted_to[0].endswith("/edit/")
