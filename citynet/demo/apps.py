from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and accounts (`manage.py load_demo`), for the dev and test settings only."""

    name = "citynet.demo"
    label = "demo"
    verbose_name = "Demo content"
