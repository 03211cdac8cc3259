from django.urls import path

from . import views

# Outside the language prefixes: the default language's feed, and programs by id.
urlpatterns = [
    path(
        "calendar.ics",
        views.calendar_feed,
        {"localised": False},
        name="program_calendar_feed_default",
    ),
    path("<int:page_id>/calendar.ics", views.program_calendar, name="program_calendar"),
]

# Inside the language prefixes (/ko/programs/calendar.ics): that language's programs.
localised_urlpatterns = [
    path("calendar.ics", views.calendar_feed, name="program_calendar_feed"),
]
