"""The issue 27 classic post end to end, and the fidelity report every import prints."""

import pytest

from blog.models import ArticlePage
from wordpress.models import ImportedItem

from .conftest import post

pytestmark = pytest.mark.django_db

CLASSIC = (
    'First paragraph with <em>italic</em> and a <a href="https://example.org/">link</a>.\n\n'
    '<p style="text-align:center">A centred line.</p>\n'
    "Second paragraph with <strong>bold</strong> text."
)
LONG_HEADING = "<h2>" + " ".join(f"word{n}" for n in range(60)) + "</h2>"


def article(post_id):
    record = ImportedItem.objects.get(kind="post", wp_id=str(post_id))
    return ArticlePage.objects.get(pk=record.object_id)


def test_a_classic_post_reads_as_wordpress_showed_it(export_file, run_import, client):
    output = run_import(export_file(post(content=CLASSIC)))
    page = article(1)
    assert page.standfirst == "First paragraph with italic and a link."
    html = client.get(page.url).content.decode()
    assert (
        '<p>First paragraph with <em>italic</em> and a <a href="https://example.org/">link</a>.'
        "</p><p>A centred line.</p><p>Second paragraph with <strong>bold</strong> text.</p>"
    ) in html
    assert (
        "fidelity over 1 converted posts: text 100% (15/15), links 100% (1/1), "
        "images 100% (0/0), emphasis 100% (2/2)"
    ) in output
    assert "posts under 100%" not in output


def test_posts_under_100_percent_are_listed_and_strict_refuses_them(export_file, run_import):
    path = export_file(post(post_id=1, content=CLASSIC), post(post_id=2, content=LONG_HEADING))
    output = run_import(path, "--dry-run")
    assert "posts under 100% (1):" in output
    assert "    post 2 A post: text 63.3% (38/60)" in output

    output = run_import(path, "--strict")
    assert "articles: 1 created" in output
    assert "FAILED post 2: NotFaithful: would keep only text 63.3% (--strict)" in output
    assert ArticlePage.objects.count() == 1
