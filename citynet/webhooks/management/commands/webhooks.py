"""`manage.py webhooks add|list|test|rotate|remove`: subscriptions from the command line."""

import datetime
import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from citynet.webhooks import dispatch
from citynet.webhooks.events import SUBSCRIBABLE
from citynet.webhooks.forms import validate_target_url
from citynet.webhooks.models import Subscription


class Command(BaseCommand):
    help = "Manage webhook subscriptions (docs/webhooks.md)."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="command", required=True)
        add = commands.add_parser("add", help="Subscribe a URL; prints its id and secret.")
        add.add_argument("url")
        add.add_argument(
            "--events",
            nargs="+",
            required=True,
            metavar="EVENT",
            help=f"Any of: {', '.join(SUBSCRIBABLE)}, or 'all'.",
        )
        add.add_argument("--description", default="")
        add.add_argument("--json", action="store_true", help="Print JSON.")
        listing = commands.add_parser("list", help="List subscriptions.")
        listing.add_argument("--json", action="store_true", help="Print JSON.")
        test = commands.add_parser("test", help="Queue a 'ping' to a subscription.")
        test.add_argument("id", type=int)
        rotate = commands.add_parser("rotate", help="Replace the secret; prints the new one.")
        rotate.add_argument("id", type=int)
        rotate.add_argument(
            "--overlap-hours",
            type=int,
            default=24,
            help="Hours the old secret keeps signing beside the new one (default 24).",
        )
        rotate.add_argument("--json", action="store_true", help="Print JSON.")
        remove = commands.add_parser("remove", help="Delete a subscription and its log.")
        remove.add_argument("id", type=int)

    def handle(self, *args, command, **options):
        getattr(self, f"handle_{command}")(**options)

    def subscription(self, pk):
        try:
            return Subscription.objects.get(pk=pk)
        except Subscription.DoesNotExist:
            raise CommandError(f"No webhook subscription with id {pk}.") from None

    def output(self, data, as_json, text):
        self.stdout.write(json.dumps(data) if as_json else text)

    def handle_add(self, url, events, description, json, **options):
        events = SUBSCRIBABLE if events == ["all"] else events
        unknown = sorted(set(events) - set(SUBSCRIBABLE))
        if unknown:
            raise CommandError(f"Unknown events: {', '.join(unknown)}. Known: {SUBSCRIBABLE}")
        try:
            validate_target_url(url)
        except ValidationError as error:
            raise CommandError(f"{url}: {error.messages[0]}") from None
        subscription = Subscription(url=url, events=events, description=description)
        secret = subscription.set_new_secret()
        subscription.save()
        data = {"id": subscription.pk, "url": url, "events": events, "secret": secret}
        text = f"Subscription {subscription.pk} to {url}\nSecret (shown once, keep it): {secret}"
        self.output(data, json, text)

    def handle_list(self, json, **options):
        rows = [
            {
                "id": s.pk,
                "url": s.url,
                "events": s.events,
                "active": s.active,
                "secret_fingerprint": s.secret_fingerprint,
                "disabled_reason": s.disabled_reason,
            }
            for s in Subscription.objects.all()
        ]
        lines = [
            f"{row['id']:>4}  {'active  ' if row['active'] else 'disabled'}  {row['url']}  "
            f"{' '.join(row['events'])}"
            for row in rows
        ]
        self.output(rows, json, "\n".join(lines) or "No webhook subscriptions.")

    def handle_test(self, id, **options):
        subscription = self.subscription(id)
        with transaction.atomic():
            delivery = dispatch.ping(subscription)
        self.stdout.write(
            f"Queued a ping to {subscription.url} (webhook-id {delivery.message_id}); "
            "the delivery log shows the answer."
        )

    def handle_rotate(self, id, overlap_hours, json, **options):
        subscription = self.subscription(id)
        overlap = datetime.timedelta(hours=overlap_hours)
        secret = subscription.set_new_secret(overlap=overlap)
        subscription.save()
        data = {"id": subscription.pk, "secret": secret, "overlap_hours": overlap_hours}
        text = (
            f"New secret (shown once): {secret}\n"
            f"Both secrets sign messages for the next {overlap_hours} hours."
        )
        self.output(data, json, text)

    def handle_remove(self, id, **options):
        subscription = self.subscription(id)
        subscription.delete()
        self.stdout.write(f"Removed subscription {id} ({subscription.url}).")
