"""
Page snapshots (decision 0063): a page's public API detail and HTML, stored in the database as
computed, so that a response-cache miss reads one row instead of computing the response again.

- Built by the task queue, never by a reader's request: when a page is published (for its
  site's URLs), when a snapshot was deleted because something it shows changed (for the same
  URL), and by `manage.py build_page_snapshots`. The build is an anonymous request through the
  site's own views, so a snapshot holds exactly what a reader would be served: never a draft,
  a private or an expired page.
- Deleted when any of its cache tags is invalidated (citynet/delivery/invalidation.py), the
  same tags the response cache goes by, and again after the change commits.
- Read only for the URL it was built for, without a query string, when the response cache is
  on: the shared cache's generation number is how a build or a read that raced a change is
  kept out (as for cached responses, citynet/delivery/cache.py).
- Read only by the RESPONSE_VERSION that built it: a deploy that changes how pages look sets
  a new version; one that does not (a `migrate` included) keeps every snapshot (decision 0212).
"""

import contextvars
import functools
import sys
import time
from io import BytesIO
from urllib.parse import urlsplit

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.db import transaction
from django_tasks import task
from wagtail.models import Page

from citynet.delivery.models import PageSnapshot, SnapshotTag
from citynet.delivery.versions import tag_versions
from citynet.visibility import publicly_visible

ABOUT_PREFIX = "about-"
# Every snapshot shows URLs made from the site records.
SITES_TAG = "sites"
_building = contextvars.ContextVar("citynet_building_snapshot", default=False)


def is_building():
    return _building.get()


def applies_to(request):
    """A snapshot answers a plain GET (or HEAD) of its URL, with no query string."""
    return settings.RESPONSE_CACHE and not request.META.get("QUERY_STRING")


def snapshot_url(request):
    return request.build_absolute_uri(request.path)


def read(request, generation):
    """
    The stored snapshot for this request's URL as the arguments of a cached response (content,
    headers, tags, their versions, last_modified, valid_until), or None. `generation` is the
    cache generation read before: a snapshot whose tags changed since then may be being
    deleted, and is not used.
    """
    row = (
        PageSnapshot.objects.filter(url=snapshot_url(request), version=settings.RESPONSE_VERSION)
        .values_list("content", "headers", "tags", "last_modified", "valid_until")
        .first()
    )
    if row is None:
        return None
    content, headers, tags, last_modified, valid_until = row
    if valid_until is not None and time.time() >= valid_until:
        return None
    if not accepts(request, headers.get("Content-Type", "")):
        return None
    versions = tag_versions(tags)
    if any(changed > generation for changed, _when in versions.values()):
        return None
    return bytes(content), headers, tags, versions, last_modified, valid_until


def accepts(request, content_type):
    """Whether the request would get this representation: its Accept takes the type, and asks
    for no parameter (DRF indents JSON on `; indent=4`)."""
    accept = request.headers.get("Accept", "")
    return not accept or (request.accepts(content_type.split(";")[0]) and "indent" not in accept)


def about_page(tags):
    """The page a response is about (its one `about-` tag), or None."""
    pages = [tag.removeprefix(ABOUT_PREFIX) for tag in tags if tag.startswith(ABOUT_PREFIX)]
    return int(pages[0]) if len(pages) == 1 and pages[0].isdigit() else None


def store(request, stored):
    """Keep a response computed while building, if it is about one page; True if kept."""
    page_id = about_page(stored.tags)
    if page_id is None:
        return False
    revision_id = Page.objects.filter(pk=page_id).values_list("live_revision_id", flat=True)
    with transaction.atomic():
        snapshot, _created = PageSnapshot.objects.update_or_create(
            url=snapshot_url(request),
            defaults={
                "page_id": page_id,
                "revision_id": revision_id.first(),
                "content": stored.content,
                "headers": stored.headers,
                "tags": stored.tags,
                "last_modified": stored.last_modified,
                "valid_until": stored.valid_until,
                "version": settings.RESPONSE_VERSION,
            },
        )
        snapshot.tag_rows.all().delete()
        SnapshotTag.objects.bulk_create(
            SnapshotTag(snapshot=snapshot, tag=tag) for tag in [*stored.tags, SITES_TAG]
        )
    return True


def discard(request):
    """Delete this URL's snapshot and build it again after the change that made it stale."""
    found = list(
        PageSnapshot.objects.filter(url=snapshot_url(request)).values_list("url", "page_id")
    )
    PageSnapshot.objects.filter(url=snapshot_url(request)).delete()
    rebuild_after_commit(found)


def invalidate(tags):
    """Delete the snapshots showing any of `tags`; rebuild them once the change commits."""
    stale = PageSnapshot.objects.filter(
        pk__in=SnapshotTag.objects.filter(tag__in=tags).values("snapshot_id")
    )
    found = list(stale.values_list("url", "page_id"))
    if found:
        stale.delete()
        rebuild_after_commit(found)


def rebuild_after_commit(urls_and_pages):
    if settings.RESPONSE_CACHE and urls_and_pages:
        found = sorted(set(urls_and_pages))
        transaction.on_commit(lambda: build_snapshots.enqueue([list(item) for item in found]))


def page_urls(page):
    """The URLs a page is read at: its HTML on its site, its API detail."""
    site = page.get_site()
    if site is None:
        return []
    # The API is read at the public address when one is set, else on the page's site (0140).
    api = (settings.WAGTAILAPI_BASE_URL or site.root_url).rstrip("/")
    return [page.get_full_url(), f"{api}/api/v2/pages/{page.pk}/"]


def build_after_publish(page):
    rebuild_after_commit([(url, page.pk) for url in page_urls(page)])


@task()
def build_snapshots(urls_and_pages):
    """Build the snapshot of each (url, page id) whose page the public may see."""
    page_ids = {page_id for _url, page_id in urls_and_pages}
    visible = set(
        publicly_visible(Page.objects).filter(pk__in=page_ids).values_list("pk", flat=True)
    )
    for url, page_id in urls_and_pages:
        if page_id in visible:
            build(url)


@functools.cache
def handler():
    """Django's request handler with the site's middleware, as the WSGI server runs it."""
    base_handler = BaseHandler()
    base_handler.load_middleware()
    return base_handler


def build(url):
    """Request `url` as an anonymous reader would, computing it afresh and storing it."""
    parts = urlsplit(url)
    secure = parts.scheme == "https"
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": parts.path or "/",
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": parts.hostname or "localhost",
        "SERVER_PORT": str(parts.port or (443 if secure else 80)),
        "HTTP_HOST": parts.netloc,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": parts.scheme or "http",
        "wsgi.input": BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    token = _building.set(True)
    try:
        # Not closed: closing sends request_finished, which closes the task's connection.
        handler().get_response(WSGIRequest(environ))
    finally:
        _building.reset(token)
