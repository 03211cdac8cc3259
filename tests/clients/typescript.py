"""The TypeScript client in clients/typescript/, driven through npm as its README says."""

import shutil
import subprocess

import pytest

from citynet.demo.live import ROOT

CLIENT = ROOT / "clients" / "typescript"


def npm(*args, timeout=120):
    """`npm <args>` in the client's folder; its output, or a failure with it."""
    if not shutil.which("npm"):
        pytest.fail("npm is missing: apt-get install nodejs npm (make test does it)")
    if not (CLIENT / "node_modules" / ".package-lock.json").exists():
        pytest.fail("The client's packages are missing: make test installs them (npm ci)")
    result = subprocess.run(
        ["npm", "--silent", *args], cwd=CLIENT, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout
