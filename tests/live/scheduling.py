"""
Under `--dist loadgroup` (`make test`), the tests that share a live site run on one xdist
worker, so that the site (a copy of the migrated database, its set-up script, runserver, a task
worker) and Chromium start once rather than once on each worker that happens to get one of its
tests. The scheduler hands out the groups before the single tests, the biggest first, and fills
the workers' remaining time with the single tests.

- A module whose tests use a site or browser of module scope (`live_site`, `browser`, or a
  module's own fixture started with `migrated_database`) is one group.
- The tests of the session's demo site (`demo_site`, loaded once per worker, a minute on a busy
  machine) are one group, whatever their module.
"""

import pytest

SESSION_GROUP = {"demo_site": "demo_site"}
MODULE_FIXTURES = {"migrated_database", "browser"}


def group_of(item):
    for fixture, group in SESSION_GROUP.items():
        if fixture in item.fixturenames:
            return group
    if MODULE_FIXTURES & set(item.fixturenames):
        return item.module.__name__
    return None


def pytest_collection_modifyitems(items):
    for item in items:
        if group := group_of(item):
            item.add_marker(pytest.mark.xdist_group(group))
