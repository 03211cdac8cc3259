from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "citynet.worker"
    label = "worker"
    verbose_name = "Task worker"

    def ready(self):
        from django_tasks.signals import task_finished

        from .periodic import queue_next_run

        task_finished.connect(queue_next_run, dispatch_uid="citynet-periodic-tasks")
