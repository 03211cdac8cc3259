from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "citynet.core"
    label = "core"
    verbose_name = "CityNet core"
