"""
A deploy check (`manage.py check --deploy`): the demo's accounts, whose passwords the README
publishes, must not exist in a deployed database with those passwords. The demo app itself is
installed by the development and test settings only, and needs the `demo` extra (factory-boy),
which a production install lacks: the published passwords live here, and the demo reads them.
"""

from django.contrib.auth import get_user_model
from django.core.checks import Error, Tags, register
from django.db import DatabaseError

# The demo accounts' user names and passwords, as the README publishes them.
DEMO_PASSWORDS = {
    "admin": "citynet-admin",
    "secondee": "citynet-secondee",
    "comms": "citynet-comms",
}


@register(Tags.security, deploy=True)
def check_no_demo_accounts(app_configs, **kwargs):
    users = get_user_model().objects.filter(username__in=DEMO_PASSWORDS, is_active=True)
    try:
        found = [user for user in users if user.check_password(DEMO_PASSWORDS[user.username])]
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
