from django.core.management.base import BaseCommand

from citynet.delivery.models import PageSnapshot


class Command(BaseCommand):
    help = "Delete every page snapshot (decision 0063): pages are computed until rebuilt."

    def handle(self, **options):
        deleted, _by_model = PageSnapshot.objects.all().delete()
        self.stdout.write(f"Deleted {deleted} rows.")
