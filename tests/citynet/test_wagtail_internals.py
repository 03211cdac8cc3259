"""
One test per private Wagtail, wagtail-localize and Django seam of citynet/wagtail_internals.py
(decision 0051). If an upgrade changes one, its test fails before the sitemap, the API, cache
invalidation or the translation editor silently changes.
"""

import inspect

import pytest
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from wagtail import signal_handlers
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import ReferenceIndex
from wagtail_localize.views import edit_translation

from citynet import wagtail_internals
from citynet.i18n.permissions import can_edit
from tests import factories


def parameters(function):
    return list(inspect.signature(function).parameters)


def source(function):
    return inspect.getsource(function)


def test_the_pages_api_still_builds_serializers_in_get_serializer_class():
    assert parameters(PagesAPIViewSet._get_serializer_class)[:4] == [
        "router",
        "model",
        "fields_config",
        "show_details",
    ]
    assert "self._get_serializer_class(" in source(PagesAPIViewSet.get_serializer_class)


def test_only_the_pages_api_adds_a_base_queryset_to_the_serializer_context():
    assert "base_queryset" in source(PagesAPIViewSet.get_serializer_context)
    assert "base_queryset" not in source(BaseAPIViewSet.get_serializer_context)
    assert parameters(BaseAPIViewSet.get_serializer_context) == ["self"]


def test_sitemaps_still_build_their_entries_in_urls():
    assert "self._urls(page, protocol, domain)" in source(DjangoSitemap.get_urls)
    assert parameters(Sitemap._urls) == ["self", "page", "protocol", "domain"]
    assert parameters(wagtail_internals.SitemapBuiltPerPage._urls) == parameters(Sitemap._urls)


@pytest.mark.django_db
def test_the_reference_index_still_extracts_references_from_unsaved_content(
    partner_index, program_index
):
    partner = factories.PartnerPageFactory(parent=partner_index)
    program = factories.ProgramPageFactory(parent=program_index)
    program.partner_links.add(factories.ProgramPartnerFactory.build(partner=partner))

    referenced = {pk for _type, pk, *_path in wagtail_internals.references_in(program)}

    assert str(partner.pk) in referenced
    assert "_extract_references_from_object" in source(ReferenceIndex.create_or_update_for_object)


def test_wagtail_localize_still_asks_user_can_edit_instance_before_a_segment_edit():
    assert parameters(edit_translation.user_can_edit_instance) == ["user", "instance"]
    assert "user_can_edit_instance(request.user, instance)" in source(edit_translation)
    assert edit_translation.user_can_edit_instance is can_edit  # set by citynet.i18n's ready()


def test_wagtail_connects_its_reference_index_handler_by_name_when_ready():
    """Wagtail looks the handler up in its module when connecting, so replacing it there (as
    the editorial app does before Wagtail's ready()) is what gets connected."""
    connect = source(signal_handlers.connect_reference_index_signal_handlers_for_model)
    assert "post_save.connect(update_reference_index_on_save" in connect
    assert parameters(signal_handlers.update_reference_index_on_save) == ["instance", "kwargs"]
    assert signal_handlers.update_reference_index_on_save.__module__ == (
        "citynet.editorial.reference_index"
    )


def test_wagtail_connects_its_workflow_email_notifiers_under_the_uids_we_take():
    """Ours are connected first under Wagtail's uids, so Wagtail's own connect adds nothing."""
    from wagtail.admin import signal_handlers as admin_handlers

    register = source(admin_handlers.register_signal_handlers)
    for name in [
        "group_approval_task_submitted_email_notification",
        "workflow_state_submitted_email_notification",
        "workflow_state_rejected_email_notification",
        "workflow_state_approved_email_notification",
    ]:
        assert f'dispatch_uid="{name}"' in register


def test_the_page_editor_sends_its_comment_emails_from_the_method_we_wrap():
    """The edit view's save and publish actions call it; it sends through `send_notification`."""
    from wagtail.admin.views.pages import edit
    from wagtail.admin.views.pages.edit import EditView

    assert inspect.getsource(edit).count("self.send_commenting_notifications(changes)") >= 2
    wagtails = EditView.send_commenting_notifications.__wrapped__
    assert "send_notification(" in source(wagtails)
    assert EditView.send_commenting_notifications is not wagtails  # ours is installed


def test_v3_still_reads_pages_through_get_pages_queryset_imported_by_name():
    """Its pages router imports the name, which ours replaced before that import (citynet.api's
    ready()); Wagtail's own, which ours calls, asks the same module for the public pages."""
    from wagtail.api.v3 import querysets
    from wagtail.api.v3.routers import pages as pages_router

    from citynet.api import v3

    assert "from wagtail.api.v3.querysets import get_pages_queryset" in source(pages_router)
    assert pages_router.get_pages_queryset is v3.readable_pages
    assert v3.wagtail_pages.__module__ == "wagtail.api.v3.querysets"
    assert parameters(v3.wagtail_pages) == ["request", "model"]
    wagtails = source(v3.wagtail_pages)
    assert "get_public_pages_queryset(request, model)" in wagtails
    assert "except ValueError" in wagtails  # ours raises it for an ambiguous site: a 400
    assert querysets.get_public_pages_queryset is v3.anonymous_pages


def test_v3_still_describes_a_field_by_the_schema_registered_for_its_class():
    from django_countries.fields import CountryField
    from wagtail.api.v3.schemas import read_generator
    from wagtail.api.v3.schemas.generators.read import SchemaGenerator

    from citynet.api import v3

    assert parameters(read_generator.register_field_schema) == ["field_class", "func"]
    assert read_generator.field_schemas[CountryField] is v3.country_schema
    assert "self.field_schemas[cls](self, model_field)" in source(SchemaGenerator.build_schema)


@pytest.mark.django_db
def test_the_v2_child_of_filter_still_marks_its_queryset_and_locale_keeps_the_mark(home_page):
    from wagtail.api.v2 import filters
    from wagtail.models import Page

    assert "queryset._filtered_by_child_of = parent_page" in source(filters.ChildOfFilter)
    assert 'hasattr(queryset, "_filtered_by_child_of")' in source(filters.DescendantOfFilter)
    assert "queryset._filtered_by_child_of = _filtered_by_child_of" in source(filters.LocaleFilter)
    marked = Page.objects.child_of(home_page)
    marked._filtered_by_child_of = home_page

    filtered = wagtail_internals.filter_keeping_child_of(marked, locale=home_page.locale)

    assert filtered._filtered_by_child_of == home_page
    assert not hasattr(
        wagtail_internals.filter_keeping_child_of(Page.objects.all()), "_filtered_by_child_of"
    )


def test_page_urls_still_read_the_site_root_paths_kept_on_the_request(home_page, rf, monkeypatch):
    from wagtail.models import Site

    request = rf.get("/")
    kept = wagtail_internals.site_root_paths(request)
    read_again = []
    monkeypatch.setattr(Site, "get_site_root_paths", lambda: read_again.append(1) or kept)

    assert wagtail_internals.site_root_paths(request) is kept
    assert home_page.get_url(request) == "/en/"
    assert read_again == []
