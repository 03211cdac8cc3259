"""
The one place where reader comments touch the shared response cache (citynet/delivery).

A held or spam comment changes nothing public, so it invalidates nothing (a spam run must not
make pages cold). When a public comment appears, changes or disappears, the responses that show
its page (the page itself, its API detail, listings with comment counts, the comments API) are
invalidated, exactly as a publish of that page would; every other page stays warm.
"""

from citynet.delivery.invalidation import invalidate, page_tags


def show_comment_changes(pages):
    """Cached responses that show these pages' comments are computed afresh from now on."""
    invalidate(set().union(*(page_tags(page) for page in pages)))
