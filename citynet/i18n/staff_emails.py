"""
Emails to staff speak the language each recipient chose for the admin (Account → Preferences →
Language), decided when the email is sent (decision 0205). Someone who never chose one reads
the site's default language, whoever's action sent the email.
"""

import functools

from django.conf import settings
from django.utils.translation import override
from wagtail.users.models import UserProfile

# Minutes to wait after each failed send of an email queued on the task worker: about a day in
# all, then the email is given up (logged). Comment and outdated-translation emails (0182, 0240).
EMAIL_RETRY_MINUTES = [1, 5, 15, 60, 180, 600, 600]


def admin_language(user):
    return by_admin_language([user])[0][0]


def by_admin_language(users):
    """[(language, [users])]: the users grouped by admin language, in one query, by code."""
    users = list(users)
    chosen = dict(
        UserProfile.objects.filter(user__in=[user.pk for user in users])
        .exclude(preferred_language="")
        .values_list("user_id", "preferred_language")
    )
    groups = {}
    for user in users:
        groups.setdefault(chosen.get(user.pk, settings.LANGUAGE_CODE), []).append(user)
    return sorted(groups.items())


def in_default_language(notifier):
    """
    Wagtail's workflow and page-comment emails speak each recipient's chosen language or, for
    one who chose none, the language active when sent, which is the acting reviewer's or
    commenter's: the site's default instead (decisions 0265, 0277).
    """

    @functools.wraps(notifier)
    def send(*args, **kwargs):
        with override(settings.LANGUAGE_CODE):
            return notifier(*args, **kwargs)

    return send
