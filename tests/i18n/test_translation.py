import pytest
from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.operations import translate_object

from blog.models import ArticlePage
from citynet.i18n.translations import translate
from citynet.people.models import Person
from citynet.taxonomy.models import Theme
from partners.models import PartnerPage
from programs.models import ProgramPage
from tests import factories


def field_kinds(model):
    return {
        field.field_name: "synchronised" if isinstance(field, SynchronizedField) else "translated"
        for field in get_translatable_fields(model)
    }


@pytest.mark.parametrize(
    ("model", "translated", "synchronised"),
    [
        (ArticlePage, ["title", "standfirst", "body"], ["date_published", "hero_image", "themes"]),
        (ArticlePage, [], ["authors", "partner_links", "program_links"]),
        (
            ProgramPage,
            ["title", "summary", "body", "city", "venue"],
            ["start_date", "end_date", "time_zone", "kind", "country", "registration_url"],
        ),
        (ProgramPage, [], ["hero_image", "themes", "partner_links"]),
        (
            PartnerPage,
            ["title", "description", "city"],
            ["logo", "website", "kind", "country", "contact_email", "contact_phone"],
        ),
        (Person, ["name", "role", "organisation", "bio"], ["photo"]),
        (Theme, ["name", "description"], ["slug", "kind", "sdg_number"]),
    ],
)
def test_prose_is_translated_and_data_stays_synchronised(model, translated, synchronised):
    kinds = field_kinds(model)
    assert {name: kinds[name] for name in translated} == dict.fromkeys(translated, "translated")
    assert {name: kinds[name] for name in synchronised} == dict.fromkeys(
        synchronised, "synchronised"
    )


@pytest.fixture
def korean_blog_index(blog_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translate(blog_index.get_parent().specific, "ko", {"CityNet": "시티넷"})
        return translate(blog_index, "ko", {"Blog": "블로그"})


@pytest.mark.django_db
def test_a_translated_article_names_the_translated_author_and_themes(
    blog_index, korean_blog_index, django_capture_on_commit_callbacks
):
    author = factories.PersonFactory(name="Kim Min-ji", role="Secondment Staff")
    theme = factories.ThemeFactory(name="Climate action", slug="climate-action")
    untranslated_theme = factories.ThemeFactory(name="Smart cities", slug="smart-cities")
    article = factories.ArticlePageFactory(parent=blog_index, title="Seoul plants trees")
    factories.ArticleAuthorFactory(article=article, person=author)
    article.themes.set([theme, untranslated_theme])
    article.save_revision().publish()

    korean_author = translate(
        author, "ko", {"Kim Min-ji": "김민지", "Secondment Staff": "파견 직원"}
    )
    korean_theme = translate(theme, "ko", {"Climate action": "기후 행동"})
    with django_capture_on_commit_callbacks(execute=True):
        korean_article = translate(article, "ko", {"Seoul plants trees": "서울, 나무를 심다"})

    korean_article = ArticlePage.objects.get(pk=korean_article.pk)
    assert korean_article.live
    assert korean_article.title == "서울, 나무를 심다"
    assert korean_article.date_published == article.date_published
    assert [link.person for link in korean_article.authors.all()] == [korean_author]
    assert korean_author.role == "파견 직원"
    assert set(korean_article.themes.all()) == {korean_theme, untranslated_theme}
    assert korean_theme.slug == "climate-action"
    # The English article keeps its English author and themes.
    assert [link.person for link in article.authors.all()] == [author]
    assert set(article.themes.all()) == {theme, untranslated_theme}


@pytest.mark.django_db
def test_a_page_submitted_for_translation_stays_a_draft_until_published(
    blog_index, korean_blog_index, django_capture_on_commit_callbacks
):
    article = factories.ArticlePageFactory(parent=blog_index)
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(article, [Locale.objects.get(language_code="ko")])
    korean_article = article.get_translation(Locale.objects.get(language_code="ko"))
    assert not korean_article.live
