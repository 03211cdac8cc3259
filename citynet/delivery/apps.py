from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "citynet.delivery"
    label = "delivery"
    verbose_name = "CityNet delivery (caching and CDN purges)"

    def ready(self):
        # Imported here, once the models are loaded: these modules import models.
        from . import invalidation, tags, timed

        tags.connect_signals()
        invalidation.connect_signals()
        timed.connect_signals()
