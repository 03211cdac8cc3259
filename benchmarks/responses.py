"""
The demo's responses, dumped to compare two checkouts byte for byte (docs/testing.md):

    .venv/bin/python benchmarks/responses.py /tmp/responses-new
    OTHER/.venv/bin/python benchmarks/responses.py --checkout OTHER /tmp/responses-old
    diff -r /tmp/responses-old /tmp/responses-new

For the checkout given (this one by default) and with its own virtual environment, it migrates a
fresh SQLite database, loads the demo and answers every request at one fixed instant, then
writes, for every live page in every language, its HTML and its v2 and v3 details, and the v2
and v3 listings of every language and page type: the status, the headers and the body, one file
each. JSON bodies are indented, keys in the order sent, so that a difference is a line of the
diff; the directives of the Content-Security-Policy are sorted (their order is random). It imports
nothing of the project before Django is set up for the checkout: it runs on old commits too.
"""

import argparse
import contextlib
import json
import os
import random
import sys
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

INSTANT = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
ADDRESS = "127.0.0.1:8000"  # the demo site's address (load_demo --address)
HEADERS = ["Content-Type", "Content-Language", "Cache-Control", "Vary", "ETag", "Location"]
HEADERS += ["Link", "xkey", "Content-Security-Policy", "X-Robots-Tag"]


def same_uuids_every_run():
    """
    StreamField block ids and translation keys are random uuid4s, which the responses and their
    ETags carry: the same sequence on every run. Before Django loads the models, which take the
    function as a field default.
    """
    numbers = random.Random(0)
    uuid.uuid4 = lambda: uuid.UUID(int=numbers.getrandbits(128), version=4)


def set_up(checkout, directory):
    os.chdir(checkout)
    sys.path.insert(0, str(checkout))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="citynet.settings.dev",
        DATABASE_URL=f"sqlite:///{directory / 'db.sqlite3'}",
        MEDIA_ROOT=str(directory / "media"),
        DEBUG="false",
    )
    for name in ("REDIS_URL", "WAGTAILADMIN_BASE_URL", "API_PUBLIC_BASE_URL"):
        os.environ.pop(name, None)
    import django

    django.setup()


def load():
    from django.core.management import call_command

    # The load's output and the emails it sends (the console backend) are not responses.
    with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
        call_command("migrate", "--no-input", verbosity=0)
        call_command("load_demo", "--address", ADDRESS)


def requests():
    """(file name, URL) of every response to keep."""
    from wagtail.models import Locale, Page

    pages = Page.objects.live().filter(depth__gt=1).specific().order_by("path")
    page_types = sorted({page.specific_class._meta.label for page in pages})
    for locale in Locale.objects.order_by("language_code"):
        language = locale.language_code
        for version in ("v2", "v3"):
            listing = f"/api/{version}/pages/?locale={language}&limit=100"
            yield f"{version}/listings/{language}/all", listing
            for page_type in page_types:
                yield f"{version}/listings/{language}/{page_type}", f"{listing}&type={page_type}"
    for page in pages:
        name = page.url_path.strip("/") or "root"
        url = page.get_url()
        if url:
            yield f"html/{name}", url
        yield f"v2/details/{name}", f"/api/v2/pages/{page.pk}/"
        yield f"v3/details/{name}", f"/api/v3/pages/{page.pk}/"


def dump(response):
    lines = [str(response.status_code)]
    for name in HEADERS:
        if response.has_header(name):
            value = response[name]
            if name == "Content-Security-Policy":
                # django-csp joins the directives in the order of a set: another on each run.
                value = "; ".join(sorted(value.split("; ")))
            lines.append(f"{name}: {value}")
    body = response.content.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        body = json.dumps(json.loads(body), indent=1, ensure_ascii=False)
    return "\n".join(lines) + "\n\n" + body + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="the folder to write (made if missing)")
    parser.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parents[1])
    options = parser.parse_args()
    output = options.output.resolve()

    import time_machine

    with tempfile.TemporaryDirectory() as directory, time_machine.travel(INSTANT, tick=False):
        same_uuids_every_run()
        set_up(options.checkout.resolve(), Path(directory))
        load()
        from django.test import Client

        client = Client(HTTP_HOST=ADDRESS)
        for name, url in requests():
            path = output / f"{name}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"GET {url}\n" + dump(client.get(url)))
    print(f"Responses written to {output}")


if __name__ == "__main__":
    main()
