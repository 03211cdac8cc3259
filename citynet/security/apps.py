from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "citynet.security"
    label = "security"
    verbose_name = "Security"

    def ready(self):
        from . import throttling  # noqa: F401  (registers its signal receivers)
