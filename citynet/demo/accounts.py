"""
Demo accounts, for local use only (their passwords are in the README). The editorial workflow
gives the secondment staff and communications team their permissions through its groups; until
those groups exist, both accounts get admin access only.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from citynet.core.checks import DEMO_PASSWORDS
from citynet.core.factories import UserFactory

ACCOUNTS = [
    # username, password (the deploy check refuses it), first name, last name, role group
    ("admin", DEMO_PASSWORDS["admin"], "Site", "Administrator", None),
    ("secondee", DEMO_PASSWORDS["secondee"], "Min-ji", "Park", "Secondment staff"),
    ("comms", DEMO_PASSWORDS["comms"], "Ayu", "Pratiwi", "Communications team"),
]
ADMIN_ACCESS_GROUP = "Demo admin access"


def admin_access_group():
    group, _ = Group.objects.get_or_create(name=ADMIN_ACCESS_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def load_accounts(log):
    User = get_user_model()
    for username, password, first_name, last_name, role in ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        user = UserFactory(
            username=username,
            password=password,  # hashed by the factory's Password declaration
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@citynet.example.org",
            is_staff=username == "admin",
            is_superuser=username == "admin",
        )
        if role:
            group = Group.objects.filter(name=role).first() or admin_access_group()
            user.groups.add(group)
        log(f"Created account: {username}")
