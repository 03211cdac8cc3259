from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from citynet.api.fields import LinkedPagesField
from citynet.core.filters import choice_filter, country_filter
from citynet.core.headless import HeadlessPreviewMixin
from citynet.core.pages import IndexPage, SitePageMixin, paginate
from citynet.core.related import public_links_to_translations, resolve_links
from citynet.i18n.search import BigramSearchField

from .forms import PartnerFilterForm
from .structured_data import partner_organization

# The pages that name a partner, newest first: on its page and in the API alike.
PROGRAMS_ORDER = ("-start_date",)
ARTICLES_ORDER = ("-date_published",)


class PartnerIndexPage(IndexPage):
    subpage_types = ["partners.PartnerPage"]
    page_description = _("The list of partners: member cities, organisations and chapters.")
    menu_label = _("Partners")
    filter_form_class = PartnerFilterForm

    class Meta:
        verbose_name = _("partner index page")

    def listing(self, language_code):
        return (
            self.children_in(PartnerPage, language_code)
            .select_related("logo")
            .prefetch_related("logo__renditions")
            .order_by("title")
        )

    def listing_context(self, request, form, partners):
        return {"partners": paginate(partners, 24, request.GET.get("page"))}


class PartnerPage(HeadlessPreviewMixin, SitePageMixin, Page):
    class Kind(models.TextChoices):
        MEMBER_CITY = "member_city", _("Member city or local government")
        ASSOCIATE = "associate", _("Associate member")
        NATIONAL_CHAPTER = "national_chapter", _("National chapter")
        INTERNATIONAL = "international", _("International organisation")
        NGO = "ngo", _("Non-governmental organisation")
        ACADEMIC = "academic", _("Academic institution")
        PRIVATE = "private", _("Private sector")

    acronym = models.CharField(_("acronym"), max_length=32, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    logo = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=255, blank=True)
    website = models.URLField(_("website"), blank=True)
    member_since = models.PositiveSmallIntegerField(
        _("member since"),
        null=True,
        blank=True,
        help_text=_("Year the partner joined the network."),
    )
    description = RichTextField(
        _("description"), features=["bold", "italic", "link", "ol", "ul"], blank=True
    )
    contact_name = models.CharField(_("contact name"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=64, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("kind")]),
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
        FieldRowPanel([FieldPanel("website"), FieldPanel("member_since")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("acronym"),
        index.SearchField("description"),
        index.SearchField("city"),
        BigramSearchField("title"),
        BigramSearchField("description"),
        BigramSearchField("city"),
        index.FilterField("kind"),
        index.FilterField("country"),
    ]

    override_translatable_fields = [SynchronizedField("contact_phone", overridable=False)]

    # The partner index's filter form and the API (partners/api.py) both narrow listings with these.
    listing_filters = {
        "kind": choice_filter("kind", Kind.values, "Kind of partner"),
        "country": country_filter(),
    }

    # Representations for API v2: partners/api.py.
    api_fields = [
        APIField("acronym"),
        APIField("kind"),
        APIField("logo"),
        APIField("country"),
        APIField("city"),
        APIField("website"),
        APIField("member_since"),
        APIField("description"),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField(
            "programs",
            serializer=LinkedPagesField(
                source="program_links",
                of_every_translation=True,
                order_by=PROGRAMS_ORDER,
                page_attr="program",
                page_fields=("kind", "start_date", "end_date", "city", "country"),
                link_fields=("role",),
                image="hero_image",
            ),
        ),
        APIField(
            "articles",
            serializer=LinkedPagesField(
                source="article_links",
                of_every_translation=True,
                order_by=ARTICLES_ORDER,
                page_attr="article",
                page_fields=("date_published", "standfirst"),
                image="hero_image",
            ),
        ),
    ]

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []
    page_description = _("A partner's profile: a member city, organisation or chapter.")
    template = "partners/partner_page.html"
    summary_field = "description"

    class Meta:
        verbose_name = _("partner page")

    structured_data_type = "ProfilePage"

    social_image_field = "logo"

    def main_entity(self, request, context):
        return partner_organization(self, request, context.get("social_rendition"))

    # Programs and articles point at partners, not the other way round: these listings follow
    # the reverse relations so that this plugin imports neither of theirs.
    def programs(self, language_code=None):
        """Live programs this partner (co-)organises, newest first."""
        return self.pages_linking_here("program_links", "program", PROGRAMS_ORDER, language_code)

    def articles(self, language_code=None):
        """Live articles that link to this partner, newest first."""
        return self.pages_linking_here("article_links", "article", ARTICLES_ORDER, language_code)

    def pages_linking_here(self, relation, page_attr, order_by, language_code=None):
        """
        The public pages that link to this partner in any language through `relation` (a
        reverse relation), as its API field lists them (citynet/core/related.py).
        """
        links = public_links_to_translations([self], relation, page_attr, order_by)
        language_code = language_code or self.locale.language_code
        [related] = resolve_links([(links[self.translation_key], language_code)], page_attr)
        return [page for _link, page in related]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programs"] = self.programs(context["reader_language"])
        context["articles"] = self.articles(context["reader_language"])
        context["partner_index"] = context["ancestors"][-1]
        return context
