"""
The README's production deploy, run as written on a copy of the project: only `.[production]` in a
fresh virtualenv, on a fresh PostgreSQL database, then `check --deploy`, `migrate`,
`collectstatic`, gunicorn and requests to it. Only the README's placeholders are replaced: the
database's address and gunicorn's port. A development module imported by production code (the
demo's factory-boy, say) fails here, where the rest of the suite, with the dev extras, cannot see
it. pip's cache keeps the install to a minute or so.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import urllib.request
from pathlib import Path

import pytest

from citynet.demo.live import wait_for_output
from tests.docs.documented import ROOT, block_under

pytestmark = pytest.mark.cluster
# What a deploy copies from a clone: the project without anything a developer's checkout grew.
LOCAL_ONLY = {".git", ".venv", ".cluster", "build", "media", "static", "db.sqlite3", "test-results"}


def not_in_a_clone(folder, names):
    top = Path(folder) == ROOT
    return [
        name
        for name in names
        if name in {"__pycache__", "node_modules"}
        or (top and (name in LOCAL_ONLY or name.endswith(".egg-info")))
        or (Path(folder) == ROOT / "benchmarks" and name == "results")
    ]


README_DATABASE = "postgres://citynet:PASSWORD@db.internal:5432/citynet"
README_ADDRESS = "127.0.0.1:8000"
LONG_RUNNING = ("/gunicorn ", "manage.py db_worker")
# gunicorn binds port 0 in place of the README's port, and says which port it got.
LISTENING = re.compile(r"Listening at: (http://127\.0\.0\.1:\d+)")


def has_postgres():
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", 5432)) == 0


def script(block, database_url, address):
    """The block as a script: the servers in the background, then it waits for them."""
    assert README_DATABASE in block and README_ADDRESS in block, "the README's block changed"
    lines = ["set -euo pipefail"]
    for line in block.replace(README_DATABASE, database_url).splitlines():
        command = line.split("  #")[0].rstrip()
        lines.append(f"{command} &" if any(part in command for part in LONG_RUNNING) else line)
    lines.append("echo '== deployed'")
    lines.append("wait")
    return "\n".join(lines).replace(README_ADDRESS, address)


def get(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 - loopback
        return response.status, response.headers, response.read()


@pytest.fixture
def deployed(tmp_path):
    if not has_postgres():
        pytest.skip("PostgreSQL is not available here")
    checkout = tmp_path / "citynet"
    shutil.copytree(ROOT, checkout, ignore=not_in_a_clone)
    database = f"citynet_deploy_{os.getpid()}"
    block = block_under("README.md", "Deploying on PostgreSQL")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE", "REDIS_URL", "DATABASE_URL"}
        and not key.startswith("PYTEST")
    }
    env["PATH"] = os.pathsep.join(
        part for part in env["PATH"].split(os.pathsep) if not part.startswith(str(ROOT))
    )
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], check=True)
    log_path = tmp_path / "deploy.log"
    log = open(log_path, "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [
            "bash",
            "-c",
            script(block, f"postgres://postgres@127.0.0.1:5432/{database}", "127.0.0.1:0"),
        ],
        cwd=checkout,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        url = wait_for_output(log_path, LISTENING, process, timeout=900)[1]
        yield {"url": url, "log": log_path, "checkout": checkout}
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
        log.close()
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", database],
            check=False,
        )


def test_the_readme_deploy_block_runs_as_written(deployed):
    # Behind the README's TLS proxy, at the README's host name.
    behind_the_proxy = {"Host": "cms.example.org", "X-Forwarded-Proto": "https"}
    try:
        status, _, body = get(f"{deployed['url']}/api/v2/pages/", **behind_the_proxy)
        static_status, _, _ = get(f"{deployed['url']}/static/citynet/site.css", **behind_the_proxy)
    except OSError as error:
        raise AssertionError(deployed["log"].read_text()) from error
    assert status == 200
    assert b'"total_count"' in body
    assert static_status == 200  # collected, served by WhiteNoise

    log = deployed["log"].read_text()
    assert "System check identified no issues" in log  # check --deploy: no warnings expected
    assert "Traceback" not in log
    # Nothing but the production extra: the demo's and the tests' packages are absent.
    pip = Path(deployed["checkout"]) / ".venv" / "bin" / "pip"
    freeze = subprocess.run([pip, "freeze"], capture_output=True, text=True).stdout.lower()
    installed = {re.split("==| @ ", line)[0] for line in freeze.splitlines()}
    assert "django-storages" in installed
    assert installed.isdisjoint({"factory-boy", "wagtail-factories", "pytest"})
