"""
The site of a request, remembered in the cache until a site changes. Wagtail finds it with a
query at every request (`Site.find_for_request`); this reads it with the sites' version in one
round trip, for the HTML pages and the API alike (decision 0350).
"""

from django.core.cache import cache

from citynet.delivery.invalidation import SITES_TAG
from citynet.delivery.versions import TAG_KEY
from citynet.wagtail_internals import remember_site, site_named_in_api

# A change to any site sets a new version of this tag (citynet/delivery/invalidation.py).
SITES_VERSION_KEY = TAG_KEY + SITES_TAG


def cached_site(request, named=None):
    """
    The site `named` (the API's `?site=hostname[:port]`; an unknown one is a 404, a host name
    that several sites share a ValueError), else the request's host's site, as Wagtail finds
    them; None when no site serves the host. Wagtail's own lookups during the request reuse it.
    """
    key = "citynet:site:" + (f"named:{named.lower()}" if named else request.get_host().lower())
    found = cache.get_many([SITES_VERSION_KEY, key])
    sites_version = found.get(SITES_VERSION_KEY)
    if key in found and found[key][0] == sites_version:
        site = found[key][1]
    else:
        site = site_named_in_api(request, named)
        cache.set(key, (sites_version, site), 3600)
    if not named:
        remember_site(request, site)
    return site
