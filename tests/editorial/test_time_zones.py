"""Admin dates, go-live times and the calendar are in each editor's own time zone."""

import datetime

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests import factories
from tests.editorial.forms import edit_form_data


def in_time_zone(user, zone):
    profile = UserProfile.get_for_user(user)
    profile.current_time_zone = zone
    profile.save()
    return user


@pytest.mark.django_db
def test_a_go_live_typed_in_seoul_time_is_stored_in_utc(client, clock, comms, draft_article):
    client.force_login(in_time_zone(comms, "Asia/Seoul"))
    data = edit_form_data(client, draft_article, go_live_at="2030-06-20 09:00")
    data["action-publish"] = "action-publish"

    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft_article.pk]), data)

    draft_article.refresh_from_db()
    assert response.status_code == 302
    go_live = datetime.datetime(2030, 6, 20, 0, 0, tzinfo=datetime.UTC)
    assert draft_article.go_live_at == go_live
    assert draft_article.get_latest_revision().approved_go_live_at == go_live
    assert not draft_article.live


@pytest.mark.django_db
def test_the_same_time_typed_by_an_editor_without_a_zone_is_the_sites(
    client, clock, comms, draft_article, settings
):
    assert settings.TIME_ZONE == "UTC"
    client.force_login(comms)
    data = edit_form_data(client, draft_article, go_live_at="2030-06-20 09:00")
    data["action-publish"] = "action-publish"

    client.post(reverse("wagtailadmin_pages:edit", args=[draft_article.pk]), data)

    draft_article.refresh_from_db()
    assert draft_article.go_live_at == datetime.datetime(2030, 6, 20, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def late_evening_go_live(clock, blog_index, comms):
    """An article going live at 15:30 UTC on 4 March: 00:30 on 5 March in Seoul."""
    article = factories.ArticlePageFactory(parent=blog_index, title="Late news", live=False)
    article.go_live_at = datetime.datetime(2030, 3, 4, 15, 30, tzinfo=datetime.UTC)
    article.save_revision(user=comms).publish(user=comms)
    return article


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("zone", "day", "time"),
    [
        ("Asia/Seoul", "Tuesday 5 March 2030", "00:30"),
        ("Asia/Kathmandu", "Monday 4 March 2030", "21:15"),
        ("", "Monday 4 March 2030", "15:30"),  # no preference: the site's zone, UTC
    ],
)
def test_the_calendar_shows_days_and_times_in_the_editors_zone(
    client, comms, late_evening_go_live, zone, day, time
):
    client.force_login(in_time_zone(comms, zone))

    html = client.get(reverse("editorial_calendar")).content.decode()

    shown_zone = zone or "UTC"
    assert f'data-time-zone="{shown_zone}"' in html
    assert f"<h2>{day}</h2>" in html
    assert f"<td>{time}</td>" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("zone", "shown"),
    [("", "UTC</strong> time (+0000)"), ("Asia/Seoul", "Asia/Seoul</strong> time (+0900)")],
)
def test_the_calendar_names_the_zone_once_and_its_offset(client, clock, comms, zone, shown):
    """Issue 26: a UTC editor read "UTC time (UTC)", the zone's abbreviation after its name."""
    client.force_login(in_time_zone(comms, zone))

    html = client.get(reverse("editorial_calendar")).content.decode()

    assert shown in html
