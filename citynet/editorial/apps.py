from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "citynet.editorial"
    label = "editorial"
    verbose_name = "Editorial workflow"

    def ready(self):
        # Imported here, once the models are loaded: these modules import models.
        from . import reference_index, signals

        signals.connect()
        reference_index.follow_children_to_their_page()
