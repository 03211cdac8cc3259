from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page

from blog.models import ArticlePage, BlogIndexPage
from citynet.api.fields import LinkedPagesField
from citynet.core.pages import SitePageMixin, specific_pages
from citynet.core.related import related_pages
from citynet.i18n.links import in_language_below
from citynet.visibility import publicly_visible
from partners.models import PartnerIndexPage
from programs.models import ProgramIndexPage, ProgramPage


class HomePage(SitePageMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        InlinePanel("featured_links", label=_("Featured articles and programs"), max_num=6),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("hero_image"),
        APIField(
            "featured_pages",
            serializer=LinkedPagesField(source="featured_links", page_attr="page"),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["blog.BlogIndexPage", "programs.ProgramIndexPage", "partners.PartnerIndexPage"]
    page_description = _("The home page of a site, one per language.")
    template = "home/home_page.html"
    summary_field = "introduction"

    class Meta:
        verbose_name = _("home page")

    social_image_field = "hero_image"

    def featured_pages(self, language_code=None):
        """The editor's picks that are live, in the editor's order and the reader's language."""
        related = related_pages(
            self, "featured_links", "page", language_code or self.locale.language_code
        )
        featured = specific_pages([page for _link, page in related])
        # What the cards show, fetched per page type.
        articles = [page for page in featured if isinstance(page, ArticlePage)]
        programs = [page for page in featured if isinstance(page, ProgramPage)]
        prefetch_related_objects(articles, "hero_image__renditions", "authors__person")
        prefetch_related_objects(programs, "hero_image__renditions")
        return featured

    def latest_articles(self, language_code, count=3):
        """The newest articles of the site in the reader's language or its fallback chain."""
        return (
            in_language_below(self, publicly_visible(ArticlePage.objects), language_code)
            .order_by("-date_published", "-pk")
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions", "authors__person")[:count]
        )

    def upcoming_programs(self, language_code, count=3):
        """The next programs of the site in the reader's language or its fallback chain."""
        return (
            in_language_below(self, publicly_visible(ProgramPage.objects), language_code)
            .filter(end_date__gte=timezone.localdate())
            .order_by("start_date", "pk")
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")[:count]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language_code = context["reader_language"]
        context["featured_pages"] = self.featured_pages(language_code)
        context["latest_articles"] = list(self.latest_articles(language_code))
        context["upcoming_programs"] = list(self.upcoming_programs(language_code))
        # The sections the home page's "all articles" and "all programs" links go to.
        sections = {item["page"].specific_class: item["page"] for item in context["navigation"]}
        context["blog_index"] = sections.get(BlogIndexPage)
        context["program_index"] = sections.get(ProgramIndexPage)
        context["partner_index"] = sections.get(PartnerIndexPage)
        return context


class HomePageFeaturedLink(Orderable):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_links")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", ["blog.ArticlePage", "programs.ProgramPage"])]
