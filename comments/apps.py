from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReaderCommentsConfig(AppConfig):
    """Readers' comments on articles and programs (not Wagtail's editor comments)."""

    name = "comments"
    label = "comments"
    verbose_name = _("Reader comments")
