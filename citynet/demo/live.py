"""
The demo site served by a real `runserver` on a free port, with its own SQLite file and media:
what the screenshots (docs/screenshots/take.py) and the accessibility check in the browser see.
"""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The English slugs of one page of each type; the demo translates each into Korean and
# Traditional Chinese (citynet/demo/translations.py).
SAMPLES = """
import json
from blog.models import ArticlePage, BlogIndexPage
from home.models import HomePage
from partners.models import PartnerIndexPage, PartnerPage
from programs.models import ProgramIndexPage, ProgramPage

SLUGS = {
    "article": (ArticlePage, "sharing-the-work-of-clean-water"),
    "program": (ProgramPage, "water-management-workshop"),
    "partner": (PartnerPage, "seoul-metropolitan-government"),
}
INDEXES = {"blog": BlogIndexPage, "programs": ProgramIndexPage, "partners": PartnerIndexPage}
urls = {}
for language in LANGUAGES:
    def url_of(model, **lookup):
        return model.objects.live().get(locale__language_code=language, **lookup).url
    urls[language] = {"home": url_of(HomePage)}
    for name, (model, slug) in SLUGS.items():
        english = model.objects.get(locale__language_code="en", slug=slug)
        urls[language][name] = url_of(model, translation_key=english.translation_key)
    for name, model in INDEXES.items():
        urls[language][name] = url_of(model)
print(json.dumps(urls))
"""


# The demo's ports; the tests' live sites use 8401-8419 (tests/editorial/e2e_site.py).
DEMO_PORTS = range(8451, 8500)


def free_port(ports=DEMO_PORTS):
    """
    The first port of `ports` nobody listens on. Each pytest-xdist worker probes a range of its
    own, 100 ports further per worker: two workers probing one range could both choose a port
    before either server listens on it.
    """
    offset = 100 * int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    ports = range(ports.start + offset, ports.stop + offset)
    for port in ports:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"No free port in {ports.start}-{ports.stop - 1}")


class LocalSite:
    """
    A site of its own on loopback, as development runs it: a SQLite file and media in
    `directory`, no Redis, and `manage.py` processes started by `serve`, logged to site.log.
    """

    def __init__(self, directory, **env):
        directory = Path(directory)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "citynet.settings.dev",
            "DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}",
            "MEDIA_ROOT": str(directory / "media"),
            **env,
        }
        self.env.pop("REDIS_URL", None)
        self.log_path = directory / "site.log"
        self.processes = []

    def manage(self, *args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def serve(self, port, *commands, options=()):
        """
        Start `manage.py runserver` on `port` (with `options`), then each of `commands` (lists of
        arguments to manage.py); wait until the server listens.
        """
        runserver = ["runserver", f"127.0.0.1:{port}", "--noreload", *options]
        with open(self.log_path, "a") as log:
            for command in (runserver, *commands):
                self.processes.append(
                    subprocess.Popen(
                        [sys.executable, "manage.py", *command],
                        cwd=ROOT,
                        env=self.env,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                    )
                )
        self.url = f"http://127.0.0.1:{port}"
        self.wait_for(port)

    def wait_for(self, port, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.processes[0].poll() is not None:
                raise RuntimeError(f"The server stopped while starting: see {self.log_path}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"The server did not start: see {self.log_path}")

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.wait(timeout=20)


class DemoSite(LocalSite):
    """
    `with DemoSite(directory) as site:` migrates, loads the demo and serves it at `site.url` as
    `make run` does: errors are the site's own pages. `debug=True` shows Django's debug pages.
    """

    def __init__(self, directory, *, debug=False):
        super().__init__(directory, DEBUG="true")
        if not debug:
            del self.env["DEBUG"]  # the development settings' default, as `make run` has it

    def __enter__(self):
        self.manage("migrate", "--no-input", "-v0")
        self.manage("load_demo")
        # The search index is otherwise filled by the task worker, which this site does not run.
        self.manage("update_index")
        self.serve(free_port())
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def sample_urls(self, languages):
        """{language: {"home": path, "article": path, "blog": path, ...}} of live demo pages."""
        script = f"LANGUAGES = {list(languages)!r}\n{SAMPLES}"
        return json.loads(self.manage("shell", "-v0", "-c", script).strip().splitlines()[-1])
