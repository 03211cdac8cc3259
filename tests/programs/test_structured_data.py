"""JSON-LD read from the rendered HTML by extruct, as search engines read it."""

import datetime

import extruct
import pytest

from tests import factories
from tests.programs.conftest import days, publish_translation
from tests.visitor import get_ok

pytestmark = pytest.mark.django_db

# What Google's event, article and breadcrumb documentation require and recommend.
EVENT_REQUIRED = {"name", "startDate", "location"}
EVENT_RECOMMENDED = {"endDate", "eventStatus", "eventAttendanceMode", "description", "image"}
EVENT_RECOMMENDED |= {"organizer", "offers"}
ARTICLE_RECOMMENDED = {"headline", "author", "datePublished", "dateModified", "image", "publisher"}


def json_ld(client, url):
    """Every node of every JSON-LD document in the page, by @type."""
    html = get_ok(client, url)
    documents = extruct.extract(html, base_url="http://localhost", syntaxes=["json-ld"])
    nodes = {}
    for document in documents["json-ld"]:
        assert document["@context"] == "https://schema.org"
        for node in document.get("@graph", [document]):
            nodes.setdefault(node["@type"], []).append(node)
    return nodes


def check_breadcrumbs(nodes, *names):
    [breadcrumbs] = nodes["BreadcrumbList"]
    items = breadcrumbs["itemListElement"]
    assert [item["name"] for item in items] == list(names)
    assert [item["position"] for item in items] == list(range(1, len(names) + 1))
    assert all(item["item"].startswith("http") for item in items)


def test_an_event_program_is_an_event_with_everything_search_engines_use(
    client, make_program, organiser
):
    program = make_program(
        title="Water forum",
        hero_image=factories.ImageFactory(),
        registration_url="https://example.org/register",
        start_date=days(30),
        end_date=days(31),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(17, 30),
        time_zone="Asia/Kolkata",
    )

    nodes = json_ld(client, program.url)

    [event] = nodes["Event"]
    assert set(event) >= EVENT_REQUIRED | EVENT_RECOMMENDED
    assert event["startDate"] == f"{days(30).isoformat()}T09:00:00+05:30"
    assert event["endDate"] == f"{days(31).isoformat()}T17:30:00+05:30"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["@type"] == "Place"
    assert event["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Seoul City Hall",
        "addressLocality": "Seoul",
        "addressCountry": "KR",
    }
    assert event["organizer"][0]["name"] == "UN-Habitat"
    assert event["image"][0]["url"].startswith("http")
    assert event["offers"]["url"] == "https://example.org/register"
    assert event["inLanguage"] == "en"
    [page] = nodes["WebPage"]
    assert page["mainEntity"] == {"@id": event["@id"]}
    assert nodes["Organization"][0]["name"]  # the site
    check_breadcrumbs(nodes, "CityNet", "Programs", "Water forum")


def test_online_cancelled_and_rescheduled_events(client, make_program):
    online = make_program(attendance_mode="online", online_url="https://example.org/live")
    cancelled = make_program(event_status="cancelled", registration_url="https://example.org/r")
    moved = make_program(event_status="rescheduled", previous_start_date=days(3))
    all_day = make_program(start_date=days(5), end_date=days(5))

    [event] = json_ld(client, online.url)["Event"]
    assert event["location"] == {"@type": "VirtualLocation", "url": "https://example.org/live"}
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    [event] = json_ld(client, cancelled.url)["Event"]
    assert event["eventStatus"] == "https://schema.org/EventCancelled"
    assert "offers" not in event
    [event] = json_ld(client, moved.url)["Event"]
    assert event["eventStatus"] == "https://schema.org/EventRescheduled"
    assert event["previousStartDate"] == days(3).isoformat()
    [event] = json_ld(client, all_day.url)["Event"]
    assert event["startDate"] == event["endDate"] == days(5).isoformat()


def test_a_project_is_not_an_event(client, make_program):
    project = make_program(kind="project")
    nodes = json_ld(client, project.url)
    assert "Event" not in nodes
    assert "mainEntity" not in nodes["WebPage"][0]
    check_breadcrumbs(nodes, "CityNet", "Programs", project.title)


def test_an_article_is_a_blog_posting_with_its_authors(client, blog_index):
    author = factories.PersonFactory(name="Kim Ji-won", role="Secondee", organisation="Seoul")
    article = factories.ArticlePageFactory(
        parent=blog_index, title="Clean water", hero_image=factories.ImageFactory()
    )
    factories.ArticleAuthorFactory(article=article, person=author)
    article.save_revision().publish()

    nodes = json_ld(client, article.url)

    [posting] = nodes["BlogPosting"]
    assert set(posting) >= ARTICLE_RECOMMENDED
    assert posting["headline"] == "Clean water"
    assert posting["author"] == [
        {
            "@type": "Person",
            "name": "Kim Ji-won",
            "jobTitle": "Secondee",
            "affiliation": {"@type": "Organization", "name": "Seoul"},
        }
    ]
    assert posting["datePublished"] == article.date_published.isoformat()
    assert datetime.datetime.fromisoformat(posting["dateModified"]).utcoffset() is not None
    assert posting["publisher"] == {"@id": nodes["Organization"][0]["@id"]}
    check_breadcrumbs(nodes, "CityNet", blog_index.title, "Clean water")


def test_a_partner_is_an_organization_and_every_page_type_has_breadcrumbs(
    client, organiser, home_page, program_index, blog_index, partner_index
):
    nodes = json_ld(client, organiser.url)
    [site, partner] = nodes["Organization"]
    assert partner["name"] == "UN-Habitat" and partner["alternateName"] == "UNH"
    assert partner["address"]["addressCountry"] == "KR"
    assert nodes["ProfilePage"][0]["mainEntity"] == {"@id": partner["@id"]}
    for page in (home_page, program_index, blog_index, partner_index):
        nodes = json_ld(client, page.url)
        assert nodes["BreadcrumbList"] and nodes["Organization"], page
    assert "CollectionPage" in json_ld(client, program_index.url)


def test_a_translated_program_gives_translated_linked_data(
    client, make_program, korean_program_index
):
    program = make_program(title="Water forum", summary="About water")
    korean = publish_translation(program, "ko", title="물 포럼", summary="물에 대하여")

    nodes = json_ld(client, korean.url)

    [event] = nodes["Event"]
    assert (event["name"], event["description"], event["inLanguage"]) == (
        "물 포럼",
        "물에 대하여",
        "ko",
    )
    [page] = nodes["WebPage"]
    assert page["inLanguage"] == "ko"
    assert page["translationOfWork"] == {"@id": program.get_full_url()}
    english = json_ld(client, program.url)["WebPage"][0]
    assert english["workTranslation"] == [{"@id": korean.get_full_url(), "inLanguage": "ko"}]
    check_breadcrumbs(nodes, "CityNet", "프로그램", "물 포럼")


def test_json_ld_cannot_break_out_of_its_script(client, make_program):
    program = make_program(summary="</script><script>alert(1)</script>")
    html = get_ok(client, program.url)
    assert "<script>alert" not in html
    [event] = json_ld(client, program.url)["Event"]
    assert event["description"] == "</script><script>alert(1)</script>"
