"""Finding 6: a Content-Security-Policy on every response, strictest where nothing should run."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def policy(response):
    directives = [part.strip().split() for part in response["Content-Security-Policy"].split(";")]
    return {name: values for name, *values in directives if name}


@pytest.mark.parametrize(
    "url",
    ["/api/v2/pages/", "/api/v3/pages/", "/api/v3/nothing/", "/feeds/articles/", "/sitemap.xml"],
)
def test_machine_read_responses_allow_nothing(client, blog_index, url):
    response = client.get(url)

    assert policy(response)["default-src"] == ["'none'"]
    assert policy(response)["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize("url", ["/en/", "/en/blog/", "/en/search/?q=x", "/en/no-such-page/"])
def test_site_pages_run_only_their_own_code(client, blog_index, url):
    directives = policy(client.get(url))

    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]


def test_the_admin_has_a_policy_too(client):
    client.force_login(factories.UserFactory(is_superuser=True))

    directives = policy(client.get("/admin/"))

    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]  # Wagtail's inline panels
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
