from django.apps import AppConfig


class I18nConfig(AppConfig):
    name = "citynet.i18n"
    label = "i18n"
    verbose_name = "Languages and translation"

    def ready(self):
        from . import checks, signals  # noqa: F401  (registers the checks and signal handlers)
