"""Every field of every page type, as an external front end receives it."""

import pytest

from tests import factories
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db

RENDITION_NAMES = {"thumbnail", "card", "full_width"}


def assert_image(data, image):
    assert data["id"] == image.pk
    assert data["alt"] == image.description
    assert data["credit"] == image.credit
    assert set(data["renditions"]) == RENDITION_NAMES
    for rendition in data["renditions"].values():
        assert rendition["url"].endswith(".webp")
        assert rendition["width"] > 0 and rendition["height"] > 0


def test_article_detail_has_every_field_inline(client, make_article, program, partner):
    article = make_article(title="Financing urban energy")
    factories.ArticleProgramFactory(article=article, program=program)
    factories.ArticlePartnerFactory(article=article, partner=partner)

    data = get_json(client, f"/api/v2/pages/{article.pk}/")

    assert data["meta"]["type"] == "blog.ArticlePage"
    assert data["meta"]["html_url"].endswith("/en/blog/financing-urban-energy/")
    assert data["meta"]["locale"] == "en"
    assert data["meta"]["parent"]["title"] == "Blog"
    assert data["title"] == "Financing urban energy"
    assert data["standfirst"] == article.standfirst
    assert data["date_published"] == "2025-01-01"
    assert data["reading_time"] == 1
    assert_image(data["hero_image"], article.hero_image)
    authors = [link.person for link in article.authors.all()]
    assert [author["name"] for author in data["authors"]] == [person.name for person in authors]
    assert data["authors"][0]["role"] == "Secondment Staff"
    assert data["authors"][0]["organisation"] == "Seoul Metropolitan Government"
    assert data["authors"][0]["bio"]
    assert_image(data["authors"][0]["photo"], authors[0].photo)
    assert {theme["slug"] for theme in data["themes"]} == {"climate", "resilience"}
    assert {"name": "Climate action", "kind": "sdg", "sdg_number": 13}.items() <= next(
        theme for theme in data["themes"] if theme["slug"] == "climate"
    ).items()
    assert data["tags"] == ["energy", "finance"]
    assert data["related_programs"][0]["title"] == "Resilience workshop"
    assert data["related_programs"][0]["kind"] == "workshop"
    assert data["related_partners"][0]["title"] == "Seoul Metropolitan Government"
    assert_image(data["related_partners"][0]["logo"], partner.logo)


def test_article_body_blocks_are_typed_json_with_images(client, make_article):
    article = make_article()

    body = get_json(client, f"/api/v2/pages/{article.pk}/")["body"]

    assert [block["type"] for block in body] == [
        "heading",
        "paragraph",
        "image",
        "gallery",
        "pull_quote",
    ]
    assert body[0]["value"] == {"text": "What we learnt", "level": "h2"}
    assert body[1]["value"] == "<p>Cities across the region <b>met</b>.</p>"
    image = body[2]["value"]
    assert image["caption"] == "Delegates at the opening session"  # the image's own caption
    assert_image(image, article.body[2].value["image"])
    gallery = body[3]["value"]
    assert gallery["title"] == "The workshop"
    assert len(gallery["images"]) == 2
    assert gallery["images"][0]["caption"] == "A session"
    assert body[4]["value"]["quote"] == "Cities learn from cities."


def test_rich_text_is_browser_ready_html(client, blog_index, make_article):
    target = make_article(title="Target")
    image = factories.ImageFactory()
    article = make_article(
        body=[
            factories.paragraph(
                f'See <a linktype="page" id="{target.pk}">this</a>'
                f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="A map"/>'
            )
        ]
    )

    html = get_json(client, f"/api/v2/pages/{article.pk}/")["body"][0]["value"]

    assert 'href="/en/blog/target/"' in html
    assert "<img" in html and 'alt="A map"' in html and "linktype" not in html


def test_absolute_media_urls_with_a_public_base_url(client, make_article, settings):
    settings.API_PUBLIC_BASE_URL = "https://cms.citynet.example"
    article = make_article()

    data = get_json(client, f"/api/v2/pages/{article.pk}/")

    url = data["hero_image"]["renditions"]["card"]["url"]
    assert url.startswith("https://cms.citynet.example/media/images/")
    assert data["body"][2]["value"]["renditions"]["thumbnail"]["url"].startswith("https://")


def test_article_listing_with_teaser_fields(client, make_article):
    make_article(0)
    make_article(1)

    data = get_json(
        client,
        "/api/v2/pages/",
        type="blog.ArticlePage",
        fields="standfirst,date_published,hero_image,authors,themes",
        order="-date_published",
    )

    assert data["meta"]["total_count"] == 2
    item = data["items"][0]
    assert item["date_published"] == "2025-01-02"
    assert {"standfirst", "hero_image", "authors", "themes", "title"} <= set(item)
    assert item["hero_image"]["renditions"]["card"]["url"]
    assert "body" not in item


def test_body_is_detail_only(client, make_article):
    make_article()

    response = client.get("/api/v2/pages/", {"type": "blog.ArticlePage", "fields": "body"})

    assert response.status_code == 400


def test_program_detail(client, program, partner):
    data = get_json(client, f"/api/v2/pages/{program.pk}/")

    assert data["meta"]["type"] == "programs.ProgramPage"
    for name in ("kind", "summary", "time_zone", "city", "venue", "registration_url"):
        assert data[name] == getattr(program, name)
    assert data["country"] == "KR"
    assert data["status"] == "upcoming"
    assert data["start_date"] == program.start_date.isoformat()
    assert data["end_date"] == program.end_date.isoformat()
    assert_image(data["hero_image"], program.hero_image)
    assert data["body"] == []
    assert [theme["slug"] for theme in data["themes"]] == ["climate"]
    (organiser,) = data["partners"]
    assert organiser["title"] == "Seoul Metropolitan Government"
    assert organiser["website"] == "https://partner.example.org/"
    assert organiser["role"] == "co_organiser"
    assert organiser["country"] == "KR"
    assert_image(organiser["logo"], partner.logo)


def test_partner_detail_lists_its_programs_and_articles(client, partner, program, make_article):
    article = make_article(title="A partner story")
    factories.ArticlePartnerFactory(article=article, partner=partner)

    data = get_json(client, f"/api/v2/pages/{partner.pk}/")

    assert data["meta"]["type"] == "partners.PartnerPage"
    for name in ("acronym", "kind", "city", "website", "member_since", "contact_name"):
        assert data[name] == getattr(partner, name)
    assert data["contact_email"] == "ir@seoul.example"
    assert data["contact_phone"] == "+82 2 0000 0000"
    assert data["country"] == "KR"
    assert 'href="https://seoul.go.kr"' in data["description"]
    assert_image(data["logo"], partner.logo)
    assert data["programs"][0]["title"] == "Resilience workshop"
    assert data["programs"][0]["role"] == "co_organiser"
    assert data["programs"][0]["start_date"] == program.start_date.isoformat()
    assert data["articles"][0]["title"] == "A partner story"


def test_index_and_home_pages(client, home_page, blog_index, program_index, partner_index, program):
    home_page.introduction = "Cities working together."
    home_page.hero_image = factories.ImageFactory()
    home_page.featured_links.create(page=program)
    home_page.save_revision().publish()

    home = get_json(client, f"/api/v2/pages/{home_page.pk}/")
    assert home["introduction"] == "Cities working together."
    assert_image(home["hero_image"], home_page.hero_image)
    assert home["featured_pages"][0]["type"] == "programs.ProgramPage"
    assert home["meta"]["parent"] is None
    for index in (blog_index, program_index, partner_index):
        assert "introduction" in get_json(client, f"/api/v2/pages/{index.pk}/")


def test_people_and_themes_endpoints(client, themes):
    person = factories.PersonFactory(name="Kim Min-ji", photo=factories.ImageFactory())

    people = get_json(client, "/api/v2/people/", fields="*")
    assert people["items"][0]["name"] == "Kim Min-ji"
    assert people["items"][0]["meta"]["locale"] == "en"
    assert_image(people["items"][0]["photo"], person.photo)
    detail = get_json(client, f"/api/v2/people/{person.pk}/")
    assert detail["organisation"] == "Seoul Metropolitan Government"

    data = get_json(client, "/api/v2/themes/", fields="*", kind="sdg")
    assert [theme["slug"] for theme in data["items"]] == ["climate"]
    assert data["items"][0]["sdg_number"] == 13


def test_images_endpoint_has_renditions(client):
    image = factories.ImageFactory()

    data = get_json(client, "/api/v2/images/")
    assert set(data["items"][0]["meta"]["renditions"]) == RENDITION_NAMES
    detail = get_json(client, f"/api/v2/images/{image.pk}/")
    assert detail["credit"] == "Photo: courtesy of CityNet"


def test_images_endpoint_calls_alt_text_alt_as_page_responses_do(client, blog_index):
    described = factories.ImageFactory(title="Han river", description="Boats on the Han river")
    untitled = factories.ImageFactory(title="Seoul at night", description="")
    article = factories.ArticlePageFactory(parent=blog_index, hero_image=described)
    page = get_json(client, f"/api/v2/pages/{article.pk}/", fields="hero_image")

    listing = get_json(client, "/api/v2/images/", fields="alt")
    detail = get_json(client, f"/api/v2/images/{described.pk}/")
    only_alt = get_json(client, f"/api/v2/images/{untitled.pk}/", fields="alt")

    alts = {item["id"]: item["alt"] for item in listing["items"]}
    assert alts == {described.pk: "Boats on the Han river", untitled.pk: "Seoul at night"}
    assert detail["alt"] == page["hero_image"]["alt"] == "Boats on the Han river"
    assert detail["description"] == "Boats on the Han river"  # kept for Wagtail's clients
    assert only_alt["alt"] == "Seoul at night"


def test_a_missing_original_image_file_degrades_instead_of_failing(client, blog_index):
    """As Wagtail's {% image %} does: "not-found" renditions, the rest of the response intact."""
    image = factories.ImageFactory()
    article = factories.ArticlePageFactory(parent=blog_index, hero_image=image)
    image.file.storage.delete(image.file.name)

    page = get_json(client, f"/api/v2/pages/{article.pk}/")
    detail = get_json(client, f"/api/v2/images/{image.pk}/")

    assert page["title"] == article.title
    assert page["hero_image"]["alt"] == image.description
    for rendition in page["hero_image"]["renditions"].values():
        assert rendition["url"].endswith("not-found") and rendition["width"] == 0
    assert detail["meta"]["renditions"] == page["hero_image"]["renditions"]
