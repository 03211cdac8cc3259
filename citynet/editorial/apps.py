from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "citynet.editorial"
    label = "editorial"
    verbose_name = "Editorial workflow"

    def ready(self):
        from . import signals

        signals.connect()
