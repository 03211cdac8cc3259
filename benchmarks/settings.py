"""
Benchmark settings: production-like (DEBUG off, real WSGI server) on a separate database, plus
Wagtail's stock v2 pages endpoint at /api/stock/ and a bare view, as baselines.
"""

import os
from pathlib import Path

from citynet.settings.base import *  # noqa: F403
from citynet.settings.base import REDIS_URL, SECRET_KEY, redis_cache

RESULTS_DIR = Path(__file__).resolve().parent / "results"

SECRET_KEY = SECRET_KEY or "benchmark-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# The benchmarks' requests name the site's host, `localhost` (benchmarks/run.py SITE_HOST), on
# whichever port: the API's absolute URLs use the same host.
WAGTAILAPI_BASE_URL = "http://localhost"
ROOT_URLCONF = "benchmarks.urls"
MEDIA_ROOT = str(RESULTS_DIR / "media")
STATIC_ROOT = str(RESULTS_DIR / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The stock server (benchmarks/run.py) runs Wagtail as it ships: renditions cached in the default
# cache, Redis, which our pages do without (decision 0211). Its requests do not prefetch them.
if os.environ.get("BENCH_STOCK"):
    CACHES = {"default": redis_cache(REDIS_URL)}
