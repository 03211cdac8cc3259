"""
The comment form is rendered with Django's Jinja2 widget templates, which are faster (decision
0350). They must give the markup of Django's default templates, in every language, for an
empty form and for one that shows a reader's errors.
"""

import pytest
from django.forms.renderers import DjangoTemplates, Jinja2
from django.utils import translation

from comments.forms import ReaderCommentForm

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
