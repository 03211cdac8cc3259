"""The OpenAPI description at /api/v2/openapi.json matches what the API really returns."""

import copy
import datetime
import json

import jsonschema
import pytest
import time_machine
from django.conf import settings
from django.utils import timezone
from openapi_spec_validator import validate as validate_openapi
from wagtail.api.v3.urls import api as api_v3
from wagtail.models import Page, get_page_models

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


def test_both_descriptions_pass_the_openapi_validator(client, spec):
    """openapi-spec-validator: parameters unique per operation, schemes complete, refs resolve."""
    validate_openapi(spec)
    validate_openapi(client.get("/api/v3/openapi.json").json())


def test_every_documented_page_parameter_is_described_once(spec):
    parameters = [parameter["name"] for parameter in spec["paths"]["/pages/"]["get"]["parameters"]]

    assert len(parameters) == len(set(parameters))
    # docs/api.md and the README: Wagtail's parameters, languages, sites, every filter.
    assert {
        *("type", "fields", "limit", "offset", "order", "search", "search_operator"),
        *("locale", "translation_of", "child_of", "descendant_of", "ancestor_of", "site"),
        *("fallback", "rich_text_format", "tag", "theme", "author", "date_from", "date_to"),
        *("status", "kind", "country", "starts_after", "ends_before", "ongoing", "is_event"),
    } <= set(parameters)


def test_the_v3_description_says_what_the_guard_answers(client):
    v3 = client.get("/api/v3/openapi.json").json()
    for path, operations in v3["paths"].items():
        for method, operation in operations.items():
            assert {"400", "404", "429"} <= set(operation["responses"]), (method, path)
    problem = client.get("/api/v3/pages/", {"offset": "99999999999999999999"})
    jsonschema.Draft202012Validator({**v3, "$ref": "#/components/schemas/Problem"}).validate(
        problem.json()
    )


def test_the_v3_description_is_built_once_per_process(client):
    """Wagtail builds it from the code alone at every request: seconds on a busy server."""
    first = client.get("/api/v3/openapi.json")

    assert api_v3.get_openapi_schema(path_params={}) is api_v3.get_openapi_schema(path_params={})
    assert client.get("/api/v3/openapi.json").content == first.content


def test_page_responses_match(client, spec, make_article, program, partner, home_page):
    article = make_article()
    factories.ArticlePartnerFactory(article=article, partner=partner)
    pages = [
        article,
        program,
        partner,
        home_page,
        article.get_parent(),
        program.get_parent(),
        partner.get_parent(),
    ]
    served_types = {type(page) for page in pages}
    assert served_types == set(get_page_models()) - {Page}, "a page type is not validated"
    described = spec["paths"]["/pages/{id}/"]["get"]["responses"]["200"]["headers"]
    for page in pages:
        # Last-Modified is named once the second of the last change is over, when it is known
        # (the article is; the fixtures' other pages carry no time of change).
        with time_machine.travel(timezone.now() + datetime.timedelta(seconds=1)):
            response = client.get(f"/api/v2/pages/{page.pk}/")
        validate(spec, "/pages/{id}/", response.json())
        shown = set(response.headers) | ({"Last-Modified"} if page != article else set())
        assert set(described) <= shown, "a described header is missing"
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


def test_reader_comment_responses_match(client, spec, make_article):
    from comments.models import ReaderComment
    from tests.comments.conftest import form_data

    article = make_article()
    first = ReaderComment.objects.create(
        page=article, author_name="A", author_email="a@example.org", text="Hi", status="approved"
    )
    ReaderComment.objects.create(
        page=article, parent=first, author_name="B", author_email="b@example.org", text="Re"
    )
    ReaderComment.objects.filter(parent=first).update(status="approved")
    validate(spec, "/comments/", get_json(client, "/api/v2/comments/", page=article.pk))
    validate(spec, "/pages/{id}/", get_json(client, f"/api/v2/pages/{article.pk}/"))

    def post(path, data, status):
        schema = {
            **spec,
            "$ref": f"#/paths/{path.replace('/', '~1')}/post/responses/{status}"
            "/content/application~1json/schema",
        }
        response = client.post(f"/api/v2{path}", data, content_type="application/json")
        assert response.status_code == int(status)
        jsonschema.Draft202012Validator(schema).validate(response.json())

    post("/comments/token/", {"page": article.pk}, "200")
    post("/comments/", form_data(article), "201")
    post("/comments/", form_data(article, text=""), "400")
