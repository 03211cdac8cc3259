"""
A whole site that a fault test owns, each part a process it can pause, stop, kill and start
again: its database (a SQLite file, or a PostgreSQL database of its own when the run uses
PostgreSQL), a Redis that keeps its data across a restart, the app server, the task worker,
Varnish with xkey in front where it is installed (deploy/varnish.vcl, as `make cluster` runs
it) and an editor process (tests/delivery/site_shell.py) that makes the changes. It starts from
a copy of the test run's migrated database.
"""

import json
import subprocess
import sys
import urllib.error
import urllib.request

from citynet.demo.live import ROOT, LocalSite
from tests.delivery.site_shell import ANSWER
from tests.live.servers import RedisServer, Varnish, has_varnish


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


class Site(LocalSite):
    def __init__(self, directory):
        super().__init__(directory, DEBUG="false")
        self.redis = RedisServer(directory, keep_data=True)
        self.env["REDIS_URL"] = self.redis.url
        self.app = self.worker = self.varnish = self.editor = None

    @property
    def bases(self):
        """The addresses readers use: the app server, and Varnish in front of it."""
        found = {"app": self.url}
        if self.varnish:
            found["varnish"] = self.varnish.url
        return found

    def start(self):
        self.redis.start()
        self.app = self.serve()
        if has_varnish():
            with open(self.log_path, "a") as log:
                self.varnish = Varnish(self.directory, self.url, log)
            # The worker purges Varnish's copies; the app server only reads.
            self.env["CDN_PURGE_URL"] = self.varnish.url
        self.start_worker()
        with open(self.log_path, "a") as log:
            self.editor = subprocess.Popen(
                [sys.executable, "-m", "tests.delivery.site_shell"],
                cwd=ROOT,
                env=self.env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
            )
        self.processes.append(self.editor)

    def start_worker(self):
        self.worker = super().start_worker("--interval", "0.2")

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
        raise AssertionError(f"the editor stopped: see {self.log_path}")

    def stop(self):
        if self.varnish:
            self.varnish.stop()
        super().stop()
        if self.redis.process:
            self.redis.stop()
