"""
Rate limits per IP address and per email address, counted in the shared cache (Redis in
production) so every process sees the same counts. A fixed window per key: simple, and enough to
stop a script without bothering a reader who writes two comments in a row.
"""

import hashlib
import time

from django.core.cache import cache

PER_IP = (5, 10 * 60)  # comments, seconds
PER_EMAIL = (3, 10 * 60)


def exceeded(kind, value, limit):
    """Count one attempt for `value`; True once more than the limit were made in the window."""
    allowed, period = limit
    window = int(time.time()) // period
    digest = hashlib.sha256(value.lower().encode()).hexdigest()[:32]
    key = f"citynet:comments:rate:{kind}:{window}:{digest}"
    cache.add(key, 0, period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, period)
        count = 1
    return count > allowed
