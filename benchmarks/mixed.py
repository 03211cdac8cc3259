"""
Mixed-workload benchmark (on demand, not in CI): readers ask for Zipf-distributed URLs (API
details, teaser listings at many offsets in English, Korean and Japanese, searches, HTML
articles in English and Korean) while an editor publishes a popular article every few seconds.
Measured on two app servers directly, the same through Varnish (`deploy/cluster.sh`, decision
0062) with xkey purges, and stock Wagtail's equivalent requests on the same servers; prints
req/s, p50/p95, the Varnish hit ratio and the time from each publish until the change is
visible.

    python -m benchmarks.mixed --articles 10000 --database sqlite postgres --seconds 60

Everything runs on loopback; request loops are bounded in time. Nothing else may use the ports
(BENCH_PORTS="8201 8202 8280": two app servers, then Varnish) or the Redis database (REDIS_URL,
else database 15 of the local Redis, emptied at each start).
"""

import argparse
import collections
import http.client
import itertools
import json
import math
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import time
from multiprocessing import Pool
from pathlib import Path
from typing import NamedTuple

import redis

from benchmarks import databases
from benchmarks.run import SEARCH_TERMS, SITE_HOST, TEASER, WORKER_TIMEOUT, met, percentile

ROOT, RESULTS = databases.ROOT, databases.RESULTS
# Ports of the two app servers and of Varnish: BENCH_PORTS="8201 8202 8280" by default.
*APP_PORTS, VARNISH_PORT = map(int, os.environ.get("BENCH_PORTS", "8201 8202 8280").split())
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
CLIENTS = 2
ZIPF_S = 1.1
POPULAR = 2000  # articles whose URLs readers ask for (and the editor republishes)
PUBLISH_TIMEOUT = 90  # seconds; stock's copies in Varnish live 60 s (benchmarks/stock.vcl)


class Run(NamedTuple):
    seconds: float
    publish_every: float
    articles: list
    env: dict


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=WORKER_TIMEOUT)
    connection.request("GET", path, headers={"Host": SITE_HOST})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


class Cluster:
    """deploy/cluster.sh with the benchmark settings (which add stock Wagtail's endpoint)."""

    def __init__(self, database_url):
        self.env = {
            **os.environ,
            "CLUSTER_SETTINGS": "benchmarks.settings",
            "CLUSTER_DEMO": "0",
            "CLUSTER_DIR": str(RESULTS / "cluster"),
            "PORT": str(VARNISH_PORT),
            "APP_PORTS": " ".join(map(str, APP_PORTS)),
            "DATABASE_URL": database_url,
            "REDIS_URL": REDIS_URL,
            "BIN": str(Path(sys.executable).parent),
            "GUNICORN_CMD_ARGS": f"--timeout {WORKER_TIMEOUT}",
        }

    def __enter__(self):
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
                if all(get(port, "/bench/bare/")[0].status == 200 for port in self.ports):
                    return self
            except OSError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(1)
        raise RuntimeError("the cluster did not start: see benchmarks/results/cluster.log")

    @property
    def ports(self):
        return [*APP_PORTS, VARNISH_PORT]

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=60)
        self.log.close()


def popular_articles(count):
    """(id, slug) of up to POPULAR English articles, newest first, and which have a Korean
    translation."""
    articles = []
    for offset in range(0, min(count, POPULAR), 100):
        path = f"/api/v2/pages/?type=blog.ArticlePage&locale=en&limit=100&offset={offset}&order=-id"
        items = json.loads(get(APP_PORTS[0], path)[1])["items"]
        articles += [(item["id"], item["meta"]["slug"]) for item in items]
    korean = set()
    for offset in itertools.count(0, 100):
        path = f"/api/v2/pages/?type=blog.ArticlePage&locale=ko&limit=100&offset={offset}"
        items = json.loads(get(APP_PORTS[0], path)[1])["items"]
        korean |= {item["meta"]["slug"] for item in items}
        if len(items) < 100:
            break
    return articles, korean


def workloads(articles, korean):
    """The same mix for ours and for stock Wagtail, URL by URL, in popularity order: stock has
    no HTML page and no language fallback, so its detail and plain listings stand in."""
    ours, stock = [], []
    listing = f"/api/v2/pages/?type=blog.ArticlePage&fields={TEASER}&limit=20"
    stock_listing = "/api/stock/pages/?type=blog.ArticlePage&fields=*&limit=20"
    for rank, (pk, slug) in enumerate(articles):
        ours += [f"/api/v2/pages/{pk}/", f"/en/blog/{slug}/"]
        stock += [f"/api/stock/pages/{pk}/"] * 2
        if slug in korean:
            ours.append(f"/ko/blog/{slug}/")
            stock.append(f"/api/stock/pages/{pk}/")
        if rank % 10 == 0:
            offset = rank // 10 * 20
            locale = ("ko", "ja")[rank // 10 % 2]
            ours += [
                f"{listing}&offset={offset}&locale=en",
                f"{listing}&offset={offset}&locale={locale}&fallback=true",
            ]
            stock += [
                f"{stock_listing}&offset={offset}&locale=en",
                f"{stock_listing}&offset={offset}&locale={locale}",
            ]
        if rank % 50 == 0:
            term = SEARCH_TERMS[rank // 50 % len(SEARCH_TERMS)]
            ours.append(f"{listing}&search={term}&offset={rank // 400 * 20}")
            stock.append(f"{stock_listing}&search={term}&offset={rank // 400 * 20}")
    return ours, stock


def kind(path):
    """Which of the mix's kinds of request `path` is, to tell where the tail comes from."""
    if "search=" in path:
        return "search"
    if "offset=" in path:
        return "listing"
    return "detail" if path.startswith("/api/") else "HTML"


def reader(args):
    ports, paths, seconds, seed = args
    rng = random.Random(seed)
    cumulative = list(itertools.accumulate(1 / (rank + 1) ** ZIPF_S for rank in range(len(paths))))
    latencies, hits, errors = [], 0, 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        path = rng.choices(paths, cum_weights=cumulative)[0]
        start = time.perf_counter()
        try:
            response, _body = get(rng.choice(ports), path)
        except (OSError, http.client.HTTPException):
            errors += 1
            continue
        latencies.append((time.perf_counter() - start, kind(path)))
        hits += response.getheader("X-Cache") == "HIT"
        errors += response.status != 200
    return latencies, hits, errors


def measure(name, ports, paths, poll, run):
    """One row, from an empty response cache (Varnish is empty when its row starts too): the
    readers for run.seconds, and the publisher polling `poll` through the last of `ports`."""
    redis.Redis.from_url(REDIS_URL).flushdb()
    publisher = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.publisher"]
        + ["--port", str(ports[-1]), "--path", poll, "--timeout", str(PUBLISH_TIMEOUT)]
        + ["--every", str(run.publish_every), "--seconds", str(run.seconds)]
        + ["--ids", *(str(pk) for pk, _slug in run.articles[:100])],
        env=run.env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    start = time.perf_counter()
    with Pool(CLIENTS) as pool:
        results = pool.map(reader, [(ports, paths, run.seconds, seed) for seed in range(CLIENTS)])
    elapsed = time.perf_counter() - start
    load = os.getloadavg()[0]
    visible = [line.strip() for line in publisher.communicate(timeout=300)[0].splitlines()]
    timed = sorted(timing for client, _hits, _errors in results for timing in client)
    latencies = [latency for latency, _kind in timed]
    slowest = timed[math.ceil(len(timed) * 0.95) - 1 :]
    times = sorted(float(value) for value in visible if value != "timeout")
    return {
        "name": name,
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p95": percentile(latencies, 0.95) * 1000,
        "tail": collections.Counter(kind for _latency, kind in slowest),
        "mix": collections.Counter(kind for _latency, kind in timed),
        "hits": sum(hits for _latencies, hits, _errors in results) / len(latencies),
        "errors": sum(errors for _latencies, _hits, errors in results),
        "visible": times,
        "timeouts": visible.count("timeout"),
        "load": load,
    }


def use_vcl(name, path):
    """Load and switch to another VCL in the cluster's running Varnish."""
    varnishadm = shutil.which("varnishadm") or "/usr/bin/varnishadm"
    workdir = str(RESULTS / "cluster" / "varnish")
    subprocess.run([varnishadm, "-n", workdir, "vcl.load", name, str(path)], check=True)
    subprocess.run([varnishadm, "-n", workdir, "vcl.use", name], check=True)


def report(database, count, rows, paths):
    print(
        f"\n== mixed workload, {database}, {count} articles ({CLIENTS} readers, Zipf s={ZIPF_S} "
        f"over {paths} URLs, a publish every few seconds) =="
    )
    for row in rows:
        times = row["visible"]
        seen = (
            f"publish→visible p50 {statistics.median(times):.0f} ms, "
            f"p95 {percentile(times, 0.95):.0f} ms, "
            f"max {times[-1]:.0f} ms (n={len(times)})"
            if times
            else "no publish measured"
        )
        hits = f"{row['hits']:4.0%}" if row["name"].endswith("varnish") else " n/a"
        print(
            f"  {row['name']:<13} {row['rps']:7.1f} req/s  p50 {row['p50']:6.1f} ms  "
            f"p95 {row['p95']:7.1f} ms  hit ratio {hits}  {seen}"
            + (f", {row['timeouts']} not visible in {PUBLISH_TIMEOUT} s" if row["timeouts"] else "")
            + (f", {row['errors']} failed" if row["errors"] else "")
            + f"  (load {row['load']:.1f})"
        )
        tail, mix = row["tail"], row["mix"]
        print(
            "      slowest 5 %: "
            + ", ".join(
                f"{kind} {count / tail.total():.0%} (of all: {mix[kind] / mix.total():.0%})"
                for kind, count in tail.most_common()
            )
        )
    rps = {row["name"]: row["rps"] for row in rows}
    for ours, stock in (("direct", "direct"), ("varnish", "varnish"), ("varnish", "direct")):
        ratio = rps[f"ours {ours}"] / rps[f"stock {stock}"]
        print(f"  req/s ours {ours} / stock {stock}: {ratio:.2f}x")
    print("  targets (issue 29):")
    for label, value, target, at_most in targets({row["name"]: row for row in rows}):
        shown = "n/a" if value is None else f"{value:.0f}"
        print(f"    {label:<54} {shown:>8}  ({met(value, target, at_most)})")


def targets(rows):
    """(label, measured, target, whether the target is a maximum) for each mixed target."""
    ours_direct, ours_varnish = rows["ours direct"], rows["ours varnish"]
    visible = ours_varnish["visible"]
    failed = sum(rows[name]["errors"] + rows[name]["timeouts"] for name in rows if "ours" in name)
    return [
        ("p95 direct, ms (<= 50)", ours_direct["p95"], 50, True),
        (
            "p95 through Varnish, ms (<= stock's)",
            ours_varnish["p95"],
            rows["stock varnish"]["p95"],
            True,
        ),
        (
            "publish -> visible through Varnish p95, ms (<= 1000)",
            percentile(visible, 0.95) if visible else None,
            1000,
            True,
        ),
        ("failed requests and unseen publishes (0)", failed, 0, True),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument(
        "--database", nargs="+", choices=databases.DATABASES, default=list(databases.DATABASES)
    )
    parser.add_argument("--seconds", type=float, default=60, help="per row")
    parser.add_argument("--publish-every", type=float, default=5, help="seconds")
    parser.add_argument("--reseed", action="store_true", help="drop and seed the databases again")
    args = parser.parse_args()
    for database in args.database:
        database_url = databases.prepare(database, args.articles, reseed=args.reseed)
        env = databases.environment(
            database_url, REDIS_URL=REDIS_URL, CDN_PURGE_URL=f"http://127.0.0.1:{VARNISH_PORT}"
        )
        with Cluster(database_url):
            articles, korean = popular_articles(args.articles)
            ours, stock = workloads(articles, korean)
            run = Run(args.seconds, args.publish_every, articles, env)
            ours_poll, stock_poll = "/api/v2/pages/{}/", "/api/stock/pages/{}/"
            rows = [
                measure("ours direct", APP_PORTS, ours, ours_poll, run),
                measure("ours varnish", (VARNISH_PORT,), ours, ours_poll, run),
                measure("stock direct", APP_PORTS, stock, stock_poll, run),
            ]
            use_vcl("stock", ROOT / "benchmarks" / "stock.vcl")
            rows.append(measure("stock varnish", (VARNISH_PORT,), stock, stock_poll, run))
        report(database, args.articles, rows, len(ours))


if __name__ == "__main__":
    main()
