"""
Throwaway servers a test owns, never the shared ones: started, stopped and started again
mid-test, removed at the end. None is given a port number (decision 0220):

- Redis and PostgreSQL listen on a Unix socket in the test's folder: Redis cannot report a port
  it chose, and a restart must come back at the same address, which a port given up while the
  server is down does not guarantee;
- a server that prints the address it bound (moto, the OpenID provider, runserver) is started
  on port 0 and its address read from its output;
- Varnish binds port 0 and is asked the port through varnishadm;
- the SMTP server runs in the test's process on a socket the test bound: down (bound, not
  listening) until it starts.
"""

import asyncio
import contextlib
import glob
import logging
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import redis
from aiosmtpd.smtp import SMTP
from django.test import override_settings

from citynet.demo.live import ROOT, wait_for_output
from citynet.settings.base import redis_cache

ADDRESS = re.compile(r"http://127\.0\.0\.1:\d+")


def wait_until(condition, timeout, interval=0.2):
    """Poll `condition()` until it is true; the seconds it took, or None past `timeout`."""
    started = time.monotonic()
    while True:
        found = condition()
        elapsed = time.monotonic() - started
        if found or elapsed > timeout:
            return elapsed if found and elapsed <= timeout else None
        time.sleep(interval)


def serve(command, log_path, **options):
    """
    Start `command`, a server told to bind port 0 that prints the address it got; returns the
    process and that address once it listens.
    """
    options.setdefault("env", {**os.environ, "PYTHONUNBUFFERED": "1"})
    with open(log_path, "a") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, **options)
    return process, wait_for_output(log_path, ADDRESS, process)[0]


def stop(process, timeout=30):
    if process.poll() is None:
        process.terminate()
    process.wait(timeout=timeout)


class RedisServer:
    """`keep_data`: an append-only file in `directory`, so that a restart finds the data again."""

    def __init__(self, directory, keep_data=False):
        self.directory = Path(directory)
        self.socket = self.directory / "redis.sock"
        self.keep_data = keep_data
        self.process = None

    @property
    def url(self):
        return f"unix://{self.socket}?db=0"

    def client(self, **options):
        return redis.Redis(unix_socket_path=str(self.socket), **options)

    def answers(self):
        try:
            with self.client(socket_timeout=0.2) as client:
                return client.ping()
        except redis.RedisError:
            return False

    def start(self):
        persistence = ["--appendonly", "yes" if self.keep_data else "no"]
        if self.keep_data:
            persistence += ["--appendfsync", "always"]
        self.process = subprocess.Popen(
            ["redis-server", "--port", "0", "--unixsocket", str(self.socket), "--save", ""]
            + ["--dir", str(self.directory), *persistence],
            stdout=subprocess.DEVNULL,
        )
        assert wait_until(self.answers, 30) is not None, "Redis did not start"

    def stop(self):
        stop(self.process, timeout=10)


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
    server.stop()


class PostgresServer:
    """
    A private cluster (initdb) in a temporary folder, listening on a socket there only; run as
    the postgres user when root.
    """

    def __init__(self):
        # Short: a Unix socket's path must stay under 108 bytes.
        self.folder = tempfile.mkdtemp(prefix="citynet-pg-", dir="/tmp")
        self.data = os.path.join(self.folder, "data")
        self.bin = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
        self.user = pwd.getpwnam("postgres") if os.geteuid() == 0 else None
        if self.user:
            os.chown(self.folder, self.user.pw_uid, self.user.pw_gid)

    @property
    def url(self):
        return f"postgres://postgres@{self.folder.replace('/', '%2F')}/postgres"

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
        options = f"-k {self.folder} -c listen_addresses='' -c fsync=off"
        self.run("pg_ctl", "-D", self.data, "-o", options, "-l", self.data + ".log", "-w", "start")

    def stop(self):
        self.run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")

    def remove(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def has_varnish():
    varnishd = shutil.which("varnishd") or os.path.exists("/usr/sbin/varnishd")
    return bool(varnishd and glob.glob("/usr/lib/*/varnish/vmods/libvmod_xkey.so"))


class Varnish:
    """
    Varnish with xkey (deploy/varnish.vcl, as `make cluster` runs it) in front of the app server
    at `backend` (a URL), on port 0; `url` is where it listens.
    """

    def __init__(self, directory, backend, log):
        self.directory = Path(directory)
        self.name = self.directory / "varnish"
        (self.directory / "backends.vcl").write_text(
            f'backend app_1 {{ .host = "127.0.0.1"; .port = "{backend.rsplit(":", 1)[1]}"; }}\n'
            "sub vcl_init { new app = directors.round_robin(); app.add_backend(app_1); }\n"
        )
        varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
        self.process = subprocess.Popen(
            [varnishd, "-F", "-j", "none", "-n", str(self.name), "-a", "127.0.0.1:0"]
            + ["-f", str(ROOT / "deploy/varnish.vcl")]
            + ["-p", f"vcl_path={self.directory}:{ROOT / 'deploy'}"]
            + ["-p", "http_resp_hdr_len=65536", "-p", "http_resp_size=98304", "-s", "malloc,64m"],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its manager and child are signalled as one group
        )
        assert wait_until(self.listening_port, 60) is not None, "Varnish did not start"
        self.url = f"http://127.0.0.1:{self.port}"

    def listening_port(self):
        """The port varnishadm's `debug.listen_address` gives (`a0 127.0.0.1 <port>`), or None."""
        assert self.process.poll() is None, "Varnish stopped while starting"
        answer = subprocess.run(
            ["varnishadm", "-n", str(self.name), "debug.listen_address"],
            capture_output=True,
            text=True,
        ).stdout.split()
        self.port = int(answer[2]) if len(answer) >= 3 and answer[2].isdigit() else None
        return self.port

    def signal(self, signum):
        os.killpg(self.process.pid, signum)

    def stop(self):
        if self.process.poll() is None:
            self.signal(signal.SIGCONT)
            self.signal(signal.SIGTERM)
        self.process.wait(timeout=30)


class SMTPServer:
    """
    aiosmtpd in a thread of the test's process on a socket bound now, so that its port is known
    (and held) while the server is still down; `messages` keeps what it receives.
    """

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.messages = []
        self.loop = None

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's handler
        self.messages.append(envelope)
        return "250 OK"

    def start(self):
        self.socket.listen()
        self.loop = asyncio.new_event_loop()
        self.server = self.loop.run_until_complete(
            self.loop.create_server(lambda: SMTP(self, hostname="localhost"), sock=self.socket)
        )
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    def stop(self):
        if self.loop is None:
            self.socket.close()
            return
        self.loop.call_soon_threadsafe(self.server.close)
        self.loop.call_soon_threadsafe(self.loop.stop)
