from django.core.management.base import BaseCommand

from citynet.i18n.catalogues import CATALOGUES, update


class Command(BaseCommand):
    help = (
        "Add the interface strings found in the code to every language's catalogue (new ones "
        "untranslated), drop those no longer used, and compile the .mo files Django reads."
    )

    def handle(self, *args, **options):
        for locale_dir in CATALOGUES:
            update(locale_dir)
            self.stdout.write(f"Updated {locale_dir}")
