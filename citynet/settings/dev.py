"""Local development: relaxes base for a single user on 127.0.0.1 with SQLite."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, LOGGING, SECRET_KEY, env_bool, env_list

# The demo content and accounts (`manage.py load_demo`): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "citynet.demo"]

# `make run` shows the site as readers see it (decision 0195): the site's own error pages, the
# designed and translated 404 included. DEBUG=true brings back Django's debug pages.
DEBUG = env_bool("DEBUG", False)
# Without DEBUG, runserver serves no files: WhiteNoise (already in MIDDLEWARE) serves the apps'
# static files as they are on disk, without collectstatic, and Django the uploads.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True
SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Webhook receivers on this machine, without TLS (docs/webhooks.md, "Testing locally").
WEBHOOKS_ALLOW_HTTP = True
WEBHOOKS_ALLOW_LOOPBACK = True
# The task worker's console shows failures, with their traceback, and warnings: not the two
# lines django-tasks logs at INFO for every task run (hundreds after a demo load).
LOGGING = {
    **LOGGING,
    "handlers": {
        **LOGGING["handlers"],
        "warnings": {"class": "logging.StreamHandler", "level": "WARNING"},
    },
    "loggers": {
        **LOGGING["loggers"],
        "django_tasks": {"handlers": ["warnings"], "propagate": False},
        # Without DEBUG, Django sends a failing request's traceback only to ADMINS by email.
        "django.request": {"handlers": ["warnings"], "level": "ERROR"},
    },
}
