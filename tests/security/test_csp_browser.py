"""
Finding 6 in a real browser: every page type, the admin's page editor and its preview load in
headless Chromium under the Content-Security-Policy with no violation reported.
"""

import json

import pytest

from tests.live.sites import PASSWORD

pytestmark = pytest.mark.e2e

CONTENT = """
import json
from home.models import HomePage
from tests import factories

home = HomePage.objects.get(depth=2)
blog = home.get_children().get(slug__startswith="blog").specific
image = factories.ImageFactory()
article = factories.ArticlePageFactory(parent=blog, title="Water for every city", hero_image=image)
article.save_revision().publish()
programs = factories.ProgramIndexPageFactory(parent=home)
program = factories.ProgramPageFactory(parent=programs, hero_image=image)
program.save_revision().publish()
partners = factories.PartnerIndexPageFactory(parent=home)
partner = factories.PartnerPageFactory(parent=partners, logo=image)
partner.save_revision().publish()
factories.UserFactory(username="csp-admin", is_superuser=True)
pages = [home, blog, article, programs, program, partners, partner]
print(json.dumps({"urls": [page.url for page in pages], "article": article.pk}))
"""
# Reported by Chromium on the console and as a DOM event, in every frame.
LISTEN = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


@pytest.fixture(scope="module")
def live_site(live_site):
    live_site.content = json.loads(live_site.shell(CONTENT))
    return live_site


def watched_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.set_default_timeout(60_000)  # the whole suite shares two cores
    page.violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            or "CSP violation" in message.text
            and page.violations.append(message.text)
        ),
    )
    return page


def test_every_page_type_loads_without_a_csp_violation(browser, live_site):
    page = watched_page(browser)
    urls = [*live_site.content["urls"], "/en/search/?q=water", "/en/no-such-page/"]

    for url in urls:
        response = page.goto(live_site.url + url)
        if response.status == 200:  # DEBUG error pages are django-csp's one exception
            assert "default-src 'self'" in response.headers["content-security-policy"], url
        page.wait_for_load_state("networkidle")

    assert page.violations == [], "\n".join(page.violations)


def test_the_page_editor_and_preview_load_without_a_csp_violation(browser, live_site):
    page = watched_page(browser)
    page.goto(f"{live_site.url}/admin/login/")
    page.fill("#id_username", "csp-admin")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_site.url}/admin/")
    page.wait_for_load_state("networkidle")

    page.goto(f"{live_site.url}/admin/pages/{live_site.content['article']}/edit/")
    page.wait_for_load_state("networkidle")
    page.locator('[data-side-panel-toggle="preview"]').click()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(2000)  # the preview iframe renders after its own requests
    page.goto(f"{live_site.url}/admin/images/")
    page.wait_for_load_state("networkidle")

    assert page.violations == [], "\n".join(page.violations)
