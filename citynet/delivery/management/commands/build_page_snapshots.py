from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from citynet.delivery import snapshots
from citynet.editorial.visibility import publicly_visible


class Command(BaseCommand):
    help = (
        "Build the snapshot of every public page's HTML and API detail (decision 0063), e.g. "
        "after a deploy. Publishing builds them on its own; this fills in what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Only these pages (by id).")
        parser.add_argument(
            "--base-url",
            help="Build for this scheme and host (e.g. http://127.0.0.1:8201) instead of each "
            "site's own: snapshots are read only for the host they were built for.",
        )

    def handle(self, ids, base_url=None, **options):
        if not settings.RESPONSE_CACHE:
            raise CommandError("Snapshots are read only with the response cache on (REDIS_URL).")
        if base_url and not urlsplit(base_url).netloc:
            raise CommandError("--base-url needs a scheme and a host, e.g. http://example.org")
        pages = publicly_visible(Page.objects).filter(depth__gt=1).specific(defer=True)
        if ids:
            pages = pages.filter(pk__in=ids)
        count = 0
        for page in pages:
            for url in snapshots.page_urls(page):
                if base_url:
                    url = base_url.rstrip("/") + urlsplit(url).path
                snapshots.build(url)
                count += 1
        self.stdout.write(f"Built {count} snapshots of {pages.count()} pages.")
