import xml.etree.ElementTree as ET

import pytest

from tests import factories

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_lists_live_pages_with_their_last_change(client, blog_index, program_index):
    article = factories.ArticlePageFactory(parent=blog_index)
    program = factories.ProgramPageFactory(parent=program_index)
    draft = factories.ArticlePageFactory(parent=blog_index)
    draft.unpublish()
    article.save_revision().publish()

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    entries = ET.fromstring(response.content).findall(f"{SITEMAP}url")
    urls = {entry.findtext(f"{SITEMAP}loc"): entry for entry in entries}
    for page in (blog_index, program_index, article, program):
        assert f"http://localhost{page.url}" in urls
    assert f"http://localhost{draft.url}" not in urls
    assert urls[f"http://localhost{article.url}"].findtext(f"{SITEMAP}lastmod")
