"""Wagtail's own v2 pages endpoint still serializes every field our page types declare: it is
the benchmarks' baseline, and a Wagtail client may mount it beside ours."""

import pytest

from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.urls("benchmarks.urls")]


def test_stock_endpoint_serializes_every_declared_field(client, make_article, program_index):
    make_article()
    factories.ProgramPageFactory(parent=program_index)

    for page_type in ["blog.ArticlePage", "programs.ProgramPage"]:
        response = client.get("/api/stock/pages/", {"type": page_type, "fields": "*"})

        assert response.status_code == 200, response.content[:500]
        assert response.json()["items"][0]["comment_count"] == 0
