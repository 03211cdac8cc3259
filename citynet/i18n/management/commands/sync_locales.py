from django.core.management.base import BaseCommand
from wagtail.models import Locale

from citynet.i18n.languages import content_language_codes


class Command(BaseCommand):
    help = "Create a Wagtail locale for every language in WAGTAIL_CONTENT_LANGUAGES."

    def handle(self, *args, **options):
        for code in content_language_codes():
            _locale, created = Locale.objects.get_or_create(language_code=code)
            if created:
                self.stdout.write(f"Created the locale {code}.")
        unknown = Locale.objects.exclude(language_code__in=content_language_codes())
        for locale in unknown:
            self.stderr.write(
                f"The locale {locale.language_code} is not in WAGTAIL_CONTENT_LANGUAGES: its "
                "pages cannot be served. Add the language back or delete it in the admin."
            )
