"""Local development: relaxes base for a single user on 127.0.0.1 with SQLite."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, SECRET_KEY, env_bool, env_list

# The demo content and accounts (`manage.py load_demo`): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "citynet.demo"]

# DEBUG=false shows the site's own error pages (the accessibility test checks its 404).
DEBUG = env_bool("DEBUG", True)
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
