"""`{% readerurl page %}`: Wagtail's `{% pageurl %}`, kept in the reader's language."""

from django import template
from django.utils import translation

from ..pages import url_for_reader

register = template.Library()


@register.simple_tag(takes_context=True)
def readerurl(context, page):
    """
    The page's URL; a page in a language the reader falls back to is linked at the reader's
    language prefix, so that following it keeps the interface in the reader's language.
    """
    # A page's context names the reader's language; other views speak the address's language.
    language_code = context.get("reader_language") or translation.get_language()
    return url_for_reader(page.get_url(request=context.get("request")), language_code)
