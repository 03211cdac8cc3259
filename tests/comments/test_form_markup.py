"""
The comment form is rendered with Django's Jinja2 widget templates, which are faster (decision
0350). They must give the markup of Django's default templates, in every language, for an
empty form and for one that shows a reader's errors.
"""

import pytest
from bs4 import BeautifulSoup
from django.forms.renderers import DjangoTemplates, Jinja2
from django.utils import translation

from comments.forms import ReaderCommentForm
from tests.comments.conftest import post_comment

pytestmark = pytest.mark.django_db

MISTAKES = {"author_name": "", "author_email": "not an address", "author_url": "a b", "text": ""}


@pytest.mark.parametrize("language", ["en", "ko", "th"])
@pytest.mark.parametrize("data", [None, MISTAKES], ids=["empty", "with errors"])
def test_the_comment_form_has_djangos_default_markup(article, language, data):
    with translation.override(language):
        ours = ReaderCommentForm(data, page=article)
        default = ReaderCommentForm(data, page=article, renderer=DjangoTemplates())
        ours.is_valid(), default.is_valid()
        assert isinstance(ours.renderer, Jinja2)
        assert bool(ours.errors) == (data is not None)

        for field in ours:
            assert str(field) == str(default[field.name])
            assert field.label_tag() == default[field.name].label_tag()
            assert str(field.errors) == str(default[field.name].errors)


@pytest.mark.parametrize("language", ["en", "ko", "th"])
def test_the_article_page_writes_the_labels_as_django_does(client, article, language):
    # The page's template writes the labels out instead of calling label_tag() (comments/form.html).
    html = client.get(article.url.replace("/en/", f"/{language}/", 1)).content.decode()
    with translation.override(language):
        default = ReaderCommentForm(page=article, renderer=DjangoTemplates())
        labels = [field.label_tag() for field in default if not field.is_hidden]
    assert len(labels) == 5  # name, email, website, comment and the honeypot
    for label in labels:
        assert label in html


def described_by(html):
    """Each id an element's aria-describedby names, and whether the page has an element with it."""
    soup = BeautifulSoup(html, "html.parser")
    return {
        name: soup.find(id=name) is not None
        for element in soup.select("[aria-describedby]")
        for name in element["aria-describedby"].split()
    }


@pytest.mark.parametrize("language", ["en", "th"])
def test_every_description_an_input_names_is_on_the_page(client, article, language):
    empty = client.get(article.url.replace("/en/", f"/{language}/", 1)).content.decode()
    refused = post_comment(client, article, prefix=f"/{language}", **MISTAKES).content.decode()

    assert described_by(empty) == {"id_author_email_helptext": True}
    assert described_by(refused) == {
        "id_author_name_error": True,
        "id_author_email_helptext": True,
        "id_author_email_error": True,
        "id_author_url_error": True,
        "id_text_error": True,
    }
