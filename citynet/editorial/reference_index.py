"""
A saved inline child (an article's author) updates its page's reference index, queued for the
page rather than for the child (decision 0200).

Wagtail queues `update_reference_index_task` for every saved row of a tracked model, inline
children included; the task looks the child up, then indexes its page. wagtail-localize
rebuilds a translation's children each time it writes the translation, so the child is often
deleted before the task worker runs, and the task fails with DoesNotExist and a traceback in
the worker's console (issue 26). Queued for the page, the task finds it, and reads the page's
current children.

Wagtail's handler is replaced through citynet/wagtail_internals.py, before Wagtail's `ready()`
connects it.
"""

from modelcluster.fields import ParentalKey

from citynet.wagtail_internals import index_references_on_save_through


def page_of(instance):
    """The object `instance` belongs to through ParentalKeys (itself if it is not a child)."""
    while key := next(
        (field for field in instance._meta.get_fields() if isinstance(field, ParentalKey)), None
    ):
        parent = getattr(instance, key.name)
        if parent is None:
            break
        instance = parent
    return instance


def follow_children_to_their_page():
    wagtails = None

    def update_reference_index_on_save(instance, **kwargs):
        wagtails(page_of(instance), **kwargs)

    wagtails = index_references_on_save_through(update_reference_index_on_save)
