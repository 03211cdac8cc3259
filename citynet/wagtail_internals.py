"""
Every private Wagtail, wagtail-localize and Django seam the project relies on, in one place
(decision 0051): each need below has no public extension point. The rest of the code goes
through these names, never through the private ones, and tests/citynet/test_wagtail_internals.py
has a test per seam that fails when an upgrade changes it: read the new code, adapt the function
here (or move to a public hook if one has appeared), then the test.

Wagtail's v3 API is a preview: its seams below (`read_v3_pages_through`, `describe_in_v3_as`)
are set from citynet/api/v3.py before Wagtail first imports its v3 routers (decisions 0150, 0260).

Models load this module (through citynet/delivery/invalidation.py): Wagtail's API views and
wagtail-localize's editor views, which need the models loaded, are imported when first used.
"""

import sys

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import ReferenceIndex, Site


def build_serializer_class(viewset, router, model, fields_config, show_details):
    """
    The pages API's serializer class for a model, fields and detail flag, which Wagtail's
    `get_serializer_class()` builds anew for every request (`_get_serializer_class`): the API
    builds each once (citynet/api/pages.py).
    """
    return viewset._get_serializer_class(router, model, fields_config, show_details=show_details)


def serializer_context_without_base_queryset(viewset):
    """
    The serializer context of Wagtail's generic API viewset, passing over the pages viewset's
    own, which adds a `base_queryset` for the parent field at the cost of a query: the API
    reads the parent from an annotation instead (citynet/api/pages.py).
    """
    from wagtail.api.v2.views import PagesAPIViewSet

    return super(PagesAPIViewSet, viewset).get_serializer_context()


def site_root_paths(request):
    """
    Wagtail's site root paths, read from the cache once per request and kept where Wagtail's
    page URLs look for them (`_wagtail_cached_site_root_paths`): `Site.get_site_root_paths()`
    reads the cache (a Redis round trip) at every call.
    """
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    return request._wagtail_cached_site_root_paths


def filter_keeping_child_of(queryset, *args, **kwargs):
    """
    `queryset.filter(*args, **kwargs)` keeping the parent page that the v2 API's `?child_of=`
    filter marks its queryset with (`_filtered_by_child_of`, read by its `?descendant_of=`
    filter and the admin's page explorer), as Wagtail's own v2 `LocaleFilter` does, which the
    API's replaces (citynet/api/translations.py).
    """
    child_of = getattr(queryset, "_filtered_by_child_of", None)
    queryset = queryset.filter(*args, **kwargs)
    if child_of:
        queryset._filtered_by_child_of = child_of
    return queryset


class SitemapBuiltPerPage(Sitemap):
    """
    A sitemap that builds the entries of a whole sitemap page at once (`page_urls`, which
    subclasses define), so that loading the entries' translations costs one query per sitemap
    page rather than one per entry. Django calls the private `_urls` for a sitemap page, and
    Wagtail's own sitemap overrides it the same way.
    """

    def _urls(self, page, protocol, domain):
        return self.page_urls(page, protocol, domain)


def references_in(obj):
    """
    (content type id, object id, model path, content path) of each object `obj`'s current
    content refers to, found the way Wagtail's reference index finds them: the index itself is
    updated later, by a task (citynet/delivery/invalidation.py).
    """
    return ReferenceIndex._extract_references_from_object(obj)


def let_translators_edit_by(can_edit):
    """
    Replace wagtail-localize's check, before each segment edit of a translated snippet, that the
    user has the model's add, change and delete permissions, by `can_edit(user, instance)`
    (decision 0124; citynet/i18n/apps.py).
    """
    from wagtail_localize.views import edit_translation

    edit_translation.user_can_edit_instance = can_edit


def index_references_on_save_through(handler):
    """
    Replace the post_save handler that Wagtail connects to each model its reference index
    tracks (`update_reference_index_on_save` in `wagtail.signal_handlers`, connected by name
    from Wagtail's `ready()`, which runs after ours), by `handler(instance, **kwargs)`; returns
    Wagtail's, which `handler` calls (citynet/editorial/reference_index.py, decision 0200).
    """
    from wagtail import signal_handlers

    wagtails = signal_handlers.update_reference_index_on_save
    signal_handlers.update_reference_index_on_save = handler
    return wagtails


def send_workflow_emails_through(wrap, without=()):
    """
    Connect `wrap(notifier)` in place of each of Wagtail's workflow email notifiers (submitted,
    approved, rejected), under the `dispatch_uid` Wagtail connects it with in
    `wagtail.admin.signal_handlers`: Wagtail's `ready()` runs after ours and then connects
    nothing, its uids being taken (citynet/i18n/apps.py, decision 0265). The notifiers of the
    signals in `without` are replaced by nothing: their email is not sent (decision 0294).
    """
    from wagtail.admin import signal_handlers
    from wagtail.models import TaskState, WorkflowState
    from wagtail.signals import (
        task_submitted,
        workflow_approved,
        workflow_rejected,
        workflow_submitted,
    )

    for signal, notifier, sender, dispatch_uid in [
        (
            task_submitted,
            signal_handlers.task_submission_email_notifier,
            TaskState,
            "group_approval_task_submitted_email_notification",
        ),
        (
            workflow_submitted,
            signal_handlers.workflow_submission_email_notifier,
            WorkflowState,
            "workflow_state_submitted_email_notification",
        ),
        (
            workflow_rejected,
            signal_handlers.workflow_rejection_email_notifier,
            WorkflowState,
            "workflow_state_rejected_email_notification",
        ),
        (
            workflow_approved,
            signal_handlers.workflow_approval_email_notifier,
            WorkflowState,
            "workflow_state_approved_email_notification",
        ),
    ]:
        receiver = send_nothing if signal in without else wrap(notifier)
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(receiver, sender=sender, dispatch_uid=dispatch_uid, weak=False)


def send_nothing(sender, **kwargs):
    """Holds a Wagtail notifier's `dispatch_uid`, so that Wagtail connects nothing under it."""


def send_comment_emails_through(wrap):
    """
    Replace the page editor's `send_commenting_notifications(self, changes)` by
    `wrap(Wagtail's)`: the page `EditView` (`wagtail.admin.views.pages.edit`) sends the comment
    emails itself, in the request, with no signal or hook (citynet/i18n/apps.py, decision 0277).
    """
    from wagtail.admin.views.pages.edit import EditView

    EditView.send_commenting_notifications = wrap(EditView.send_commenting_notifications)


def read_v3_pages_through(anonymous, readable):
    """
    Replace the page reads of Wagtail's v3 API: `wagtail.api.v3.querysets.get_pages_queryset`,
    which v3's pages router imports by name (so this runs before that router is first imported),
    by `readable(request, model)`, and `get_public_pages_queryset`, which Wagtail's
    `get_pages_queryset` looks up in the same module for an anonymous reader (a ValueError from
    it answers 400), by `anonymous(request, model)`. Returns Wagtail's `get_pages_queryset`
    (a token user's pages to change or publish; an anonymous reader's through `anonymous`),
    which `readable` calls (citynet/api/v3.py, decisions 0150 and 0260).
    """
    if "wagtail.api.v3.routers.pages" in sys.modules:
        raise RuntimeError("wagtail.api.v3.routers.pages was imported before citynet.api was ready")
    from wagtail.api.v3 import querysets

    wagtails = querysets.get_pages_queryset
    querysets.get_public_pages_queryset = anonymous
    querysets.get_pages_queryset = readable
    return wagtails


def describe_in_v3_as(field_class, schema):
    """
    Model fields of `field_class` (and its subclasses) read in v3 as `schema(generator, field)`
    describes them: (type, default, resolver), as Wagtail's own field schemas do. Wagtail's v3
    read schemas are built when `wagtail.api.v3.registry` is first imported, so this runs before
    (citynet/api/v3.py, decision 0150).
    """
    if "wagtail.api.v3.registry" in sys.modules:
        raise RuntimeError("wagtail.api.v3.registry was imported before citynet.api was ready")
    from wagtail.api.v3.schemas import read_generator

    read_generator.register_field_schema(field_class, schema)
