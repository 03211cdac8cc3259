"""A real HTTP receiver on loopback, and helpers to subscribe it and run the task worker."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from standardwebhooks.webhooks import Webhook

from citynet.webhooks.events import SUBSCRIBABLE
from citynet.webhooks.models import Subscription

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class Receiver:
    """Records every request; answers with the scripted responses, then with 200."""

    def __init__(self):
        self.requests = []
        self.script = []  # (status, headers, delay seconds)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                receiver.requests.append(
                    {
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": body,
                        "received_at": time.time(),
                    }
                )
                status, headers, delay = receiver.script.pop(0) if receiver.script else (200, {}, 0)
                time.sleep(delay)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        # Port 0: the system picks a free port, so parallel test workers never collide.
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, status, headers=None, delay=0):
        self.script.append((status, headers or {}, delay))

    def messages(self):
        """(headers, payload) of each request, in order."""
        return [(r["headers"], json.loads(r["body"])) for r in self.requests]

    def events(self):
        return [payload["type"] for _headers, payload in self.messages()]

    def verified(self, secret):
        """Every request verified with the standardwebhooks package; returns the payloads."""
        return [Webhook(secret).verify(r["body"], r["headers"]) for r in self.requests]


@pytest.fixture
def receiver():
    receiver = Receiver()
    receiver.thread.start()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


def subscribe(url, events=SUBSCRIBABLE, **filters):
    subscription = Subscription(url=url, events=list(events))
    secret = subscription.set_new_secret()
    subscription.save()
    for name, values in filters.items():
        getattr(subscription, name).set(values)
    return subscription, secret


@pytest.fixture
def subscription(receiver, db):
    return subscribe(receiver.url)


@pytest.fixture
def worker(monkeypatch, django_capture_on_commit_callbacks):
    """Run the real db_worker until nothing is ready, inside the test transaction.

    The test transaction never commits, so callbacks waiting for a commit (queuing deliveries)
    run when each pass ends, and the next pass picks up what they queued.
    """
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        for _ in range(10):
            with django_capture_on_commit_callbacks(execute=True):
                call_command(
                    "db_worker", batch=True, reload=False, startup_delay=False, verbosity=0
                )
            if not DBTaskResult.objects.ready().exists():
                return

    return run
