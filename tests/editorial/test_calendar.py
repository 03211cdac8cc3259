"""The publication calendar in the admin and its iCal feed."""

import datetime

import icalendar
import pytest
import time_machine
from django.urls import reverse
from wagtail.models import Locale, Page

from citynet.editorial.calendar import calendar_events, default_window
from citynet.editorial.models import CalendarFeed
from tests import factories
from tests.clock import START


@pytest.fixture
def schedule(clock, blog_index, program_index, secondee, comms):
    """A scheduled article, an expiring program, one that went live and one out of range."""
    coming = factories.ArticlePageFactory(
        parent=blog_index, title="Coming soon", live=False, owner=secondee
    )
    coming.go_live_at = START + datetime.timedelta(days=3)
    coming.save_revision(user=comms).publish(user=comms)

    expiring = factories.ProgramPageFactory(parent=program_index, title="Ending workshop")
    expiring.expire_at = START + datetime.timedelta(days=10)
    expiring.save_revision(user=comms).publish(user=comms)

    with time_machine.travel(START - datetime.timedelta(days=2), tick=False):
        past = factories.ArticlePageFactory(parent=blog_index, title="Went out", live=False)
        past.go_live_at = START - datetime.timedelta(days=2)
        past.save_revision().publish()

    far = factories.ArticlePageFactory(parent=blog_index, title="Next year", live=False)
    far.go_live_at = START + datetime.timedelta(days=60)
    far.save_revision(user=comms).publish(user=comms)
    return {"coming": coming, "expiring": expiring, "past": past}


def titles(events):
    return [(event.label, event.page.title) for event in events]


@pytest.mark.django_db
def test_calendar_lists_go_lives_and_expiries_from_a_week_ago_to_a_month_ahead(schedule):
    events = calendar_events(*default_window())

    assert titles(events) == [
        ("Went live", "Went out"),
        ("Goes live", "Coming soon"),
        ("Expires", "Ending workshop"),
    ]
    assert [event.state for event in events] == ["Live", "Scheduled", "Live"]


@pytest.mark.django_db
def test_calendar_filters_by_section_and_locale(schedule, program_index):
    start, end = default_window()

    assert titles(calendar_events(start, end, section=program_index)) == [
        ("Expires", "Ending workshop")
    ]
    french = Locale.objects.create(language_code="fr")
    assert calendar_events(start, end, locale=french) == []


@pytest.mark.django_db
def test_calendar_queries_do_not_grow_with_the_number_of_pages(
    schedule, blog_index, django_assert_num_queries
):
    for number in range(5):
        article = factories.ArticlePageFactory(parent=blog_index, live=False)
        article.go_live_at = START + datetime.timedelta(days=number + 1)
        article.save_revision().publish()

    with django_assert_num_queries(3):
        events = calendar_events(*default_window())
    assert len(events) == 8


@pytest.mark.django_db
def test_admin_calendar_shows_the_schedule_with_authors_and_edit_links(client, comms, schedule):
    client.force_login(comms)

    response = client.get(reverse("editorial_calendar"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Coming soon" in content and "Ending workshop" in content
    assert "Next year" not in content
    assert "Sun Park" in content  # the author of the scheduled article, by name
    assert reverse("wagtailadmin_pages:edit", args=[schedule["coming"].pk]) in content


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["section=abc", "section=999999", "locale=xx", "locale="])
def test_bad_filters_are_reported_not_crashed(client, comms, schedule, query):
    client.force_login(comms)
    response = client.get(f"{reverse('editorial_calendar')}?{query}")
    assert response.status_code == 200


@pytest.mark.django_db
def test_calendar_menu_is_for_communications_and_admins(client, comms, secondee, admin_user):
    for user, shown in [(comms, True), (admin_user, True), (secondee, False)]:
        client.force_login(user)
        dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
        assert (reverse("editorial_calendar") in dashboard) is shown


def create_feed_url(client):
    response = client.post(reverse("editorial_calendar_feed_create"))
    assert response.status_code == 200
    url = response.context["feed_url"]
    return url.removeprefix("http://testserver")


@pytest.mark.django_db
def test_ical_feed_lists_the_same_events(client, comms, schedule):
    client.force_login(comms)
    feed_url = create_feed_url(client)
    client.logout()

    response = client.get(feed_url)  # a calendar app has no session: the URL is the key

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    assert summaries == [
        "Went live: Went out",
        "Goes live: Coming soon",
        "Expires: Ending workshop",
    ]


@pytest.mark.django_db
def test_only_a_hash_of_the_secret_is_stored(client, comms):
    client.force_login(comms)
    feed_url = create_feed_url(client)
    token = feed_url.rsplit("/", 1)[-1].removesuffix(".ics")
    assert not CalendarFeed.objects.filter(token_hash=token).exists()
    assert CalendarFeed.objects.for_token(token).user == comms


@pytest.mark.django_db
def test_revoked_or_replaced_secrets_stop_working(client, comms):
    client.force_login(comms)
    first = create_feed_url(client)
    second = create_feed_url(client)
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200

    client.post(reverse("editorial_calendar_feed_revoke"))

    assert client.get(second).status_code == 404
    assert client.get("/calendar/not-a-token.ics").status_code == 404


@pytest.mark.django_db
def test_feed_stops_when_its_owner_loses_the_calendar_permission(client, comms):
    client.force_login(comms)
    feed_url = create_feed_url(client)
    comms.groups.clear()

    assert client.get(feed_url).status_code == 404


@pytest.mark.django_db
def test_secondees_cannot_create_feeds(client, secondee):
    client.force_login(secondee)
    client.post(reverse("editorial_calendar_feed_create"))
    assert not CalendarFeed.objects.exists()


@pytest.mark.django_db
def test_section_filter_offers_every_section(client, comms, blog_index, program_index):
    client.force_login(comms)
    form = client.get(reverse("editorial_calendar")).context["form"]
    offered = set(form.fields["section"].queryset.values_list("pk", flat=True))
    assert offered == {blog_index.pk, program_index.pk}
    assert Page.objects.filter(pk__in=offered).count() == 2


@pytest.mark.django_db
def test_a_live_page_s_scheduled_revision_shows_its_expiry_too(client, comms, clock, blog_index):
    live = factories.ArticlePageFactory(parent=blog_index, title="Forum report")
    live.save_revision(user=comms).publish(user=comms)
    live.refresh_from_db()
    live.go_live_at = START + datetime.timedelta(days=9, minutes=30)
    live.expire_at = START + datetime.timedelta(days=19, hours=9)
    live.save_revision(user=comms).publish(user=comms)  # scheduled: the live page is unchanged
    client.force_login(comms)

    calendar = client.get(reverse("editorial_calendar")).content.decode()
    feed = icalendar.Calendar.from_ical(client.get(create_feed_url(client)).content)

    assert calendar.count("Forum report") == 2
    assert "<td>Expires</td>" in calendar
    assert [(str(event["summary"]), event["dtstart"].dt) for event in feed.walk("VEVENT")] == [
        ("Goes live: Forum report", live.go_live_at),
        ("Expires: Forum report", live.expire_at),
    ]
