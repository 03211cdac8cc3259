# ruff: noqa: E402  (Django is set up before the models are imported)
"""
The publishing side of the mixed benchmark (benchmarks/mixed.py): every few seconds it
publishes a popular article with a new title, then polls the reader-facing URL until the new
title shows, and prints each publish-to-visible time in milliseconds. Bounded by --seconds.
"""

import argparse
import http.client
import json
import random
import time

import django

django.setup()

from blog.models import ArticlePage


def title_at(host, port, path):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request("GET", path)
    body = connection.getresponse().read()
    connection.close()
    return json.loads(body).get("title")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ids", type=int, nargs="+", required=True)
    parser.add_argument("--every", type=float, default=5)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    rng = random.Random(7)
    deadline = time.monotonic() + args.seconds
    number = 0
    while time.monotonic() + args.every < deadline:
        time.sleep(args.every)
        number += 1
        article = ArticlePage.objects.get(pk=rng.choice(args.ids))
        article.title = f"{article.title.split(' #')[0]} #{number}"
        article.save_revision().publish()
        published = time.monotonic()
        path = f"/api/v2/pages/{article.pk}/"
        while title_at("127.0.0.1", args.port, path) != article.title:
            if time.monotonic() - published > 30:
                print("timeout", flush=True)
                break
            time.sleep(0.02)
        else:
            print(f"{(time.monotonic() - published) * 1000:.0f}", flush=True)


if __name__ == "__main__":
    main()
