from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "citynet.core"
    label = "core"
    verbose_name = "CityNet core"

    def ready(self):
        # Imported for what they register: system checks, a signal receiver.
        from . import checks, throttling  # noqa: F401
