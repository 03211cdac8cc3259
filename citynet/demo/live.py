"""
Sites served by real processes on loopback, one implementation for the screenshots
(docs/screenshots/take.py), the accessibility and reader checks and every live-server test
(tests/live/): a SQLite file and media of their own, `manage.py` processes logged to site.log.
The server binds port 0 and the site reads the port it got from the server's own output: no
port is chosen before the server holds it, so two sites started at once cannot take the same
one (decision 0220).
"""

import json
import os
import re
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

# runserver prints it once it has bound: the port is the one the system gave it.
SERVING = re.compile(r"^Starting development server at (http://[^/\s]+)/$", re.MULTILINE)


def wait_for_output(log_path, pattern, process, after=0, timeout=120):
    """
    The match of `pattern` in the log file `process` writes to, the `after`-th (from 0), once it
    is written; raises if the process stops first.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = list(pattern.finditer(Path(log_path).read_text(errors="replace")))
        if len(found) > after:
            return found[after]
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} stopped while starting: see {log_path}")
        time.sleep(0.1)
    raise RuntimeError(f"{process.args} did not start: see {log_path}")


class LocalSite:
    """
    A site of its own on loopback, as development runs it: a SQLite file (or the `DATABASE_URL`
    given) and media in `directory`, no Redis, and `manage.py` processes started by `spawn`.
    """

    def __init__(self, directory, **env):
        self.directory = Path(directory)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "citynet.settings.dev",
            "DATABASE_URL": f"sqlite:///{self.directory / 'db.sqlite3'}",
            "MEDIA_ROOT": str(self.directory / "media"),
            "PYTHONUNBUFFERED": "1",  # the log shows what a process said when it said it
            **env,
        }
        self.env.pop("REDIS_URL", None)
        self.log_path = self.directory / "site.log"
        self.log_path.touch()
        self.processes = []
        self.migrated = False
        self.url = None

    def manage(self, *args):
        """Run a manage.py command to its end; returns what it printed."""
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def shell(self, code):
        """Run Python in the site (`manage.py shell -c`); returns the last line it printed."""
        output = self.manage("shell", "-v0", "-c", code).strip()
        return output.splitlines()[-1] if output else ""

    def migrate(self):
        """Migrate the database, unless it is a copy of a migrated one (tests/live)."""
        if not self.migrated:
            self.manage("migrate", "--no-input", "-v0")
            self.migrated = True

    def spawn(self, *command, **options):
        """Start a long-running manage.py command (arguments), logged to site.log."""
        with open(self.log_path, "a") as log:
            process = subprocess.Popen(
                [sys.executable, "manage.py", *command],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                **options,
            )
        self.processes.append(process)
        return process

    def serve(self, *options):
        """
        Start `manage.py runserver` on port 0 (with `options`); returns once it listens, with
        `url` the address it got.
        """
        self.server = self.spawn("runserver", "127.0.0.1:0", "--noreload", *options)
        self.url = self.wait_for_log(SERVING, self.server)[1]
        self.port = int(self.url.rsplit(":", 1)[1])
        return self.server

    def start_worker(self, *options):
        """Start a task worker; returns once it takes tasks (it says so in the log)."""
        started = self.log_text().count("Starting worker")
        worker = self.spawn("db_worker", "--no-reload", *options)
        self.wait_for_log(re.compile("Starting worker"), worker, after=started)
        return worker

    def log_text(self):
        return self.log_path.read_text(errors="replace")

    def wait_for_log(self, pattern, process, after=0):
        return wait_for_output(self.log_path, pattern, process, after)

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            process.wait(timeout=30)
        self.processes = []


class DemoSite(LocalSite):
    """
    `with DemoSite(directory) as site:` migrates, loads the demo and serves it at `site.url` as
    `make run` does: errors are the site's own pages, static files and uploads served without
    DEBUG. `debug=True` shows Django's debug pages. `prepare(site)`, if given, runs first
    (tests/live gives the site a copy of the test run's migrated database).
    """

    def __init__(self, directory, *, debug=False, prepare=None):
        super().__init__(directory, DEBUG="true")
        if not debug:
            del self.env["DEBUG"]  # the development settings' default, as `make run` has it
        self.prepare = prepare

    def __enter__(self):
        if self.prepare:
            self.prepare(self)
        self.migrate()
        self.manage("load_demo")
        # The search index is otherwise filled by the task worker, which this site does not run.
        self.manage("update_index")
        self.serve()
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def sample_urls(self, languages):
        """{language: {"home": path, "article": path, "blog": path, ...}} of live demo pages."""
        return json.loads(self.shell(f"LANGUAGES = {list(languages)!r}\n{SAMPLES}"))
