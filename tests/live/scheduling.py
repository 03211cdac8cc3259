"""
Under `--dist loadgroup` (`make test`), the tests that share a live site run on one xdist
worker, so that the site (a copy of the migrated database, its set-up script, runserver, a task
worker) and Chromium start once rather than once on each worker that happens to get one of its
tests. The scheduler hands out the groups before the single tests, the biggest first, and fills
the workers' remaining time with the single tests.

- A module whose tests run the site in processes of their own (they use `migrated_database` or
  `browser`, or are marked `e2e` or `cluster`) is one group.
- The tests of the session's demo site (`demo_site`) are one group, whatever their module.

The grouped tests also come first in the collection, so that the run ends on short tests rather
than on one worker waiting minutes for the other's last site. Decision 0320.
"""

import pytest

SESSION_GROUP = {"demo_site": "demo_site"}
MODULE_FIXTURES = {"migrated_database", "browser"}
MODULE_MARKS = {"e2e", "cluster"}


def group_of(item):
    for fixture, group in SESSION_GROUP.items():
        if fixture in item.fixturenames:
            return group
    if MODULE_FIXTURES & set(item.fixturenames) or any(map(item.get_closest_marker, MODULE_MARKS)):
        return item.module.__name__
    return None


def pytest_itemcollected(item):
    # Marked as it is collected: xdist's worker reads the marks into the test ids afterwards.
    if group := group_of(item):
        item.add_marker(pytest.mark.xdist_group(group))


def pytest_collection_modifyitems(items):
    # After pytest-django's order (tryfirst), which this keeps: no grouped test uses the test
    # database, which only a transactional test (run after the others) would empty.
    items.sort(key=lambda item: item.get_closest_marker("xdist_group") is None)
