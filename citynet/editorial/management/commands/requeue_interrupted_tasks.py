import datetime

from django.core.management.base import BaseCommand

from citynet.editorial.interrupted import INTERRUPTED_AFTER, requeue_interrupted_tasks


class Command(BaseCommand):
    help = "Queue again the tasks a killed worker left RUNNING (the heartbeat also does this)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=int(INTERRUPTED_AFTER.total_seconds()),
            help="seconds a task must have been running to count as interrupted",
        )

    def handle(self, older_than, **options):
        count = requeue_interrupted_tasks(datetime.timedelta(seconds=older_than))
        self.stdout.write(f"{count} interrupted task(s) queued again")
