"""What every page's `base.html` needs, fetched in Python so that templates do no queries."""

import functools

from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, prefetch_related_objects
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page, PageViewRestriction

from citynet.compiled import Argument, CompiledOnce
from citynet.core.filters import narrowed
from citynet.core.structured_data import page_graph, script_tag, social_rendition
from citynet.editorial.page_rights import LockAwarePagePermissionTester
from citynet.i18n.links import in_language_below, nearest_public_translations
from citynet.i18n.pages import language_context, reader_language
from citynet.visibility import PubliclyVisible, publicly_visible

# What the menu and breadcrumbs show of a page (its title and address, its type for its label,
# its place in the tree, whether it has children) and what dates the response (the last two).
# The other columns cost the SQL compiler about 30 Python calls each (decision 0350).
LINK_FIELDS = (
    "title",
    "url_path",
    "path",
    "depth",
    "numchild",
    "locale",
    "content_type",
    "translation_key",
    "last_published_at",
    "expire_at",
)


def main_navigation(home, language_code, trail=()):
    """
    The home page's public children, marking the section among the pages of `trail` (the page
    shown and its ancestors), each named for a reader of `language_code` (with_labels).
    """
    # Children by a range of paths: Wagtail's LIKE with an argument cannot use the path's index.
    first, last = (
        home.path + character * Page.steplen for character in (Page.alphabet[0], Page.alphabet[-1])
    )
    sections = public_children_query().run(depth=home.depth + 1, first=first, last=last)
    # By translation key: the page may be shown in a language its section is not published in.
    shown = {page.translation_key for page in trail}
    items = [{"page": section, "active": section.translation_key in shown} for section in sections]
    return with_labels(items, language_code)


def ancestors_below_root(page):
    """
    The page's ancestors from the home page down (not the tree's root), each saying whether
    the public may see it (`is_public`): a section may be unpublished above live pages.
    """
    paths = [page.path[:end] for end in range(2 * Page.steplen, len(page.path), Page.steplen)]
    if not paths:
        return []
    return ancestors_query(len(paths)).run(
        **{f"path{index}": path for index, path in enumerate(paths)}
    )


# Built at their first use, once the models are loaded (page models import this module), then
# compiled once per process (decision 0400).
@functools.cache
def public_children_query():
    between = (Argument("first", models.CharField()), Argument("last", models.CharField()))
    children = Page.objects.filter(depth=Argument("depth"), path__range=between)
    return CompiledOnce(link_columns(publicly_visible(children)).order_by("path"))


@functools.cache
def ancestors_query(count):
    paths = [Argument(f"path{index}", models.CharField()) for index in range(count)]
    ancestors = Page.objects.filter(path__in=paths).annotate(is_public=PubliclyVisible())
    return CompiledOnce(link_columns(ancestors).order_by("path"))


def link_columns(pages):
    """The columns LINK_FIELDS names, and the page's language code."""
    return pages.only(*LINK_FIELDS).annotate(language_code=F("locale__language_code"))


def with_labels(items, language_code):
    """
    `items` (dicts with a `page`), each with the `label` the menu and breadcrumbs name its page
    by for a reader of `language_code`: its title, or the interface's word for it
    (`menu_label`) when the page is in another language, a section not translated yet.
    """
    labelled = []
    for item in items:
        page = item["page"]
        # Pages from queries carry their language_code; the page being served, its locale.
        in_language = getattr(page, "language_code", None) or page.locale.language_code
        label = getattr(page.specific_class, "menu_label", None)
        if in_language == language_code or label is None:
            label = page.title
        labelled.append({**item, "label": label})
    return labelled


class SitePageMixin:
    """
    Adds the navigation, breadcrumbs and social image to a page's context. Mix into every page
    model before `Page`; subclasses name their image's foreign key in `social_image_field`.
    """

    # The image of the page's social card and JSON-LD (an image foreign key), loaded with the
    # page when it is routed (citynet/i18n/fallback.py); None: no image.
    social_image_field = None
    # The interface's word for the page in the menu and breadcrumbs of a reader whose language
    # it is not translated into (its title is in another language); None: its title.
    menu_label = None
    # The field that describes the page when the editor leaves the search description empty.
    summary_field = None
    # The schema.org type of the page itself (citynet/core/structured_data.py).
    structured_data_type = "WebPage"

    @classmethod
    def routed_relations(cls):
        """
        Prefetch lookups of the one-to-many relations the page's HTML shows: loaded with the
        page when it is routed (citynet/i18n/fallback.py), each in a query compiled once. A page
        reached otherwise, a preview, reads them as usual.
        """
        return []

    @property
    def social_image(self):
        return getattr(self, self.social_image_field) if self.social_image_field else None

    @property
    def meta_description(self):
        """What search results, search engines and social cards show under the title."""
        if self.search_description or not self.summary_field:
            return self.search_description
        return strip_tags(getattr(self, self.summary_field)).strip()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Below the tree's root (depth 1): the home page first, then each section.
        language_code = reader_language(self, request)
        ancestors = ancestors_below_root(self)
        if language_code != self.locale.language_code:
            # A page shown in a language it is not written in (citynet/i18n/fallback.py): the
            # home page and sections of the reader's language, where they exist, so that its
            # menu is the one of every other page in that language.
            shown = live_pages_by_id(
                Page.objects.all(), [page.pk for page in ancestors], language_code
            )
            ancestors = [shown.get(page.pk, page) for page in ancestors]
        home = ancestors[0] if ancestors else self
        # The home page and each section (the page type's index) as the page's own links need
        # them; the reader's breadcrumbs only link to those the public may see.
        context["home"] = home
        context["ancestors"] = ancestors
        # (A translation found for the reader is public; the tree's own pages say is_public.)
        context["breadcrumbs"] = [page for page in ancestors if getattr(page, "is_public", True)]
        # The breadcrumbs as base.html shows them: named for the reader, ending with this page.
        context["breadcrumb_trail"] = with_labels(
            [{"page": page} for page in [*context["breadcrumbs"], self]], language_code
        )
        context["navigation"] = main_navigation(home, language_code, trail=[*ancestors, self])
        context.update(language_context(self, request))
        if image := self.social_image:
            prefetch_related_objects([image], "renditions")
            rendition = social_rendition(image)
            context["social_rendition"] = rendition
            # Where this request was served, as the JSON-LD's image (not WAGTAILADMIN_BASE_URL).
            context["social_image_url"] = request.build_absolute_uri(rendition.url)
        # Plugins above this one add to any page's context without the page importing them
        # (reader comments do: comments/wagtail_hooks.py).
        for add_context in hooks.get_hooks("citynet_page_context"):
            add_context(self, request, context)
        return context

    def get_view_restrictions(self):
        """
        Wagtail's, which costs two queries, unless the route found none (citynet/i18n/fallback.py
        annotates the page it routes to): Wagtail checks them before serving every page.
        """
        if getattr(self, "has_no_view_restrictions", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def permissions_for_user(self, user):
        """Wagtail's rights, refusing what would change the page while it is locked (0290)."""
        return LockAwarePagePermissionTester(user, self)

    def main_entity(self, request, context):
        """The schema.org thing the page is about (an Event, an article...), or None."""
        return None

    def structured_data(self, request, context=None):
        """The page's JSON-LD; `context` holds what get_context already loaded."""
        context = context or {}
        main_entity = self.main_entity(request, context)
        return page_graph(self, request, context, main_entity, self.structured_data_type)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # After every get_context in the hierarchy has run, so that nothing is fetched twice.
        context = getattr(response, "context_data", None)
        if context is not None:  # a TemplateResponse, not yet rendered
            context["structured_data"] = script_tag(self.structured_data(request, context))
        return response


class IndexPage(SitePageMixin, Page):
    """
    A section's listing below the home page (the blog, programs, partners): an introduction,
    then its public children in the reader's language, narrowed by a filter form whose fields
    are named after the child type's `listing_filters`, the declaration the API reads too.
    """

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    api_fields = [APIField("introduction")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    structured_data_type = "CollectionPage"
    summary_field = "introduction"
    filter_form_class = None  # each section's, its fields named after its `listing_filters`

    class Meta:
        abstract = True

    def children_in(self, model, language_code=None):
        """The index's pages of `model` in `language_code` (the index's own by default) or the
        nearest language of its chain, one version of each."""
        return in_language_below(
            self,
            publicly_visible(model.objects),
            language_code or self.locale.language_code,
            children_only=True,
        )

    def listing(self, language_code):
        """The section's children in `language_code`, fetched as its cards show them."""
        raise NotImplementedError

    def listing_context(self, request, form, children):
        """What the section's template lists of `children`, narrowed by the valid filters of
        `form`."""
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.listing(context["reader_language"])
        # An invalid value shows a form error and is ignored; the valid ones still apply.
        form = self.filter_form_class(request.GET, children)
        form.is_valid()
        context["filter_form"] = form
        context.update(self.listing_context(request, form, narrowed(children, form.cleaned_data)))
        return context


def live_pages_by_id(pages, ids, language_code):
    """
    {id: page} for the live, public pages of `pages` whose ids are in `ids`, in that order, each
    in the reader's language (`language_code`) when it is translated into it or a language of
    its fallback chain: the home page, sections and breadcrumbs of a page shown in a language
    it is not written in.
    """
    found = {
        linked.pk: shown
        for linked, shown in nearest_public_translations(pages, list(ids), language_code)
    }
    return {pk: found[pk] for pk in ids if pk in found}


def specific_pages(pages):
    """`pages` as instances of their own page types, in order: one query per type."""
    ids_by_model = {}
    for page in pages:
        ids_by_model.setdefault(page.specific_class, []).append(page.pk)
    found = {}
    for model, ids in ids_by_model.items():
        found |= model.objects.in_bulk(ids)
    return [found[page.pk] for page in pages if page.pk in found]


def paginate(items, per_page, page_number):
    """One page of `items`, evaluated here so that the template iterates a plain list."""
    page = Paginator(items, per_page).get_page(page_number)
    page.object_list = list(page.object_list)
    return page
