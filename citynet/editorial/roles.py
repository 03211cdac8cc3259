"""
The editorial roles and the sections they work in.

Groups, the approval workflow and the grants on sections that already exist are created by
migration 0001. Sections created later (by an editor, a translation or the demo loader) get the
same grants from `grant_section_access`, called when such a page is created (see signals.py).
Sections are named by model label because `citynet` imports no plugin (decision 0002).
"""

from django.apps import apps as global_apps

SECONDEES = "Secondment staff"
COMMUNICATIONS = "Communications team"
APPROVAL_WORKFLOW = "Communications approval"

FULL_PAGE_RIGHTS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]

# Section index page -> what each role may do in it, and whether its pages need approval.
SECTIONS = {
    "blog.blogindexpage": {
        SECONDEES: ["add_page"],
        COMMUNICATIONS: FULL_PAGE_RIGHTS,
        "approval": True,
    },
    "programs.programindexpage": {COMMUNICATIONS: FULL_PAGE_RIGHTS, "approval": True},
    "partners.partnerindexpage": {COMMUNICATIONS: FULL_PAGE_RIGHTS, "approval": False},
}


def grant_section_access(page, section_label, apps=global_apps):
    """Give the roles their rights on a section page and attach the approval workflow.

    Idempotent. `apps` is the migration's app registry when called from a migration.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    section = SECTIONS[section_label]
    for group in Group.objects.filter(name__in=[SECONDEES, COMMUNICATIONS]):
        for codename in section.get(group.name, []):
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=page.pk, permission=permission
            )
    if section["approval"]:
        workflow = Workflow.objects.filter(name=APPROVAL_WORKFLOW, active=True).first()
        if workflow:
            WorkflowPage.objects.update_or_create(page_id=page.pk, defaults={"workflow": workflow})
