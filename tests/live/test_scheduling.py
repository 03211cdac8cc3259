"""
The live-site tests are grouped for `--dist loadgroup` (tests/live/scheduling.py, decision
0320): collected in a pytest of its own, each test's group is what the scheduler would see; and
run under xdist as `make test` runs it, each group's site is set up on one worker only.
"""

import os
import subprocess
import sys

from citynet.demo.live import ROOT

COLLECT = """
import sys
import pytest

class Groups:
    @pytest.hookimpl(trylast=True)  # the order the tests run in
    def pytest_collection_modifyitems(self, items):
        for item in items:
            mark = item.get_closest_marker("xdist_group")
            print("GROUP", item.nodeid, mark.args[0] if mark else None)

options = ["--collect-only", "-q", "-p", "no:xdist", *sys.argv[1:]]
sys.exit(pytest.main(options, plugins=[Groups()]))
"""


def groups(*paths):
    """[(test id, its group or None)], in the order the tests run."""
    output = subprocess.run(
        [sys.executable, "-c", COLLECT, *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        (nodeid, None if group == "None" else group)
        for _mark, nodeid, group in (
            line.split(" ") for line in output.splitlines() if line.startswith("GROUP ")
        )
    ]


def test_tests_sharing_a_live_site_share_a_group_and_run_first():
    found = groups(
        "tests/citynet/test_layers.py",
        "tests/core/test_accessibility.py",
        "tests/core/test_readers_in_browser.py",
        "tests/editorial/test_e2e_browser.py",
        "tests/api/test_v3_round_trips.py",
        "tests/security/test_database_outage.py",
        "tests/delivery/test_cluster.py",
    )

    by_module = {}
    for nodeid, group in found:
        by_module.setdefault(nodeid.split("::")[0], set()).add(group)
    assert by_module == {
        "tests/citynet/test_layers.py": {None},
        # The session's demo site: one group across modules.
        "tests/core/test_accessibility.py": {"demo_site"},
        "tests/core/test_readers_in_browser.py": {"demo_site"},
        # A module's own site: live_site and browser, a `site` from migrated_database, a site
        # of its own in an e2e or cluster test.
        "tests/editorial/test_e2e_browser.py": {"tests.editorial.test_e2e_browser"},
        "tests/api/test_v3_round_trips.py": {"tests.api.test_v3_round_trips"},
        "tests/security/test_database_outage.py": {"tests.security.test_database_outage"},
        "tests/delivery/test_cluster.py": {"tests.delivery.test_cluster"},
    }
    ungrouped = [nodeid for nodeid, group in found if group is None]
    assert [nodeid for nodeid, _group in found[-len(ungrouped) :]] == ungrouped


# Two modules of four tests, each test using its module's "site", which logs its set-up.
MODULE_WITH_A_SITE = """
import os
import pytest

@pytest.fixture(scope="module")
def browser():
    with open(os.environ["SET_UPS"], "a") as log:
        log.write(__name__ + "\\n")

@pytest.mark.parametrize("n", range(4))
def test_uses_the_site(browser, n):
    pass
"""


def test_under_make_tests_options_each_module_site_is_set_up_once(tmp_path):
    conftest = "from tests.live.scheduling import pytest_itemcollected\n"
    (tmp_path / "conftest.py").write_text(conftest)
    for name in ("test_first.py", "test_second.py"):
        (tmp_path / name).write_text(MODULE_WITH_A_SITE)
    set_ups = tmp_path / "set-ups.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SET_UPS": str(set_ups)}
    env.pop("PYTEST_XDIST_WORKER", None)

    subprocess.run(
        # -n 2 --dist loadgroup: as the Makefile's test target runs the suite on two cores.
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-p", "no:django"]
        + ["-p", "no:cacheprovider", "-q", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        check=True,
    )

    assert sorted(set_ups.read_text().split()) == ["test_first", "test_second"]
