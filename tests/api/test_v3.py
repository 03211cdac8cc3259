"""The authenticated v3 API: OpenAPI, least-privilege tokens and writable importer fields."""

import io
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupPagePermission

from blog.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def importer_token(blog_index):
    """A service account that may add and change pages under the blog only, with a token."""
    group = Group.objects.create(name="Article importers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for permission in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=blog_index, permission=Permission.objects.get(codename=permission)
        )
    user = factories.UserFactory(username="article-importer")
    user.groups.add(group)
    output = io.StringIO()
    call_command(
        "api_tokens", "create", "--user", user.username, "--name", "importer", stdout=output
    )
    return output.getvalue().strip().splitlines()[-1]


def test_openapi_describes_the_writable_article_fields(client):
    response = client.get("/api/v3/openapi.json")

    assert response.status_code == 200
    schemas = json.dumps(response.json()["components"]["schemas"])
    for name in ("standfirst", "date_published", "authors", "themes", "body"):
        assert f'"{name}"' in schemas


def test_importer_updates_an_article_as_a_draft(client, make_article, themes, importer_token):
    article = make_article()
    person = factories.PersonFactory(name="New author")

    response = client.patch(
        f"/api/v3/pages/{article.pk}/",
        data=json.dumps(
            {
                "meta": {"type": "blog.ArticlePage"},
                "title": "Imported title",
                "standfirst": "Imported standfirst.",
                "date_published": "2025-06-01",
                "themes": [themes[0].pk],
                "authors": [{"person_id": person.pk}],
            }
        ),
        content_type="application/json",
        headers={"Authorization": f"Bearer {importer_token}"},
    )

    assert response.status_code == 200, response.json()["errors"]
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.title == "Imported title"
    assert draft.standfirst == "Imported standfirst."
    assert str(draft.date_published) == "2025-06-01"
    assert [link.person for link in draft.authors.all()] == [person]
    assert list(draft.themes.all()) == [themes[0]]
    # The public API still shows the live version.
    assert client.get(f"/api/v2/pages/{article.pk}/").json()["title"] != "Imported title"


def patch_article(client, article, token, **fields):
    return client.patch(
        f"/api/v3/pages/{article.pk}/",
        data=json.dumps({"meta": {"type": "blog.ArticlePage"}, **fields}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def test_importer_retitles_an_article_leaving_its_authors_alone(
    client, make_article, importer_token
):
    article = make_article()
    authors = [link.person for link in article.authors.all()]

    response = patch_article(client, article, importer_token, title="Retitled via v3")

    assert response.status_code == 200, response.content
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.title == "Retitled via v3"
    assert [link.person for link in draft.authors.all()] == authors


def test_an_empty_title_is_refused_with_a_json_error(client, make_article, importer_token):
    article = make_article()

    response = patch_article(client, article, importer_token, title="")

    assert response.status_code == 422
    assert "title" in json.dumps(response.json())
    assert ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object().title != ""


def test_tokens_cannot_write_outside_their_users_permissions(client, program, importer_token):
    response = client.patch(
        f"/api/v3/pages/{program.pk}/",
        data=json.dumps({"meta": {"type": "programs.ProgramPage"}, "title": "Hijacked"}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {importer_token}"},
    )

    assert response.status_code in (403, 404)


def test_without_a_token_v3_writes_are_refused(client, make_article):
    article = make_article()

    response = client.patch(
        f"/api/v3/pages/{article.pk}/",
        data=json.dumps({"meta": {"type": "blog.ArticlePage"}, "title": "Anonymous"}),
        content_type="application/json",
    )

    assert response.status_code == 401


def draft_of(article):
    return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()


def refused_fields(response):
    """The fields a 422 problem document names (a body error is located in the body)."""
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    return {
        "body" if error["loc"][0] == "body" else error["loc"][-1]
        for error in response.json()["errors"]
    }


@pytest.mark.parametrize("name", ["hero_image", "hero_image_id"])
def test_a_hero_image_that_does_not_exist_is_refused(client, make_article, importer_token, name):
    article = make_article()
    image = article.hero_image
    revisions = article.revisions.count()
    person = factories.PersonFactory(name="Author")

    response = patch_article(
        client, article, importer_token, **{name: 999999, "authors": [{"person_id": person.pk}]}
    )

    # (Wagtail also reports the author rows the write would replace as incomplete.)
    assert "hero_image" in refused_fields(response)
    draft = draft_of(article)
    assert draft.hero_image == image
    assert "Author" not in [link.person.name for link in draft.authors.all()]
    assert article.revisions.count() == revisions


def test_the_hero_image_is_written_under_the_name_it_is_read_by(
    client, make_article, importer_token
):
    article = make_article()
    image = factories.ImageFactory()
    read = client.get(
        f"/api/v3/pages/{article.pk}/", headers={"Authorization": f"Bearer {importer_token}"}
    )
    assert "hero_image" in read.json()

    response = patch_article(client, article, importer_token, hero_image=image.pk)

    assert response.status_code == 200, response.content
    assert response.json()["hero_image"]["id"] == image.pk
    assert draft_of(article).hero_image == image


@pytest.mark.parametrize("name", ["person", "person_id"])
def test_an_author_who_does_not_exist_is_refused(client, make_article, importer_token, name):
    article = make_article()
    authors = [link.person for link in article.authors.all()]

    response = patch_article(client, article, importer_token, authors=[{name: 999999}])

    assert "person" in refused_fields(response)
    assert "Select a valid choice" in json.dumps(response.json())
    assert [link.person for link in draft_of(article).authors.all()] == authors


def test_a_theme_that_does_not_exist_is_refused(client, make_article, importer_token, themes):
    article = make_article()

    response = patch_article(client, article, importer_token, themes=[themes[0].pk, 999999])

    assert refused_fields(response) == {"themes"}
    assert set(draft_of(article).themes.all()) == set(themes)


MISSING_IMAGE_BODIES = {
    "image": [{"type": "image", "value": {"image": 999999, "caption": "Lost"}}],
    "gallery": [
        {
            "type": "gallery",
            "value": {
                "title": "Lost",
                "images": [{"image": "999999", "caption": ""}, {"image": 999998, "caption": ""}],
            },
        }
    ],
}


@pytest.mark.parametrize("block", MISSING_IMAGE_BODIES)
def test_a_body_image_that_does_not_exist_is_refused(client, make_article, importer_token, block):
    article = make_article()
    body = draft_of(article).body.get_prep_value()

    response = patch_article(client, article, importer_token, body=MISSING_IMAGE_BODIES[block])

    assert refused_fields(response) == {"body"}
    message = json.dumps(response.json())
    assert "there is no image with id 999999" in message
    if block == "gallery":
        assert "body[0].value.images[1].image: there is no image with id 999998" in message
    assert draft_of(article).body.get_prep_value() == body


def test_a_body_image_that_exists_is_kept(client, make_article, importer_token):
    article = make_article()
    image = factories.ImageFactory()
    body = [{"type": "image", "value": {"image": image.pk, "caption": "Found"}}]

    response = patch_article(client, article, importer_token, body=body)

    assert response.status_code == 200, response.content
    assert draft_of(article).body[0].value["image"] == image


@pytest.mark.parametrize(
    "fields",
    [
        {"hero_image": 999999},
        {"authors": [{"person": 999999}]},
        {"body": MISSING_IMAGE_BODIES["image"]},
    ],
    ids=["hero_image", "person", "body"],
)
def test_an_article_created_with_a_missing_image_or_person_is_refused(
    client, blog_index, importer_token, fields
):
    payload = {
        "meta": {"type": "blog.ArticlePage", "parent_id": blog_index.pk},
        "title": "Imported with a missing reference",
        "standfirst": "Imported.",
        "themes": [],
        "authors": [{"person": factories.PersonFactory().pk}],
        **fields,
    }

    response = client.post(
        "/api/v3/pages/",
        data=json.dumps(payload),
        content_type="application/json",
        headers={"Authorization": f"Bearer {importer_token}"},
    )

    assert refused_fields(response) == ({"person"} if "authors" in fields else set(fields))
    assert not ArticlePage.objects.filter(title="Imported with a missing reference").exists()


def test_an_article_created_with_existing_references_is_kept(client, blog_index, importer_token):
    image, person = factories.ImageFactory(), factories.PersonFactory()
    payload = {
        "meta": {"type": "blog.ArticlePage", "parent_id": blog_index.pk},
        "title": "Imported whole",
        "standfirst": "Imported.",
        "themes": [],
        "hero_image": image.pk,
        "authors": [{"person": person.pk}],
        "body": [{"type": "image", "value": {"image": image.pk, "caption": ""}}],
    }

    response = client.post(
        "/api/v3/pages/",
        data=json.dumps(payload),
        content_type="application/json",
        headers={"Authorization": f"Bearer {importer_token}"},
    )

    assert response.status_code == 201, response.content
    article = ArticlePage.objects.get(title="Imported whole").get_latest_revision_as_object()
    assert article.hero_image == image
    assert [link.person for link in article.authors.all()] == [person]
    assert article.body[0].value["image"] == image
