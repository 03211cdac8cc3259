from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView
from icalendar import Calendar, Event
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from citynet.wagtail_internals import user_display_name

from .calendar import by_day, calendar_events, default_window
from .forms import CalendarFilterForm
from .models import CalendarFeed

CALENDAR_PERMISSION = "editorial.view_calendar"


class CalendarView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/calendar.html"
    page_title = gettext_lazy("Publication calendar")
    header_icon = "date"

    def get_breadcrumbs_items(self):
        # The header shows the last item: without this one it read "Home".
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = CalendarFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        start, end = default_window()
        events = calendar_events(start, end, filters.get("section"), filters.get("locale"))
        context.update(
            form=form,
            days=by_day(events),
            start=start,
            end=end,
            now=timezone.now(),
            # The editor's own zone (Account → Preferences), else the site's: Wagtail activates it.
            time_zone=timezone.get_current_timezone_name(),
            has_feed=CalendarFeed.objects.filter(user=self.request.user).exists(),
            feed_url=kwargs.get("feed_url"),
        )
        return context

    def post(self, request):
        """Issue a new secret feed URL (revoking any earlier one) and show it once."""
        token = CalendarFeed.issue(request.user)
        feed_url = request.build_absolute_uri(reverse("editorial_calendar_feed", args=[token]))
        return self.render_to_response(self.get_context_data(feed_url=feed_url))


calendar_view = permission_required(CALENDAR_PERMISSION)(require_GET(CalendarView.as_view()))
create_feed = permission_required(CALENDAR_PERMISSION)(require_POST(CalendarView.as_view()))


@permission_required(CALENDAR_PERMISSION)
@require_POST
def revoke_feed(request):
    CalendarFeed.objects.filter(user=request.user).delete()
    messages.success(request, _("Your calendar subscription URL has been revoked."))
    return redirect("editorial_calendar")


def author(page):
    return user_display_name(page.owner) if page.owner else "-"


# The secret in the URL is a credential: no browser, proxy or CDN may keep the answer.
@never_cache
def calendar_feed(request, token):
    """The calendar as iCal, for calendar apps: the secret in the URL is the only credential."""
    if CalendarFeed.objects.for_token(token) is None:
        raise Http404
    start, end = default_window()
    calendar = Calendar()
    calendar.add("prodid", "-//CityNet CMS//Publication calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "CityNet publication calendar")
    for event in calendar_events(start, end):
        edit_url = request.build_absolute_uri(
            reverse("wagtailadmin_pages:edit", args=[event.page.pk])
        )
        entry = Event()
        entry.add("uid", f"{event.kind}-{event.page.pk}@citynet")
        entry.add("dtstamp", timezone.now())
        entry.add("dtstart", event.when)
        entry.add("summary", f"{event.label}: {event.page.title}")
        entry.add(
            "description",
            f"{event.page.locale.language_code} · {event.state} · by {author(event.page)}",
        )
        entry.add("url", edit_url)
        calendar.add_component(entry)
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
