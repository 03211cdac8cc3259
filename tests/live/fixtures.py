"""The harness's fixtures, loaded by tests/conftest.py for every test."""

import shutil

import pytest

from citynet.demo.live import DemoSite
from tests.live import databases
from tests.live.sites import PASSWORD, SETUP, LiveSite

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def migrated_database(request, tmp_path_factory, django_db_setup, django_db_blocker):
    """`migrated_database(site)`: the site starts from a copy of the migrated test database."""
    with django_db_blocker.unblock():
        template = databases.Template(request.config, tmp_path_factory.mktemp("template"))
    yield template.copy_into
    template.remove()


def running(site, migrated_database, *args):
    """
    For fixtures, `yield from running(site, migrated_database)`: `site` on a copy of the migrated
    test database, started (`site.start(*args)`), and stopped at the end.
    """
    migrated_database(site)
    try:
        site.start(*args)
        yield site
    finally:
        site.stop()


@pytest.fixture(scope="module")
def live_site_setup():
    """The script that fills `live_site` (last line printed: a page id); modules may override it."""
    return SETUP


@pytest.fixture(scope="module")
def live_site_env():
    """Environment variables of `live_site`'s processes; a module may override it."""
    return {}


@pytest.fixture(scope="module")
def live_site(tmp_path_factory, migrated_database, live_site_setup, live_site_env):
    """The module's own site (tests/live/sites.py), served with a task worker."""
    site = LiveSite(tmp_path_factory.mktemp("live"), **live_site_env)
    yield from running(site, migrated_database, live_site_setup)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory, migrated_database):
    """
    The demo content served without DEBUG, so that errors are the site's own pages. One per
    worker (a start loads the demo, a minute on a busy machine): a test that changes it undoes
    its change.
    """
    with DemoSite(tmp_path_factory.mktemp("demo"), debug=False, prepare=migrated_database) as site:
        yield site


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def log_in(browser, site, username):
    """A page of the admin, signed in as `username` (a user of SETUP)."""
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/admin/")
    return page
