"""
Rate limits per client address and per email address, counted in the shared cache (Redis in
production) so every process sees the same counts. A fixed window per key: simple, and enough to
stop a script without bothering a reader who writes two comments in a row.

While the shared cache is unreachable each process counts on its own (a per-process memory
cache): a script is still slowed down, and readers can still post.
"""

import hashlib
import time

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

PER_IP = (5, 10 * 60)  # comments, seconds
PER_EMAIL = (3, 10 * 60)

local = LocMemCache("citynet-comment-limits", {})


def count(store, key, period):
    """One more attempt under `key`; None when the store cannot count (Redis unreachable)."""
    store.add(key, 0, period)
    try:
        return store.incr(key)
    except ValueError:  # expired between add and incr
        store.set(key, 1, period)
        return 1


def exceeded(kind, value, limit):
    """Count one attempt for `value`; True once more than the limit were made in the window."""
    allowed, period = limit
    window = int(time.time()) // period
    digest = hashlib.sha256(value.lower().encode()).hexdigest()[:32]
    key = f"citynet:comments:rate:{kind}:{window}:{digest}"
    attempts = count(cache, key, period)
    if attempts is None:
        attempts = count(local, key, period)
    return attempts > allowed
