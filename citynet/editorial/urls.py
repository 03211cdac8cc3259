from django.urls import path

from . import views

urlpatterns = [
    path("<str:token>.ics", views.calendar_feed, name="editorial_calendar_feed"),
]
