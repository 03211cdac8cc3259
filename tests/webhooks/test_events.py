"""Every event type reaches a real receiver on loopback, signed, with a thin public payload."""

import datetime

import pytest
from wagtail.models import Locale, PageViewRestriction

from citynet.editorial.scheduling import apply_due_changes
from tests import factories
from tests.clock import START
from tests.webhooks.conftest import subscribe


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run the block as a request would: deliveries go out when its transaction commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def article(blog_index):
    return factories.ArticlePageFactory(parent=blog_index, title="Water for every city")


def only_message(receiver, secret):
    """The one message received, verified with the standardwebhooks package."""
    (payload,) = receiver.verified(secret)
    return payload


@pytest.mark.django_db
def test_published_page_arrives_signed_with_a_thin_payload(receiver, subscription, article, sent):
    _subscription, secret = subscription
    with sent():
        revision = article.save_revision()
        revision.publish()

    payload = only_message(receiver, secret)
    assert payload["type"] == "page.published"
    assert payload["data"] == {
        "id": article.pk,
        "type": "blog.ArticlePage",
        "locale": "en",
        "title": "Water for every city",
        "url": article.get_full_url(),
        "api_url": f"http://localhost/api/v2/pages/{article.pk}/",  # the default site
        "revision_id": revision.pk,
    }
    headers, _ = receiver.messages()[0]
    assert headers["webhook-id"].startswith("msg_")
    assert headers["Content-Type"] == "application/json"


@pytest.mark.django_db
def test_unpublished_page(receiver, subscription, article, sent):
    with sent():
        article.unpublish()

    payload = only_message(receiver, subscription[1])
    assert payload["type"] == "page.unpublished"
    assert payload["data"]["id"] == article.pk
    assert payload["data"]["revision_id"] is None


@pytest.mark.django_db
def test_scheduled_go_live_and_expiry(receiver, subscription, blog_index, clock, sent):
    page = factories.ArticlePageFactory(parent=blog_index, live=False, title="Planned ahead")
    page.go_live_at = START + datetime.timedelta(hours=1)
    page.expire_at = START + datetime.timedelta(hours=2)
    with sent():
        page.save_revision().publish()
    assert receiver.requests == []  # scheduled, not yet public

    clock.move_to(START + datetime.timedelta(hours=1))
    with sent():
        apply_due_changes()
    went_live = only_message(receiver, subscription[1])
    assert went_live["type"] == "page.scheduled_published"
    assert went_live["timestamp"] == "2030-03-01T10:00:00Z"

    receiver.requests.clear()
    clock.move_to(START + datetime.timedelta(hours=2))
    with sent():
        apply_due_changes()
    assert only_message(receiver, subscription[1])["type"] == "page.expired"


@pytest.mark.django_db
def test_deleted_page(receiver, subscription, article, sent):
    with sent():
        article.delete()

    payload = only_message(receiver, subscription[1])
    assert payload["type"] == "page.deleted"
    assert payload["data"]["id"] == article.pk


@pytest.mark.django_db
def test_moved_page_says_where_it_was(receiver, subscription, article, home_page, sent):
    old_url = article.get_full_url()
    other = factories.BlogIndexPageFactory(parent=home_page, title="News", slug="news")
    receiver.requests.clear()
    with sent():
        article.move(other, pos="last-child")

    payload = only_message(receiver, subscription[1])
    assert payload["type"] == "page.moved"
    assert payload["data"]["previous_url"] == old_url
    assert payload["data"]["url"].endswith("/en/news/water-for-every-city/")


@pytest.mark.django_db
def test_new_slug_sends_published_and_moved(receiver, subscription, article, sent):
    old_url = article.get_full_url()
    article.slug = "clean-water"
    with sent():
        article.save_revision().publish()

    payloads = receiver.verified(subscription[1])
    assert [p["type"] for p in payloads] == ["page.published", "page.moved"]
    assert payloads[1]["data"]["previous_url"] == old_url


@pytest.mark.django_db
def test_translation_published(receiver, subscription, blog_index, article, sent):
    korean = Locale.objects.get(language_code="ko")
    blog_index.get_parent().copy_for_translation(korean, alias=False)
    blog_index.copy_for_translation(korean).save_revision().publish()
    translation = article.copy_for_translation(korean)
    receiver.requests.clear()
    with sent():
        translation.save_revision().publish()

    payload = only_message(receiver, subscription[1])
    assert payload["type"] == "page.translation_published"
    assert payload["data"]["locale"] == "ko"


@pytest.mark.django_db
def test_image_and_snippets(receiver, subscription, sent):
    with sent():
        image = factories.ImageFactory(title="Seoul skyline")
        factories.PersonFactory(name="Kim Min-jun")
        theme = factories.ThemeFactory(name="Water")
    receiver.requests.clear()
    with sent():
        theme.delete()
        image.title = "Seoul at night"
        image.save()

    payloads = receiver.verified(subscription[1])
    assert [(p["type"], p["data"]["type"], p["data"]["title"]) for p in payloads] == [
        ("snippet.changed", "taxonomy.Theme", "Water"),
        ("image.changed", "images.CustomImage", "Seoul at night"),
    ]
    assert payloads[1]["data"]["api_url"].endswith(f"/api/v2/images/{image.pk}/")


@pytest.mark.django_db
def test_payloads_carry_nothing_unpublished(receiver, subscription, article, home_page, sent):
    article.title = "Secret draft title"
    article.standfirst = "Secret draft standfirst"
    article.save_revision()
    draft = factories.ArticlePageFactory(parent=article.get_parent(), live=False, title="Secret")
    private = factories.ArticlePageFactory(parent=article.get_parent(), title="Secret members")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    receiver.requests.clear()
    with sent():
        article.refresh_from_db()
        article.unpublish()
        draft.move(home_page, pos="last-child")
        draft.delete()
        private.save_revision().publish()
        private.unpublish()

    payload = only_message(receiver, subscription[1])
    assert payload["type"] == "page.unpublished"
    assert payload["data"]["title"] == "Water for every city"
    assert "Secret" not in receiver.requests[0]["body"]


@pytest.mark.django_db
def test_subscriptions_get_only_the_events_and_pages_they_ask_for(
    receiver, blog_index, program_index, article, sent
):
    korean = Locale.objects.get(language_code="ko")
    english = Locale.objects.get(language_code="en")
    program = factories.ProgramPageFactory(parent=program_index)
    subscribe(receiver.url + "/unpublished", events=["page.unpublished"])
    subscribe(receiver.url + "/blog", sections=[blog_index])
    subscribe(receiver.url + "/programs", page_types=[program.content_type])
    subscribe(receiver.url + "/korean", locales=[korean])
    subscribe(receiver.url + "/english", locales=[english])
    with sent():
        article.save_revision().publish()
        program.save_revision().publish()

    received = sorted((r["path"], f'"id": {article.pk},' in r["body"]) for r in receiver.requests)
    assert received == [
        ("/hooks/blog", True),
        ("/hooks/english", False),
        ("/hooks/english", True),
        ("/hooks/programs", False),
    ]
