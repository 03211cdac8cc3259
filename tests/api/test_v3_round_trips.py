"""
Every page type round-trips through API v3 with wagtail-cli (`wt`, the v3 client Wagtail
publishes) against a running site: read, patch (a draft), read again, publish, unpublish, and an
article created. What anonymous readers see follows each step (issue 23).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from citynet.demo.live import LocalSite

SETUP = """
import io, json
from django.core.management import call_command
from tests import factories
from home.models import HomePage

home = HomePage.objects.get(depth=2, locale__language_code="en")
blog = factories.BlogIndexPageFactory(parent=home)
programs = factories.ProgramIndexPageFactory(parent=home)
partners = factories.PartnerIndexPageFactory(parent=home)
pages = {
    "home": home,
    "index": blog,
    "article": factories.ArticlePageFactory(parent=blog),
    "program": factories.ProgramPageFactory(parent=programs),
    "partner": factories.PartnerPageFactory(parent=partners, country="KR"),
}
person = factories.PersonFactory()
factories.UserFactory(username="editor", is_superuser=True)
out = io.StringIO()
call_command("api_tokens", "create", "--user", "editor", "--name", "cli", stdout=out)
print(json.dumps({
    "token": out.getvalue().strip().splitlines()[-1],
    "pages": {name: page.pk for name, page in pages.items()},
    "person": person.pk,
}))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory, migrated_database):
    directory = tmp_path_factory.mktemp("v3-site")
    local = LocalSite(directory)
    migrated_database(local)
    state = json.loads(local.shell(SETUP))
    local.serve()
    local.token, local.pages, local.person = state["token"], state["pages"], state["person"]
    local.home = directory
    yield local
    local.stop()


def wt(site, *args):
    """Run wagtail-cli's `wt` against the site; its JSON output, parsed."""
    result = subprocess.run(
        [Path(sys.executable).parent / "wt", "--json", *args],
        # No dotfile of the person running the tests, no manage.py to delegate to.
        cwd=site.home,
        env={
            **os.environ,
            "HOME": str(site.home),
            "WAGTAIL_CLI_BASE_URL": f"{site.url}/api/v3/",
            "WAGTAIL_CLI_TOKEN": site.token,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    return json.loads(result.stdout)


def public_title(site, page_id):
    """The title anonymous readers get from v2 and v3, or None when neither shows the page."""
    v2 = httpx.get(f"{site.url}/api/v2/pages/{page_id}/")
    v3 = httpx.get(f"{site.url}/api/v3/pages/{page_id}/")
    assert v2.status_code == v3.status_code, (v2.text, v3.text)
    if v2.status_code == 404:
        return None
    assert v3.json()["title"] == v2.json()["title"]
    return v2.json()["title"]


@pytest.mark.parametrize("kind", ["article", "program", "partner", "home", "index"])
def test_a_page_round_trips_through_wagtail_cli(site, kind):
    page_id = site.pages[kind]
    live = wt(site, "api", "pages", "get", str(page_id), "--version", "live")
    title = live["title"]
    assert live["meta"]["type"].endswith(("Page",))

    draft = wt(site, "api", "pages", "update", str(page_id), "--title", f"{title} (new)", "--yes")
    assert draft["title"] == f"{title} (new)"
    assert wt(site, "api", "pages", "get", str(page_id), "--version", "draft")["title"] == (
        f"{title} (new)"
    )
    assert public_title(site, page_id) == title  # a draft: readers still see the live page

    wt(site, "api", "pages", "publish", str(page_id))
    assert public_title(site, page_id) == f"{title} (new)"

    wt(site, "api", "pages", "unpublish", str(page_id))
    assert public_title(site, page_id) is None

    wt(site, "api", "pages", "publish", str(page_id))
    assert public_title(site, page_id) == f"{title} (new)"


def test_an_article_created_and_published_with_wagtail_cli(site):
    created = wt(
        site,
        *("api", "pages", "create", "blog.ArticlePage", "--parent", str(site.pages["index"])),
        *("--title", "Made with wt", "--field", "standfirst:From the command line"),
        *("--field", "date_published:2026-12-01", "--field", "themes:[]"),
        *("--field", f'authors:[{{"person_id": {site.person}}}]'),
        *("--field", 'body:[{"type": "paragraph", "value": "<p>Written with wt.</p>"}]'),
        "--publish",
    )

    assert created["standfirst"] == "From the command line"
    assert public_title(site, created["id"]) == "Made with wt"
