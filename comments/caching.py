"""
The one place where reader comments touch the shared response cache (citynet/core/caching.py).

Comments are not a content app there, so a held or spam comment never empties the cache (a spam
run must not make every page cold). When a public comment appears, changes or disappears, the
comments app tells the cache that public content changed, exactly as a page save would.
"""

from wagtail.models import Page

from citynet.core.caching import bump_content_version


def show_comment_changes():
    """Cached pages and API responses are computed afresh from now on."""
    bump_content_version(sender=Page)
