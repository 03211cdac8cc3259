"""
A saved inline child (an article's author) updates its page's reference index, queued for the
page rather than for the child (decision 0200).

Wagtail queues `update_reference_index_task` for every saved row of a tracked model, inline
children included; the task looks the child up, then indexes its page. wagtail-localize
rebuilds a translation's children each time it writes the translation, so the child is often
deleted before the task worker runs, and the task fails with DoesNotExist and a traceback in
the worker's console (issue 26). Queued for the page, the task finds it, and reads the page's
current children.

Wagtail connects the function named `update_reference_index_on_save` in `wagtail.signal_handlers`
to each tracked model from its own `ready()`, which runs after this app's (INSTALLED_APPS lists
Wagtail later): `follow_children_to_their_page()` replaces that function before.
"""

from modelcluster.fields import ParentalKey
from wagtail import signal_handlers

wagtail_update_on_save = signal_handlers.update_reference_index_on_save


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


def update_reference_index_on_save(instance, **kwargs):
    wagtail_update_on_save(page_of(instance), **kwargs)


def follow_children_to_their_page():
    signal_handlers.update_reference_index_on_save = update_reference_index_on_save
