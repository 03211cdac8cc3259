from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordPressConfig(AppConfig):
    """Imports WordPress exports (WXR) into the blog. Sits above every plugin: none imports it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "wordpress"
    verbose_name = _("WordPress import")
