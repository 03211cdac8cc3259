"""import_wxr on small exports: one test per rule of docs/import.md."""

import datetime
import json

import pytest
from django.core.management import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from blog.models import ArticlePage
from citynet.images.models import CustomImage
from citynet.people.models import Person
from tests import factories
from wordpress.models import ImportedItem

from .conftest import HERE, attachment, comment, meta, post, term

pytestmark = pytest.mark.django_db


def article(post_id):
    record = ImportedItem.objects.get(kind="post", wp_id=str(post_id))
    return ArticlePage.objects.get(pk=record.object_id)


def test_a_post_becomes_an_article(export_file, media_dir, run_import):
    path = export_file(
        post(
            title="Rain &amp; <em>rivers</em> in S&#227;o Paulo",
            name="rain-rivers",
            excerpt="<p>How the city &amp; its rivers cope.</p>",
            meta=meta("_thumbnail_id", "5"),
        ),
        attachment(5, "2015/06/river.jpg", parent=1, alt="A river", caption="Flood. Photo: Jo Lee"),
    )
    run_import(path, "--media", str(media_dir("2015/06/river.jpg")))
    page = article(1)
    assert page.title == "Rain & rivers in São Paulo"
    assert page.slug == "rain-rivers"
    assert page.standfirst == "How the city & its rivers cope."
    assert page.date_published == datetime.date(2015, 6, 1)  # the date WordPress showed
    assert page.first_published_at == datetime.datetime(2015, 6, 1, 9, 30, tzinfo=datetime.UTC)
    assert page.live and page.authors.get().person.name == "Ana Cruz"
    image = page.hero_image
    assert (image.description, image.caption, image.credit) == ("A river", "Flood", "Photo: Jo Lee")
    assert page.body[0].block_type == "paragraph"


def test_missing_media_is_reported_and_the_post_imported(export_file, run_import, tmp_path):
    path = export_file(
        post(content='<img class="wp-image-5" src="x.jpg">', meta=meta("_thumbnail_id", "5")),
        attachment(5, "2015/06/gone.jpg"),
    )
    output = run_import(path, "--media", str(tmp_path))
    assert "missing media (1 files not in the media folder)" in output
    assert "https://blog.example.org/wp-content/uploads/2015/06/gone.jpg" in output
    assert article(1).live and article(1).hero_image is None
    assert not CustomImage.objects.exists()


def test_sticky_posts_are_featured_on_the_home_page(export_file, run_import, home_page):
    run_import(export_file(post(sticky=True), post(post_id=2)))
    home_page.refresh_from_db()
    assert [link.page_id for link in home_page.featured_links.all()] == [article(1).pk]
    run_import(export_file(post(sticky=True, title="Changed"), post(post_id=2)))
    assert home_page.featured_links.count() == 1


def test_statuses(export_file, run_import, client):
    run_import(
        export_file(
            post(1, status="publish"),
            post(2, status="draft", date_gmt="0000-00-00 00:00:00"),
            post(3, status="pending"),
            post(4, status="future", date="2099-01-01 09:00:00", date_gmt="2099-01-01 00:00:00"),
            post(5, status="private"),
            post(6, password="enter"),
            post(7, status="trash"),
        )
    )
    assert article(1).live
    assert not article(2).live and not article(3).live
    assert article(2).date_published == datetime.date(2015, 6, 1)
    scheduled = article(4)
    assert not scheduled.live
    assert scheduled.go_live_at == datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC)
    assert scheduled.get_latest_revision().approved_go_live_at == scheduled.go_live_at
    private = PageViewRestriction.objects.get(page=article(5))
    assert private.restriction_type == PageViewRestriction.LOGIN
    password = PageViewRestriction.objects.get(page=article(6))
    assert (password.restriction_type, password.password) == ("password", "enter")
    assert not ImportedItem.objects.filter(wp_id="7").exists()
    # What readers see: only the published post, the others not at all or behind a login.
    assert client.get(article(1).url).status_code == 200
    for post_id in (2, 3, 4):
        assert client.get(f"/en/blog/post-{post_id}/").status_code == 404
    assert client.get(article(5).url).status_code == 302
    assert b"password" in client.get(article(6).url).content.lower()


def test_authors_become_people_and_optionally_users(export_file, run_import, tmp_path):
    existing = factories.PersonFactory(name="Already here")
    authors = tmp_path / "authors.json"
    authors.write_text(
        json.dumps(
            {
                "ana": {"name": "Ana M. Cruz", "bio": "Writes about water.", "user": True},
                "bo": {"person": existing.pk},
            }
        )
    )
    run_import(export_file(post(1), post(2, creator="bo")), "--author-map", str(authors))
    ana = article(1).authors.get().person
    assert (ana.name, ana.bio) == ("Ana M. Cruz", "Writes about water.")
    assert article(1).owner.username == "ana"
    assert not article(1).owner.has_usable_password()
    assert article(2).authors.get().person == existing
    assert Person.objects.count() == 2


def test_categories_to_themes_and_tags(export_file, run_import, tmp_path):
    water = factories.ThemeFactory(slug="water", name="Water")
    themes = tmp_path / "themes.json"
    themes.write_text(json.dumps({"water-supply": "water", "uncategorized": None}))
    output = run_import(
        export_file(
            post(
                terms=term("category", "water-supply", "Water supply")
                + term("category", "uncategorized", "Uncategorized")
                + term("category", "events", "Events")
                + term("post_tag", "rain", "Rain")
            )
        ),
        "--theme-map",
        str(themes),
    )
    page = article(1)
    assert list(page.themes.all()) == [water]
    assert sorted(page.tags.names()) == ["Events", "Rain"]
    assert "categories without a theme, kept as tags: Events" in output


def test_a_theme_map_naming_unknown_themes_is_refused(export_file, run_import, tmp_path):
    themes = tmp_path / "themes.json"
    themes.write_text(json.dumps({"water-supply": "no-such-theme"}))
    with pytest.raises(CommandError, match="no-such-theme"):
        run_import(export_file(post()), "--theme-map", str(themes))


def test_old_addresses_redirect_through_the_middleware(export_file, run_import, client):
    run_import(export_file(post(42, name="flood-maps"), post(43, status="draft")))
    url = article(42).url
    assert client.get("/2015/06/01/flood-maps/").headers["Location"] == url
    response = client.get("/?p=42")
    assert (response.status_code, response.headers["Location"]) == (301, url)
    assert client.get("/?p=43").status_code != 301  # a draft never had a public address
    assert Redirect.objects.count() == 2


def test_a_second_run_updates_and_creates_nothing_twice(export_file, media_dir, run_import):
    items = [
        attachment(5, "a.jpg"),
        post(meta=meta("_thumbnail_id", "5"), terms=term("post_tag", "t", "T")),
    ]
    media = str(media_dir("a.jpg"))
    run_import(export_file(*items), "--media", media)
    counts = (
        Page.objects.count(),
        CustomImage.objects.count(),
        Person.objects.count(),
        Redirect.objects.count(),
    )
    output = run_import(export_file(*items), "--media", media)
    assert "articles: 1 unchanged" in output
    items[1] = post(title="New title", meta=meta("_thumbnail_id", "5"))
    output = run_import(export_file(*items), "--media", media)
    assert "articles: 1 updated" in output
    assert article(1).title == "New title"
    assert (
        Page.objects.count(),
        CustomImage.objects.count(),
        Person.objects.count(),
        Redirect.objects.count(),
    ) == counts


def test_dry_run_writes_nothing(export_file, media_dir, run_import, settings):
    media = media_dir("a.jpg")
    pages = Page.objects.count()
    output = run_import(
        export_file(attachment(5, "a.jpg"), post(meta=meta("_thumbnail_id", "5"), sticky=True)),
        "--media",
        str(media),
        "--dry-run",
    )
    assert "Dry run: nothing was written." in output and "articles: 1 created" in output
    assert Page.objects.count() == pages
    assert not (
        CustomImage.objects.exists() or Redirect.objects.exists() or ImportedItem.objects.exists()
    )
    assert not Person.objects.exists()


def test_a_failing_post_leaves_nothing_half_imported(
    export_file, run_import, media_dir, monkeypatch
):
    from wordpress import importer

    original = importer.Importer.add_redirects

    def fail_for_one(self, item, page):
        if item.post_id == 1:
            raise RuntimeError("disk full")
        return original(self, item, page)

    monkeypatch.setattr(importer.Importer, "add_redirects", fail_for_one)
    photo = attachment(5, "a.jpg")
    hero = meta("_thumbnail_id", "5")
    output = run_import(
        export_file(photo, post(1, title="Doomed", meta=hero), post(2, meta=hero)),
        "--media",
        str(media_dir("a.jpg")),
    )
    assert "FAILED post 1: RuntimeError: disk full" in output
    assert not ArticlePage.objects.filter(title="Doomed").exists()
    assert not ImportedItem.objects.filter(kind="post", wp_id="1").exists()
    # The next post, by the same author with the same photo, made its own.
    assert article(2).live and article(2).hero_image is not None
    assert article(2).authors.get().person.name == "Ana Cruz"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("billion_laughs.xml", "refused"),
        ("external_entity.xml", "refused"),
        ("truncated.xml", "line 6"),
    ],
)
def test_hostile_or_broken_files_are_refused_with_nothing_written(run_import, name, message):
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=message):
        run_import(HERE / name)
    assert Page.objects.count() == pages and not ImportedItem.objects.exists()


@pytest.mark.parametrize(
    "ns", ["http://wordpress.org/export/1.2", "http://wordpress.org/export/1.1"]
)
def test_both_namespaces_and_wxr_versions(export_file, run_import, ns):
    run_import(export_file(post(title="Plain"), ns=ns))
    assert article(1).title == "Plain"


def test_languages_and_translation_pairs(run_import, blog_index, korean_blog_index):
    output = run_import(HERE / "polylang.xml")
    english, korean = article(10), article(11)
    assert (english.locale.language_code, korean.locale.language_code) == ("en", "ko")
    assert korean.get_parent().pk == korean_blog_index.pk
    assert korean.translation_key == english.translation_key
    assert "1 language fr not set up here" in output


def test_pages_menus_custom_types_and_comments_are_counted(export_file, run_import):
    output = run_import(
        export_file(
            post(1, comments=comment(1) + comment(2, parent=1) + comment(3, kind="pingback")),
            post(2, post_type="page", comments=comment(4)),
            post(3, post_type="nav_menu_item"),
            post(4, post_type="event"),
        )
    )
    assert (
        "not imported: 1 comments on pages, 1 custom posts (event), 1 menu items, 1 pages"
    ) in output
    assert (
        "comments: 2 imported (2 approved, 0 held, 0 spam, 0 removed), "
        "1 pingbacks and trackbacks skipped"
    ) in output
    assert ArticlePage.objects.count() == 1


def test_an_imported_table_shows_on_the_page_and_in_the_api(export_file, run_import, client):
    table = "<table><tr><th>City</th></tr><tr><td>Seoul</td></tr></table>"
    run_import(export_file(post(content=f"<p>Figures:</p>{table}")))
    page = article(1)
    html = client.get(page.url).content.decode()
    assert "<table" in html and "Seoul" in html
    body = client.get(f"/api/v2/pages/{page.pk}/").json()["body"]
    assert body[1]["type"] == "table"
    assert body[1]["value"]["data"] == [["City"], ["Seoul"]]
