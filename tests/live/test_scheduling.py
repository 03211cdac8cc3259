"""
The live-site tests are grouped for `--dist loadgroup` (tests/live/scheduling.py, decision
0280): collected in a pytest of its own, each test's group is what the scheduler would see.
"""

import subprocess
import sys

from citynet.demo.live import ROOT

COLLECT = """
import sys
import pytest

class Groups:
    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items):
        for item in items:
            mark = item.get_closest_marker("xdist_group")
            print("GROUP", item.nodeid, mark.args[0] if mark else None)

sys.exit(pytest.main(["--collect-only", "-q", "-p", "no:xdist", *sys.argv[1:]], plugins=[Groups()]))
"""


def groups(*paths):
    output = subprocess.run(
        [sys.executable, "-c", COLLECT, *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {
        nodeid: None if group == "None" else group
        for _mark, nodeid, group in (
            line.split(" ") for line in output.splitlines() if line.startswith("GROUP ")
        )
    }


def test_tests_sharing_a_live_site_share_a_group_and_the_others_have_none():
    found = groups(
        "tests/core/test_accessibility.py",
        "tests/core/test_readers_in_browser.py",
        "tests/editorial/test_e2e_browser.py",
        "tests/api/test_v3_round_trips.py",
        "tests/citynet/test_layers.py",
    )

    by_module = {}
    for nodeid, group in found.items():
        by_module.setdefault(nodeid.split("::")[0], set()).add(group)
    assert by_module == {
        # The session's demo site: one group across modules.
        "tests/core/test_accessibility.py": {"demo_site"},
        "tests/core/test_readers_in_browser.py": {"demo_site"},
        # A module's own site (live_site and browser; a `site` from migrated_database).
        "tests/editorial/test_e2e_browser.py": {"tests.editorial.test_e2e_browser"},
        "tests/api/test_v3_round_trips.py": {"tests.api.test_v3_round_trips"},
        "tests/citynet/test_layers.py": {None},
    }
