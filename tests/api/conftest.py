import datetime

import pytest
from wagtail.rich_text import RichText

from tests import factories


@pytest.fixture
def themes(db):
    return [
        factories.ThemeFactory(name="Climate action", slug="climate", kind="sdg", sdg_number=13),
        factories.ThemeFactory(name="Urban resilience", slug="resilience"),
    ]


def story_body(image, gallery_images):
    return [
        ("heading", {"text": "What we learnt", "level": "h2"}),
        ("paragraph", RichText("<p>Cities across the region <b>met</b>.</p>")),
        ("image", {"image": image, "caption": ""}),
        (
            "gallery",
            {
                "title": "The workshop",
                "images": [{"image": item, "caption": "A session"} for item in gallery_images],
            },
        ),
        ("pull_quote", {"quote": "Cities learn from cities.", "name": "A mayor", "role": "Mayor"}),
    ]


@pytest.fixture
def make_article(blog_index, themes):
    """An article with everything a front end shows: hero, authors, body images, themes, tags."""

    def make(index=0, **kwargs):
        images = factories.ImageFactory.create_batch(3)
        article = factories.ArticlePageFactory(
            parent=blog_index,
            hero_image=images[0],
            body=kwargs.pop("body", None) or story_body(images[1], images[1:]),
            date_published=datetime.date(2025, 1, 1) + datetime.timedelta(days=index),
            **kwargs,
        )
        for _ in range(2):
            person = factories.PersonFactory(photo=factories.ImageFactory())
            factories.ArticleAuthorFactory(article=article, person=person)
        article.themes.set(themes)
        article.tags.add("energy", "finance")
        article.save_revision().publish()
        return article

    return make


@pytest.fixture
def partner(partner_index):
    partner = factories.PartnerPageFactory(
        parent=partner_index,
        title="Seoul Metropolitan Government",
        acronym="SMG",
        kind="member_city",
        logo=factories.ImageFactory(),
        member_since=1987,
        description='<p>A <a href="https://seoul.go.kr">founding member</a>.</p>',
        contact_name="International Relations",
        contact_email="ir@seoul.example",
        contact_phone="+82 2 0000 0000",
    )
    return partner


@pytest.fixture
def program(program_index, partner, themes):
    program = factories.ProgramPageFactory(
        parent=program_index,
        title="Resilience workshop",
        kind="workshop",
        hero_image=factories.ImageFactory(),
        registration_url="https://example.org/register",
    )
    factories.ProgramPartnerFactory(program=program, partner=partner, role="co_organiser")
    program.themes.set(themes[:1])
    program.save_revision().publish()
    return program


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()
