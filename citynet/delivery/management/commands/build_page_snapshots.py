from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import F
from wagtail.models import Page

from citynet.delivery import snapshots
from citynet.visibility import publicly_visible

# Pages per queued task with --enqueue: small enough for several workers to share a rebuild.
PAGES_PER_TASK = 50


class Command(BaseCommand):
    help = (
        "Build the snapshot of every public page's HTML and API detail (decision 0063), e.g. "
        "after a deploy, the most recently published first. Publishing builds them on its own; "
        "this fills in what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Only these pages (by id).")
        parser.add_argument(
            "--base-url",
            help="Build for this scheme and host (e.g. http://127.0.0.1:8201) instead of each "
            "site's own: snapshots are read only for the host they were built for.",
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help=f"Queue the builds as tasks of {PAGES_PER_TASK} pages for the task workers "
            "(db_worker) to share, instead of building them in this process.",
        )

    def handle(self, ids, base_url=None, enqueue=False, **options):
        if not settings.RESPONSE_CACHE:
            raise CommandError("Snapshots are read only with the response cache on (REDIS_URL).")
        if base_url and not urlsplit(base_url).netloc:
            raise CommandError("--base-url needs a scheme and a host, e.g. http://example.org")
        pages = publicly_visible(Page.objects).filter(depth__gt=1)
        if ids:
            pages = pages.filter(pk__in=ids)
        # Never-published pages (no date) last on every database: PostgreSQL sorts NULL first.
        newest_first = F("last_published_at").desc(nulls_last=True)
        pages = pages.order_by(newest_first, "-pk").specific(defer=True)
        urls_and_pages = [
            (self.url_for(url, base_url), page.pk)
            for page in pages
            for url in snapshots.page_urls(page)
        ]
        page_count = len({page_id for _url, page_id in urls_and_pages})
        if enqueue:
            batch = PAGES_PER_TASK * 2  # each page has two URLs: its HTML and its API detail
            tasks = 0
            for start in range(0, len(urls_and_pages), batch):
                snapshots.build_snapshots.enqueue(urls_and_pages[start : start + batch])
                tasks += 1
            self.stdout.write(
                f"Queued {len(urls_and_pages)} snapshots of {page_count} pages "
                f"for the task workers ({tasks} tasks of up to {PAGES_PER_TASK} pages)."
            )
            return
        for url, _page_id in urls_and_pages:
            snapshots.build(url)
        self.stdout.write(f"Built {len(urls_and_pages)} snapshots of {page_count} pages.")

    def url_for(self, url, base_url):
        return base_url.rstrip("/") + urlsplit(url).path if base_url else url
