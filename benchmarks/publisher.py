# ruff: noqa: E402  (Django is set up before the models are imported)
"""
The publishing side of the mixed benchmark (benchmarks/mixed.py): every few seconds it
publishes a popular article with a new title, then polls its API detail (--path) until the new
title shows, and prints each publish-to-visible time in milliseconds (from the start of the
publish, since the purge may run before Wagtail's publish returns), or "timeout" after
--timeout seconds. It asks for the detail once before publishing, so that the old title is in
the caches, as a popular page's would be. Publishes for --seconds.
"""

import argparse
import http.client
import json
import random
import time

import django

django.setup()

from benchmarks.run import SITE_HOST
from blog.models import ArticlePage


def title_at(host, port, path):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request("GET", path, headers={"Host": SITE_HOST})
    body = connection.getresponse().read()
    connection.close()
    return json.loads(body).get("title")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ids", type=int, nargs="+", required=True)
    parser.add_argument("--every", type=float, default=5)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--path", default="/api/v2/pages/{}/")
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()
    rng = random.Random(7)
    deadline = time.monotonic() + args.seconds
    while time.monotonic() + args.every < deadline:
        time.sleep(args.every)
        article = ArticlePage.objects.get(pk=rng.choice(args.ids))
        path = args.path.format(article.pk)
        title_at("127.0.0.1", args.port, path)  # in the caches, as a popular page would be
        # A title never used before: each row's publisher picks the same articles.
        article.title = f"{article.title.split(' #')[0]} #{time.time_ns()}"
        published = time.monotonic()  # from the editor's click: publishing itself takes time
        article.save_revision().publish()
        while title_at("127.0.0.1", args.port, path) != article.title:
            if time.monotonic() - published > args.timeout:
                print("timeout", flush=True)
                break
            time.sleep(0.02)
        else:
            print(f"{(time.monotonic() - published) * 1000:.0f}", flush=True)


if __name__ == "__main__":
    main()
