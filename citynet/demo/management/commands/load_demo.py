from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import translation
from wagtail.models import Site

from citynet.demo.accounts import ACCOUNTS, load_accounts
from citynet.demo.articles import load_articles
from citynet.demo.comments import load_comments
from citynet.demo.content import load_featured, load_people, load_sections, load_themes
from citynet.demo.partners import load_partners
from citynet.demo.programs import load_programs
from citynet.demo.translations import load_translations
from citynet.demo.translators import load_translators
from citynet.wagtail_internals import reference_index_paused


def host_and_port(address):
    """`HOST:PORT` as runserver takes it, e.g. `127.0.0.1:8001`."""
    host, _, port = address.rpartition(":")
    if not (host and port.isdigit()) or set(host) & set(":/[]"):
        raise CommandError(f"--address must be HOST:PORT, e.g. 127.0.0.1:8000, not {address!r}")
    return host, int(port)


class Command(BaseCommand):
    help = "Load the demo content and accounts. Safe to run again: it adds only what is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--address",
            default="127.0.0.1:8000",
            help="Where the site is served (HOST:PORT, as for runserver): the demo site's host "
            "name and port, from which every absolute link is built.",
        )

    def handle(self, *args, address, **options):
        hostname, port = host_and_port(address)
        # The emails the load sends itself (Wagtail's notice of the demo translation submitted
        # for approval, outdated translations) link to the admin at the address served, as the
        # site's own links do, not to WAGTAILADMIN_BASE_URL's default port. The content is
        # written in the site's language whatever language the caller has active: a page takes
        # the active language's locale unless told otherwise.
        with (
            override_settings(WAGTAILADMIN_BASE_URL=f"http://{hostname}:{port}"),
            translation.override(settings.LANGUAGE_CODE),
            transaction.atomic(),
        ):
            # The load replaces pages' inline objects (authors, featured links) as it goes: a
            # reference-index task queued for each save would find its object gone. The index is
            # rebuilt once instead, after the last change.
            with reference_index_paused():
                created = self.load_content()
                self.move_site(hostname, port)
            call_command("rebuild_references_index", verbosity=0)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {created} new items."))
        else:
            self.stdout.write("Demo content already loaded: nothing new to create.")
        self.stdout.write(self.welcome(Site.objects.get(is_default_site=True).root_url))

    def welcome(self, root_url):
        accounts = ", ".join(f"{username} / {password}" for username, password, *_ in ACCOUNTS)
        return f"The site: {root_url}/  The admin: {root_url}/admin/ ({accounts})"

    def load_content(self):
        created = []

        def log(message):
            created.append(message)
            self.stdout.write(f"  {message}")

        load_themes(log)
        load_people(log)
        home, sections = load_sections(log)
        load_partners(sections["partners"], log)
        load_programs(sections["programs"], sections["partners"], log)
        load_articles(sections["blog"], sections["programs"], sections["partners"], log)
        load_featured(home, log)
        load_translations(log)
        load_accounts(log)
        load_comments(log)
        load_translators(log)
        return len(created)

    def move_site(self, hostname, port):
        """The default site answers at the address served, so that its links open there."""
        site = Site.objects.get(is_default_site=True)
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save()
            self.stdout.write(f"  The demo site is now at {site.root_url}/")
