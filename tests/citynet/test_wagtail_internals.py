"""
One test per private or undocumented Wagtail, wagtail-localize and Django seam of
citynet/wagtail_internals.py (decision 0051). If an upgrade changes one, its test fails before
the feature that leans on it (the sitemap, the API, cache invalidation, the translation editor,
the WordPress import...) silently changes.
"""

import inspect
from pathlib import Path

import pytest
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.utils import translation
from wagtail import signal_handlers
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, ReferenceIndex, Site
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


@pytest.mark.django_db
def test_the_api_finds_the_site_a_site_parameter_names_as_wagtail_does(site):
    from django.http import Http404
    from django.test import RequestFactory
    from wagtail.models import Site

    request = RequestFactory().get("/api/v2/pages/", HTTP_HOST=site.hostname)

    assert wagtail_internals.site_named_in_api(request, None) == site
    assert wagtail_internals.site_named_in_api(request, site.hostname) == site
    assert wagtail_internals.site_named_in_api(request, f"{site.hostname}:{site.port}") == site
    with pytest.raises(Http404):
        wagtail_internals.site_named_in_api(request, "elsewhere.example")
    Site.objects.create(hostname=site.hostname, port=site.port + 1, root_page=site.root_page)
    with pytest.raises(ValueError, match="multiple sites"):
        wagtail_internals.site_named_in_api(request, site.hostname)


def test_wagtail_still_finds_a_snippet_model_by_its_admin_url_names():
    from django.http import Http404

    from citynet.people.models import Person

    assert wagtail_internals.snippet_model_named("people", "person") is Person
    with pytest.raises(Http404):
        wagtail_internals.snippet_model_named("wagtailcore", "page")


@pytest.mark.django_db
def test_a_page_is_open_in_an_editor_while_its_editing_session_pings(home_page, clock):
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.admin.models import EditingSession
    from wagtail.models import Page

    EditingSession.objects.create(
        user=factories.UserFactory(),
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(home_page.pk),
        last_seen_at=timezone.now(),
    )

    assert list(wagtail_internals.pages_open_in_an_editor()) == [str(home_page.pk)]
    clock.shift(EditingSession.AVAILABLE_TIMEOUT * 2)
    assert list(wagtail_internals.pages_open_in_an_editor()) == []


@pytest.mark.django_db
def test_saves_leave_the_reference_index_alone_while_it_is_paused(partner_index, program_index):
    partner = factories.PartnerPageFactory(parent=partner_index)

    with wagtail_internals.reference_index_paused():
        program = factories.ProgramPageFactory(parent=program_index)
        program.partner_links.add(factories.ProgramPartnerFactory.build(partner=partner))
        program.save()
    paused = ReferenceIndex.get_references_to(partner).filter(object_id=str(program.pk))
    assert not paused.exists()

    program.save()
    assert ReferenceIndex.get_references_to(partner).filter(object_id=str(program.pk)).exists()


@pytest.mark.django_db
def test_wagtail_localize_still_extracts_a_pages_strings_with_their_paths(blog_index):
    article = factories.ArticlePageFactory(
        parent=blog_index,
        title="Clean water",
        body=[factories.paragraph("Rivers run through cities.")],
    )

    strings = dict(wagtail_internals.translatable_strings(article))

    assert strings["title"] == "Clean water"
    assert "Rivers run through cities." in {
        text for path, text in strings.items() if path.startswith("body.")
    }


@pytest.mark.django_db
def test_wagtail_localize_still_translates_a_page_with_its_translation_creator(blog_index):
    live = factories.ArticlePageFactory(parent=blog_index, title="Live")
    live.save_revision().publish()
    draft = factories.ArticlePageFactory(parent=blog_index, title="Draft", live=False)
    japanese = Locale.objects.get(language_code="ja")

    wagtail_internals.translate_live_subtree(blog_index.get_parent(), [japanese], None, None)

    assert blog_index.has_translation(japanese)
    assert live.has_translation(japanese)
    assert not draft.has_translation(japanese)


@pytest.mark.django_db
def test_wagtails_status_panel_takes_the_workflow_urls_its_timeline_links_to(rf):
    from wagtail.admin.ui.side_panels import BaseSidePanel, StatusSidePanel

    person = factories.PersonFactory()
    wagtails = StatusSidePanel(person, rf.get("/"))
    other = BaseSidePanel(person, rf.get("/"))

    panels = wagtail_internals.status_panels_given(
        [wagtails, other], lambda instance: {"workflow_history_url": f"/history/{instance.pk}/"}
    )

    context = panels[0].get_context_data({})
    assert context["workflow_history_url"] == f"/history/{person.pk}/"
    assert context["panel"] is wagtails  # Wagtail's own context is kept
    assert "workflow_history_url" not in panels[1].get_context_data({})
    assert parameters(StatusSidePanel.get_context_data) == ["self", "parent_context"]
    workflow = Path(inspect.getfile(StatusSidePanel)).parent.parent / "templates/wagtailadmin"
    timeline = (workflow / "workflows/workflow_status.html").read_text()
    assert "{{ workflow_history_url }}" in timeline
    assert "{% url revisions_compare_url_name " in timeline
    status = (workflow / "shared/side_panels/includes/status/workflow.html").read_text()
    assert "{% include 'wagtailadmin/workflows/workflow_status.html' %}" in status


def test_wagtails_rich_text_whitelist_still_cleans_what_it_stores():
    stored = wagtail_internals.rich_text_as_stored(
        '<p onclick="steal()">Hello <b>city</b><script>steal()</script>'
        '<a href="javascript:steal()">bad</a> <a href="https://example.org/">good</a></p>'
        "<h2>Not a paragraph feature</h2>",
        ["bold", "link"],
    )

    # Tags it does not allow go, their text stays (the script's as harmless text).
    assert stored == (
        '<p>Hello <b>city</b>steal()<a>bad</a> <a href="https://example.org/">good</a></p>'
        "Not a paragraph feature"
    )


def test_wagtails_embed_finders_still_say_which_urls_they_serve():
    assert wagtail_internals.an_embed_finder_accepts("https://www.youtube.com/watch?v=abc")
    assert not wagtail_internals.an_embed_finder_accepts("https://example.org/watch?v=abc")


def test_wagtails_purge_request_is_still_a_purge():
    request = wagtail_internals.purge_request("http://varnish:8080/a/", {"xkey": "page-1"})

    assert request.get_method() == "PURGE"
    assert request.full_url == "http://varnish:8080/a/"
    assert request.get_header("Xkey") == "page-1"


def test_wagtails_chooser_blocks_still_name_the_model_they_choose():
    from wagtail import blocks
    from wagtail.images import get_image_model
    from wagtail.images.blocks import ImageChooserBlock
    from wagtail.models import Page

    assert wagtail_internals.chosen_model(ImageChooserBlock()) is get_image_model()
    assert wagtail_internals.chosen_model(blocks.PageChooserBlock()) is Page
    assert wagtail_internals.chosen_model(blocks.CharBlock()) is None


def test_v3_writes_still_describe_a_field_by_the_schema_registered_for_its_class():
    """Ours wrap the schemas Wagtail registered for foreign keys and StreamFields (0275)."""
    from django.db.models import ForeignKey
    from wagtail.api.v3.schemas import create_generator, patch_generator
    from wagtail.api.v3.schemas.generators import write
    from wagtail.fields import StreamField

    from citynet.api import v3_references

    assert "self.field_schemas[cls](self, model_field)" in source(write.InputSchemaGenerator)
    for generator in (create_generator, patch_generator):
        foreign_key = generator.field_schemas[ForeignKey]
        assert foreign_key.func is v3_references.foreign_key_by_either_name
        assert foreign_key.keywords == {"wagtails": write.foreign_key_schema}
        stream = generator.field_schemas[StreamField]
        assert stream.func is v3_references.stream_with_existing_choices
        assert stream.keywords == {"wagtails": write.streamfield_schema}


@pytest.mark.django_db
def test_wagtail_still_numbers_a_slug_that_a_sibling_has(home_page):
    factories.BlogIndexPageFactory(parent=home_page, slug="water")

    assert wagtail_internals.free_slug_under(home_page, "water") == "water-1"
    assert wagtail_internals.free_slug_under(home_page, "air") == "air"


def test_wagtail_still_finds_the_content_language_a_language_code_falls_under():
    assert wagtail_internals.content_language_code("ko-KR") == "ko"
    assert wagtail_internals.content_language_code("zh-hant") == "zh-hant"
    with pytest.raises(LookupError):
        wagtail_internals.content_language_code("fr")


def test_wagtail_still_shows_a_user_by_full_name_else_user_name():
    named = factories.UserFactory.build(username="kim", first_name="Min-jun", last_name="Kim")
    unnamed = factories.UserFactory.build(username="lee", first_name="", last_name="")

    assert wagtail_internals.user_display_name(named) == "Min-jun Kim"
    assert wagtail_internals.user_display_name(unnamed) == "lee"


def test_wagtail_still_keeps_a_next_url_only_on_this_host(rf):
    def next_of(url):
        return wagtail_internals.safe_next_url(rf.post("/", {"next": url}, HTTP_HOST="testserver"))

    assert next_of("/admin/pages/") == "/admin/pages/"
    assert next_of("http://testserver/admin/") == "http://testserver/admin/"
    assert next_of("https://elsewhere.example/") == ""
    assert wagtail_internals.safe_next_url(rf.get("/?next=/admin/", HTTP_HOST="testserver")) == (
        "/admin/"
    )


@pytest.mark.django_db
def test_an_image_without_its_file_still_gives_wagtails_not_found_renditions():
    image = factories.ImageFactory()
    image.file.storage.delete(image.file.name)

    single = wagtail_internals.rendition_or_placeholder(image, "fill-10x10")
    several = wagtail_internals.renditions_or_placeholders(image, ["fill-10x10", "width-20"])

    assert (single.file.name, single.width) == ("not-found", 0)
    assert set(several) == {"fill-10x10", "width-20"}
    assert {rendition.file.name for rendition in several.values()} == {"not-found"}


def test_wagtail_still_builds_the_configured_cdn_backends_by_name(settings):
    from citynet.delivery.purge import XkeyBackend

    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "citynet.delivery.purge.XkeyBackend", "LOCATION": "http://v:1/"},
        "other": {"BACKEND": "citynet.delivery.purge.XkeyBackend", "LOCATION": "http://o:1/"},
    }

    backends = wagtail_internals.frontend_cache_backends()
    only = wagtail_internals.frontend_cache_backends(["varnish"])

    assert set(backends) == {"varnish", "other"}
    assert isinstance(backends["varnish"], XkeyBackend)
    assert backends["varnish"].location == "http://v:1/"
    assert set(only) == {"varnish"}


def test_wagtails_v3_still_answers_a_problem_document():
    import json

    response = wagtail_internals.api_problem(429, "Too many attempts")

    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    problem = json.loads(response.content)
    assert (problem["status"], problem["detail"]) == (429, "Too many attempts")
    assert problem["title"] == "Too Many Requests"


def test_page_urls_still_read_the_site_root_paths_kept_on_the_request(home_page, rf, monkeypatch):
    request = rf.get("/")
    kept = wagtail_internals.site_root_paths(request)
    read_again = []
    monkeypatch.setattr(Site, "get_site_root_paths", lambda: read_again.append(1) or kept)

    assert wagtail_internals.site_root_paths(request) is kept
    assert home_page.get_url(request) == "/en/"
    assert read_again == []


def test_wagtail_still_words_its_whats_new_item_when_its_hook_function_runs():
    with translation.override("ko"):
        korean = wagtail_internals.whats_new_menu_item()
    with translation.override("en"):
        english = wagtail_internals.whats_new_menu_item()

    assert korean.name == english.name
    assert english.name.startswith("whats-new-in-wagtail-")
    assert str(english.label).startswith("What's new in Wagtail")
    assert str(korean.label) != str(english.label)


def test_wagtail_finds_a_remembered_site_without_a_query(site, rf, django_assert_num_queries):
    request = rf.get("/", HTTP_HOST="unknown.example")
    wagtail_internals.remember_site(request, site)

    with django_assert_num_queries(0):
        assert Site.find_for_request(request) == site


@pytest.mark.django_db
def test_the_image_tag_renders_as_wagtails_parsing_its_filter_once(monkeypatch):
    from django.template import engines
    from wagtail.images.models import Filter

    image = factories.ImageFactory()
    tag = "{% image picture fill-80x80 format-webp alt='' %}"
    ours = engines["django"].from_string("{% load citynet_images %}" + tag)
    wagtails = engines["django"].from_string("{% load wagtailimages_tags %}" + tag)
    assert ours.render({"picture": image}) == wagtails.render({"picture": image})
    built, build = [], Filter.__init__
    monkeypatch.setattr(
        Filter, "__init__", lambda *args, **kwargs: built.append(1) or build(*args, **kwargs)
    )

    for _ in range(3):
        assert ours.render({"picture": image}) == wagtails.render({"picture": image})

    # Wagtail's tag builds a Filter at every render; ours built its own at its first.
    assert len(built) == 3


@pytest.mark.django_db
def test_django_still_reads_rows_with_the_compiler_state_a_compile_leaves(blog_index):
    """Rows read with a kept compile's SQL and state give the objects Django's own run gives:
    relations, annotations and prefetches (citynet/compiled.py)."""
    from django.db.models import F
    from django.db.models.query import ModelIterable
    from django.db.models.sql.compiler import SQLCompiler

    from blog.models import ArticlePage

    factories.ArticlePageFactory.create_batch(2, parent=blog_index)
    pages = (
        ArticlePage.objects.select_related("locale")
        .annotate(locale_code=F("locale__language_code"))
        .prefetch_related("themes")
        .order_by("pk")
    )
    sql, params, state = wagtail_internals.compile_queryset(pages.all())
    kept = wagtail_internals.run_compiled(pages.all(), sql, params, state)

    def seen(page):
        return (page.pk, page.title, page.locale.language_code, page.locale_code)

    assert [seen(page) for page in kept] == [seen(page) for page in pages]
    assert all("themes" in page._prefetched_objects_cache for page in kept)
    assert "compiler = queryset.query.get_compiler(using=db)" in source(ModelIterable.__iter__)
    assert "sql, params = self.as_sql()" in source(SQLCompiler.execute_sql)
    for name in wagtail_internals.COMPILER_STATE:
        assert f"self.{name}" in source(SQLCompiler)


@pytest.mark.django_db
def test_objects_kept_as_prefetched_read_as_djangos_prefetch_leaves_them(
    blog_index, django_assert_num_queries
):
    """A one-to-many relation filled by keep_prefetched() reads as Django's own prefetch
    (`prefetch_one_level`) leaves it: its objects, in order, with no query."""
    from django.db.models import Prefetch, query

    from blog.models import ArticleAuthor, ArticlePage

    article = factories.ArticlePageFactory(parent=blog_index)
    for order in range(2):
        factories.ArticleAuthorFactory(article=article, sort_order=order)
    links = ArticleAuthor.objects.select_related("person").order_by("sort_order")
    prefetched = ArticlePage.objects.prefetch_related(Prefetch("authors", queryset=links))
    assert wagtail_internals.prefetch_lookups(prefetched)[0].prefetch_to == "authors"
    djangos = prefetched.get(pk=article.pk)
    kept = ArticlePage.objects.get(pk=article.pk)
    wagtail_internals.keep_prefetched(kept, "authors", links, list(links.filter(article=kept)))

    with django_assert_num_queries(0):
        seen = [
            [(link.pk, link.person.name) for link in page.authors.all()] for page in (djangos, kept)
        ]
        assert seen[0] == seen[1] and len(seen[0]) == 2
        assert all(link.article is kept for link in kept.authors.all())
    prefetch_one_level = source(query.prefetch_one_level)
    assert "qs = manager._apply_rel_filters(lookup.queryset)" in prefetch_one_level
    assert "obj._prefetched_objects_cache[cache_name] = qs" in prefetch_one_level
