"""
Settings shared by every environment. Secure by default: DEBUG is off and nothing here trusts
a host, an origin or a key that the environment did not provide. Every environment variable the
project reads is declared in this module, once; docs/env-vars.md describes each of them.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Environment
SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
REDIS_URL = env_str("REDIS_URL")
# Cache what anonymous readers get (pages and API) until content changes. Every process must
# share the cache for a change to show everywhere at once, hence on with Redis only (0026).
RESPONSE_CACHE = env_bool("RESPONSE_CACHE", bool(REDIS_URL))
# How long the response cache keeps an entry nobody invalidated (decision 0060).
RESPONSE_CACHE_TIMEOUT = env_int("RESPONSE_CACHE_TIMEOUT", 86400)
# Response headers naming the cache tags of each public response, for a CDN to purge by:
# `xkey` (Varnish), `Surrogate-Key` (Fastly), `Cache-Tag` (Cloudflare, Akamai).
CACHE_TAG_HEADERS = env_list("CACHE_TAG_HEADERS", "xkey")
# Varnish with xkey in front of the site (deploy/varnish.vcl): purged by tag after each change.
CDN_PURGE_URL = env_str("CDN_PURGE_URL")
MEDIA_ROOT = env_str("MEDIA_ROOT", str(BASE_DIR / "media"))
MEDIA_URL = env_str("MEDIA_URL", "/media/")
STATIC_ROOT = env_str("STATIC_ROOT", str(BASE_DIR / "static"))
STATIC_URL = env_str("STATIC_URL", "/static/")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Content API (docs/api.md)
API_PUBLIC_BASE_URL = env_str("API_PUBLIC_BASE_URL").rstrip("/")
API_CACHE_MAX_AGE = env_int("API_CACHE_MAX_AGE", 60)
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
HEADLESS_PREVIEW_URL = env_str("HEADLESS_PREVIEW_URL")
HEADLESS_PREVIEW_MAX_AGE = env_int("HEADLESS_PREVIEW_MAX_AGE", 600)

INSTALLED_APPS = [
    "citynet.core",
    "citynet.delivery",
    "citynet.images",
    "citynet.people",
    "citynet.taxonomy",
    "citynet.editorial",
    "citynet.i18n",
    "home",
    "blog",
    "programs",
    "partners",
    "search",
    "citynet.api",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_modeladmin",
    "wagtail_headless_preview",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "rest_framework",
    "corsheaders",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "citynet.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "citynet.wsgi.application"

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web process and the task worker write to the same file: take the write lock at the
    # start of each transaction and wait for it, rather than failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

if REDIS_URL:
    # django-redis keeps one client per process; Django's own backend builds one per call,
    # which costs more than the round trip on every conditional request.
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }

# Internationalisation: the content languages, in the order the language switcher lists them.
# Adding one is a line here, its fallback chain below and `manage.py sync_locales` (docs/i18n.md).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hant", _("Traditional Chinese")),
    ("zh-hans", _("Simplified Chinese")),
    ("ja", _("Japanese")),
    ("ko", _("Korean")),
    ("id", _("Indonesian")),
    ("vi", _("Vietnamese")),
    ("th", _("Thai")),
]
# Where a reader of each language goes when a page does not exist in it, nearest first. English,
# the default language that every page is written in first, ends every chain.
LOCALE_FALLBACKS = {
    "zh-hant": ["zh-hans", "en"],
    "zh-hans": ["zh-hant", "en"],
    "ja": ["en"],
    "ko": ["en"],
    "id": ["en"],
    "vi": ["en"],
    "th": ["en"],
}
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin speaks each user's chosen language. Wagtail ships Indonesian as "id-id".
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("id-id" if code == "id" else code, name) for code, name in LANGUAGES
]
# A page submitted for translation stays a draft until its translator publishes it, instead of
# going live at once in the source language.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Background work: Wagtail's search indexing, reference index updates and cache purges, and the
# scheduled publication of pages (citynet.editorial), run as django-tasks in a database queue
# served by `manage.py db_worker` (docs/scheduling.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Wagtail
WAGTAIL_SITE_NAME = "CityNet"
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
# The database backend, finding words inside Chinese, Japanese, Thai and Korean text (docs/i18n.md).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "citynet.i18n.search_backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ALLOW_UNICODE_SLUGS = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Content API (docs/api.md). Only the APIs answer cross-origin requests, for the configured origins.
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# Absolute `detail_url`s without looking the site up on every request.
WAGTAILAPI_BASE_URL = API_PUBLIC_BASE_URL or WAGTAILADMIN_BASE_URL
CORS_URLS_REGEX = r"^/api/v2/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
if CDN_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "citynet.delivery.purge.XkeyBackend", "LOCATION": CDN_PURGE_URL}
    }
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": HEADLESS_PREVIEW_URL},
    "REDIRECT_ON_PREVIEW": True,
    "ENFORCE_TRAILING_SLASH": False,
}
