"""A site's database as a copy of the test run's migrated one (tests/databases.py)."""

import os
import sqlite3
import subprocess
import time
import uuid

from django.db import DEFAULT_DB_ALIAS, connections

from tests.databases import WORKERINPUT_KEY


def postgres(command, name, *options):
    return subprocess.run(
        [command, "-h", "127.0.0.1", "-U", "postgres", *options, name],
        capture_output=True,
        text=True,
    )


def copy_into(site, config):
    """
    Give `site` a copy of the migrated test database: a SQLite file copied from this process's
    own, or on PostgreSQL a database created from the template the workers were cloned from.
    Returns the PostgreSQL database's name, for dropping, or None.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    site.migrated = True
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(site.env["DATABASE_URL"].removeprefix("sqlite:///"))
        connection.connection.backup(target)
        target.close()
        return None
    templates = getattr(config, "workerinput", {}).get(WORKERINPUT_KEY, {})
    template = templates.get(DEFAULT_DB_ALIAS) or connection.settings_dict["NAME"]
    connection.close()  # a template must have no other session
    name = f"citynet_live_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    # Two workers copying the template at once: PostgreSQL refuses the second while the first
    # reads it, so try again.
    deadline = time.monotonic() + 60
    while (created := postgres("createdb", name, "-T", template)).returncode:
        assert time.monotonic() < deadline, created.stderr
        time.sleep(0.5)
    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    site.env["DATABASE_URL"] = f"{base}/{name}"
    return name


def drop(name):
    postgres("dropdb", name, "--if-exists", "--force")
