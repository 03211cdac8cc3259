import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/en/no-such-page/", "/en/blog/no-such-article/"])
def test_missing_pages_answer_404_with_the_site_layout(client, blog_index, url):
    response = client.get(url)

    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert 'href="/en/search/"' in html


def test_unpublished_pages_are_not_shown(client, blog_index):
    draft = factories.ArticlePageFactory(parent=blog_index, title="Embargoed story")
    draft.unpublish()

    response = client.get(draft.url)

    assert response.status_code == 404
    assert "Embargoed story" not in response.content.decode()
