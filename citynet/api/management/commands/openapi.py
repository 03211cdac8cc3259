import json

from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder

from citynet.api.openapi import build_openapi


class Command(BaseCommand):
    help = (
        "Print the v2 OpenAPI description. `make openapi` writes it to docs/openapi-v2.json, "
        "the snapshot that tests/api/test_openapi.py compares with the live description."
    )

    def handle(self, *args, **options):
        # As the view answers it: its texts may be lazy translations.
        self.stdout.write(json.dumps(build_openapi(), indent=2, cls=DjangoJSONEncoder))
