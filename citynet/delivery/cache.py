"""
What anonymous readers see, cached on the server until what it shows changes (decision 0060).

Each stored response carries its cache tags (citynet/delivery/tags.py) and the version each tag
had when it was computed (citynet/delivery/versions.py). A change sets new versions on the tags
it touches (citynet/delivery/invalidation.py); a stored response whose tags moved on is never
served again, and every other one stays warm. There is no periodic rollover: what changes with
time is applied by the task queue at its moment.

The ETag is a hash of the bytes, so it changes only when the bytes do; Last-Modified is the
latest change among the pages and tags the response shows. Every public response names its tags
in the headers of CACHE_TAG_HEADERS, for a CDN to purge by. Responses are stored only when
RESPONSE_CACHE is on, which needs a cache every process shares (decision 0026).
"""

import hashlib
import logging
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from redis.exceptions import RedisError

from citynet.delivery import snapshots
from citynet.delivery import tags as cache_tags
from citynet.delivery.versions import TAG_KEY, current_generation, tag_versions

RESPONSE_KEY = "citynet:response:"
# Tag headers understood by CDNs, and how each separates tags.
TAG_SEPARATORS = {"cache-tag": ","}
# Beside each entry in Redis: the keys of its tags' versions, as plain text for READ_ENTRY.
TAG_KEYS_SUFFIX = ":tag-keys"
# A hit (and so every 304) in one round trip: the entry, its tag keys and those tags' versions.
READ_ENTRY = """
local found = {redis.call('GET', KEYS[1]), redis.call('GET', KEYS[2])}
if not found[1] or not found[2] then return {} end
for key in string.gmatch(found[2], '%S+') do
    found[#found + 1] = redis.call('GET', key)
end
return found
"""
# Where django-redis reports the errors it ignores (decision 0071); read_entry reports its own.
cache_logger = logging.getLogger(settings.DJANGO_REDIS_LOGGER)


def is_anonymous(request):
    """A reader without a session, messages or credentials sees what everyone sees."""
    return not (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or CookieStorage.cookie_name in request.COOKIES
        or "authorization" in request.headers
    )


def is_shareable(request, response):
    """A complete 200 that carries nothing of this reader's: no cookie, no CSRF token."""
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def response_key(request):
    key = f"{request.build_absolute_uri()}|{request.headers.get('Accept', '')}"
    # Another version's entry is another key: never read, it ages out (decision 0212).
    return f"{RESPONSE_KEY}{settings.RESPONSE_VERSION}:{hashlib.sha1(key.encode()).hexdigest()}"


class Stored:
    """A shareable response as kept in the cache, with what it needs to be validated."""

    def __init__(self, content, headers, tags, versions, last_modified, valid_until):
        self.content = content
        self.headers = headers
        self.tags = sorted(tags)
        # The cache keys of its tags' versions, as READ_ENTRY reads them beside the entry.
        self.tag_keys = " ".join(cache.make_key(TAG_KEY + tag) for tag in self.tags)
        self.versions = versions
        self.etag = f'"{hashlib.sha1(self.content).hexdigest()}"'
        self.last_modified = last_modified
        self.valid_until = valid_until  # the earliest expiry among the pages shown

    def is_current(self, versions=None):
        """Nothing it shows changed: `versions` of its tags as read now, else read here."""
        if self.valid_until is not None and time.time() >= self.valid_until:
            return False
        return (tag_versions(self.tags) if versions is None else versions) == self.versions

    def max_age(self):
        if self.valid_until is None:
            return max_age()
        return max(0, min(max_age(), int(self.valid_until - time.time())))

    def response(self):
        response = HttpResponse(self.content, headers=self.headers)
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.last_modified)
        for header in settings.CACHE_TAG_HEADERS:
            response[header] = TAG_SEPARATORS.get(header.lower(), " ").join(self.tags)
        return response


def compute(request, respond, tags_for, generation, keep_snapshot=False):
    """
    (response, Stored or None): `respond()` with the tags of what it showed. `keep_snapshot`
    stores it as its page's snapshot too (the task queue building snapshots asks for that).
    """
    started = time.time()
    with cache_tags.collecting() as collected:
        response = respond()
        if hasattr(response, "render"):
            response.render()
    if not is_shareable(request, response):
        return response, None
    tags = collected.tags | set(tags_for(request, response) if tags_for else ())
    versions = tag_versions(tags)
    changes = [when for _generation, when in versions.values()]
    if collected.changed_at is not None:
        changes.append(collected.changed_at.timestamp())
    # The copy is for readers without a session: say so to caches downstream too.
    patch_vary_headers(response, ["Cookie"])
    expires = collected.expires_at.timestamp() if collected.expires_at else None
    if expires is not None and expires <= started:  # loaded but not shown: it is not visible
        expires = None
    last_modified = int(max(changes, default=started))
    stored = Stored(
        response.content, dict(response.headers), tags, versions, last_modified, expires
    )
    # The cache must not keep what was computed from data that changed meanwhile.
    if settings.RESPONSE_CACHE and all(gen <= generation for gen, _when in versions.values()):
        keep(request, stored)
        kept = keep_snapshot and snapshots.store(request, stored)
        # Something it shows changed while it was stored: build it again after that change.
        if kept and any(gen > generation for gen, _when in tag_versions(stored.tags).values()):
            snapshots.discard(request)
    return response, stored


def from_snapshot(request, generation):
    """The stored snapshot of this URL (citynet/delivery/snapshots.py), kept in the cache."""
    found = snapshots.read(request, generation)
    if found is None:
        return None
    stored = Stored(*found)
    keep(request, stored)
    return stored


def redis_client():
    """Redis's own client when the cache is django-redis, else None."""
    get_client = getattr(getattr(cache, "client", None), "get_client", None)
    return get_client(write=True) if get_client else None


def keep(request, stored):
    key = response_key(request)
    client = redis_client()
    if client is not None:
        # The tag keys first: an entry whose tag keys are missing or another's is not read.
        try:
            client.set(cache.make_key(key + TAG_KEYS_SUFFIX), stored.tag_keys, ex=timeout())
        except RedisError:
            cache_logger.exception("Exception ignored")
            return
    cache.set(key, stored, timeout())


def timeout():
    return settings.RESPONSE_CACHE_TIMEOUT


def read_entry(request):
    """The stored response for this request while nothing it shows changed, else None."""
    key = response_key(request)
    client = redis_client()
    if client is None:  # another cache backend: the entry, then its tags' versions
        stored = cache.get(key)
        return stored if stored is not None and stored.is_current() else None
    try:
        found = client.register_script(READ_ENTRY)(
            keys=[cache.make_key(key), cache.make_key(key + TAG_KEYS_SUFFIX)]
        )
    except RedisError:
        cache_logger.exception("Exception ignored")
        return None
    if not found:
        return None
    entry, tag_keys, *versions = found
    stored = cache.client.decode(entry)
    if tag_keys.decode() != stored.tag_keys:
        return None
    current = {
        tag: cache.client.decode(version)
        for tag, version in zip(stored.tags, versions, strict=True)
        if version is not None
    }
    return stored if stored.is_current(current) else None


def public_response(request, respond, tags_for=None, snapshot=False):
    """
    `respond()` for an anonymous GET or HEAD, from the cache while nothing it shows changed,
    else from the page's snapshot when `snapshot` says the view has them, with validators and
    tag headers, answered 304 when the client's copy is current.
    """
    if request.method not in ("GET", "HEAD"):
        return respond()
    if not is_anonymous(request):
        # A signed-in editor's view (or a reader's with a session) is theirs: no cache keeps it.
        response = respond()
        patch_cache_control(response, private=True, no_store=True)
        return response
    stored = None
    use_cache = settings.RESPONSE_CACHE and not snapshots.is_building()
    if use_cache:
        stored = read_entry(request)
    if stored is None:
        # Read once, before the snapshot and the computing: what changes after is not kept.
        generation = current_generation()
        if use_cache and snapshot and snapshots.applies_to(request):
            stored = from_snapshot(request, generation)
    if stored is None:
        keep_snapshot = snapshot and snapshots.is_building() and snapshots.applies_to(request)
        response, stored = compute(request, respond, tags_for, generation, keep_snapshot)
        if stored is None:
            return response
    not_modified = get_conditional_response(
        request, etag=stored.etag, last_modified=stored.last_modified
    )
    if not_modified is not None:
        not_modified["ETag"] = stored.etag
        # The language of the text the client keeps, not the one LocaleMiddleware would name.
        if "Content-Language" in stored.headers:
            not_modified["Content-Language"] = stored.headers["Content-Language"]
        patch_freshness(not_modified, stored)
        return not_modified
    response = stored.response()
    patch_freshness(response, stored)
    return response


def patch_freshness(response, stored):
    """
    Shared caches (the CDN, which is purged) keep a response for its max-age. Browsers, which no
    purge reaches, keep API responses and feeds as long but revalidate HTML pages every time (a
    cheap 304), so a reader who reloads sees a new comment or correction at once.
    """
    if stored.headers.get("Content-Type", "").startswith("text/html"):
        patch_cache_control(response, public=True, max_age=0, s_maxage=stored.max_age())
    else:
        patch_cache_control(response, public=True, max_age=stored.max_age())


def max_age():
    """How long browsers and CDNs may keep a response without asking (CDNs are also purged)."""
    return max(settings.API_CACHE_MAX_AGE, 0)


def cache_public_responses(view, tags_for=None, snapshot=False):
    """
    Decorates a view whose anonymous responses may be shared. `tags_for(request, response)`
    names the listings a response shows beyond the objects it instantiates; `snapshot` says
    that its responses about one page may be kept as page snapshots.
    """

    def wrapped(request, *args, **kwargs):
        respond = lambda: view(request, *args, **kwargs)  # noqa: E731
        return public_response(request, respond, tags_for, snapshot)

    return wrapped
