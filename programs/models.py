import datetime
import zoneinfo
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from citynet.api.fields import LinkedPagesField
from citynet.core.blocks import StoryBlock
from citynet.core.filters import (
    Filter,
    choice_filter,
    country_filter,
    date_filter,
    parse_choice,
    parse_date,
)
from citynet.core.headless import HeadlessPreviewMixin
from citynet.core.pages import IndexPage, SitePageMixin, paginate
from citynet.core.reader_comments import reader_comments_switch
from citynet.core.related import related_pages
from citynet.i18n.search import BigramSearchField
from citynet.images.models import HeroCaptionMixin
from citynet.taxonomy.forms import ThemedPageForm
from partners.models import PartnerPage

from .calendar import subscribe_links
from .events import NOT_EVENT_KINDS, EventDetails
from .forms import ProgramFilterForm
from .status import Status, status_on, today_in, with_status
from .structured_data import program_event


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a known time zone, e.g. Asia/Seoul."),
            code="unknown_time_zone",
            params={"value": value},
        )


class ProgramIndexPage(IndexPage):
    subpage_types = ["programs.ProgramPage"]
    page_description = _("The list of programs and events, upcoming first.")
    menu_label = _("Programs")
    filter_form_class = ProgramFilterForm

    class Meta:
        verbose_name = _("program index page")

    def listing(self, language_code):
        return (
            self.children_in(ProgramPage, language_code)
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions", "themes")
        )

    def listing_context(self, request, form, programs):
        # The calendar feed of the same selection (kind, theme, country, year).
        filters = {name: value for name, value in form.cleaned_data.items() if value}
        feed_url = request.build_absolute_uri(reverse("program_calendar_feed"))
        past = with_status(Status.PAST)
        return {
            "calendar_feed": subscribe_links(
                f"{feed_url}?{urlencode(filters)}" if filters else feed_url
            ),
            "upcoming": list(programs.exclude(past).order_by("start_date")),
            "past": paginate(
                programs.filter(past).order_by("-start_date"), 12, request.GET.get("page")
            ),
        }


def filter_by_status(programs, status):
    return programs.filter(with_status(status))


def filter_ongoing_on(programs, day):
    return programs.filter(start_date__lte=day, end_date__gte=day)


def filter_events(programs, is_event):
    events = ~Q(kind__in=NOT_EVENT_KINDS)
    return programs.filter(events if is_event else ~events)


def parse_boolean(value):
    if value not in ("true", "false"):
        raise ValueError("must be true or false")
    return value == "true"


def parse_year(value):
    if not (value.isdigit() and len(value) == 4):
        raise ValueError("must be a four-digit year")
    return int(value)


class ProgramPage(
    HeroCaptionMixin,
    HeadlessPreviewMixin,
    SitePageMixin,
    EventDetails,
    reader_comments_switch(open_by_default=False),
    Page,
):
    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        FORUM = "forum", _("Forum")
        TRAINING = "training", _("Training")
        CONFERENCE = "conference", _("Conference")
        CONGRESS = "congress", _("Congress")
        PROJECT = "project", _("Project")
        INITIATIVE = "initiative", _("Initiative")

    Status = Status

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), blank=True, help_text=_("Leave empty for a one-day event.")
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Asia/Seoul",
        validators=[validate_time_zone],
        help_text=_("Where the event happens, e.g. Asia/Kuala_Lumpur."),
    )
    city = models.CharField(_("city"), max_length=255, blank=True)
    country = CountryField(_("country"), blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences for listings and search results.")
    )
    hero_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    body = StreamField(StoryBlock(), blank=True, verbose_name=_("body"))
    registration_url = models.URLField(_("registration url"), blank=True)
    themes = ParentalManyToManyField(
        "taxonomy.Theme", blank=True, related_name="programs", verbose_name=_("themes")
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_status"), FieldPanel("previous_start_date")]),
                FieldRowPanel([FieldPanel("attendance_mode"), FieldPanel("online_url")]),
            ],
            heading=_("Event (not used for projects and initiatives)"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldRowPanel([FieldPanel("city"), FieldPanel("country")])],
            heading=_("Place"),
        ),
        FieldPanel("hero_image"),
        FieldPanel("hero_caption"),
        FieldPanel("body"),
        FieldPanel("registration_url"),
        InlinePanel("partner_links", label=_("Organising and co-organising partners")),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]
    base_form_class = ThemedPageForm

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.SearchField("city"),
        BigramSearchField("title"),
        BigramSearchField("summary"),
        BigramSearchField("body"),
        BigramSearchField("venue"),
        BigramSearchField("city"),
        index.FilterField("kind"),
        index.FilterField("country"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]

    # A time zone is data, not prose; wagtail-localize leaves many-to-many fields alone.
    override_translatable_fields = [
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("online_url", overridable=False),
        SynchronizedField("themes", overridable=False),
    ]

    # The program index's filter form, its calendar feed and the API (programs/api.py) narrow
    # listings with these.
    listing_filters = {
        "status": Filter(
            filter_by_status,
            parse_choice(Status.values),
            "upcoming, ongoing or past",
            {"type": "string", "enum": list(Status.values)},
        ),
        "theme": Filter("themes__slug", description="Theme slug"),
        "date_from": date_filter("end_date__gte", "Ends on or after (YYYY-MM-DD)"),
        "date_to": date_filter("start_date__lte", "Starts on or before (YYYY-MM-DD)"),
        "country": country_filter(),
        "kind": choice_filter("kind", Kind.values, "Kind of program"),
        "year": Filter(
            "start_date__year",
            parse_year,
            "Starts in this year (YYYY)",
            {"type": "integer", "minimum": 1000, "maximum": 9999},
        ),
        # As The Events Calendar's REST API is used: starts after, ends before, on a day.
        "starts_after": date_filter("start_date__gte", "Starts on or after (YYYY-MM-DD)"),
        "ends_before": date_filter("end_date__lte", "Ends on or before (YYYY-MM-DD)"),
        "ongoing": Filter(
            filter_ongoing_on,
            parse_date,
            "Takes place on this day (YYYY-MM-DD)",
            {"type": "string", "format": "date"},
        ),
        "is_event": Filter(
            filter_events,
            parse_boolean,
            "true: events only; false: projects and initiatives only",
            {"type": "string", "enum": ["true", "false"]},
        ),
    }

    # Representations for API v2: programs/api.py.
    api_fields = [
        APIField("kind"),
        APIField("status"),
        APIField("summary"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("start_time"),
        APIField("end_time"),
        APIField("time_zone"),
        APIField("is_event"),
        APIField("event_status"),
        APIField("previous_start_date"),
        APIField("attendance_mode"),
        APIField("online_url"),
        APIField("calendar"),
        APIField("venue"),
        APIField("city"),
        APIField("country"),
        APIField("hero_image"),
        APIField("hero_image_caption"),
        APIField("body"),
        APIField("registration_url"),
        APIField("themes"),
        APIField(
            "partners",
            serializer=LinkedPagesField(
                source="partner_links",
                page_attr="partner",
                page_fields=("acronym", "kind", "website", "country"),
                link_fields=("role",),
                image="logo",
            ),
        ),
    ]

    parent_page_types = ["programs.ProgramIndexPage"]
    subpage_types = []
    page_description = _("A workshop, forum, training, congress or other program.")
    template = "programs/program_page.html"
    summary_field = "summary"

    class Meta:
        verbose_name = _("program page")
        indexes = [models.Index(fields=["start_date"]), models.Index(fields=["end_date"])]

    def clean(self):
        super().clean()
        if self.end_date is None:
            self.end_date = self.start_date
        if self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        self.clean_event_details()

    @property
    def is_one_day(self):
        return self.end_date == self.start_date

    @property
    def status(self):
        return status_on(self.start_date, self.end_date, today_in(self.time_zone))

    def changes_at(self):
        """When `status` changes: the program's start and the day after its end, in its time
        zone (programs/status.py)."""
        zone = zoneinfo.ZoneInfo(self.time_zone)
        return [
            datetime.datetime.combine(day, datetime.time(), tzinfo=zone)
            for day in (self.start_date, self.end_date + datetime.timedelta(days=1))
        ]

    social_image_field = "hero_image"

    def main_entity(self, request, context):
        """An Event for event programs; projects and initiatives are pages only."""
        if not self.is_event:
            return None
        if "organisers" in context:
            partners = [partner for partner, _role in context["organisers"]]
        else:
            related = related_pages(self, "partner_links", "partner", self.locale.language_code)
            partners = [partner for _link, partner in related]
        return program_event(self, request, partners, context.get("social_rendition"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        organisers = related_pages(
            self, "partner_links", "partner", context["reader_language"], select=["logo"]
        )
        logos = [partner.logo for _link, partner in organisers if partner.logo]
        prefetch_related_objects(logos + self.body.stream_block.get_images(self.body), "renditions")
        context["organisers"] = [(partner, link.get_role_display()) for link, partner in organisers]
        context["themes"] = list(self.themes.all())
        context["program_index"] = context["ancestors"][-1]
        if self.is_event:
            path = reverse("program_calendar", args=[self.pk])
            context["calendar_links"] = subscribe_links(request.build_absolute_uri(path))
        return context


class ProgramPartner(Orderable):
    class Role(models.TextChoices):
        ORGANISER = "organiser", _("Organiser")
        CO_ORGANISER = "co_organiser", _("Co-organiser")

    program = ParentalKey(ProgramPage, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(
        PartnerPage,
        on_delete=models.CASCADE,
        related_name="program_links",
        verbose_name=_("partner"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.ORGANISER)

    panels = [FieldPanel("partner"), FieldPanel("role")]

    def __str__(self):
        return f"{self.partner} ({self.get_role_display()})"
