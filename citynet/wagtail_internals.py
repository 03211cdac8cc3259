"""
Every private or undocumented Wagtail, wagtail-localize and Django name the project relies on,
in one place (decision 0051): each need below has no documented extension point. The rest of
the code goes through these functions, never through those names, and
tests/citynet/test_wagtail_internals.py has a test per seam that fails when an upgrade changes
it: read the new code, adapt the function here (or move to a public hook if one has appeared),
then the test.

Wagtail's v3 API is a preview: its seams below (`read_v3_pages_through`, `describe_in_v3_as`,
`describe_v3_input_as`) are set from citynet/api/v3.py before Wagtail first imports its v3
routers (decisions 0150, 0260).

Models load this module (through citynet/delivery/invalidation.py): the few Wagtail modules
that need the models loaded to be imported (its API views, page editor, reference-index signal
handlers, rich-text converter and admin hooks) are imported in the function that uses them, and
so are v3's, which must wait until citynet.api is ready.
"""

import sys
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
from wagtail.admin import signal_handlers as admin_signal_handlers
from wagtail.admin.models import EditingSession
from wagtail.admin.ui.side_panels import StatusSidePanel
from wagtail.admin.utils import get_user_display_name, get_valid_next_url_from_request
from wagtail.api.v3.errors import problem_response
from wagtail.api.validators import SiteFilterValidator
from wagtail.blocks.field_block import ChooserBlock
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.contrib.sitemaps import Sitemap
from wagtail.coreutils import find_available_slug, get_supported_content_language_variant
from wagtail.embeds.finders import get_finders
from wagtail.images.shortcuts import get_rendition_or_not_found, get_renditions_or_not_found
from wagtail.models import Page, ReferenceIndex, Site, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.views import edit_translation


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


# What a query's compiler works out while compiling it and reads again to turn rows into objects.
COMPILER_STATE = ("select", "klass_info", "annotation_col_map", "col_count", "has_extra_select")


def compile_queryset(queryset):
    """
    The SQL and parameters Django runs for `queryset`, and the state its compiler keeps to read
    the rows (citynet/compiled.py); None when the query can match nothing. Django compiles a
    queryset again at every run and offers no public way to keep the result.
    """
    compiler = queryset.query.get_compiler(using=queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return None
    return sql, params, {name: getattr(compiler, name) for name in COMPILER_STATE}


def run_compiled(queryset, sql, params, state):
    """
    `queryset`'s objects from SQL that compile_queryset() made of the same query: Django's own
    iterable reads the rows (model instances, select_related, annotations, prefetches) with the
    compiler state the first compile left, and the query is not compiled again.
    """
    compiler = queryset.query.get_compiler(using=queryset.db)
    vars(compiler).update(state)
    compiler.as_sql = lambda *args, **kwargs: (sql, params)
    queryset.query.get_compiler = lambda *args, **kwargs: compiler
    return list(queryset)


def prefetch_lookups(queryset):
    """The lookups `prefetch_related()` gave `queryset`, which Django keeps privately."""
    return list(queryset._prefetch_related_lookups)


def keep_prefetched(instance, relation, queryset, objects):
    """
    Leave `objects`, the rows of the Prefetch `queryset`, on `instance` as Django's
    prefetch_related leaves a one-to-many relation's (`prefetch_one_level`), so that
    `instance.<relation>.all()` reads them without a query: citynet/compiled.py fetched them.
    """
    kept = getattr(instance, relation)._apply_rel_filters(queryset)
    kept._result_cache = objects
    kept._prefetch_done = True
    foreign_key = instance._meta.get_field(relation).field.name
    for obj in objects:
        setattr(obj, foreign_key, instance)
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[relation] = kept


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
    for signal, notifier, sender, dispatch_uid in [
        (
            task_submitted,
            admin_signal_handlers.task_submission_email_notifier,
            TaskState,
            "group_approval_task_submitted_email_notification",
        ),
        (
            workflow_submitted,
            admin_signal_handlers.workflow_submission_email_notifier,
            WorkflowState,
            "workflow_state_submitted_email_notification",
        ),
        (
            workflow_rejected,
            admin_signal_handlers.workflow_rejection_email_notifier,
            WorkflowState,
            "workflow_state_rejected_email_notification",
        ),
        (
            workflow_approved,
            admin_signal_handlers.workflow_approval_email_notifier,
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


def chosen_model(block):
    """The model whose ids `block` holds if it is a chooser block (an image, a page, a document,
    a snippet), else None (citynet/api/v3_references.py)."""
    return block.model_class if isinstance(block, ChooserBlock) else None


def describe_v3_input_as(field_class, schema):
    """
    Model fields of `field_class` written through v3 (created or patched) as
    `schema(generator, field, wagtails)` describes them, `wagtails` being the schema Wagtail's
    input generators had for that class (citynet/api/v3_references.py, decision 0275). Set
    before v3's registry builds its schemas, as `describe_in_v3_as`.
    """
    if "wagtail.api.v3.registry" in sys.modules:
        raise RuntimeError("wagtail.api.v3.registry was imported before citynet.api was ready")
    from wagtail.api.v3.schemas import create_generator, patch_generator

    for generator in (create_generator, patch_generator):
        wagtails = generator.field_schemas[field_class]
        generator.register_field_schema(field_class, partial(schema, wagtails=wagtails))


def remember_site(request, site):
    """
    Keep `site` where `Site.find_for_request` looks first (`_wagtail_site`), so that Wagtail's
    own lookups during the request (page URLs, settings, the `wagtail_site` tag) make no query
    (citynet/delivery/sites.py).
    """
    request._wagtail_site = site


def site_named_in_api(request, named):
    """
    The site that the API's `?site=hostname[:port]` names (a 404 if none), else the request's
    host's site, as Wagtail's pages API finds it; a ValueError when several sites share the host
    name (citynet/api/pages.py).
    """
    return SiteFilterValidator(site=named, request=request).site_obj


def snippet_model_named(app_label, model_name):
    """The snippet model that an admin URL names, as Wagtail's snippet views find it (a 404 if
    none): the translation views' snippet URLs follow them (citynet/i18n/translating.py)."""
    return get_snippet_model_from_url_params(app_label, model_name)


def pages_open_in_an_editor():
    """
    The ids (strings) of the pages that an editor has open now: Wagtail's editing sessions,
    which each open editor keeps alive with its pings (citynet/editorial/abandoned_drafts.py).
    """
    return (
        EditingSession.objects.available()
        .filter(content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )


def reference_index_paused():
    """
    A context manager during which saves leave Wagtail's reference index as it is: the demo's
    load replaces inline objects as it goes, then rebuilds the index once (load_demo.py).
    """
    from wagtail.signal_handlers import disable_reference_index_auto_update

    return disable_reference_index_auto_update()


def translatable_strings(instance):
    """(path, text) of each string wagtail-localize gives a translator to translate in
    `instance`, as it extracts them (citynet/i18n/source_changes.py, decision 0170)."""
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            yield segment.path, segment.string.data


def status_panels_given(side_panels, context_for):
    """
    `side_panels`, each of Wagtail's own status panels among them given `context_for(its
    object)` on top of its template context: wagtail-localize's translation editor builds a
    snippet's without the URLs its workflow timeline links to, which Wagtail's snippet views
    give it (citynet/i18n/templatetags/translation_tags.py, decision 0125).
    """
    for panel in side_panels:
        if type(panel) is StatusSidePanel:
            panel.get_context_data = partial(
                context_with, panel.get_context_data, context_for(panel.object)
            )
    return side_panels


def context_with(get_context_data, more, parent_context):
    return {**get_context_data(parent_context), **more}


def rich_text_as_stored(html, features):
    """
    `html` as Wagtail's rich text editor stores it with only `features` allowed: its whitelist
    drops scripts, event handlers and `javascript:` links (the WordPress import, in
    wordpress/content.py).
    """
    from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

    return EditorHTMLConverter(features=features).to_database_format(html)


def an_embed_finder_accepts(url):
    """Whether one of Wagtail's configured embed finders serves `url`, decided without a request
    (the WordPress import: wordpress/content.py)."""
    return any(finder.accept(url) for finder in get_finders())


def purge_request(url, headers):
    """A PURGE request for `url`, as Wagtail's HTTP frontend-cache backend sends one
    (citynet/delivery/purge.py)."""
    return PurgeRequest(url=url, headers=headers)


def frontend_cache_backends(names=None):
    """{name: backend} of the CDNs that WAGTAILFRONTENDCACHE configures (only those in `names`
    if given), built as Wagtail's own purges build them (citynet/delivery/purge.py)."""
    return get_backends(backends=names)


def api_problem(status, detail):
    """An `application/problem+json` response (RFC 9457), as Wagtail's v3 API answers its
    errors: v3's own (citynet/api/v3.py), and any API's outage or lockout (citynet/core/
    unavailable.py, citynet/security/throttling.py)."""
    return problem_response(status=status, detail=detail)


def free_slug_under(parent, slug):
    """`slug` if no child of `parent` has it, else the first of "slug-1", "slug-2"... free, as
    Wagtail's page editor picks one (citynet/editorial/abandoned_drafts.py)."""
    return find_available_slug(parent, slug)


def content_language_code(code):
    """The content language (WAGTAIL_CONTENT_LANGUAGES) that a language code such as `ko-KR`
    falls under, as Wagtail finds a locale's; LookupError if none (wordpress/importer.py)."""
    return get_supported_content_language_variant(code)


def user_display_name(user):
    """A user's full name, else user name, as Wagtail's admin shows users (the editorial
    calendar's authors: citynet/editorial/views.py)."""
    return get_user_display_name(user)


def safe_next_url(request):
    """The request's `next` (POST, else GET) if it stays on this host, else "", as Wagtail's
    admin views read it (citynet/i18n/translating.py)."""
    return get_valid_next_url_from_request(request)


def rendition_or_placeholder(image, spec):
    """The image's rendition for `spec`, or, when its source file is missing, the empty
    "not-found" rendition that `{% image %}` shows (citynet/core/structured_data.py)."""
    return get_rendition_or_not_found(image, spec)


def renditions_or_placeholders(image, specs):
    """{spec: rendition} for the image, each the "not-found" one when its source file is
    missing, as `{% image %}` shows them (citynet/images/api.py)."""
    return get_renditions_or_not_found(image, specs)


def whats_new_menu_item():
    """The help menu's "What's new in Wagtail" item, worded now, in the active language: Wagtail
    words it once per process (citynet/i18n/wagtail_hooks.py)."""
    from wagtail.admin.wagtail_hooks import register_whats_new_in_wagtail_version_menu_item

    return register_whats_new_in_wagtail_version_menu_item()


def translate_live_subtree(page, locales, components, user):
    """
    wagtail-localize's `translate_page_subtree` for the live pages below `page` only: a page that
    is not live, and what is below it, is translated once it is published (decision 0293;
    citynet/i18n/translating.py).
    """
    translator = TranslationCreator(user, locales)

    def translate_children_of(parent):
        for child in parent.get_children().live():
            translator.create_translations(child)
            translate_children_of(child)

    translate_children_of(page)
    if components is not None:
        components.save(translator, sources_and_translations=translator.mappings)
