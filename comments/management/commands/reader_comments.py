"""
Privacy requests: `manage.py reader_comments export EMAIL` prints one person's reader comments as
JSON; `manage.py reader_comments erase EMAIL` deletes them (and the replies to them).
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from comments.models import ReaderComment

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
        comments = ReaderComment.objects.by_email(email)
        if action == "export":
            rows = list(comments.values(*EXPORTED_FIELDS))
            self.stdout.write(json.dumps(rows, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False))
            return
        count = comments.count()
        if interactive and count:
            answer = input(f"Delete {count} reader comments by {email}? [y/N] ")
            if answer.strip().lower() != "y":
                raise CommandError("Nothing deleted.")
        for comment in comments:
            comment.delete()  # one by one, so that cached pages forget the public ones
        self.stdout.write(f"Deleted {count} reader comments by {email}.")
