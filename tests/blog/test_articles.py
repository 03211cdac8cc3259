import pytest

from tests import factories
from tests.visitor import count_queries, get_ok

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(blog_index):
    photo = factories.ImageFactory(
        description="Mayors on stage", caption="The opening session", credit="Photo: Colombo MC"
    )
    portrait = factories.ImageFactory(credit="Photo: Seoul Metropolitan Government")
    article = factories.ArticlePageFactory(
        parent=blog_index,
        title="CityNet turns 30",
        standfirst="More than 300 participants met in Colombo.",
        hero_image=photo,
        body=[
            factories.paragraph("The congress opened on 5 November."),
            ("heading", {"text": "What members agreed", "level": "h2"}),
            (
                "pull_quote",
                {"quote": "Cities learn from cities.", "name": "A mayor", "role": "Mayor"},
            ),
            ("image", {"image": photo, "caption": "Delegates in the hall"}),
        ],
    )
    article.tags.add("congress")
    theme = factories.ThemeFactory(name="Climate change", slug="climate-change")
    article.themes.add(theme)
    article.save()
    person = factories.PersonFactory(
        name="Min-ji Park",
        role="Secondment Staff",
        organisation="International Relations Division, Seoul Metropolitan Government",
        bio="Min-ji follows the network's water programs.",
        photo=portrait,
    )
    factories.ArticleAuthorFactory(article=article, person=person)
    return article


def test_article_shows_what_a_reader_needs(client, article, blog_index):
    html = get_ok(client, article.url)

    assert html.count("<h1") == 1
    assert "CityNet turns 30" in html
    assert "More than 300 participants met in Colombo." in html
    # Byline with role and organisation, and a bio box with the author's photo and its credit.
    assert "Min-ji Park" in html
    assert "Secondment Staff" in html
    assert "International Relations Division, Seoul Metropolitan Government" in html
    assert "Min-ji follows the network&#x27;s water programs." in html
    assert "Photo: Seoul Metropolitan Government" in html
    # Hero and body photos with alt text, caption and credit.
    assert 'alt="Mayors on stage"' in html
    assert "The opening session" in html
    assert "Delegates in the hall" in html
    assert html.count("Photo: Colombo MC") == 2
    assert "Cities learn from cities." in html
    assert "1 min read" in html
    # Tags, themes and authors link to the filtered index.
    assert f'href="{blog_index.url}?tag=congress"' in html
    assert f'href="{blog_index.url}?theme=climate-change"' in html
    assert f'href="{blog_index.url}?author={article.authors.get().person_id}"' in html


def test_description_meta_falls_back_to_the_standfirst(client, article):
    html = get_ok(client, article.url)

    assert '<meta property="og:description" content="More than 300 participants' in html


def test_article_has_social_meta_from_its_own_fields(client, article):
    article.seo_title = "Thirty years of CityNet"
    article.search_description = "The network's anniversary congress."
    article.save()

    html = get_ok(client, article.url)

    assert "<title>Thirty years of CityNet | CityNet</title>" in html
    assert '<meta property="og:title" content="Thirty years of CityNet">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta name="description" content="The network&#x27;s anniversary congress.">' in html
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<link rel="canonical" href="http://localhost{article.url}">' in html
    assert '<html lang="en">' in html


def test_article_lists_only_live_related_programs_and_partners(
    client, article, program_index, partner_index
):
    live_program = factories.ProgramPageFactory(parent=program_index, title="Water workshop")
    draft_partner = factories.PartnerPageFactory(parent=partner_index, title="Secret partner")
    draft_partner.unpublish()
    factories.ArticleProgramFactory(article=article, program=live_program)
    factories.ArticlePartnerFactory(article=article, partner=draft_partner)

    html = get_ok(client, article.url)

    assert "Water workshop" in html
    assert "Secret partner" not in html


@pytest.mark.parametrize("authors", [1, 4])
def test_article_queries_do_not_grow_with_authors_and_photos(client, blog_index, authors):
    photo = factories.ImageFactory()
    gallery = [{"image": factories.ImageFactory(), "caption": ""} for _ in range(2)]
    article = factories.ArticlePageFactory(
        parent=blog_index,
        hero_image=photo,
        body=[("image", {"image": factories.ImageFactory(), "caption": ""})] * authors
        + [("gallery", {"title": "", "images": gallery})],
    )
    for n in range(authors):
        article.tags.add(f"tag-{n}")
        person = factories.PersonFactory(photo=factories.ImageFactory())
        factories.ArticleAuthorFactory(article=article, person=person)
        article.themes.add(factories.ThemeFactory())
    article.save()

    # 12 (the site comes from the cache, the hero image with the page, the body's images in one
    # query whatever their blocks, all renditions in one, no view restriction on its path), plus
    # the reader comments (one query) and their site settings (one)
    assert count_queries(client, article.url) == 14


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("A short note.", 1),
        # With the one-word standfirst: 200 words a minute.
        ("word " * 399, 2),
        ("word " * 400, 3),
        # Chinese is read by the character: 800 characters take about two minutes.
        ("城市" * 399, 2),
    ],
)
def test_reading_time(blog_index, text, minutes):
    standfirst = "城市" if text.startswith("城") else "Standfirst."
    article = factories.ArticlePageFactory(
        parent=blog_index, standfirst=standfirst, body=[factories.paragraph(text)]
    )

    assert article.reading_time == minutes


def test_article_whose_photo_file_is_missing_still_renders(client, article):
    article.hero_image.file.delete(save=False)

    html = get_ok(client, article.url)

    assert "CityNet turns 30" in html
