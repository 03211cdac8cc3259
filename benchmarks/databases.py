"""
The benchmarks' own databases: a SQLite file under benchmarks/results/ or a PostgreSQL database
`citynet_bench_<articles>` (on BENCH_POSTGRES_URL, else the local server; BENCH_POSTGRES_PREFIX
names another one), per number of articles. Seeded once and reused; each use migrates (new
migrations after a merge) and runs the tasks left in the queue, so that none is waiting while
measuring. `--reseed` drops and seeds again, `python -m benchmarks.run --drop` drops them all.
"""

import os
import subprocess
import sys
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
# Several checkouts sharing one server each name their own databases.
PREFIX = os.environ.get("BENCH_POSTGRES_PREFIX", "citynet_bench_")
DATABASES = ("sqlite", "postgres")


def url(database, count):
    if database == "sqlite":
        return f"sqlite:///{RESULTS / f'bench-{count}.sqlite3'}"
    return f"{POSTGRES_URL}/{PREFIX}{count}"


def environment(database_url, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DATABASE_URL": database_url,
        **extra,
    }


def seeded_marker(database, count):
    return RESULTS / f"bench-{count}.{database}-seeded"


def manage(database_url, *args, **env):
    command = [sys.executable, "manage.py", *args]
    env = environment(database_url, **env)
    subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def prepare(database, count, reseed=False):
    """The URL of a seeded, migrated database with an empty task queue."""
    (RESULTS / "static").mkdir(parents=True, exist_ok=True)  # STATIC_ROOT: no warning
    database_url = url(database, count)
    marker = seeded_marker(database, count)
    if reseed or not marker.exists() or not exists(database, count):
        drop(database, count)
        create(database, count)
        print(f"Seeding {count} articles into {database} (once; reused afterwards)", flush=True)
        seed = [sys.executable, "-m", "benchmarks.seed", str(count)]
        subprocess.run(seed, env=environment(database_url), cwd=ROOT, check=True)
        marker.touch()
    manage(database_url, "migrate", "--no-input", "-v0")
    manage(database_url, "db_worker", "--batch", "--no-reload", "--no-startup-delay", "-v0")
    return database_url


def admin_connection():
    return psycopg.connect(f"{POSTGRES_URL}/postgres", autocommit=True)


def exists(database, count):
    if database == "sqlite":
        return (RESULTS / f"bench-{count}.sqlite3").exists()
    with admin_connection() as connection:
        query = "select 1 from pg_database where datname = %s"
        return bool(connection.execute(query, [f"{PREFIX}{count}"]).fetchone())


def create(database, count):
    if database == "postgres":
        with admin_connection() as connection:
            connection.execute(f'create database "{PREFIX}{count}"')


def drop(database, count):
    seeded_marker(database, count).unlink(missing_ok=True)
    if database == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            (RESULTS / f"bench-{count}.sqlite3{suffix}").unlink(missing_ok=True)
        return
    with admin_connection() as connection:
        connection.execute(f'drop database if exists "{PREFIX}{count}" with (force)')


def drop_all():
    """Every benchmark database: the SQLite files and PostgreSQL's citynet_bench_*."""
    counts = {int(path.name.split("-")[1].split(".")[0]) for path in RESULTS.glob("bench-*")}
    with admin_connection() as connection:
        rows = connection.execute(
            "select datname from pg_database where datname like %s", [f"{PREFIX}%"]
        ).fetchall()
    counts |= {int(name.removeprefix(PREFIX)) for (name,) in rows}
    for count in sorted(counts):
        for database in DATABASES:
            drop(database, count)
    return sorted(counts)
