"""Values for the StreamField blocks of citynet/core/blocks.py."""

from wagtail.rich_text import RichText


def paragraph(text):
    return ("paragraph", RichText(f"<p>{text}</p>"))
