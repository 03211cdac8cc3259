"""Test runs: fast, isolated, deterministic. DATABASE_URL chooses SQLite or PostgreSQL."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, REDIS_URL, RENDITIONS_CACHE, SECRET_KEY, redis_cache

INSTALLED_APPS = [*INSTALLED_APPS, "citynet.demo"]  # tests load the demo too

SECRET_KEY = SECRET_KEY or "django-insecure-test-only"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="citynet-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if REDIS_URL:
    # One Redis database per pytest-xdist worker, so that one worker's cache.clear() cannot
    # empty another's cache in the middle of a test.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    CACHES = {
        "default": redis_cache(f"{REDIS_URL.rsplit('/', 1)[0]}/{1 + int(worker)}"),
        "renditions": RENDITIONS_CACHE,
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": RENDITIONS_CACHE,
    }
# One process per test run: its cache is shared by every request, so test what production does.
RESPONSE_CACHE = True
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tasks run in the request; the scheduling tests drive the database queue explicitly.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Webhook receivers on this machine, without TLS (docs/webhooks.md, "Testing locally").
WEBHOOKS_ALLOW_HTTP = True
WEBHOOKS_ALLOW_LOOPBACK = True
