"""
Settings shared by every environment. Secure by default: DEBUG is off and nothing here trusts
a host, an origin or a key that the environment did not provide. Every environment variable the
project reads is declared in this module, once; docs/env-vars.md describes each of them.
"""

import datetime
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
# Which code made a stored response: a deploy that changes how pages or the API look sets a new
# one, and the cached responses of other versions are not served (0212).
RESPONSE_VERSION = env_str("RESPONSE_VERSION", "1")
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
# Machine translation in the translation editor (docs/i18n.md): off unless a DeepL key is set.
DEEPL_AUTH_KEY = env_str("DEEPL_AUTH_KEY")

INSTALLED_APPS = [
    "citynet.core",
    "citynet.security",
    "citynet.delivery",
    "citynet.images",
    "citynet.people",
    "citynet.taxonomy",
    "citynet.editorial",
    "citynet.worker",
    "citynet.i18n",
    "wordpress",
    "home",
    "blog",
    "programs",
    "partners",
    "comments",  # after blog and programs: its api.py extends theirs
    "search",
    "citynet.api",
    "citynet.webhooks",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_headless_preview",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "rest_framework",
    "corsheaders",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
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
    "axes",
    "csp",
    # Serves the v3 API docs' viewer (Swagger UI) from the site's own static files, not a CDN.
    "ninja",
    # Readers sign in to comment with an account they have (decision 0184); staff use Wagtail's.
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.google",
    "allauth.socialaccount.providers.facebook",
    "allauth.socialaccount.providers.twitter_oauth2",
    "comments.wordpress_com",  # WordPress.com, which allauth does not provide
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "citynet.security.csp.CityNetCSPMiddleware",
    "citynet.core.unavailable.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A reader's current copy is a 304 from Redis here, once the headers above are on (0255).
    "citynet.delivery.cache.NotModifiedMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The editor's admin language around Wagtail's views, its refusals included (0300).
    "citynet.i18n.admin_language.AdminLanguageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Wagtail's, following a redirect only to what the public may see (0410).
    "citynet.core.redirects.PublicRedirectMiddleware",
    # After the CSRF check and every other process_view: it calls the page edit view itself.
    "citynet.editorial.one_save_at_a_time.OneSaveAtATimeMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
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
elif env_bool("DATABASE_PREPARED_STATEMENTS", True):  # PostgreSQL, the other one supported
    # PostgreSQL plans a query again at every run unless it is prepared, and planning took longer
    # than running an article's detail query (2.8 ms against 0.6). With server-side parameters,
    # psycopg prepares a query on its fifth run on a connection (decision 0360). Behind a
    # transaction pooler without prepared-statement support, DATABASE_PREPARED_STATEMENTS=0.
    # Added to the URL's own options (?sslmode=…).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Content-Security-Policy for the public site (decision 0074); the APIs, feeds and sitemap get
# `default-src 'none'` and the admin a looser variant (citynet/security/csp.py). Media served from
# another origin (S3, a CDN) is allowed as images. Embedded videos come from these players.
MEDIA_ORIGIN = "/".join(MEDIA_URL.split("/")[:3]) if "://" in MEDIA_URL else None
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
        "frame-src": [
            "'self'",
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

# Guessing is throttled (decisions 0072, 0180): after AXES_FAILURE_LIMIT failures from one IP
# address, or for one account (admin login, private-page password, API token, password reset
# address) from one address, further attempts from there are refused for AXES_COOLOFF_TIME.
# Unlock: `manage.py axes_reset_username NAME` or `axes_reset_ip ADDRESS`, or delete the attempt
# in /django-admin/axes/accessattempt/.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
# A user name is locked for one address only (decision 0180): failures elsewhere never stop the
# right user, and an address that guesses many accounts is stopped on its own.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "citynet.security.throttling.lockout_response"
# Client addresses come from X-Forwarded-For only behind this many trusted proxies (a CDN, a
# load balancer, Varnish), each of which appends the address it was sent from; with none,
# REMOTE_ADDR, which a client cannot forge. Comment limits use the same rule (decision 0180).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "citynet.security.throttling.client_address"

# Readers' sign-in to comment (decision 0184, docs/comments.md): social accounts only, no
# passwords; a provider appears once its keys are set. The accounts made have no admin access.
SOCIALACCOUNT_ONLY = True
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False  # "Change" lists the providers to a signed-in reader
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False  # a provider's email never signs anyone in as staff
SOCIALACCOUNT_STORE_TOKENS = False
# A provider link goes straight to the provider: the site's CSP lets forms post only to the site
# (form-action 'self', which browsers apply to the redirect too), and starting a sign-in grants
# nothing without the reader's consent at the provider.
SOCIALACCOUNT_LOGIN_ON_GET = True


def social_app(client_id, secret, **extra):
    """A provider's app (allauth's APPS list): none, and so no button, without both keys."""
    return [{"client_id": client_id, "secret": secret, **extra}] if client_id and secret else []


SOCIALACCOUNT_PROVIDERS = {
    "google": {
        "APPS": social_app(env_str("SOCIAL_GOOGLE_CLIENT_ID"), env_str("SOCIAL_GOOGLE_SECRET"))
    },
    "facebook": {
        "APPS": social_app(env_str("SOCIAL_FACEBOOK_CLIENT_ID"), env_str("SOCIAL_FACEBOOK_SECRET"))
    },
    "twitter_oauth2": {  # X
        "APPS": social_app(env_str("SOCIAL_X_CLIENT_ID"), env_str("SOCIAL_X_SECRET"))
    },
    "wordpress_com": {
        "APPS": social_app(
            env_str("SOCIAL_WORDPRESS_CLIENT_ID"), env_str("SOCIAL_WORDPRESS_SECRET")
        )
    },
    # Any OpenID Connect provider (a city's single sign-on, for instance), found by discovery.
    "openid_connect": {
        "APPS": social_app(
            env_str("SOCIAL_OIDC_CLIENT_ID"),
            env_str("SOCIAL_OIDC_SECRET"),
            provider_id="oidc",
            name=env_str("SOCIAL_OIDC_NAME", "OpenID Connect"),
            settings={"server_url": env_str("SOCIAL_OIDC_SERVER_URL")},
        )
        if env_str("SOCIAL_OIDC_SERVER_URL")
        else []
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]


def redis_cache(location):
    """
    django-redis keeps one client per process; Django's own backend builds one per call, which
    costs more than the round trip on every conditional request. The cache only saves work: when
    Redis is down every read misses and every write is dropped, so pages and APIs are computed
    uncached (decision 0071), and the client reconnects by itself when Redis is back.
    """
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": location,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            # Fail fast: a Redis that hangs must not hold every request for long.
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }


# Ignored cache errors go to one logger whose filter warns once per outage (decision 0071).
# An autosave of a form not valid yet is answered 400 without a log line (issue 26).
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "citynet.cache"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "once_per_outage": {"()": "citynet.core.outage.OncePerOutage"},
        "quiet_autosave": {"()": "citynet.editorial.quiet_autosave.QuietAutosave"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "citynet.cache": {"handlers": ["console"], "filters": ["once_per_outage"]},
        "django.request": {"filters": ["quiet_autosave"]},
    },
}

# Wagtail writes every rendition it hands out to the "renditions" cache (else the default, Redis):
# a round trip per image of every page computed. Pages and the API load renditions with their
# images (prefetch_renditions), so that cache would only ever be written: none (decision 0211).
RENDITIONS_CACHE = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL), "renditions": RENDITIONS_CACHE}

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
# Nothing leaves the site for translation unless a key is configured (decision 0123).
if DEEPL_AUTH_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_AUTH_KEY},
    }
# The site's time zone: the admin's, and each editor's until they choose their own under
# Account → Preferences (any IANA zone). Dates typed in the admin are in the editor's zone.
TIME_ZONE = "UTC"
USE_I18N = True
# Dates follow each language's conventions (Django's own formats); ours override a few.
FORMAT_MODULE_PATH = ["citynet.formats"]
# The site-wide catalogue; each plugin keeps its own in <app>/locale (citynet/i18n/catalogues.py).
# Then our translations of Wagtail's and wagtail-localize's strings where their own catalogues
# lack them or get them wrong: LOCALE_PATHS come before every app's catalogue (decision 0235).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "citynet/i18n/upstream_locale"]
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads are served by the proxy or the bucket (docs/deploy.md); development settings let
# Django serve them.
SERVE_MEDIA = False

# Background work: Wagtail's search indexing, reference index updates and cache purges, and the
# scheduled publication of pages (citynet.editorial), run as django-tasks in a database queue
# served by `manage.py db_worker` (docs/scheduling.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Every periodic task and the seconds between its runs, in one place: the worker queues each as
# it starts, and each run queues the next (citynet/worker, decision 0226).
PERIODIC_TASKS = {
    # Scheduled go-lives and expiries that no wake-up applied; interrupted tasks; lost retries
    # of cache invalidations (citynet/editorial/tasks.py).
    "citynet.editorial.tasks.heartbeat": 30,
    # Webhook deliveries whose task was lost, and pruning the delivery log.
    "citynet.webhooks.tasks.sweep": 60,
    # Commenters' IP addresses past their retention (comments/tasks.py).
    "comments.tasks.forget_ip_addresses": 24 * 60 * 60,
}

# Webhooks (docs/webhooks.md): targets must be https and resolve to public addresses; dev and
# test settings relax both for receivers on 127.0.0.1. Seconds allowed for each send.
WEBHOOKS_ALLOW_HTTP = False
WEBHOOKS_ALLOW_LOOPBACK = False
WEBHOOKS_TIMEOUT = 15

# Wagtail
WAGTAIL_SITE_NAME = "CityNet"
# The admin calls no third party from editors' browsers: no Gravatar (it would send a hash of
# each editor's address), no release check (decision 0074).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
# The database backend, finding words inside Chinese, Japanese, Thai and Korean text (docs/i18n.md).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
# Documents are always streamed by the app, which checks their collection's privacy first; the
# default on remote storage (S3) redirects to the file's permanent URL instead (decision 0075).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ALLOW_UNICODE_SLUGS = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Content API (docs/api.md). Only the APIs answer cross-origin requests, for the configured origins.
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# `detail_url`s start with the public address when one is set; otherwise Wagtail takes the
# request's Site, which is where the site runs (decision 0140).
WAGTAILAPI_BASE_URL = API_PUBLIC_BASE_URL or None
CORS_URLS_REGEX = r"^/api/v2/.*$"
# POST only for reader comments (/api/v2/comments/), which a headless front end may send.
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS", "POST"]
if CDN_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "citynet.delivery.purge.XkeyBackend", "LOCATION": CDN_PURGE_URL}
    }
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": HEADLESS_PREVIEW_URL},
    "REDIRECT_ON_PREVIEW": True,
    "ENFORCE_TRAILING_SLASH": False,
}
