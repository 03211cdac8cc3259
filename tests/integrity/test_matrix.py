"""
One truth on every surface (issue 23): every state a page can be in, against every surface that
shows pages, generated here and asserted cell by cell. The states are built once; each cell
asks one surface whether it shows one subject page, and compares with what the visibility rule
says (docs/security.md, "What public means"). Varnish is left to the cluster tests
(tests/delivery/test_cluster.py), which run `make cluster`'s stack.

A state, a page type or a URL that is not in the matrix fails `test_the_matrix_covers_*`.
"""

import datetime
import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import LocalePrefixPattern, URLResolver, get_resolver
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models

from blog.models import ArticlePage, BlogIndexPage
from citynet.api.router import api_router
from citynet.webhooks.events import SUBSCRIBABLE
from citynet.webhooks.models import Delivery, Subscription
from home.models import HomePage
from partners.models import PartnerIndexPage, PartnerPage
from programs.models import ProgramIndexPage, ProgramPage
from tests import factories

pytestmark = pytest.mark.django_db

KINDS = {"article": ArticlePage, "program": ProgramPage, "partner": PartnerPage}
# The states of issue 23, and whether anonymous readers may see a page in each.
STATES = {
    "live": True,
    "draft": False,
    "scheduled": False,  # go-live in the future
    "expired": False,  # expire_at passed, the worker has not unpublished it
    "unpublished_after_cached": False,
    "login_restricted": False,
    "password_restricted": False,
    "restricted_by_parent": False,
    "translation_awaiting_approval": False,
    "alias": True,  # an alias of a live page is a live page at its own URL
    "moved": True,  # shown at its new URL
    "deleted": False,
}
# Page fields that decide visibility, each covered by a state above; every other field of
# Wagtail's Page is named as not deciding it. A new field fails a test below.
VISIBILITY_FIELDS = {
    "live": "draft, unpublished_after_cached",
    "go_live_at": "scheduled",
    "expire_at": "expired",
    "expired": "expired",
    "path": "restricted_by_parent, moved",
    "url_path": "moved",
    "alias_of": "alias",
    "locale": "translation_awaiting_approval",
    "translation_key": "translation_awaiting_approval",
    "view_restrictions": "login_restricted, password_restricted, restricted_by_parent",
    "sites_rooted_here": "another site: tests/api/test_visibility.py",
}
NOT_VISIBILITY_FIELDS = {
    "id", "depth", "numchild", "title", "draft_title", "slug", "content_type",
    "has_unpublished_changes", "owner", "seo_title", "show_in_menus", "search_description",
    "first_published_at", "last_published_at", "latest_revision_created_at", "latest_revision",
    "live_revision", "locked", "locked_at", "locked_by", "_revisions", "_specific_workflow_states",
    "_workflow_states", "wagtail_admin_comments", "subscribers",
    "group_permissions", "aliases", "workflowpage", "index_entries",
    "revisions", "workflow_states", "comments", "wagtailcore_pagesubscription",
    "redirect", "formsubmission", "reader_comments",
}  # fmt: skip
# Every URL prefix of the site and the surface of the matrix that covers it, or why none does.
URL_SURFACES = {
    "django-admin/": "not a public surface (staff only)",
    "admin/password_reset/": "not a public surface",
    "admin/": "not a public surface (v3 tokens stand for editors here)",
    "documents/": "private collections: tests/security/test_private_documents.py",
    "api/": "v2 and v3 columns",
    "sitemap.xml": "sitemap",
    "feeds/articles/": "atom",
    "language_article_feed": "atom (each language's feed, /<lang>/feeds/articles/)",
    "accounts/": "not a public surface (readers sign in to comment; no page content)",
    "calendar/": "not a public surface (the editorial calendar needs a login or a secret)",
    "programs/": "ical_feed, ical_program",
    "search": "search_html",
    "comments/": "comments_api (the HTML form posts here)",
    "wagtailcore_authenticate_with_password": "password_restricted (html_page)",
    "wagtailcore_login": "login_restricted (html_page)",
    "wagtail_serve": "html_page, html_listing, html_relations, json_ld",
}
V2_ENDPOINTS = {
    "pages": "v2_list, v2_detail, v2_find, search_api, relations",
    "images": "private collections: tests/api/test_private_collections.py",
    "documents": "private collections: tests/api/test_private_collections.py",
    "people": "not pages: tests/api/test_pages.py (people are drafts until approved)",
    "themes": "not pages (no visibility state)",
    "comments": "comments_api",
}


def token_for(user):
    output = io.StringIO()
    call_command("api_tokens", "create", "--user", user.username, "--name", "m", stdout=output)
    return output.getvalue().strip().splitlines()[-1]


class World:
    """Every subject page, one per page type and state, and the hubs that link them."""

    def __init__(self, home, secondee, comms):
        self.home = home
        self.blog = factories.BlogIndexPageFactory(parent=home, title="Blog", slug="blog")
        self.programs = factories.ProgramIndexPageFactory(
            parent=home, title="Programs", slug="programs"
        )
        self.partners = factories.PartnerIndexPageFactory(
            parent=home, title="Partners", slug="partners"
        )
        self.indexes = {"article": self.blog, "program": self.programs, "partner": self.partners}
        self.private_indexes = {
            "article": factories.BlogIndexPageFactory(
                parent=home, title="Members blog", slug="members-blog"
            ),
            "program": factories.ProgramIndexPageFactory(
                parent=home, title="Members programs", slug="members-programs"
            ),
            "partner": factories.PartnerIndexPageFactory(
                parent=home, title="Members partners", slug="members-partners"
            ),
        }
        self.elsewhere = {
            "article": factories.BlogIndexPageFactory(parent=home, title="Archive", slug="archive"),
            "program": factories.ProgramIndexPageFactory(
                parent=home, title="Past programs", slug="past-programs"
            ),
            "partner": factories.PartnerIndexPageFactory(
                parent=home, title="Former partners", slug="former-partners"
            ),
        }
        for index in self.private_indexes.values():
            PageViewRestriction.objects.create(page=index, restriction_type="login")
        self.secondee, self.comms = secondee, comms
        self.tokens = {"secondee": token_for(secondee), "comms": token_for(comms)}
        self.hub_article = factories.ArticlePageFactory(
            parent=self.blog, title="Hub article", slug="hub-article", owner=secondee
        )
        self.hub_program = factories.ProgramPageFactory(
            parent=self.programs, title="Hub program", slug="hub-program"
        )
        self.hub_partner = factories.PartnerPageFactory(
            parent=self.partners, title="Hub partner", slug="hub-partner"
        )
        self.subjects = {}  # (kind, state) -> (page id, its URL when readers last could see it)

    def make(self, kind, state):
        marker = f"Matrix {state.replace('_', ' ')} {kind}"
        parent = self.indexes[kind]
        if state == "restricted_by_parent":
            parent = self.private_indexes[kind]
        elif state == "moved":  # into the section its feeds and listings show
            parent = self.elsewhere[kind]
        factory = {
            "article": factories.ArticlePageFactory,
            "program": factories.ProgramPageFactory,
            "partner": factories.PartnerPageFactory,
        }[kind]
        slug = marker.lower().replace(" ", "-")
        page = factory(parent=parent, title=marker, slug=slug, live=False, owner=self.secondee)
        url = page.url
        if state == "draft":
            pass
        elif state == "scheduled":
            page.go_live_at = timezone.now() + datetime.timedelta(days=1)
            page.save_revision().publish()
        elif state in ("login_restricted", "password_restricted"):
            restriction = state.removesuffix("_restricted")
            PageViewRestriction.objects.create(
                page=page, restriction_type=restriction, password="secret"
            )
            page.save_revision().publish()
        elif state == "translation_awaiting_approval":
            page.save_revision().publish()
            page = page.copy_for_translation(
                Locale.objects.get(language_code="ko"), copy_parents=True
            )
            marker = page.title = f"{marker} (ko)"  # the live English page keeps its own title
            page.save()
            url = f"/ko{url.removeprefix('/en')}"
        else:
            page.save_revision().publish()
            page = Page.objects.get(pk=page.pk).specific  # publish() saved another instance
            url = page.url
        if state == "expired":
            page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
            page.save(update_fields=["expire_at"])
        elif state == "alias":
            page = page.create_alias(parent=self.elsewhere[kind], update_slug=f"{page.slug}-alias")
            url = page.url
        elif state == "moved":
            page.move(self.indexes[kind], pos="last-child")
            page = Page.objects.get(pk=page.pk).specific
            url = page.url
        self.link(kind, page)
        self.subjects[kind, state] = (page.pk, url, marker)

    def link(self, kind, page):
        """Every relation field that can name a page of this kind names it."""
        self.home.featured_links.create(page=page)
        if kind == "program":
            factories.ArticleProgramFactory(article=self.hub_article, program=page)
            factories.ProgramPartnerFactory(program=page, partner=self.hub_partner)
        elif kind == "partner":
            factories.ArticlePartnerFactory(article=self.hub_article, partner=page)
            factories.ProgramPartnerFactory(program=self.hub_program, partner=page)

    def after_caching(self, client):
        """States that change a page after every anonymous surface showed it (and cached it)."""
        for (kind, state), (pk, url, marker) in self.subjects.items():
            if state in ("unpublished_after_cached", "deleted"):
                for surface, readers, kinds in SURFACES:
                    if kind in kinds and "anonymous" in readers:
                        surface(client, self, kind, pk, url, marker, "anonymous")
                page = Page.objects.get(pk=pk).specific
                if state == "deleted":
                    page.delete()
                else:
                    page.unpublish()


# Surfaces: each says whether it shows the subject (pk, url, marker) to the reader.


def get(client, url, reader="anonymous", world=None, **params):
    headers = {}
    if reader != "anonymous":
        headers["Authorization"] = f"Bearer {world.tokens[reader]}"
    response = client.get(url, params, headers=headers)
    assert response.status_code < 500, (url, response.content[:300])
    return response


def html_page(client, world, kind, pk, url, marker, reader):
    response = get(client, url)
    return response.status_code == 200 and marker in response.content.decode()


def html_listing(client, world, kind, pk, url, marker, reader):
    pages = (world.home.url, world.indexes[kind].url)
    return any(marker in get(client, page).content.decode() for page in pages)


def v2_list(client, world, kind, pk, url, marker, reader):
    data = get(client, "/api/v2/pages/", type=KINDS[kind]._meta.label, limit=100).json()
    return pk in [item["id"] for item in data["items"]]


def v2_detail(client, world, kind, pk, url, marker, reader):
    return get(client, f"/api/v2/pages/{pk}/").status_code == 200


def v2_find(client, world, kind, pk, url, marker, reader):
    return get(client, "/api/v2/pages/find/", id=pk).status_code == 302


def v3_list(client, world, kind, pk, url, marker, reader):
    label = KINDS[kind]._meta.label
    data = get(client, "/api/v3/pages/", reader, world, type=label, title=marker).json()
    return pk in [item["id"] for item in data["items"]]


def v3_detail(client, world, kind, pk, url, marker, reader):
    return get(client, f"/api/v3/pages/{pk}/", reader, world).status_code == 200


RELATIONS = {
    "article": [],
    "program": [("hub_article", "related_programs"), ("hub_partner", "programs")],
    "partner": [("hub_article", "related_partners"), ("hub_program", "partners")],
}


def relation_ids(client, world, kind, api, reader):
    hubs = [(world.home, "featured_pages")]
    hubs += [(getattr(world, hub), field) for hub, field in RELATIONS[kind]]
    ids = set()
    for hub, field in hubs:
        data = get(client, f"/api/{api}/pages/{hub.pk}/", reader, world).json()
        ids.update(item["id"] for item in data[field])
    return ids


def v2_relations(client, world, kind, pk, url, marker, reader):
    return pk in relation_ids(client, world, kind, "v2", reader)


def v3_relations(client, world, kind, pk, url, marker, reader):
    return pk in relation_ids(client, world, kind, "v3", reader)


def v3_relations_token(client, world, kind, pk, url, marker, reader):
    """The hub article (the secondee's, in the comms team's section) read with a token."""
    field = {"program": "related_programs", "partner": "related_partners"}[kind]
    data = get(client, f"/api/v3/pages/{world.hub_article.pk}/", reader, world).json()
    return pk in [item["id"] for item in data[field]]


def html_relations(client, world, kind, pk, url, marker, reader):
    hubs = [world.home] + [getattr(world, hub) for hub, _field in RELATIONS[kind]]
    return any(marker in get(client, hub.url).content.decode() for hub in hubs)


def search_html(client, world, kind, pk, url, marker, reader):
    # The results link to each page (the page echoes the query: the marker is not enough).
    return f'href="{url}"' in get(client, "/en/search/", q=marker).content.decode()


def search_api(client, world, kind, pk, url, marker, reader):
    data = get(client, "/api/v2/pages/", search=marker, type=KINDS[kind]._meta.label).json()
    return pk in [item["id"] for item in data["items"]]


def sitemap(client, world, kind, pk, url, marker, reader):
    return f"{url}<" in get(client, "/sitemap.xml").content.decode()


def atom(client, world, kind, pk, url, marker, reader):
    return marker in get(client, "/feeds/articles/").content.decode()


def ical_feed(client, world, kind, pk, url, marker, reader):
    return marker in get(client, "/programs/calendar.ics").content.decode()


def ical_program(client, world, kind, pk, url, marker, reader):
    return get(client, f"/programs/{pk}/calendar.ics").status_code == 200


JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client, world, kind, pk, url, marker, reader):
    pages = [url, world.home.url, world.indexes[kind].url]
    documents = [JSON_LD.findall(get(client, page).content.decode()) for page in pages]
    return any(marker in json.dumps(document) for document in documents)


def comments_api(client, world, kind, pk, url, marker, reader):
    return get(client, "/api/v2/comments/", page=pk).status_code == 200


def webhook_payloads(client, world, kind, pk, url, marker, reader):
    return any(marker in body for body in Delivery.objects.values_list("body", flat=True))


# (surface, readers, page kinds it applies to)
ANONYMOUS = ("anonymous",)
EVERYONE = ("anonymous", "secondee", "comms")
ALL_KINDS = tuple(KINDS)
SURFACES = [
    (html_page, ANONYMOUS, ALL_KINDS),
    (html_listing, ANONYMOUS, ALL_KINDS),
    (html_relations, ANONYMOUS, ALL_KINDS),
    (v2_list, ANONYMOUS, ALL_KINDS),
    (v2_detail, ANONYMOUS, ALL_KINDS),
    (v2_find, ANONYMOUS, ALL_KINDS),
    (v2_relations, ANONYMOUS, ALL_KINDS),
    (v3_list, EVERYONE, ALL_KINDS),
    (v3_detail, EVERYONE, ALL_KINDS),
    (v3_relations, ANONYMOUS, ALL_KINDS),
    (v3_relations_token, ("secondee", "comms"), ("program", "partner")),
    (search_html, ANONYMOUS, ALL_KINDS),
    (search_api, ANONYMOUS, ALL_KINDS),
    (sitemap, ANONYMOUS, ALL_KINDS),
    (atom, ANONYMOUS, ("article",)),
    (ical_feed, ANONYMOUS, ("program",)),
    (ical_program, ANONYMOUS, ("program",)),
    (json_ld, ANONYMOUS, ALL_KINDS),
    (comments_api, ANONYMOUS, ("article", "program")),
    (webhook_payloads, ANONYMOUS, ALL_KINDS),
]
# Webhooks tell subscribers about what was public when it changed: a page that was public once
# (then unpublished, expired or deleted) was announced, and its removal too.
ANNOUNCED = {"live", "alias", "moved", "expired", "unpublished_after_cached", "deleted"}


def expected(world, surface, kind, state, pk, reader):
    if surface is webhook_payloads:
        return state in ANNOUNCED
    if reader != "anonymous" and surface in (v3_list, v3_detail):
        # A token adds what its user may change or publish in the admin, drafts included.
        page = Page.objects.filter(pk=pk).first()
        user = getattr(world, reader)
        permissions = page and page.permissions_for_user(user)
        editable = bool(permissions and (permissions.can_edit() or permissions.can_publish()))
        return STATES[state] or editable
    return STATES[state]


@pytest.fixture
def world(home_page, secondee, comms):
    Subscription.objects.create(url="https://hooks.example/in", events=SUBSCRIBABLE)
    world = World(home_page, secondee, comms)
    for kind in KINDS:
        for state in STATES:
            world.make(kind, state)
    for hub in (world.home, world.hub_article, world.hub_program, world.hub_partner):
        hub.save_revision().publish()
    return world


def test_every_state_on_every_surface(client, world, capsys):
    world.after_caching(client)
    wrong = []
    cells = 0
    for (kind, state), (pk, url, marker) in world.subjects.items():
        for surface, readers, kinds in SURFACES:
            if kind not in kinds:
                continue
            for reader in readers:
                cells += 1
                shown = surface(client, world, kind, pk, url, marker, reader)
                if shown != expected(world, surface, kind, state, pk, reader):
                    wrong.append(f"{kind} {state} on {surface.__name__} ({reader}): {shown}")
    with capsys.disabled():
        size = f"{len(STATES)} states, {len(SURFACES)} surfaces, {cells} cells"
        print(f"\nstate × surface matrix: {size}")
    assert not wrong, "\n".join(wrong)


def test_the_matrix_covers_every_page_type():
    hubs_and_listings = {HomePage, BlogIndexPage, ProgramIndexPage, PartnerIndexPage}
    assert set(get_page_models()) - {Page} == set(KINDS.values()) | hubs_and_listings


def test_the_matrix_covers_every_url_and_endpoint():
    prefixes = set()
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern):
            for localised in pattern.url_patterns:
                prefixes.add(getattr(localised, "name", None) or str(localised.pattern))
        else:
            prefixes.add(str(pattern.pattern))
    assert prefixes == set(URL_SURFACES)
    assert set(api_router._endpoints) == set(V2_ENDPOINTS)


def test_the_matrix_covers_every_field_that_decides_visibility():
    fields = {
        field.name
        for field in Page._meta.get_fields()
        if not (field.one_to_one and issubclass(field.related_model, Page))  # page types
    }
    unclassified = fields - set(VISIBILITY_FIELDS) - NOT_VISIBILITY_FIELDS
    assert not unclassified, f"a new Page field: is it a state of the matrix? {unclassified}"
