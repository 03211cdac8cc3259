from django.urls import path

from citynet.delivery.cache import cache_public_responses

from . import views

calendar_feed = cache_public_responses(views.calendar_feed, views.feed_tags)
program_calendar = cache_public_responses(views.program_calendar)

# Outside the language prefixes: the default language's feed, and programs by id.
urlpatterns = [
    path(
        "calendar.ics",
        calendar_feed,
        {"localised": False},
        name="program_calendar_feed_default",
    ),
    path("<int:page_id>/calendar.ics", program_calendar, name="program_calendar"),
]

# Inside the language prefixes (/ko/programs/calendar.ics): that language's programs.
localised_urlpatterns = [
    path("calendar.ics", calendar_feed, name="program_calendar_feed"),
]
