from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        # Imported here, once the models are loaded: these modules import models.
        from . import signals

        signals.connect()
