"""
Issue 26: the calendar and the translation report name themselves and speak the editor's admin
language; the report opens unfiltered, without a "My languages: False" chip.
"""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation
from wagtail.admin.menu import admin_menu, settings_menu
from wagtail.users.models import UserProfile

from tests.editorial.test_calendar import schedule  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

REPORT = reverse("i18n_translation_status")


@pytest.fixture
def korean_comms(comms):
    profile = UserProfile.get_for_user(comms)
    profile.preferred_language = "ko"
    profile.save()
    return comms


def header_title(response):
    return str(response.context["breadcrumbs_items"][-1]["label"])


def chips(response):
    """The active filters shown above the report, as text: "Label: value"."""
    pills = re.findall(
        r'class="w-pill__content"[^>]*>(.*?)</button>', response.content.decode(), re.S
    )
    return [" ".join(re.sub(r"<[^>]+>", " ", pill).split()) for pill in pills]


def test_the_calendar_says_what_it_is_and_who_wrote_each_page(client, comms, schedule):  # noqa: F811
    client.force_login(comms)
    response = client.get(reverse("editorial_calendar"))

    assert header_title(response) == "Publication calendar"
    assert "Sun Park" in response.content.decode()  # the author's name, not "secondee"


def test_the_calendar_speaks_korean(client, korean_comms, schedule):  # noqa: F811
    client.force_login(korean_comms)
    response = client.get(reverse("editorial_calendar"))
    content = response.content.decode()

    for korean in ["게시 일정", "작성자", "게시 예정", "모든 섹션", "캘린더 앱에서 구독하기"]:
        assert korean in content
    for english in ["Goes live", "All sections", "Subscribe in your calendar app"]:
        assert english not in content


def test_the_calendar_writes_dates_and_language_names_as_korean_does(
    client,
    korean_comms,
    schedule,  # noqa: F811
):
    client.force_login(korean_comms)
    content = client.get(reverse("editorial_calendar")).content.decode()

    assert "2월 22일부터 2030년 4월 1일까지" in content  # month first, not "22 2월"
    assert "<h2>2030년 3월 4일 월요일</h2>" in content  # not "월요일 4 3월 2030"
    assert "<th>변경</th>" in content  # the kind of change, not "변화" (a transformation)
    assert content.count("<td>영어</td>") == 3  # the pages' language, named in Korean
    assert "<td>en</td>" not in content


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_language_heads_a_calendar_day_in_its_own_order(language):
    day = datetime.date(2030, 3, 4)
    with translation.override(language):
        heading = formats.date_format(day, "WEEKDAY_DATE_FORMAT")
        date, weekday = formats.date_format(day), formats.date_format(day, "l")

    assert date in heading
    assert weekday in heading


def test_the_translation_report_opens_without_a_filter_chip(client, comms, blog_index):
    client.force_login(comms)

    unfiltered = client.get(REPORT)
    mine = client.get(REPORT, {"mine": "on"})

    assert chips(unfiltered) == []
    assert chips(mine) == ["Languages shown: Only the languages I translate"]


def test_the_translation_report_speaks_korean(client, korean_comms, blog_index):
    client.force_login(korean_comms)

    response = client.get(REPORT, {"mine": "on"})

    assert chips(response) == ["표시할 언어: 내가 번역하는 언어만"]


def test_the_admin_menu_speaks_korean(rf, admin_user):
    request = rf.get("/admin/")
    request.user = admin_user
    with translation.override("ko"):
        menu = [str(item.label) for item in admin_menu.menu_items_for_request(request)]
        settings = [str(item.label) for item in settings_menu.menu_items_for_request(request)]

    assert {"캘린더", "인물", "주제"} <= set(menu)
    assert {"웹훅", "웹훅 기록"} <= set(settings)
