from django_tasks_db.management.commands import db_worker

from citynet.worker.periodic import start_periodic_tasks


class Command(db_worker.Command):
    help = db_worker.Command.help + " First queues the periodic tasks (settings.PERIODIC_TASKS)."

    def handle(self, **options):
        start_periodic_tasks()
        super().handle(**options)
