"""No page waits for a workflow that nobody can approve (decision 0141)."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Workflow

from citynet.editorial.roles import APPROVAL_WORKFLOW

pytestmark = pytest.mark.django_db


def test_wagtails_default_moderators_workflow_is_retired():
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    assert Page.objects.get(depth=1).get_workflow() is None


def test_every_demo_page_has_an_approvable_workflow_or_none(home_page):
    call_command("load_demo", stdout=io.StringIO())
    workflows = {}
    for page in Page.objects.filter(depth__gt=1).specific():
        workflow = page.get_workflow()
        workflows.setdefault(type(page).__name__, set()).add(workflow and workflow.name)
        for task in workflow.tasks.specific() if workflow else []:
            members = [user for group in task.groups.all() for user in group.user_set.all()]
            assert members, f"{page}: nobody can approve {task}"

    assert workflows == {
        "HomePage": {None},
        "BlogIndexPage": {APPROVAL_WORKFLOW},
        "ArticlePage": {APPROVAL_WORKFLOW},
        "ProgramIndexPage": {APPROVAL_WORKFLOW},
        "ProgramPage": {APPROVAL_WORKFLOW},
        "PartnerIndexPage": {None},
        "PartnerPage": {None},
    }
