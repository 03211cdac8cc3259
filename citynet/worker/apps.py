from django.apps import AppConfig
from django_tasks.signals import task_finished


class WorkerConfig(AppConfig):
    name = "citynet.worker"
    label = "worker"
    verbose_name = "Task worker"

    def ready(self):
        # Imported here, once the models are loaded: this module imports models.
        from .periodic import queue_next_run

        task_finished.connect(queue_next_run, dispatch_uid="citynet-periodic-tasks")
