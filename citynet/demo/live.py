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


def free_port(first=8451, last=8499):
    for port in range(first, last + 1):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"No free port in {first}-{last}")


class DemoSite:
    """
    `with DemoSite(directory) as site:` migrates, loads the demo and serves it at `site.url`.
    With `debug=False` errors are the site's own pages (not Django's technical ones) and
    uploaded images are not served.
    """

    def __init__(self, directory, *, debug=True):
        directory = Path(directory)
        self.debug = debug
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "citynet.settings.dev",
            "DEBUG": "true" if debug else "false",
            "DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}",
            "MEDIA_ROOT": str(directory / "media"),
        }
        self.env.pop("REDIS_URL", None)
        self.log_path = directory / "site.log"
        self.server = None

    def manage(self, *args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def __enter__(self):
        self.manage("migrate", "--no-input", "-v0")
        self.manage("load_demo")
        # The search index is otherwise filled by the task worker, which this site does not run.
        self.manage("update_index")
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        with open(self.log_path, "w") as log:
            self.server = subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "runserver",
                    f"127.0.0.1:{port}",
                    "--noreload",
                    # Static files without DEBUG, as development needs them.
                    *([] if self.debug else ["--insecure"]),
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_for(port)
        return self

    def __exit__(self, *exc_info):
        self.server.terminate()
        self.server.wait(timeout=20)

    def _wait_for(self, port, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError(f"The demo server stopped: see {self.log_path}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.2)
        raise RuntimeError("The demo server did not start")

    def sample_urls(self, languages):
        """{language: {"home": path, "article": path, "blog": path, ...}} of live demo pages."""
        script = f"LANGUAGES = {list(languages)!r}\n{SAMPLES}"
        return json.loads(self.manage("shell", "-v0", "-c", script).strip().splitlines()[-1])
