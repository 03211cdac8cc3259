"""
A deploy check (`manage.py check --deploy`): the demo's accounts, whose passwords the README
publishes, must not exist in a deployed database with those passwords. The demo app itself is
installed by the development and test settings only.
"""

from django.contrib.auth import get_user_model
from django.core.checks import Error, Tags, register
from django.db import DatabaseError


@register(Tags.security, deploy=True)
def check_no_demo_accounts(app_configs, **kwargs):
    # The demo's own list, read as data: the demo app need not be installed to read it.
    from citynet.demo.accounts import ACCOUNTS

    users = get_user_model().objects.filter(
        username__in=[username for username, *_ in ACCOUNTS], is_active=True
    )
    passwords = {username: password for username, password, *_ in ACCOUNTS}
    try:
        found = [user for user in users if user.check_password(passwords[user.username])]
    except DatabaseError:  # no database yet (checks run before the first migrate too)
        return []
    return [
        Error(
            f"The demo account {user.username!r} exists with its published password.",
            hint="Delete it or change its password: the README publishes the demo passwords.",
            id="citynet.E001",
        )
        for user in found
    ]
