"""
Throwaway Redis and PostgreSQL servers that a fault test owns: started on a free loopback port,
stopped and started again mid-test, removed at the end. Never the shared ones.
"""

import contextlib
import glob
import logging
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from django.test import override_settings

from citynet.demo.live import ROOT
from citynet.settings.base import redis_cache


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, up=True, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            sock.settimeout(0.2)
            listening = sock.connect_ex(("127.0.0.1", port)) == 0
        if listening == up:
            return
        time.sleep(0.05)
    raise TimeoutError(f"port {port} still {'closed' if up else 'open'} after {timeout}s")


class RedisServer:
    """`directory`: keep the data there (append-only file), so that a restart finds it again."""

    def __init__(self, directory=None):
        self.port = free_port()
        self.process = None
        self.directory = directory

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        persistence = ["--appendonly", "no"]
        if self.directory:
            persistence = ["--appendonly", "yes", "--appendfsync", "always"]
            persistence += ["--dir", str(self.directory)]
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + persistence,
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        wait_for_port(self.port, up=False)


class PostgresServer:
    """A private cluster (initdb) in a temporary folder, run as the postgres user when root."""

    def __init__(self):
        self.port = free_port()
        self.folder = tempfile.mkdtemp(prefix="citynet-pg-")
        self.data = os.path.join(self.folder, "data")
        self.bin = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
        self.user = pwd.getpwnam("postgres") if os.geteuid() == 0 else None
        if self.user:
            os.chown(self.folder, self.user.pw_uid, self.user.pw_gid)

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def run(self, *args):
        subprocess.run(
            [os.path.join(self.bin, args[0]), *args[1:]],
            check=True,
            capture_output=True,
            user=self.user.pw_uid if self.user else None,
            group=self.user.pw_gid if self.user else None,
        )

    def init(self):
        self.run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8")

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run("pg_ctl", "-D", self.data, "-o", options, "-l", self.data + ".log", "-w", "start")
        wait_for_port(self.port)

    def stop(self):
        self.run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        wait_for_port(self.port, up=False)

    def remove(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def site_command(env):
    """`manage(*args)`: runs a manage.py command of this project in `env`, returning its output."""

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()

    return manage


def serving_the_cache(server):
    """
    Start `server` and make it the site's cache, with no outage seen yet in this process; stop
    it afterwards if the test left it running. For fixtures: `yield from serving_the_cache(...)`.
    """
    server.start()
    for log_filter in logging.getLogger("citynet.cache").filters:
        log_filter.last_error_at = None
    with override_settings(CACHES={"default": redis_cache(server.url)}):
        yield server
    if server.process.poll() is None:
        server.stop()
