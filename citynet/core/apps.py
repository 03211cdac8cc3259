from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "citynet.core"
    label = "core"
    verbose_name = "CityNet core"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
