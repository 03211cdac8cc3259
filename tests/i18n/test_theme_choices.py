"""
Issue 26: Theme is translatable, so the Themes checkboxes of a page offer only the themes of the
page's language (a new page's is its parent's), not every translation of every theme.
"""

import re

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def water(korean):
    english = factories.ThemeFactory(name="Water", slug="water", kind="sdg", sdg_number=6)
    korean_theme = english.copy_for_translation(korean)
    korean_theme.name = "물"
    korean_theme.save()
    return {"en": english, "ko": korean_theme}


@pytest.fixture
def korean_program_index(program_index, korean_home_page, korean):
    page = program_index.copy_for_translation(korean)
    page.save_revision().publish()
    return page


def offered_themes(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return {int(pk) for pk in re.findall(r'name="themes" value="(\d+)"', response.content.decode())}


def add_url(model, parent):
    app_label, model_name = model.split(".")
    return reverse("wagtailadmin_pages:add", args=[app_label, model_name, parent.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.mark.parametrize("language", ["en", "ko"])
def test_an_article_is_offered_its_own_languages_themes(
    admin_client, water, blog_index, korean_blog_index, language
):
    index = {"en": blog_index, "ko": korean_blog_index}[language]
    article = factories.ArticlePageFactory(parent=index)

    assert offered_themes(admin_client, add_url("blog.articlepage", index)) == {water[language].pk}
    assert offered_themes(admin_client, edit_url(article)) == {water[language].pk}


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_program_is_offered_its_own_languages_themes(
    admin_client, water, program_index, korean_program_index, language
):
    index = {"en": program_index, "ko": korean_program_index}[language]
    program = factories.ProgramPageFactory(parent=index)

    assert offered_themes(admin_client, add_url("programs.programpage", index)) == {
        water[language].pk
    }
    assert offered_themes(admin_client, edit_url(program)) == {water[language].pk}


def test_a_translation_keeps_an_untranslated_theme_it_has(
    admin_client, water, blog_index, korean_blog_index
):
    smart_cities = factories.ThemeFactory(name="Smart cities", slug="smart-cities")
    article = factories.ArticlePageFactory(parent=korean_blog_index)
    article.themes.set([smart_cities])
    article.save_revision()

    assert offered_themes(admin_client, edit_url(article)) == {water["ko"].pk, smart_cities.pk}
