"""The OpenAPI description at /api/v2/openapi.json matches what the API really returns."""

import copy
import json

import jsonschema
import pytest
from django.conf import settings

from tests import factories
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db


@pytest.fixture
def spec(client, blog_index):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    return response.json()


def response_schema(spec, path, status="200"):
    pointer = path.replace("~", "~0").replace("/", "~1")
    return {
        **spec,
        "$ref": f"#/paths/{pointer}/get/responses/{status}/content/application~1json/schema",
    }


def validate(spec, path, data, status="200"):
    jsonschema.Draft202012Validator(response_schema(spec, path, status)).validate(data)


def test_the_description_is_valid_openapi_31(spec):
    assert spec["openapi"] == "3.1.0"
    for schema in spec["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)
    names = {parameter["name"] for parameter in spec["paths"]["/pages/"]["get"]["parameters"]}
    assert {"type", "fields", "tag", "theme", "author", "status", "kind", "country"} <= names


def test_page_responses_match(client, spec, make_article, program, partner, home_page):
    article = make_article()
    factories.ArticlePartnerFactory(article=article, partner=partner)
    for page in (article, program, partner, home_page, article.get_parent()):
        validate(spec, "/pages/{id}/", get_json(client, f"/api/v2/pages/{page.pk}/"))
    for params in (
        {},
        {"type": "blog.ArticlePage", "fields": "*"},
        {"type": "programs.ProgramPage", "fields": "*"},
        {"type": "partners.PartnerPage", "fields": "*"},
        {"search": "Cities"},
    ):
        validate(spec, "/pages/", get_json(client, "/api/v2/pages/", **params))


def test_other_responses_match(client, spec, make_article):
    make_article()
    person = factories.PersonFactory()
    validate(spec, "/people/", get_json(client, "/api/v2/people/", fields="*"))
    validate(spec, "/people/{id}/", get_json(client, f"/api/v2/people/{person.pk}/"))
    validate(spec, "/themes/", get_json(client, "/api/v2/themes/"))
    validate(spec, "/images/", get_json(client, "/api/v2/images/"))
    error = client.get("/api/v2/pages/", {"limit": "-1"}).json()
    validate(spec, "/pages/", error, status="400")


def test_a_response_that_drifts_from_the_description_fails(client, spec, make_article):
    data = get_json(client, f"/api/v2/pages/{make_article().pk}/")
    broken = copy.deepcopy(data)
    del broken["hero_image"]["renditions"]["card"]

    with pytest.raises(jsonschema.ValidationError):
        validate(spec, "/pages/{id}/", broken)


def test_the_description_matches_the_committed_snapshot(spec):
    """Any change to the API's contract shows up in review as a diff of docs/openapi-v2.json."""
    snapshot = json.loads((settings.BASE_DIR / "docs" / "openapi-v2.json").read_text())
    assert spec == snapshot, "The API description changed: review it, then run `make openapi`"
