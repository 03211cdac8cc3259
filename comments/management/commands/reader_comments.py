"""
Privacy requests: `manage.py reader_comments export EMAIL` prints, as JSON, one person's reader
comments and the reader accounts they signed in to comment with; `manage.py reader_comments
erase EMAIL` deletes them (the comments with their replies, and the accounts). Staff accounts
are never touched: they are managed in the admin.
"""

import json

from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q

from comments.models import ReaderComment
from comments.moderation import staff_users

EXPORTED_FIELDS = [
    "id",
    "page_id",
    "page__title",
    "parent_id",
    "author_name",
    "author_email",
    "author_url",
    "text",
    "status",
    "email_confirmed",
    "ip_address",
    "language",
    "created_at",
]


class Command(BaseCommand):
    help = "Export or erase one person's reader comments, by email address."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Erase without asking."
        )

    def handle(self, action, email, interactive=True, **options):
        if "@" not in email:
            raise CommandError(f"{email!r} is not an email address.")
        accounts = reader_accounts(email)
        comments = ReaderComment.objects.filter(
            Q(author_email__iexact=email.strip()) | Q(user__in=accounts)
        )
        if action == "export":
            data = {
                "comments": list(comments.values(*EXPORTED_FIELDS)),
                "accounts": [account_data(account) for account in accounts],
            }
            self.stdout.write(json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False))
            return
        count, account_count = comments.count(), len(accounts)
        if interactive and (count or account_count):
            question = f"Delete {count} reader comments and {account_count} accounts of {email}?"
            if input(question + " [y/N] ").strip().lower() != "y":
                raise CommandError("Nothing deleted.")
        for comment in comments:
            comment.delete()  # one by one, so that cached pages forget the public ones
        for account in accounts:
            account.delete()  # with its sign-ins (allauth's social accounts)
        self.stdout.write(
            f"Deleted {count} reader comments and {account_count} reader accounts of {email}."
        )


def reader_accounts(email):
    """The accounts a reader made by signing in to comment: social sign-ins, never staff."""
    readers = get_user_model().objects.filter(
        pk__in=SocialAccount.objects.values("user_id"), email__iexact=email.strip()
    )
    return list(readers.exclude(pk__in=staff_users().values("pk")))


def account_data(user):
    return {
        "username": user.get_username(),
        "name": user.get_full_name(),
        "email": user.email,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "sign_ins": list(
            user.socialaccount_set.values("provider", "uid", "extra_data", "date_joined")
        ),
    }
