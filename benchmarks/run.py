"""
Content API benchmark (on demand, not in CI): `make benchmark` or
`python -m benchmarks.run --articles 1000 10000`.

For each size it seeds a separate SQLite database (once; reused afterwards), serves the site with
gunicorn on 127.0.0.1:8201, and measures requests/s and p50/p95 latency for the CityNet API
and the same requests against Wagtail's stock v2 pages endpoint (`fields=*`), a 304 against a
bare Django view, and the HTML article page. Request loops are bounded; nothing leaves loopback.
"""

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
HOST, PORT = "127.0.0.1", 8201
WORKERS = 2
CLIENTS = 2
TEASER = "standfirst,date_published,hero_image,authors,themes"


def environment(count):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DATABASE_URL": f"sqlite:///{RESULTS / f'bench-{count}.sqlite3'}",
        "API_CACHE_MAX_AGE": "300",
    }


def prepare_database(count):
    database = RESULTS / f"bench-{count}.sqlite3"
    if database.exists():
        return
    RESULTS.mkdir(exist_ok=True)
    command = [sys.executable, "-m", "benchmarks.seed", str(count)]
    subprocess.run(command, env=environment(count), cwd=ROOT, check=True)


def request(path, headers=None):
    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def client_loop(args):
    path, headers, requests, deadline = args
    latencies = []
    while len(latencies) < requests and time.monotonic() < deadline:
        start = time.perf_counter()
        response, _body = request(path, headers)
        latencies.append(time.perf_counter() - start)
        if response.status not in (200, 304):
            raise RuntimeError(f"{path}: HTTP {response.status}")
    return latencies


def measure(path, headers=None, requests=400, seconds=15):
    request(path, headers)  # warm up: renditions and caches
    deadline = time.monotonic() + seconds
    start = time.perf_counter()
    with Pool(CLIENTS) as pool:
        per_client = pool.map(
            client_loop, [(path, headers, requests // CLIENTS, deadline)] * CLIENTS
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


def run(count):
    prepare_database(count)
    results = {}
    with Server(count):
        _response, body = request("/api/v2/pages/?type=blog.ArticlePage&limit=1&order=-id")
        newest = json.loads(body)["items"][0]
        article_id, slug = newest["id"], newest["meta"]["slug"]
    ours = {
        "list": f"/api/v2/pages/?type=blog.ArticlePage&fields={TEASER}&limit=20",
        "detail": f"/api/v2/pages/{article_id}/",
        "search": f"/api/v2/pages/?type=blog.ArticlePage&fields={TEASER}&search=Kathmandu",
        "html": f"/en/blog/{slug}/",
    }
    stock = {
        "list": "/api/stock/pages/?type=blog.ArticlePage&fields=*&limit=20",
        "detail": f"/api/stock/pages/{article_id}/",
        "search": "/api/stock/pages/?type=blog.ArticlePage&fields=*&search=Kathmandu",
    }
    with Server(count) as server:
        for name, path in ours.items():
            response, _body = request(path)
            if response.status != 200:
                results[f"ours {name}"] = f"HTTP {response.status} (skipped)"
                continue
            results[f"ours {name}"] = measure(path)
        response, _body = request(ours["list"])
        etag = response.getheader("ETag")
        results["ours 304"] = measure(ours["list"], {"If-None-Match": etag}, requests=2000)
        results["bare view"] = measure("/bench/bare/", requests=2000)
        results["ours rss_mb"] = server.worker_rss_mb()
    with Server(count) as server:
        for name, path in stock.items():
            results[f"stock {name}"] = measure(path, requests=200)
        results["stock rss_mb"] = server.worker_rss_mb()
    return results


def ratio(results, ours, baseline):
    first, second = results.get(ours), results.get(baseline)
    if isinstance(first, dict) and isinstance(second, dict):
        return f"{first['rps'] / second['rps']:.2f}x"
    return "n/a"


def report(count, results):
    print(f"\n== {count} articles ({WORKERS} gunicorn workers, {CLIENTS} client processes) ==")
    for name, value in results.items():
        if isinstance(value, dict):
            print(
                f"  {name:<14} {value['rps']:8.1f} req/s  p50 {value['p50']:7.1f} ms  "
                f"p95 {value['p95']:7.1f} ms  (n={value['n']})"
            )
        else:
            print(f"  {name:<14} {value if isinstance(value, str) else f'{value:.1f}'}")
    print("  ratios:")
    print(
        f"    list (teaser) / stock list fields=*  {ratio(results, 'ours list', 'stock list')}"
        "  (target >= 5x)"
    )
    print(
        f"    detail / stock detail                {ratio(results, 'ours detail', 'stock detail')}"
        "  (target >= 2x)"
    )
    print(
        f"    search / stock search                {ratio(results, 'ours search', 'stock search')}"
    )
    print(
        f"    HTML article / stock detail          {ratio(results, 'ours html', 'stock detail')}"
        "  (target >= 1.5x)"
    )
    print(
        f"    304 / bare Django view               {ratio(results, 'ours 304', 'bare view')}"
        "  (target >= 0.5x)"
    )
    if isinstance(results.get("ours rss_mb"), float):
        print(
            f"    worker RSS ours / stock              "
            f"{results['ours rss_mb'] / results['stock rss_mb']:.2f}  (target <= 1.2)"
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
        small, large = all_results[sizes[0]]["ours list"], all_results[sizes[-1]]["ours list"]
        print(
            f"\nlist throughput {sizes[-1]} vs {sizes[0]} articles: "
            f"{large['rps'] / small['rps']:.2f} (flat is 1.0)"
        )


if __name__ == "__main__":
    main()
