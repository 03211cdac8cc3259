"""
Migrate once per test run, then give each pytest-xdist worker a copy of the migrated database.

Wagtail and the project have more than a hundred migrations; letting every worker run them all
doubled the fixed cost of `make test`. The xdist controller process migrates one template
database before it starts the workers (as Django's own `test --parallel` does in its main
process); each worker copies it with Django's cloning machinery (`CREATE DATABASE ... TEMPLATE`
on PostgreSQL) or, on SQLite, into its own in-memory database, which is as fast as the in-memory
database each worker used to migrate. Without xdist (`-p no:xdist`, `-n 0`) one process migrates
as pytest-django does. Decision 0050.
"""

import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from django.db import connections
from django.test.utils import setup_databases, teardown_databases
from pytest_django.plugin import blocking_manager_key

WORKERINPUT_KEY = "citynet_test_databases"


def is_xdist_controller(config):
    return config.pluginmanager.hasplugin("dsession")


def is_sqlite(connection):
    return connection.vendor == "sqlite"


def create_template(config):
    """Migrate the test databases once, into files for SQLite so that workers can read them."""
    directory = config.citynet_template_directory = Path(
        tempfile.mkdtemp(prefix="citynet-test-db-")
    )
    for connection in connections.all():
        if is_sqlite(connection):
            template = directory / f"{connection.alias}.sqlite3"
            connection.settings_dict["TEST"]["NAME"] = str(template)
    with config.stash[blocking_manager_key].unblock():
        config.citynet_databases = setup_databases(
            verbosity=0, interactive=False, serialized_aliases=set()
        )
    for connection in connections.all():
        connection.close()
    return {connection.alias: connection.settings_dict["NAME"] for connection in connections.all()}


def pytest_sessionstart(session):
    if is_xdist_controller(session.config):
        session.config.citynet_templates = create_template(session.config)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """Tell each worker (an xdist hook, run in the controller) where the template databases are."""
    node.workerinput[WORKERINPUT_KEY] = node.config.citynet_templates


def pytest_sessionfinish(session):
    config = session.config
    if is_xdist_controller(config) and hasattr(config, "citynet_databases"):
        with config.stash[blocking_manager_key].unblock():
            teardown_databases(config.citynet_databases, verbosity=0)
        # SQLite leaves its -wal and -shm files beside the template.
        shutil.rmtree(config.citynet_template_directory, ignore_errors=True)


def copy_sqlite_into_memory(connection, template, worker):
    """Load the template file into this worker's own shared in-memory database."""
    name = f"file:memorydb_{connection.alias}_{worker}?mode=memory&cache=shared"
    source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
    target = sqlite3.connect(name, uri=True)
    source.backup(target)
    source.close()
    connection.settings_dict["NAME"] = name
    # Django keeps in-memory SQLite connections open; the database lives while one is.
    connection.connect()
    target.close()


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """Replaces pytest-django's: a clone of the template in a worker, a migration otherwise."""
    templates = getattr(request.config, "workerinput", {}).get(WORKERINPUT_KEY)
    with django_db_blocker.unblock():
        if templates is None:
            databases = setup_databases(verbosity=0, interactive=False, serialized_aliases=set())
            yield
            teardown_databases(databases, verbosity=0)
            return
        worker = request.config.workerinput["workerid"]
        clones = []
        for alias, template in templates.items():
            connection = connections[alias]
            original_name = connection.settings_dict["NAME"]
            connection.settings_dict["NAME"] = template
            if is_sqlite(connection):
                copy_sqlite_into_memory(connection, template, worker)
                continue
            connection.creation.clone_test_db(suffix=worker, verbosity=0, autoclobber=True)
            connection.creation.setup_worker_connection(worker)
            clones.append((connection, original_name))
        yield
        for connection, original_name in clones:
            connection.creation.destroy_test_db(original_name, verbosity=0)
