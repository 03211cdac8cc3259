"""Every boundary of the secondment staff role: each attempt is refused and nothing changes."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import APIToken, Page, WorkflowState

from tests import factories
from tests.editorial.forms import edit_form_data


def edit(client, page, **changes):
    data = edit_form_data(client, page, **changes)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def refused(response):
    """Wagtail answers a refused admin request with a redirect to the dashboard, or 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


@pytest.mark.django_db
def test_secondee_writes_and_saves_own_article(client, secondee, draft_article):
    client.force_login(secondee)
    add_url = reverse(
        "wagtailadmin_pages:add", args=["blog", "articlepage", draft_article.get_parent().pk]
    )
    assert client.get(add_url).status_code == 200

    response = edit(client, draft_article, title="Resilient cities")

    assert response.status_code == 302
    draft_article.refresh_from_db()
    assert draft_article.get_latest_revision_as_object().title == "Resilient cities"


@pytest.mark.django_db
def test_secondee_cannot_publish_from_the_edit_form(client, secondee, draft_article):
    client.force_login(secondee)

    edit(client, draft_article, **{"action-publish": "action-publish"})

    draft_article.refresh_from_db()
    assert not draft_article.live
    assert draft_article.live_revision is None


@pytest.mark.django_db
def test_secondee_cannot_schedule(client, secondee, draft_article):
    client.force_login(secondee)
    go_live = (timezone.now() + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")

    response = edit(client, draft_article, title="Scheduled?", go_live_at=go_live)

    assert response.status_code == 302
    draft_article.refresh_from_db()
    assert draft_article.get_latest_revision_as_object().title == "Scheduled?"
    assert draft_article.get_latest_revision_as_object().go_live_at is None


@pytest.mark.django_db
def test_secondee_cannot_publish_with_the_bulk_action(client, secondee, draft_article):
    client.force_login(secondee)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])

    client.post(f"{url}?id={draft_article.pk}", {"include_descendants": ""})

    draft_article.refresh_from_db()
    assert not draft_article.live


@pytest.mark.django_db
def test_secondee_cannot_unpublish_own_live_article(client, secondee, blog_index, author):
    article = factories.ArticlePageFactory(parent=blog_index, owner=secondee)
    article.save_revision(user=secondee).publish()
    client.force_login(secondee)

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk]))

    assert refused(response)
    article.refresh_from_db()
    assert article.live


@pytest.mark.django_db
def test_secondee_cannot_publish_through_the_page_actions_the_apis_use(secondee, draft_article):
    revision = draft_article.latest_revision

    with pytest.raises(PermissionDenied):
        PublishPageRevisionAction(revision, user=secondee).execute()

    draft_article.refresh_from_db()
    assert not draft_article.live


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_secondee_cannot_publish_or_unpublish_through_the_v3_api(
    client, secondee, draft_article, blog_index, action
):
    own_live = factories.ArticlePageFactory(parent=blog_index, owner=secondee)
    own_live.save_revision(user=secondee).publish()
    page = draft_article if action == "publish" else own_live
    _token, secret = APIToken.create_token(user=secondee, name="secondee's token")

    response = client.post(
        f"/api/v3/pages/{page.pk}/actions/{action}/",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )

    assert response.status_code in (403, 404)
    page.refresh_from_db()
    assert page.live is (action == "unpublish")


@pytest.mark.django_db
def test_secondee_cannot_edit_another_authors_article(client, secondee, live_article):
    client.force_login(secondee)
    url = reverse("wagtailadmin_pages:edit", args=[live_article.pk])
    title = live_article.title

    assert refused(client.get(url))
    assert refused(client.post(url, {"title": "Defaced", "action-publish": "1"}))

    live_article.refresh_from_db()
    assert live_article.title == title
    assert live_article.get_latest_revision_as_object().title == title


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["program", "partner"])
def test_secondee_cannot_touch_programs_or_partners(
    client, secondee, program_index, partner_index, kind
):
    if kind == "program":
        page = factories.ProgramPageFactory(parent=program_index)
        parent = program_index
    else:
        page = factories.PartnerPageFactory(parent=partner_index)
        parent = partner_index
    client.force_login(secondee)
    title = page.title

    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    assert refused(client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"title": "X"}))
    assert refused(
        client.get(
            reverse(
                "wagtailadmin_pages:add",
                args=[page._meta.app_label, page._meta.model_name, parent.pk],
            )
        )
    )
    page.refresh_from_db()
    assert page.title == title


@pytest.mark.django_db
def test_secondee_cannot_approve_own_submission(client, secondee, draft_article):
    client.force_login(secondee)
    edit(client, draft_article, **{"action-submit": "action-submit"})
    state = WorkflowState.objects.get(object_id=str(draft_article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[draft_article.pk, "approve", state.current_task_state.pk],
    )

    response = client.post(url, {})

    assert response.status_code in (302, 403)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    draft_article.refresh_from_db()
    assert not draft_article.live


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/admin/snippets/people/person/",
        "/admin/snippets/people/person/add/",
        "/admin/snippets/taxonomy/theme/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/sites/",
        "/admin/locales/",
        "/admin/workflows/list/",
        "/admin/calendar/",
    ],
)
def test_secondee_cannot_open_people_themes_settings_or_users(client, secondee, path):
    client.force_login(secondee)
    assert refused(client.get(path))


@pytest.mark.django_db
def test_secondee_cannot_delete_a_section(client, secondee, blog_index):
    client.force_login(secondee)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[blog_index.pk]))
    assert refused(response)
    assert Page.objects.filter(pk=blog_index.pk).exists()


@pytest.mark.django_db
def test_communications_edit_and_publish_everything_in_their_sections(
    client, comms, live_article, program_index, partner_index
):
    program = factories.ProgramPageFactory(parent=program_index, live=False)
    program.save_revision()
    partner = factories.PartnerPageFactory(parent=partner_index, live=False)
    partner.save_revision()
    client.force_login(comms)

    for page in (live_article, program, partner):
        response = edit(client, page, title=f"Edited {page.title}", **{"action-publish": "1"})
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.live and page.title.startswith("Edited")

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[live_article.pk]))
    live_article.refresh_from_db()
    assert not live_article.live


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/admin/snippets/people/person/add/", "/admin/snippets/taxonomy/theme/", "/admin/calendar/"],
)
def test_communications_manage_people_themes_and_see_the_calendar(client, comms, path):
    client.force_login(comms)
    assert client.get(path).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/users/", "/admin/sites/"])
def test_communications_cannot_change_settings_or_users(client, comms, path):
    client.force_login(comms)
    assert refused(client.get(path))


@pytest.mark.django_db
def test_secondee_edit_keeps_the_schedule_set_by_communications(client, secondee, draft_article):
    go_live = (timezone.now() + datetime.timedelta(days=2)).replace(second=0, microsecond=0)
    draft_article.go_live_at = go_live
    draft_article.save_revision()
    client.force_login(secondee)

    edit(client, draft_article, title="Retitled", go_live_at="", expire_at="2030-01-01 00:00")

    draft_article.refresh_from_db()
    latest = draft_article.get_latest_revision_as_object()
    assert latest.title == "Retitled"
    assert latest.go_live_at == go_live
    assert latest.expire_at is None


@pytest.mark.django_db
def test_communications_can_publish_through_the_v3_api(client, comms, draft_article):
    _token, secret = APIToken.create_token(user=comms, name="comms token")

    response = client.post(
        f"/api/v3/pages/{draft_article.pk}/actions/publish/",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )

    assert response.status_code == 200
    draft_article.refresh_from_db()
    assert draft_article.live
