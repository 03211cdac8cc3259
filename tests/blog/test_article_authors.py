"""
Issue 26: an article needs an author to go out, not to be drafted. A draft saves without one;
submitting it for approval or publishing it is refused with a form error that says what is
missing, in the editor's admin language (decision 0241).
"""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from blog.models import ArticlePage
from tests.editorial.forms import edit_form_data
from tests.editorial.test_abandoned_drafts import new_article_form, without_inline_rows

pytestmark = pytest.mark.django_db


def save_draft_without_author(client, blog_index):
    url, data = new_article_form(client, blog_index)  # its author rows left out
    assert client.post(url, data).status_code == 302
    return ArticlePage.objects.get(slug=data["slug"])


def post_without_author(client, article, action):
    data = without_inline_rows(edit_form_data(client, article))
    data[action] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)


def test_a_draft_saves_without_an_author(client, secondee, blog_index):
    client.force_login(secondee)

    article = save_draft_without_author(client, blog_index)

    assert not article.live
    assert article.get_latest_revision_as_object().authors.count() == 0


def test_a_draft_without_an_author_reopens_and_saves_again(client, secondee, blog_index):
    client.force_login(secondee)
    article = save_draft_without_author(client, blog_index)

    data = edit_form_data(client, article, title="Water for every city")  # the form as it opens
    response = client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)

    assert response.status_code == 302
    assert article.get_latest_revision_as_object().title == "Water for every city"


def test_submitting_an_article_without_an_author_says_to_add_one(client, secondee, blog_index):
    client.force_login(secondee)
    article = save_draft_without_author(client, blog_index)

    response = post_without_author(client, article, "action-submit")

    assert response.status_code == 200
    assert "Add at least one author." in response.content.decode()
    article.refresh_from_db()
    assert not article.workflow_in_progress


def test_publishing_an_article_without_an_author_says_to_add_one_in_korean(
    client, secondee, comms, blog_index
):
    client.force_login(secondee)
    article = save_draft_without_author(client, blog_index)
    UserProfile.objects.update_or_create(user=comms, defaults={"preferred_language": "ko"})
    client.force_login(comms)

    response = post_without_author(client, article, "action-publish")

    assert response.status_code == 200
    assert "글쓴이를 한 명 이상 추가하세요." in response.content.decode()
    article.refresh_from_db()
    assert not article.live
