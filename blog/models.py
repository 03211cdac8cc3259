import math

from django import forms
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from citynet.api.fields import LinkedPagesField
from citynet.core.blocks import StoryBlock
from citynet.core.filters import Filter, date_filter, parse_positive_int
from citynet.core.headless import HeadlessPreviewMixin
from citynet.core.pages import IndexPage, SitePageMixin, paginate
from citynet.core.reader_comments import reader_comments_switch
from citynet.core.related import public_links, related_pages
from citynet.i18n.search import UNSPACED_RUN, BigramSearchField
from citynet.images.models import HeroCaptionMixin
from citynet.people.models import public_people
from partners.models import PartnerPage
from programs.models import ProgramPage

from .forms import ArticleFilterForm, ArticlePageForm
from .structured_data import article_posting

WORDS_PER_MINUTE = 200
# Scripts written without spaces are read by the character: about 400 characters a minute.
CHARACTERS_PER_MINUTE = 400


class BlogIndexPage(IndexPage):
    subpage_types = ["blog.ArticlePage"]
    page_description = _("The list of articles, newest first.")
    menu_label = _("Articles")
    filter_form_class = ArticleFilterForm

    class Meta:
        verbose_name = _("blog index page")

    def listing(self, language_code):
        return (
            self.children_in(ArticlePage, language_code)
            .order_by("-date_published", "-pk")
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions", "authors__person", "themes", "tags")
        )

    def listing_context(self, request, form, articles):
        return {"articles": paginate(articles, 10, request.GET.get("page"))}


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(
    HeroCaptionMixin,
    HeadlessPreviewMixin,
    SitePageMixin,
    reader_comments_switch(open_by_default=True),
    Page,
):
    standfirst = models.TextField(
        _("standfirst"), help_text=_("The opening summary, shown under the title.")
    )
    date_published = models.DateField(
        _("publication date"),
        default=timezone.localdate,
        help_text=_("The date shown on the article."),
    )
    hero_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    body = StreamField(StoryBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))
    themes = ParentalManyToManyField(
        "taxonomy.Theme", blank=True, related_name="articles", verbose_name=_("themes")
    )

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        FieldPanel("date_published"),
        FieldPanel("hero_image"),
        FieldPanel("hero_caption"),
        InlinePanel("authors", label=_("Authors")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("tags"), FieldPanel("themes", widget=forms.CheckboxSelectMultiple)],
            heading=_("Tags and themes"),
        ),
        InlinePanel("program_links", label=_("Related programs")),
        InlinePanel("partner_links", label=_("Related partners")),
    ]
    base_form_class = ArticlePageForm

    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        BigramSearchField("title"),
        BigramSearchField("standfirst"),
        BigramSearchField("body"),
        index.SearchField("author_names"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date_published"),
    ]

    # wagtail-localize leaves many-to-many fields alone: keep a translation's themes in step.
    override_translatable_fields = [SynchronizedField("themes", overridable=False)]

    # The blog index's filter form and the API (blog/api.py) both narrow listings with these.
    listing_filters = {
        "tag": Filter("tags__slug", description="Tag slug"),
        "theme": Filter("themes__slug", description="Theme slug"),
        "author": Filter(
            "authors__person_id",
            parse_positive_int,
            "Person id (see /api/v2/people/)",
            {"type": "integer"},
        ),
        "date_from": date_filter("date_published__gte", "Published on or after (YYYY-MM-DD)"),
        "date_to": date_filter("date_published__lte", "Published on or before (YYYY-MM-DD)"),
    }

    # Representations for API v2: blog/api.py. Writable fields serve API v3 importers.
    api_fields = [
        APIField("standfirst", writable=True),
        APIField("date_published", writable=True),
        APIField("hero_image", writable=True),
        APIField("hero_image_caption"),
        APIField("authors", writable=True),
        APIField("body", writable=True),
        APIField("themes", writable=True),
        APIField("tags"),
        APIField("reading_time"),
        APIField(
            "related_programs",
            serializer=LinkedPagesField(
                source="program_links",
                page_attr="program",
                page_fields=("kind", "start_date", "end_date"),
                image="hero_image",
            ),
        ),
        APIField(
            "related_partners",
            serializer=LinkedPagesField(
                source="partner_links", page_attr="partner", page_fields=("kind",), image="logo"
            ),
        ),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    page_description = _("An article with byline, photos, quotes, tags and themes.")
    template = "blog/article_page.html"
    summary_field = "standfirst"

    class Meta:
        verbose_name = _("article page")

    social_image_field = "hero_image"

    def main_entity(self, request, context):
        authors = context.get("authors")
        if authors is None:
            authors = self.public_authors()
        return article_posting(self, request, authors, context.get("social_rendition"))

    @classmethod
    def routed_relations(cls):
        return [
            Prefetch("authors", ArticleAuthor.objects.select_related("person__photo")),
            Prefetch("tagged_items", ArticlePageTag.objects.select_related("tag").order_by("pk")),
            # The template shows their titles and addresses only.
            Prefetch(
                "program_links", public_links(ArticleProgram.objects.all(), "program", fields=())
            ),
            Prefetch(
                "partner_links", public_links(ArticlePartner.objects.all(), "partner", fields=())
            ),
        ]

    def get_context(self, request, *args, **kwargs):
        authors = public_people(link.person for link in self.authors.all())
        photos = [person.photo for person in authors if person.photo]
        # Every image the page shows, in one query, before SitePageMixin would fetch the hero's.
        hero = [self.hero_image] if self.hero_image else []
        prefetch_related_objects(
            hero + photos + self.body.stream_block.get_images(self.body), "renditions"
        )
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = authors
        context["themes"] = list(self.themes.all())
        context["tags"] = [item.tag for item in self.tagged_items.all()]
        language_code = context["reader_language"]
        programs = related_pages(self, "program_links", "program", language_code, fields=())
        partners = related_pages(self, "partner_links", "partner", language_code, fields=())
        context["related_programs"] = [program for _link, program in programs]
        context["related_partners"] = [partner for _link, partner in partners]
        context["blog_index"] = context["ancestors"][-1]
        return context

    def public_authors(self):
        """The byline readers see: live people only (citynet.people.models.public_people)."""
        return public_people(link.person for link in self.authors.all())

    def author_names(self):
        """Indexed for search; blog/signals.py reindexes when one of the people is published."""
        return " ".join(person.name for person in self.public_authors())

    @property
    def reading_time(self):
        """Estimated minutes to read the standfirst and body; at least one."""
        text = f"{self.standfirst} {self.body.stream_block.get_plain_text(self.body)}"
        unspaced = sum(len(run) for run in UNSPACED_RUN.findall(text))
        words = len(UNSPACED_RUN.sub(" ", text).split())
        minutes = words / WORDS_PER_MINUTE + unspaced / CHARACTERS_PER_MINUTE
        return max(1, math.ceil(minutes))


class ArticleAuthor(Orderable):
    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.CASCADE,
        related_name="authored_articles",
        verbose_name=_("person"),
    )

    panels = [FieldPanel("person")]
    api_fields = [APIField("person", writable=True)]

    def __str__(self):
        return str(self.person)


class ArticleProgram(Orderable):
    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="program_links")
    program = models.ForeignKey(
        ProgramPage,
        on_delete=models.CASCADE,
        related_name="article_links",
        verbose_name=_("program"),
    )

    panels = [FieldPanel("program")]


class ArticlePartner(Orderable):
    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(
        PartnerPage,
        on_delete=models.CASCADE,
        related_name="article_links",
        verbose_name=_("partner"),
    )

    panels = [FieldPanel("partner")]
