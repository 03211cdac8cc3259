from django.contrib.auth.management import create_permissions
from django.db import migrations

from citynet.editorial.roles import (
    APPROVAL_WORKFLOW,
    COMMUNICATIONS,
    SECONDEES,
    SECTIONS,
    grant_section_access,
)

# Model permissions (app label, codename) per role; images and documents are granted on the root
# collection instead, below. Wagtail checks image permissions on wagtailimages.Image even with a
# custom image model.
MODEL_PERMISSIONS = {
    SECONDEES: [("wagtailadmin", "access_admin")],
    COMMUNICATIONS: [
        ("wagtailadmin", "access_admin"),
        ("editorial", "view_calendar"),
        *[
            (app, f"{action}_{model}")
            for app, model in [("people", "person"), ("taxonomy", "theme")]
            for action in ("add", "change", "delete", "view")
        ],
    ],
}
COLLECTION_PERMISSIONS = {
    SECONDEES: [("wagtailimages", "add_image"), ("wagtailimages", "choose_image")],
    COMMUNICATIONS: [
        *[("wagtailimages", f"{action}_image") for action in ("add", "change", "delete", "choose")],
        *[("wagtaildocs", f"{action}_document") for action in ("add", "change", "delete", "choose")],
    ],
}


def create_roles(apps, schema_editor):
    # Model permissions are normally created after the last migration; create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Page = apps.get_model("wagtailcore", "Page")

    root_collection = Collection.objects.get(depth=1)
    for name in (SECONDEES, COMMUNICATIONS):
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in MODEL_PERMISSIONS[name]:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        for app_label, codename in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                ),
            )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=APPROVAL_WORKFLOW, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(Group.objects.get(name=COMMUNICATIONS))
    workflow, created = Workflow.objects.get_or_create(name=APPROVAL_WORKFLOW)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    # Sections that already exist; later ones are handled when they are created.
    for label in SECTIONS:
        app_label, model = label.split(".")
        for page in Page.objects.filter(
            content_type__app_label=app_label, content_type__model=model
        ):
            grant_section_access(page, label, apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_calendar_feed"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("people", "0001_initial"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
