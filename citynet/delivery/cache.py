"""
What anonymous readers see, cached on the server until what it shows changes (decision 0060).

Each stored response carries its cache tags (citynet/delivery/tags.py) and the version each tag
had when it was computed (citynet/delivery/versions.py). A change sets new versions on the tags
it touches (citynet/delivery/invalidation.py); a stored response whose tags moved on is never
served again, and every other one stays warm. There is no periodic rollover: what changes with
time is applied by the task queue at its moment.

The ETag is a hash of the bytes, so it changes only when the bytes do; Last-Modified is the
latest change among the pages and tags the response shows, named once its second is over.
Every public response names its tags in the headers of CACHE_TAG_HEADERS, for a CDN to purge
by. Responses are stored only when RESPONSE_CACHE is on, which needs a cache every process
shares (decision 0026).
"""

import hashlib
import json
import logging
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_etags
from redis.exceptions import RedisError

from citynet.delivery import tags as cache_tags
from citynet.delivery.versions import GENERATION_KEY, TAG_KEY, current_generation, tag_versions

# 2: each entry is a Redis hash (decision 0330); entries of the earlier format are never read.
RESPONSE_KEY = "citynet:response:2:"
# Tag headers understood by CDNs, and how each separates tags.
TAG_SEPARATORS = {"cache-tag": ","}
# A hit (and so every 304) in one round trip, checked by Redis itself. An entry is a hash: the
# digest of its tags' versions, its ETag, its tag keys (JSON), what a 304 needs (JSON) and its
# body. It is returned only while the digest of the versions Redis holds now is the same, and
# without its body when the client has it (ARGV[1], the request's ETags): a 304 reads neither
# the body nor more than one reply per thousand tags. A miss answers the current generation
# (KEYS[2]) instead, which the response computed next needs.
READ_ENTRY = """
local miss = {false, redis.call('GET', KEYS[2])}
local digest, etag, tags = unpack(redis.call('HMGET', KEYS[1], 'digest', 'etag', 'tags'))
if not tags then return miss end
local tag_keys, versions = cjson.decode(tags), {}
for first = 1, #tag_keys, 1000 do
    local found = redis.call('MGET', unpack(tag_keys, first, math.min(first + 999, #tag_keys)))
    for _, version in ipairs(found) do
        versions[#versions + 1] = version and (#version .. ':' .. version) or '-'
    end
end
if redis.sha1hex(table.concat(versions, ',')) ~= digest then return miss end
if string.find(ARGV[1], etag, 1, true) then return redis.call('HMGET', KEYS[1], 'meta') end
return redis.call('HMGET', KEYS[1], 'meta', 'body')
"""
# Where django-redis reports the errors it ignores (decision 0071); read_entry reports its own.
cache_logger = logging.getLogger(settings.DJANGO_REDIS_LOGGER)


def is_anonymous(request):
    """A reader without a session, messages or credentials sees what everyone sees."""
    return not (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or CookieStorage.cookie_name in request.COOKIES
        or "HTTP_AUTHORIZATION" in request.META  # not request.headers: a 304 need not build it
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

    def __init__(
        self,
        content,
        headers,
        tags,
        versions,
        last_modified,
        valid_until,
        etag=None,
        current_at=None,
    ):
        self.content = content  # None when read for a 304
        self.headers = headers
        self.tags = sorted(tags)
        self.versions = versions  # None when read from Redis, which checked them
        self.etag = etag or f'"{hashlib.sha1(self.content).hexdigest()}"'
        self.last_modified = last_modified
        self.valid_until = valid_until  # the earliest expiry among the pages shown
        # When it was known to show every change: computed then, or read and checked now.
        self.current_at = time.time() if current_at is None else current_at

    def validated_last_modified(self):
        """
        Last-Modified once its second is over (RFC 9110, 8.8.2.2), else None. It names whole
        seconds: a change later in the same second shares the date, and a client keeping the
        copy from before that change would be answered 304 to If-Modified-Since.
        """
        return self.last_modified if self.current_at >= self.last_modified + 1 else None

    def meta(self):
        """What a 304 needs, and a 200 with the body, as READ_ENTRY returns it."""
        names = ("headers", "tags", "last_modified", "valid_until", "etag")
        return json.dumps({name: getattr(self, name) for name in names}).encode()

    def has_expired(self):
        return self.valid_until is not None and time.time() >= self.valid_until

    def is_current(self):
        """Nothing it shows changed or expired, its tags' versions read here (not Redis)."""
        return not self.has_expired() and tag_versions(self.tags) == self.versions

    def max_age(self):
        if self.valid_until is None:
            return max_age()
        return max(0, min(max_age(), int(self.valid_until - time.time())))

    def response(self):
        response = HttpResponse(self.content, headers=self.headers)
        response["ETag"] = self.etag
        if (last_modified := self.validated_last_modified()) is not None:
            response["Last-Modified"] = http_date(last_modified)
        for header in settings.CACHE_TAG_HEADERS:
            response[header] = TAG_SEPARATORS.get(header.lower(), " ").join(self.tags)
        return response


def compute(request, respond, tags_for, generation):
    """(response, Stored or None): `respond()` with the tags of what it showed."""
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
        response.content,
        dict(response.headers),
        tags,
        versions,
        last_modified,
        expires,
        current_at=started,
    )
    # The cache must not keep what was computed from data that changed meanwhile.
    if settings.RESPONSE_CACHE and all(gen <= generation for gen, _when in versions.values()):
        keep(request, stored)
    return response, stored


def redis_client():
    """Redis's own client when the cache is django-redis, else None."""
    get_client = getattr(getattr(cache, "client", None), "get_client", None)
    return get_client(write=True) if get_client else None


def keep(request, stored):
    key = response_key(request)
    client = redis_client()
    if client is None:
        cache.set(key, stored, timeout())
        return
    entry = {
        "digest": versions_digest(stored),
        "etag": stored.etag,
        "tags": json.dumps([cache.make_key(TAG_KEY + tag) for tag in stored.tags]),
        "meta": stored.meta(),
        "body": stored.content,
    }
    key = cache.make_key(key)
    try:
        # One round trip, one transaction: the entry is never seen without its expiry.
        client.pipeline().hset(key, mapping=entry).expire(key, timeout()).execute()
    except RedisError:
        cache_logger.exception("Exception ignored")


def versions_digest(stored):
    """The digest READ_ENTRY compares: of the tags' versions as Redis holds them."""
    versions = []
    for tag in stored.tags:
        version = stored.versions.get(tag)
        raw = cache.client.encode(version, allow_int=False) if version else None
        versions.append(b"%d:%b" % (len(raw), raw) if raw else b"-")
    return hashlib.sha1(b",".join(versions)).hexdigest()


def timeout():
    return settings.RESPONSE_CACHE_TIMEOUT


def read_entry(request):
    """
    (stored, generation): the stored response for this request while nothing it shows changed,
    without its content when the client's If-None-Match names it, else None and, when it came
    with the answer, the current generation (else None).
    """
    key = response_key(request)
    client = redis_client()
    if client is None:  # another cache backend: the entry, then its tags' versions
        stored = cache.get(key)
        if stored is None or not stored.is_current():
            return None, None
        stored.current_at = time.time()
        return stored, None
    etags = " ".join(parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")))
    keys = [cache.make_key(key), cache.make_key(GENERATION_KEY)]
    try:
        found = client.register_script(READ_ENTRY)(keys=keys, args=[etags])
    except RedisError:
        cache_logger.exception("Exception ignored")
        return None, None
    if found[0] is None:
        return None, (cache.client.decode(found[1]) if found[1] is not None else 0)
    meta, content = found if len(found) == 2 else (found[0], None)
    stored = Stored(content, versions=None, **json.loads(meta))
    return (None, None) if stored.has_expired() else (stored, None)


def public_response(request, respond, tags_for=None):
    """
    `respond()` for an anonymous GET or HEAD, from the cache while nothing it shows changed,
    with validators and tag headers, answered 304 when the client's copy is current.
    """
    if request.method not in ("GET", "HEAD"):
        return respond()
    if not is_anonymous(request):
        # A signed-in editor's view (or a reader's with a session) is theirs: no cache keeps it.
        response = respond()
        patch_cache_control(response, private=True, no_store=True)
        return response
    stored = generation = None
    if settings.RESPONSE_CACHE:
        # A conditional request's entry was read by NotModifiedMiddleware.
        read = hasattr(request, "citynet_entry")
        stored, generation = request.citynet_entry if read else read_entry(request)
    if stored is None:
        # Read before computing (with the entry, when Redis had none): what changes after is
        # not kept.
        if generation is None:
            generation = current_generation()
        response, stored = compute(request, respond, tags_for, generation)
        if stored is None:
            return response
    response = not_modified(request, stored)
    if response is None:
        response = stored.response()
        patch_freshness(response, stored)
    return response


def not_modified(request, stored):
    """A 304 when the client's copy is `stored`, with the headers a 304 repeats; else None."""
    response = get_conditional_response(
        request, etag=stored.etag, last_modified=stored.validated_last_modified()
    )
    if response is not None:
        response["ETag"] = stored.etag
        # The language of the text the client keeps, not the one LocaleMiddleware would name.
        for header in ("Content-Language", "Vary"):
            if header in stored.headers:
                response[header] = stored.headers[header]
        patch_freshness(response, stored)
    return response


class NotModifiedMiddleware:
    """
    Answers an anonymous reader's conditional GET whose copy is current with a 304 from the
    response cache's one round trip, before the middleware after it and the view run (decision
    0255). Otherwise the request goes on, and public_response() uses the entry read here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_conditional(request) and settings.RESPONSE_CACHE and is_anonymous(request):
            request.citynet_entry = stored, _generation = read_entry(request)
            if stored is not None:
                response = not_modified(request, stored)
                if response is not None:
                    return response
        return self.get_response(request)


def is_conditional(request):
    validators = {"HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE"} & request.META.keys()
    return bool(validators) and request.method in ("GET", "HEAD")


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


def cache_public_responses(view, tags_for=None):
    """
    Decorates a view whose anonymous responses may be shared. `tags_for(request, response)`
    names the listings a response shows beyond the objects it instantiates.
    """

    def wrapped(request, *args, **kwargs):
        respond = lambda: view(request, *args, **kwargs)  # noqa: E731
        return public_response(request, respond, tags_for)

    return wrapped
