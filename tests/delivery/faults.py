"""
A whole site that a fault test owns, each part a process it can pause, stop, kill and start
again: its database (a SQLite file, or a PostgreSQL database of its own when the run uses
PostgreSQL), a Redis that keeps its data across a restart, the app server, the task worker,
Varnish with xkey in front where it is installed (deploy/varnish.vcl, as `make cluster` runs
it) and an editor process (tests/delivery/site_shell.py) that makes the changes. It starts from
a copy of the test run's migrated database.
"""

import glob
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request

from citynet.demo.live import ROOT
from tests.delivery.site_shell import ANSWER
from tests.security.servers import RedisServer, free_port, wait_for_port


def has_varnish():
    varnishd = shutil.which("varnishd") or os.path.exists("/usr/sbin/varnishd")
    return bool(varnishd and glob.glob("/usr/lib/*/varnish/vmods/libvmod_xkey.so"))


def database_url(directory):
    """The run's kind of database: PostgreSQL when DATABASE_URL says so, else a SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        return f"{url.rsplit('/', 1)[0]}/citynet_faults_{os.getpid()}"
    return f"sqlite:///{directory / 'db.sqlite3'}"


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def get(url):
    """(status, headers, body) of an anonymous GET, redirects not followed."""
    try:
        with OPENER.open(url, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


class Site:
    def __init__(self, directory):
        self.directory = directory
        self.redis = RedisServer(directory)
        self.app_port = free_port()
        self.varnish_port = free_port() if has_varnish() else None
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "citynet.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": database_url(directory),
            "REDIS_URL": self.redis.url,
            "MEDIA_ROOT": str(directory / "media"),
            "PYTHONUNBUFFERED": "1",
        }
        if self.varnish_port:
            self.env["CDN_PURGE_URL"] = f"http://127.0.0.1:{self.varnish_port}"
        self.log = open(directory / "site.log", "a")  # noqa: SIM115 - closed by stop()
        self.app = self.worker = self.varnish = self.editor = None

    @property
    def bases(self):
        """The addresses readers use: the app server, and Varnish in front of it."""
        found = {"app": f"http://127.0.0.1:{self.app_port}"}
        if self.varnish_port:
            found["varnish"] = f"http://127.0.0.1:{self.varnish_port}"
        return found

    def popen(self, args, **kwargs):
        return subprocess.Popen(
            args, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, **kwargs
        )

    def manage(self, *args):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def copy_database(self, connection, template=None):
        """
        Start from the test run's migrated database (`connection`, or the PostgreSQL `template`
        it was cloned from) instead of migrating again, which takes minutes.
        """
        url = self.env["DATABASE_URL"]
        if connection.vendor == "sqlite" and not url.startswith("postgres"):
            connection.ensure_connection()
            target = sqlite3.connect(url.removeprefix("sqlite:///"))
            connection.connection.backup(target)
            target.close()
        else:
            connection.close()  # a template must have no other session
            self.postgres("createdb", "-T", template or connection.settings_dict["NAME"])

    def start(self):
        self.redis.start()
        self.app = self.popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.app_port}", "--noreload"]
        )
        self.start_worker()
        if self.varnish_port:
            self.start_varnish()
        self.editor = subprocess.Popen(
            [sys.executable, "-m", "tests.delivery.site_shell"],
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
        )
        wait_for_port(self.app_port, timeout=120)

    def start_worker(self):
        """Start a task worker; returns once it takes tasks (it says so in the log)."""
        started = self.workers_started()
        self.worker = self.popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2"]
        )
        assert wait_until(lambda: self.workers_started() > started, 120) is not None

    def workers_started(self):
        self.log.flush()
        return (self.directory / "site.log").read_text().count("Starting worker")

    def start_varnish(self):
        (self.directory / "backends.vcl").write_text(
            f'backend app_1 {{ .host = "127.0.0.1"; .port = "{self.app_port}"; }}\n'
            "sub vcl_init { new app = directors.round_robin(); app.add_backend(app_1); }\n"
        )
        varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
        self.varnish = self.popen(
            [varnishd, "-F", "-j", "none", "-n", str(self.directory / "varnish")]
            + ["-a", f"127.0.0.1:{self.varnish_port}", "-f", str(ROOT / "deploy/varnish.vcl")]
            + ["-p", f"vcl_path={self.directory}:{ROOT / 'deploy'}"]
            + ["-p", "http_resp_hdr_len=65536", "-p", "http_resp_size=98304", "-s", "malloc,64m"],
            start_new_session=True,  # its manager and child are signalled as one group
        )
        wait_for_port(self.varnish_port, timeout=60)

    def run(self, code, **values):
        """Run `code` in the editor with `values` bound; returns what it put in `result`."""
        assignments = "".join(f"{name} = {value!r}\n" for name, value in values.items())
        self.editor.stdin.write(json.dumps(assignments + code) + "\n")
        self.editor.stdin.flush()
        for line in self.editor.stdout:
            if line.startswith(ANSWER):
                answer = json.loads(line.removeprefix(ANSWER))
                assert "error" not in answer, answer["error"]
                return answer["result"]
        raise AssertionError(f"the editor stopped: see {self.directory / 'site.log'}")

    def postgres(self, command, *options):
        name = self.env["DATABASE_URL"].rsplit("/", 1)[1]
        subprocess.run(
            [command, "-h", "127.0.0.1", "-U", "postgres", *options, name],
            check=command == "createdb",
            capture_output=True,
        )

    def stop(self):
        if self.varnish and self.varnish.poll() is None:
            os.killpg(self.varnish.pid, signal.SIGCONT)
            os.killpg(self.varnish.pid, signal.SIGTERM)
        for process in (self.editor, self.worker, self.app, self.varnish):
            if process and process.poll() is None:
                process.terminate()
                process.wait(timeout=30)
        if self.redis.process and self.redis.process.poll() is None:
            self.redis.stop()
        if self.env["DATABASE_URL"].startswith("postgres"):
            self.postgres("dropdb", "--if-exists")
        self.log.close()


def wait_until(condition, timeout, interval=0.2):
    """Poll `condition()` until it is true; the seconds it took, or None past `timeout`."""
    started = time.monotonic()
    while True:
        found = condition()
        elapsed = time.monotonic() - started
        if found or elapsed > timeout:
            return elapsed if found and elapsed <= timeout else None
        time.sleep(interval)
