"""
The demo as `make run` serves it, on a port of its own: a quiet first run, and every absolute
link the site writes (sitemap, feeds, page heads, JSON-LD, calendar, API) opens on that port.
"""

import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError
from urllib.parse import quote, urljoin, urlsplit
from urllib.request import Request, urlopen

import pytest

from citynet.demo.live import ROOT, LocalSite
from tests.clients.typescript import npm
from tests.docs.documented import requests_to_the_demo
from tests.live.fixtures import running

pytestmark = pytest.mark.e2e

# Any address that means "this machine": a link to one of them must be the served address.
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "0.0.0.0", "testserver"}
ABSOLUTE_URL = re.compile(r"""(?:https?|webcal)://[^\s"'<>\\]+""")
TASK_RESULTS = """
from django_tasks_db.models import DBTaskResult
print(DBTaskResult.objects.exclude(status="SUCCESSFUL").exclude(status="READY").count())
"""


class Demo(LocalSite):
    """The demo content loaded and served as `make run` does, at 127.0.0.1:<port>."""

    def start(self):
        # Served first: the address it got goes into the demo's content.
        self.serve()
        self.load_output = self.manage("load_demo", "--address", self.url.removeprefix("http://"))
        # The worker works through everything the load queued, then stops.
        worker = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--batch",
                "--no-startup-delay",
                "--no-reload",
            ],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        self.worker_output = worker.stdout + worker.stderr
        self.unfinished_tasks = int(self.shell(TASK_RESULTS))

    def get(self, path_or_url):
        with urlopen(urljoin(self.url, path_or_url), timeout=60) as response:
            return response.geturl(), response.read().decode(errors="replace")  # images too


@pytest.fixture(scope="module")
def demo(tmp_path_factory, migrated_database):
    yield from running(Demo(tmp_path_factory.mktemp("demo")), migrated_database)


def test_the_first_run_is_quiet_and_every_queued_task_succeeds(demo):
    output = demo.load_output + demo.worker_output
    assert "Traceback" not in output
    assert "ERROR" not in output
    assert demo.unfinished_tasks == 0
    # The worker says it started and stopped; the load names what it created, then where to go.
    assert len(demo.worker_output.splitlines()) <= 5, demo.worker_output
    assert demo.load_output.splitlines()[-1] == (
        f"The site: {demo.url}/  The admin: {demo.url}/admin/ (admin / citynet-admin, "
        "secondee / citynet-secondee, comms / citynet-comms)"
    )


def links_in(text):
    return {url.rstrip(".,;)") for url in ABSOLUTE_URL.findall(text.replace("\r\n ", ""))}


def head_of(html):
    return html.split("</head>", 1)[0]


def api_media_urls(data):
    """The API's image files: relative unless API_PUBLIC_BASE_URL is set (production)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in {"download_url", "url"} and isinstance(value, str) and value.startswith("/"):
                yield value
            else:
                yield from api_media_urls(value)
    elif isinstance(data, list):
        for item in data:
            yield from api_media_urls(item)


def test_every_absolute_link_opens_on_the_running_demo(demo):
    links, media = set(), set()

    def read(path_or_url):
        url, text = demo.get(path_or_url)
        links.update(links_in(text))
        return url, text

    read("/sitemap.xml")
    read("/feeds/articles/")
    read("/programs/calendar.ics")
    read("/ko/programs/calendar.ics")
    _, listing = read("/api/v2/pages/?limit=100")
    pages = json.loads(listing)["items"]
    one_of_each_type = {page["meta"]["type"]: page for page in reversed(pages)}
    assert len(one_of_each_type) == 7, one_of_each_type.keys()
    for page in one_of_each_type.values():
        _, detail = read(page["meta"]["detail_url"])
        media.update(api_media_urls(json.loads(detail)))
        _, html = demo.get(page["meta"]["html_url"])
        links.update(links_in(head_of(html)))
    _, images = read("/api/v2/images/?fields=*")
    media.update(api_media_urls(json.loads(images)))
    _, image = read(json.loads(images)["items"][0]["meta"]["detail_url"])
    media.update(api_media_urls(json.loads(image)))

    local = {url for url in links if urlsplit(url).netloc.split(":")[0] in LOCAL_HOSTS}
    # Every kind of link was found: pages, feeds, API details, images, JSON-LD ids.
    assert any("/api/v2/pages/" in url for url in local)
    assert any("/media/images/" in url for url in local)
    assert any("#organization" in url for url in local)
    assert any(url.startswith("webcal://") for url in local)
    assert media
    elsewhere = sorted(url for url in local if not served_here(url, demo.port))
    assert not elsewhere, elsewhere

    def status(url):
        url = re.sub("^webcal://", "http://", url)
        try:
            final_url, _ = demo.get(url)
        except HTTPError as error:
            return url, error.code
        # A language root or a fallback redirects: it must stay on the demo.
        return url, 200 if served_here(final_url, demo.port) else final_url

    with ThreadPoolExecutor(4) as pool:
        failures = [
            (url, answer)
            for url, answer in pool.map(status, sorted(local | media))
            if answer != 200
        ]
    assert not failures, failures


def served_here(url, port):
    parts = urlsplit(url)
    return parts.scheme in {"http", "webcal"} and parts.netloc == f"127.0.0.1:{port}"


@pytest.mark.parametrize("path", ["/api/v3/docs", "/api/v3/docs/"])
def test_the_v3_docs_list_their_operations_offline_under_the_csp(demo, browser, path):
    """The viewer comes from the site itself: nothing is fetched elsewhere, nothing is blocked."""
    context = browser.new_context()
    elsewhere, refused = [], []

    def only_here(route):
        if served_here(route.request.url, demo.port):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_here)
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(demo.url + path)
    # The viewer waits for the OpenAPI document, which the server's first request for it builds
    # (citynet/api/v3.py): 3-4 s in one idle process, several times that beside the other test
    # workers on two cores.
    page.wait_for_selector(".opblock", timeout=90_000)

    assert page.url == f"{demo.url}/api/v3/docs/"
    summaries = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v3/pages/" in [summary.strip() for summary in summaries]
    assert elsewhere == []
    assert refused == []
    context.close()


def test_the_typescript_client_example_prints_a_korean_article(demo):
    """clients/typescript/README.md's example, compiled and run against the demo."""
    output = npm("run", "example", "--", demo.url, "ko", timeout=300)

    listed, _, article = output.partition("\n# ")
    assert "(not in ko yet: en)" in listed  # an article followed along the fallback chain
    title = article.splitlines()[0]
    assert title.endswith("[ko]") and re.search("[\uac00-\ud7a3]", title), output
    assert f'<img src="{demo.url}/media/images/' in article or '<img src="/media/' in article


# The documented requests' example ids, and the demo's pages or snippets of that kind.
EXAMPLE_IDS = {
    "/pages/42/": ("/pages/{}/", "/api/v2/pages/?type=blog.ArticlePage"),
    "/pages/57/": ("/pages/{}/", "/api/v2/pages/?type=programs.ProgramPage"),
    "/pages/31/": ("/pages/{}/", "/api/v2/pages/?type=partners.PartnerPage"),
    "/images/7/": ("/images/{}/", "/api/v2/images/"),
    "author=12": ("author={}", "/api/v2/people/"),
}
# What the docs say these answer; every other documented request is a 200.
EXPECTED_STATUS = {
    "offset=99999999999999999999": 400,  # "a bad parameter is a 400"
    "/api/v3/nothing/": 404,  # "a JSON 404, no redirect"
    "token=id%3D42%3A1tXo...%3A...": 403,  # "a forged, malformed or mismatched one 403"
}


def test_every_documented_request_to_the_demo_answers_as_documented(demo):
    """Each `curl` of README.md and docs/*.md to 127.0.0.1:8000, sent to the running demo."""
    ids = {}
    for example, (pattern, listing) in EXAMPLE_IDS.items():
        first = json.loads(demo.get(listing + ("&" if "?" in listing else "?") + "limit=1")[1])
        ids[example] = pattern.format(first["items"][0]["id"])
    answers = []
    for command, method, path, headers in requests_to_the_demo():
        for example, real in ids.items():
            path = path.replace(example, real)
        expected = next((s for part, s in EXPECTED_STATUS.items() if part in path), 200)
        # As curl sends them: the path's characters as UTF-8, the headers' bytes as they are.
        headers = {name: value.encode().decode("latin-1") for name, value in headers.items()}
        request = Request(demo.url + quote(path, safe="/?&=%*,:-"), method=method, headers=headers)
        try:
            with urlopen(request, timeout=60) as response:
                status = response.status
        except HTTPError as error:
            status = error.code
        if status != expected:
            answers.append((command.document, command.text, status))
    assert answers == []
