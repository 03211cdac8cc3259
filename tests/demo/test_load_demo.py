import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.http import HttpRequest
from wagtail.models import Page

from citynet.images.models import CustomImage
from citynet.people.models import Person
from citynet.taxonomy.models import Theme
from comments.models import ReaderComment
from programs.models import ProgramPage
from tests.visitor import assert_accessible_outline

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, Theme, Person, CustomImage, get_user_model())
    }


def test_load_demo_twice_creates_everything_once_and_every_page_answers(client, home_page):
    first, second = io.StringIO(), io.StringIO()
    call_command("load_demo", stdout=first)
    loaded = counts()
    call_command("load_demo", stdout=second)

    assert counts() == loaded
    statuses = ReaderComment.objects.values_list("status", flat=True)
    assert sorted(statuses) == ["approved", "approved", "approved", "pending", "spam"]
    assert ReaderComment.objects.filter(parent__isnull=False, is_staff_reply=True).exists()
    assert "Published Article page: CityNet turns 30 at its congress in Colombo" in first.getvalue()
    assert "nothing new to create" in second.getvalue()
    assert Theme.objects.filter(kind=Theme.Kind.SDG, locale__language_code="en").count() == 17
    assert {p.status for p in ProgramPage.objects.all()} == set(ProgramPage.Status)
    for page in Page.objects.live().filter(depth__gt=1):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert_accessible_outline(response.content.decode())
    for url in ["/en/search/?q=water", "/feeds/articles/", "/sitemap.xml"]:
        assert client.get(url).status_code == 200, url
    for username in ("admin", "secondee", "comms"):
        # django-axes throttles logins per client address: it needs the request.
        request = HttpRequest()
        request.META["REMOTE_ADDR"] = "127.0.0.1"
        client.login(request=request, username=username, password=f"citynet-{username}")
        assert client.get("/admin/").status_code == 200, username


def test_the_emails_the_load_sends_link_to_the_address_served(home_page, mailoutbox):
    """Issue 26: `make run PORT=8128` printed emails whose links went to port 8000."""
    call_command("load_demo", "--address", "127.0.0.1:8128", stdout=io.StringIO())

    bodies = [message.body for message in mailoutbox]
    links = {link for body in bodies for link in re.findall(r"https?://[^\s\"'<>]+", body)}
    assert any("/admin/pages/" in link for link in links)  # the approval request is among them
    assert {link.split("/")[2] for link in links} == {"127.0.0.1:8128"}


def test_a_second_load_after_an_editor_changed_a_slug_creates_nothing(home_page, mailoutbox):
    """Issue 26: a new slug for the WUF9 article made the second load publish it again."""
    call_command("load_demo", stdout=io.StringIO())
    article = Page.objects.get(
        slug="notes-from-the-ninth-world-urban-forum", locale__language_code="en"
    ).specific
    article.slug = "notes-from-wuf9"
    article.save_revision().publish()
    loaded, sent = counts(), len(mailoutbox)

    second = io.StringIO()
    call_command("load_demo", stdout=second)

    assert counts() == loaded
    assert len(mailoutbox) == sent
    assert "nothing new to create" in second.getvalue()
    assert Page.objects.filter(translation_key=article.translation_key).count() == 2  # en, ko
