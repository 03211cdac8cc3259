"""
CDN purges (decision 0061): by cache tag where the CDN can (Varnish with xkey), else by URL,
including the API's. `purge(tags)` raises PurgeFailed when the CDN does not answer; the
invalidation outbox (citynet/delivery/invalidation.py, decision 0155) calls it from the task
queue and retries until it answers.
"""

import logging
import re
from urllib.error import URLError
from urllib.parse import urljoin
from urllib.request import urlopen

from django.conf import settings
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

from citynet.wagtail_internals import frontend_cache_backends, purge_request

logger = logging.getLogger(__name__)
PAGE_TAG = re.compile(r"^page-(\d+)$")


class PurgeFailed(Exception):
    pass


class XkeyBackend(HTTPBackend):
    """
    Varnish with varnish-modules' xkey (deploy/varnish.vcl): a PURGE carrying an `xkey` header
    drops every object tagged with any of its tags. URLs are purged as by Wagtail's HTTPBackend,
    but a failure raises, so that the task is retried instead of the error only being logged.
    """

    # A purge answers in milliseconds; a CDN that hangs must not hold the worker (decision 0155).
    timeout = 3

    def __init__(self, params):
        self.location = params["LOCATION"]
        super().__init__(params)

    def send(self, url, headers):
        request = purge_request(url, {"User-Agent": "citynet-purge", **headers})
        try:
            with urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - configured URL
                response.read()
        except (URLError, OSError) as error:
            raise PurgeFailed(f"PURGE {url}: {error}") from error

    def purge_tags(self, tags):
        self.send(urljoin(self.location, "/"), {"xkey": " ".join(sorted(tags))})

    def purge(self, url):
        parsed = re.match(r"^(\w+)://([^/]+)(.*)$", url)
        host, path = (parsed.group(2), parsed.group(3) or "/") if parsed else ("", url)
        self.send(urljoin(self.location, path), {"Host": host})


def api_root_url():
    """The API's public address if one is set, else the default site's, where readers get it."""
    base = settings.WAGTAILAPI_BASE_URL or Site.objects.get(is_default_site=True).root_url
    return base.rstrip("/") + "/api/v2/"


def urls_for(tags):
    """The URLs that show the tagged pages, for CDNs that purge by URL only: each page's HTML
    in every language and its API detail. Listings with query strings age out by max-age."""
    ids = [int(match.group(1)) for tag in tags if (match := PAGE_TAG.match(tag))]
    batch = PurgeBatch()
    batch.add_pages(Page.objects.filter(pk__in=ids).specific(defer=True))
    api = api_root_url()
    batch.add_urls(f"{api}pages/{pk}/" for pk in ids)
    if any(tag.startswith("list-") for tag in tags):
        batch.add_url(f"{api}pages/")
    return sorted(batch.urls)


def purge(tags, backend_names=None):
    backends = frontend_cache_backends(backend_names)
    urls = None
    for name, backend in backends.items():
        if hasattr(backend, "purge_tags"):
            logger.info("[%s] Purging tags: %s", name, " ".join(tags))
            backend.purge_tags(tags)
        else:
            urls = urls_for(tags) if urls is None else urls
            logger.info("[%s] Purging %d URLs", name, len(urls))
            backend.purge_batch(urls)
