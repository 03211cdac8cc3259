"""
The per-page switch for reader comments. The comments plugin (comments/), which sits above the
page types, reads it; the page types take it from here, so that they do not import that plugin
(decision 0081).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


def reader_comments_switch(open_by_default):
    """
    A base for a page type that takes reader comments: its `reader_comments_open` field, open
    or closed on new pages as `open_by_default` says, under the page's Settings tab.
    """

    class ReaderCommentsSwitch(models.Model):
        reader_comments_open = models.BooleanField(
            _("reader comments open"),
            default=open_by_default,
            help_text=_("Readers may comment (until the site's automatic closing date)."),
        )

        settings_panels = Page.settings_panels + [FieldPanel("reader_comments_open")]

        class Meta:
            abstract = True

    return ReaderCommentsSwitch
