"""A site's database as a copy of the test run's migrated one (tests/databases.py)."""

import os
import shutil
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


def create_from(template):
    """A new PostgreSQL database copied from `template`; its name."""
    name = f"citynet_live_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    # Two workers copying one template at once: PostgreSQL refuses the second while the first
    # reads it, so try again.
    deadline = time.monotonic() + 60
    while (created := postgres("createdb", name, "-T", template)).returncode:
        assert time.monotonic() < deadline, created.stderr
        time.sleep(0.5)
    return name


class Template:
    """
    The migrated test database, copied once into a file (SQLite) or a database (PostgreSQL) that
    sites are copied from. Made while this process's connection is at hand: Playwright's sync
    API runs fixtures in greenlets of their own, where Django opens other connections.
    """

    def __init__(self, config, directory):
        connection = connections[DEFAULT_DB_ALIAS]
        self.vendor = connection.vendor
        # Under xdist, the controller's migrated database, which no test touches: a worker's own
        # may have been emptied by a transactional test before this fixture first runs.
        controllers = getattr(config, "workerinput", {}).get(WORKERINPUT_KEY, {})
        if self.vendor == "sqlite":
            self.path = directory / "template.sqlite3"
            if controllers.get(DEFAULT_DB_ALIAS):
                shutil.copyfile(controllers[DEFAULT_DB_ALIAS], self.path)
                return
            connection.ensure_connection()
            target = sqlite3.connect(self.path)
            connection.connection.backup(target)
            target.close()
            return
        connection.close()  # a template must have no other session
        self.name = create_from(
            controllers.get(DEFAULT_DB_ALIAS) or connection.settings_dict["NAME"]
        )
        self.created = [self.name]

    def copy_into(self, site):
        """Give `site` a copy: its own SQLite file, or its own PostgreSQL database."""
        site.migrated = True
        if self.vendor == "sqlite":
            shutil.copyfile(self.path, site.env["DATABASE_URL"].removeprefix("sqlite:///"))
            return
        name = create_from(self.name)
        self.created.append(name)
        site.env["DATABASE_URL"] = f"{os.environ['DATABASE_URL'].rsplit('/', 1)[0]}/{name}"

    def remove(self):
        for name in getattr(self, "created", []):
            postgres("dropdb", name, "--if-exists", "--force")
