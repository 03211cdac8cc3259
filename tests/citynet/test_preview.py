"""Editors preview pages from the edit form: the layout must render from unsaved form data."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(factories.UserFactory(username="editor", is_superuser=True))
    return client


def preview(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    form_data = querydict_from_html(html, form_id="page-edit-form")
    form_data["title"] = "Previewed title"
    if hasattr(page, "body"):
        # The StreamField editor is drawn by JavaScript: post its form data directly.
        body = streamfield([("paragraph", rich_text("<p>Previewed body.</p>"))])
        form_data.update(nested_form_data({"body": body}))
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(preview_url, data=form_data).json() == {
        "is_valid": True,
        "is_available": True,
    }
    response = client.get(preview_url)
    assert response.status_code == 200
    return response.content.decode()


def test_every_page_type_previews_with_its_related_content(
    editor, home_page, blog_index, program_index, partner_index
):
    partner = factories.PartnerPageFactory(parent=partner_index, logo=factories.ImageFactory())
    program = factories.ProgramPageFactory(
        parent=program_index, hero_image=factories.ImageFactory()
    )
    factories.ProgramPartnerFactory(program=program, partner=partner)
    article = factories.ArticlePageFactory(parent=blog_index, hero_image=factories.ImageFactory())
    factories.ArticleAuthorFactory(article=article, person__name="Min-ji Park")
    factories.ArticlePartnerFactory(article=article, partner=partner)
    factories.ArticleProgramFactory(article=article, program=program)

    for page in (home_page, blog_index, article, program_index, program, partner_index, partner):
        assert "<h1>Previewed title" in preview(editor, page), type(page).__name__
    assert "Min-ji Park" in preview(editor, article)
    assert "Previewed body." in preview(editor, article)
    assert partner.title in preview(editor, program)
