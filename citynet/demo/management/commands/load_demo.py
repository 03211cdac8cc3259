from django.core.management.base import BaseCommand
from django.db import transaction

from citynet.demo.accounts import load_accounts
from citynet.demo.articles import load_articles
from citynet.demo.comments import load_comments
from citynet.demo.content import load_featured, load_people, load_sections, load_themes
from citynet.demo.partners import load_partners
from citynet.demo.programs import load_programs
from citynet.demo.translations import load_translations
from citynet.demo.translators import load_translators


class Command(BaseCommand):
    help = "Load the demo content and accounts. Safe to run again: it adds only what is missing."

    @transaction.atomic
    def handle(self, *args, **options):
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
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {len(created)} new items."))
        else:
            self.stdout.write("Demo content already loaded: nothing new to create.")
