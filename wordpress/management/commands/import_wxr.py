"""manage.py import_wxr FILE: bring a WordPress export into the blog (docs/import.md)."""

import time

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from blog.models import BlogIndexPage
from wordpress.importer import Importer
from wordpress.maps import MapError, load_map
from wordpress.wxr import WXRError, read_export


class Command(BaseCommand):
    help = "Import the posts of a WordPress export (WXR file) as articles."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The WXR export (.xml) written by WordPress")
        parser.add_argument("--media", help="A copy of the site's wp-content/uploads folder")
        parser.add_argument(
            "--section", help="The blog section: page id or URL path (default: the only one)"
        )
        parser.add_argument("--locale", default="en", help="Language of posts that name none")
        parser.add_argument("--dry-run", action="store_true", help="Report only; write nothing")
        parser.add_argument("--author-map", help="JSON: WordPress login -> person and user")
        parser.add_argument("--theme-map", help="JSON: category nicename -> theme slug or null")
        parser.add_argument(
            "--strict",
            action="store_true",
            help="A post whose words or links would not all come across is not imported",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            theme_map = load_map(options["theme_map"])
            author_map = load_map(options["author_map"])
            export = read_export(options["file"])
        except (WXRError, MapError) as error:
            raise CommandError(f"{options['file']}: {error}") from error
        except OSError as error:
            raise CommandError(f"cannot read {options['file']}: {error}") from error
        section = self.find_section(options["section"], options["locale"])
        self.stdout.write(
            f"Importing {export.title or export.site_key} into {section.url_path} "
            f"({section.locale.language_code})" + (" [dry run]" if options["dry_run"] else "")
        )
        try:
            importer = Importer(
                export,
                section,
                {
                    "media": options["media"],
                    "dry_run": options["dry_run"],
                    "theme_map": theme_map,
                    "author_map": author_map,
                    "strict": options["strict"],
                },
                out=self.stdout.write,
            )
            report = importer.run()
        except MapError as error:
            raise CommandError(str(error)) from error
        for line in report.lines(dry_run=options["dry_run"]):
            self.stdout.write(line)
        if options["verbosity"] >= 2:
            for post_id, kind, detail in report.warning_details:
                self.stdout.write(f"  warning, post {post_id}: {kind}: {detail}")
        self.stdout.write(f"  took {time.monotonic() - started:.1f} s")

    def find_section(self, value, language_code):
        try:
            locale = Locale.objects.get(language_code=language_code)
        except Locale.DoesNotExist:
            raise CommandError(f"--locale {language_code}: no such language here") from None
        sections = BlogIndexPage.objects.filter(locale=locale)
        if value and value.isdigit():
            sections = sections.filter(pk=int(value))
        elif value:
            path = "/" + value.strip("/") + "/"
            matches = [
                page
                for page in sections
                if page.url_path.endswith(path)
                or (page.get_url_parts() or [None, None, ""])[2] == path
            ]
            sections = BlogIndexPage.objects.filter(pk__in=[p.pk for p in matches])
        found = list(sections[:2])
        if len(found) != 1:
            where = f"--section {value}" if value else f"a blog section in {language_code}"
            reason = "several match" if found else "none found"
            raise CommandError(f"{where}: {reason}; give the section's page id")
        return found[0]
