"""
The version of each cache tag, kept in the shared cache: a change sets new versions on the tags
it touches (citynet/delivery/invalidation.py), and a stored response whose tags moved on since
it was computed is never served again (citynet/delivery/cache.py). A version is (generation,
time): generations only grow.
"""

import time

from django.core.cache import cache

GENERATION_KEY = "citynet:generation"
TAG_KEY = "citynet:tag:"


def tag_versions(tags):
    """{tag: (generation, time)} for the tags that changed since the cache was empty."""
    found = cache.get_many([TAG_KEY + tag for tag in tags])
    return {key.removeprefix(TAG_KEY): version for key, version in found.items()}


def current_generation():
    return cache.get(GENERATION_KEY, 0)


def next_generation():
    """
    A number above every generation handed out, even after the key was evicted or the cache
    flushed; None when the cache cannot be reached.
    """
    try:
        return cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, int(time.time() * 1000), None)
        return cache.incr(GENERATION_KEY)


def invalidate(tags):
    """
    Every stored response showing any of `tags` is computed again when next asked for. True
    once the cache is known to hold the new versions: an unreachable cache (decision 0071)
    drops writes silently, so they are read back.
    """
    generation = next_generation()
    if generation is None:
        return False
    keys = [TAG_KEY + tag for tag in tags]
    cache.set_many(dict.fromkeys(keys, (generation, time.time())), None)
    found = cache.get_many(keys)
    return all(key in found and found[key][0] >= generation for key in keys)
