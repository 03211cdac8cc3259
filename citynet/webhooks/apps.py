from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    """Signed webhooks to external sites when public content changes (docs/webhooks.md)."""

    name = "citynet.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, once the models are loaded: these modules import models.
        from . import signals

        signals.connect()
