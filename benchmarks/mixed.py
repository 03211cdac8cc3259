"""
Mixed-workload benchmark (on demand, not in CI): readers ask for Zipf-distributed URLs (API
details, teaser listings at several offsets and locales, searches, HTML articles) while an
editor publishes a popular article every few seconds. Measured on two app servers directly, the
same through Varnish (`deploy/cluster.sh`, decision 0062), and stock Wagtail's equivalents; prints
req/s, p50/p95, the Varnish hit ratio and the time from each publish until the change is visible.

    python -m benchmarks.mixed --articles 10000 --database sqlite postgres --seconds 60

Everything runs on loopback; request loops are bounded in time. Nothing else may use the ports
(BENCH_PORTS="8201 8202 8280": two app servers, then Varnish) or the Redis database (REDIS_URL,
else database 15 of the local Redis, emptied at each start).
"""

import argparse
import http.client
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from multiprocessing import Pool
from pathlib import Path

import redis

from benchmarks.run import RESULTS, ROOT, SEARCH_TERMS, TEASER, prepare_database

# Ports of the two app servers and of Varnish: BENCH_PORTS="8201 8202 8280" by default.
*APP_PORTS, VARNISH_PORT = map(int, os.environ.get("BENCH_PORTS", "8201 8202 8280").split())
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
CLIENTS = 2
ZIPF_S = 1.1
POPULAR = 2000  # articles whose URLs readers ask for (and the editor republishes)


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def drain(env):
    """Run the index tasks that seeding queued, so that none is waiting when measuring."""
    worker = [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "-v0"]
    subprocess.run(worker, env=env, cwd=ROOT, check=True)


def database_url(database, count):
    if database == "sqlite":
        marker = RESULTS / f"bench-{count}.sqlite3-drained"
        prepare_database(count)
        url = f"sqlite:///{RESULTS / f'bench-{count}.sqlite3'}"
        if not marker.exists():
            drain(
                {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings", "DATABASE_URL": url}
            )
            marker.touch()
        return url
    url = f"postgres://postgres@127.0.0.1:5432/citynet_bench_{count}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings", "DATABASE_URL": url}
    marker = RESULTS / f"bench-{count}.postgres-seeded"
    if not marker.exists():
        RESULTS.mkdir(exist_ok=True)
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", url.rsplit("/", 1)[1]])
        seed = [sys.executable, "-m", "benchmarks.seed", str(count)]
        subprocess.run(seed, env=env, cwd=ROOT, check=True)
        drain(env)
        marker.touch()
    return url


class Cluster:
    """deploy/cluster.sh with the benchmark settings (which add stock Wagtail's endpoint)."""

    def __init__(self, url):
        self.env = {
            **os.environ,
            "CLUSTER_SETTINGS": "benchmarks.settings",
            "CLUSTER_DEMO": "0",
            "CLUSTER_DIR": str(RESULTS / "cluster"),
            "PORT": str(VARNISH_PORT),
            "APP_PORTS": " ".join(map(str, APP_PORTS)),
            "DATABASE_URL": url,
            "REDIS_URL": REDIS_URL,
            "BIN": str(Path(sys.executable).parent),
        }

    def __enter__(self):
        redis.Redis.from_url(REDIS_URL).flushdb()
        self.log = open(RESULTS / "cluster.log", "w")  # noqa: SIM115 (closed in __exit__)
        self.process = subprocess.Popen(
            [str(ROOT / "deploy" / "cluster.sh")],
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        for _ in range(600):
            try:
                if get(VARNISH_PORT, "/bench/bare/")[0].status == 200:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(1)
        raise RuntimeError("the cluster did not start: see benchmarks/results/cluster.log")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=60)
        self.log.close()


def popular_articles(count):
    """(id, slug) of up to POPULAR articles, newest first."""
    articles = []
    for offset in range(0, min(count, POPULAR), 100):
        path = f"/api/v2/pages/?type=blog.ArticlePage&limit=100&offset={offset}&order=-id"
        items = json.loads(get(APP_PORTS[0], path)[1])["items"]
        articles += [(item["id"], item["meta"]["slug"]) for item in items]
    return articles


def workloads(articles):
    """The same mix for ours and for stock Wagtail, URL by URL, in popularity order."""
    ours, stock = [], []
    listing = f"/api/v2/pages/?type=blog.ArticlePage&fields={TEASER}&limit=20"
    stock_listing = "/api/stock/pages/?type=blog.ArticlePage&fields=*&limit=20"
    for rank, (pk, slug) in enumerate(articles):
        ours += [f"/api/v2/pages/{pk}/", f"/en/blog/{slug}/"]
        stock += [f"/api/stock/pages/{pk}/"] * 2
        if rank % 10 == 0:
            offset = rank // 10 * 20
            ours += [
                f"{listing}&offset={offset}&locale=en",
                f"{listing}&offset={offset}&locale=ko&fallback=true",
            ]
            stock += [f"{stock_listing}&offset={offset}&locale=en"] * 2
        if rank % 50 == 0:
            term = SEARCH_TERMS[rank // 50 % len(SEARCH_TERMS)]
            ours.append(f"{listing}&search={term}&offset={rank // 400 * 20}")
            stock.append(f"{stock_listing}&search={term}&offset={rank // 400 * 20}")
    return ours, stock


def reader(args):
    ports, paths, seconds, seed = args
    rng = random.Random(seed)
    weights = [1 / (rank + 1) ** ZIPF_S for rank in range(len(paths))]
    latencies, hits = [], 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        path = rng.choices(paths, weights)[0]
        start = time.perf_counter()
        response, _body = get(rng.choice(ports), path)
        latencies.append(time.perf_counter() - start)
        hits += response.getheader("X-Cache") == "HIT"
    return latencies, hits


def measure(name, ports, paths, seconds, publish_every, articles):
    publisher = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "benchmarks.publisher",
            *("--port", str(ports[-1]), "--every", str(publish_every)),
            *("--seconds", str(seconds), "--ids", *(str(pk) for pk, _ in articles[:100])),
        ],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings", **CURRENT_ENV},
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    start = time.perf_counter()
    with Pool(CLIENTS) as pool:
        results = pool.map(reader, [(ports, paths, seconds, seed) for seed in range(CLIENTS)])
    elapsed = time.perf_counter() - start
    visible = [line.strip() for line in publisher.communicate(timeout=120)[0].splitlines()]
    latencies = sorted(latency for client, _hits in results for latency in client)
    times = sorted(float(value) for value in visible if value != "timeout")
    return {
        "name": name,
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "hits": sum(hits for _latencies, hits in results) / len(latencies),
        "visible": (statistics.median(times), times[-1], len(times)) if times else None,
        "timeouts": visible.count("timeout"),
    }


def report(database, count, rows):
    print(f"\n== mixed workload, {count} articles, {database} ({CLIENTS} readers, Zipf s={ZIPF_S})")
    for row in rows:
        visible = row["visible"]
        seen = (
            f"publish→visible p50 {visible[0]:.0f} ms, max {visible[1]:.0f} ms (n={visible[2]})"
            if visible
            else "no publish measured"
        )
        print(
            f"  {row['name']:<16} {row['rps']:7.1f} req/s  p50 {row['p50']:6.1f} ms  "
            f"p95 {row['p95']:7.1f} ms  hit ratio {row['hits']:.0%}  {seen}"
            + (f", {row['timeouts']} not visible in 30 s" if row["timeouts"] else "")
        )
    by_name = {row["name"]: row for row in rows}
    for ours in ("ours direct", "ours varnish"):
        print(
            f"  {ours} / stock direct: {by_name[ours]['rps'] / by_name['stock direct']['rps']:.2f}x"
        )


CURRENT_ENV = {}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--database", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--publish-every", type=float, default=5)
    args = parser.parse_args()
    for database in args.database:
        url = database_url(database, args.articles)
        CURRENT_ENV.update(
            DATABASE_URL=url, REDIS_URL=REDIS_URL, CDN_PURGE_URL=f"http://127.0.0.1:{VARNISH_PORT}"
        )
        with Cluster(url):
            articles = popular_articles(args.articles)
            ours, stock = workloads(articles)
            rows = [
                measure("ours direct", APP_PORTS, ours, args.seconds, args.publish_every, articles),
                measure(
                    "ours varnish",
                    (VARNISH_PORT,),
                    ours,
                    args.seconds,
                    args.publish_every,
                    articles,
                ),
                measure(
                    "stock direct", APP_PORTS, stock, args.seconds, args.publish_every, articles
                ),
            ]
        report(database, args.articles, rows)


if __name__ == "__main__":
    main()
