"""
Content API benchmark (on demand, not in CI): `make benchmark` or
`python -m benchmarks.run --articles 1000 10000`.

For each size it seeds a separate SQLite database (once; reused afterwards), serves the site with
gunicorn on 127.0.0.1:8201, and measures requests/s and p50/p95 latency for the CityNet API
and the same requests against Wagtail's stock v2 pages endpoint (`fields=*`), a 304 against a
bare Django view, and the HTML article page. Request loops are bounded; nothing leaves loopback.

As in production, the cache is Redis (REDIS_URL, else database 15 on 127.0.0.1:6379, emptied
before each server starts), so repeated requests come from the response cache. The "cold" rows
ask for a different URL on every request (other articles, other offsets), so every response is
computed: they are the cost of a cache miss when no page snapshot exists (a page's first-ever
request). The "cold snapshot" rows ask for the same detail and HTML URLs again after their page
snapshots were built (as publishing builds them, decision 0063) and the response cache emptied:
the cost of a usual cache miss.
"""

import argparse
import http.client
import itertools
import json
import os
import statistics
import subprocess
import sys
import time
from multiprocessing import Pool
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
HOST, PORT = "127.0.0.1", 8201
WORKERS = 2
CLIENTS = 2
TEASER = "standfirst,date_published,hero_image,authors,themes"
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
COLD_REQUESTS = 400  # distinct URLs per cold measurement
# Search terms that, as in real content, match only some of the articles (benchmarks/seed.py).
SEARCH_TERMS = ["Bangkok", "Colombo", "Dhaka", "Hanoi", "Jakarta", "Kathmandu", "Manila", "Seoul"]


def environment(count):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DATABASE_URL": f"sqlite:///{RESULTS / f'bench-{count}.sqlite3'}",
        "API_CACHE_MAX_AGE": "300",
        "REDIS_URL": REDIS_URL,
    }


def prepare_database(count):
    database = RESULTS / f"bench-{count}.sqlite3"
    if database.exists():
        manage(count, "migrate", "--verbosity", "0")
        return
    RESULTS.mkdir(exist_ok=True)
    command = [sys.executable, "-m", "benchmarks.seed", str(count)]
    subprocess.run(command, env=environment(count), cwd=ROOT, check=True)


def manage(count, *args):
    command = [sys.executable, "manage.py", *args]
    subprocess.run(command, env=environment(count), cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def request(path, headers=None):
    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def client_loop(args):
    paths, headers, requests, deadline = args
    latencies = []
    for path in itertools.islice(itertools.cycle(paths), requests):
        if time.monotonic() > deadline:
            break
        start = time.perf_counter()
        response, _body = request(path, headers)
        latencies.append(time.perf_counter() - start)
        if response.status not in (200, 304):
            raise RuntimeError(f"{path}: HTTP {response.status}")
    return latencies


def measure(path, headers=None, requests=400, seconds=15):
    """The same URL again and again: after the first, answered from the response cache."""
    request(path, headers)  # warm up: renditions and caches
    return measure_paths([[path]] * CLIENTS, headers, requests, seconds)


def measure_cold(paths, seconds=30):
    """Each URL once, split between the clients: every response is computed."""
    request(paths[0])  # warm up the process (renditions of shared images, site caches)
    paths = paths[1:]
    return measure_paths([paths[i::CLIENTS] for i in range(CLIENTS)], None, len(paths), seconds)


def measure_paths(paths_per_client, headers, requests, seconds):
    deadline = time.monotonic() + seconds
    start = time.perf_counter()
    with Pool(CLIENTS) as pool:
        per_client = pool.map(
            client_loop,
            [(paths, headers, requests // CLIENTS, deadline) for paths in paths_per_client],
        )
    elapsed = time.perf_counter() - start
    latencies = sorted(latency for client in per_client for latency in client)
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "n": len(latencies),
    }


class Server:
    def __init__(self, count):
        self.count = count

    def __enter__(self):
        redis.Redis.from_url(REDIS_URL).flushdb()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "citynet.wsgi:application",
                "--workers",
                str(WORKERS),
                "--bind",
                f"{HOST}:{PORT}",
                "--log-level",
                "warning",
            ],
            env=environment(self.count),
            cwd=ROOT,
        )
        for _ in range(100):
            try:
                request("/bench/bare/")
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def worker_rss_mb(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return max(sizes)

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def newest_articles(number):
    """(id, slug) of the newest articles, read from the API a page of 100 at a time."""
    articles = []
    for offset in range(0, number, 100):
        url = f"/api/v2/pages/?type=blog.ArticlePage&limit=100&offset={offset}&order=-id"
        _response, body = request(url)
        articles += [(item["id"], item["meta"]["slug"]) for item in json.loads(body)["items"]]
    return articles[:number]


def requests_for(api, articles, fields):
    """The benchmark's requests against one API: the same URL each time, and cold variants."""
    listing = f"{api}?type=blog.ArticlePage&fields={fields}&limit=20"
    search = f"{listing}&search="
    article_id = articles[0][0]
    offsets = range(len(articles))
    return {
        "list": (listing, [f"{listing}&offset={offset}" for offset in offsets]),
        "detail": (f"{api}{article_id}/", [f"{api}{pk}/" for pk, _slug in articles]),
        "search": (
            f"{search}Kathmandu",
            [
                f"{search}{term}&offset={index // len(SEARCH_TERMS)}"
                for index, term in zip(offsets, itertools.cycle(SEARCH_TERMS))
            ],
        ),
    }


def measure_all(requests, results, prefix, repeats):
    for name, (path, cold_paths) in requests.items():
        response, _body = request(path)
        if response.status != 200:
            results[f"{prefix} {name}"] = f"HTTP {response.status} (skipped)"
            continue
        results[f"{prefix} {name}"] = measure(path, requests=repeats)
        results[f"{prefix} {name} cold"] = measure_cold(cold_paths)


def run(count):
    prepare_database(count)
    results = {}
    with Server(count):
        articles = newest_articles(COLD_REQUESTS + 1)
    ours = requests_for("/api/v2/pages/", articles, TEASER)
    ours["html"] = (
        f"/en/blog/{articles[0][1]}/",
        [f"/en/blog/{slug}/" for _pk, slug in articles],
    )
    stock = requests_for("/api/stock/pages/", articles, "*")
    manage(count, "clear_page_snapshots")  # the "cold" rows compute
    with Server(count) as server:
        measure_all(ours, results, "ours", repeats=400)
        ids = [str(pk) for pk, _slug in articles]
        manage(count, "build_page_snapshots", "--base-url", f"http://{HOST}:{PORT}", *ids)
        for name in ("detail", "html"):
            redis.Redis.from_url(REDIS_URL).flushdb()
            results[f"ours {name} cold snapshot"] = measure_cold(ours[name][1])
        response, _body = request(ours["list"][0])
        etag = response.getheader("ETag")
        results["ours 304"] = measure(ours["list"][0], {"If-None-Match": etag}, requests=2000)
        results["bare view"] = measure("/bench/bare/", requests=2000)
        results["ours rss_mb"] = server.worker_rss_mb()
    with Server(count) as server:
        measure_all(stock, results, "stock", repeats=200)
        results["stock rss_mb"] = server.worker_rss_mb()
    return results


def ratio(results, ours, baseline):
    first, second = results.get(ours), results.get(baseline)
    if isinstance(first, dict) and isinstance(second, dict):
        return f"{first['rps'] / second['rps']:.2f}x"
    return "n/a"


RATIOS = [
    ("list (teaser) / stock list fields=*", "list", "list", ">= 5x"),
    ("detail / stock detail", "detail", "detail", ">= 2x"),
    ("search / stock search", "search", "search", ""),
    ("HTML article / stock detail", "html", "detail", ">= 1.5x"),
]


def report(count, results):
    print(f"\n== {count} articles ({WORKERS} gunicorn workers, {CLIENTS} client processes) ==")
    for name, value in results.items():
        if isinstance(value, dict):
            print(
                f"  {name:<24} {value['rps']:8.1f} req/s  p50 {value['p50']:7.1f} ms  "
                f"p95 {value['p95']:7.1f} ms  (n={value['n']})"
            )
        else:
            print(f"  {name:<18} {value if isinstance(value, str) else f'{value:.1f}'}")
    print("  ratios (same URL repeated | cold: a new URL each request):")
    for label, ours, stock, target in RATIOS:
        hot = ratio(results, f"ours {ours}", f"stock {stock}")
        cold = ratio(results, f"ours {ours} cold", f"stock {stock} cold")
        print(
            f"    {label:<37} {hot:>8} | cold {cold:>7}  {f'(target {target})' if target else ''}"
        )
    print("  cold from a page snapshot (a page's first-ever request is the cold row above):")
    for label, ours, stock, target in RATIOS:
        if f"ours {ours} cold snapshot" in results:
            snapshot = ratio(results, f"ours {ours} cold snapshot", f"stock {stock} cold")
            print(f"    {label:<37} {'':>8} | cold {snapshot:>7}  (target {target})")
    print(
        f"    {'304 / bare Django view':<37} {ratio(results, 'ours 304', 'bare view'):>8}"
        "  (target >= 0.5x)"
    )
    if isinstance(results.get("ours rss_mb"), float):
        print(
            f"    {'worker RSS ours / stock':<37} "
            f"{results['ours rss_mb'] / results['stock rss_mb']:8.2f}  (target <= 1.2)"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    all_results = {}
    for count in args.articles:
        all_results[count] = run(count)
        report(count, all_results[count])
    if len(all_results) > 1:
        sizes = sorted(all_results)
        for name in ("ours list", "ours list cold"):
            small, large = all_results[sizes[0]][name], all_results[sizes[-1]][name]
            print(
                f"\n{name} throughput, {sizes[-1]} vs {sizes[0]} articles: "
                f"{large['rps'] / small['rps']:.2f} (flat is 1.0)"
            )


if __name__ == "__main__":
    main()
