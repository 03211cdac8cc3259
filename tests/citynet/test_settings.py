"""Production settings, run in subprocesses so that this test run's settings stay untouched."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "citynet.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run(["-c", "import django; django.setup()"])

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_deploy_checks_pass_with_a_real_environment():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="cms.example.org",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_every_environment_variable_is_documented():
    read = set()
    for module in (ROOT / "citynet" / "settings").glob("*.py"):
        read |= set(re.findall(r'env_\w+\("([A-Z0-9_]+)"', module.read_text()))
    documented = (ROOT / "docs" / "env-vars.md").read_text()

    assert read, "no environment variables found: has the settings helper been renamed?"
    assert sorted(name for name in read if f"`{name}`" not in documented) == []


def settings_value(name, **environ):
    """A setting as the base settings compute it from this environment, in a fresh process."""
    env = {key: value for key, value in os.environ.items() if key != "DEEPL_AUTH_KEY"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import citynet.settings.base as s; print(repr(getattr(s, {name!r}, None)))",
        ],
        env={**env, **environ},
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return result.stdout.strip()


def test_machine_translation_is_off_unless_a_deepl_key_is_set():
    assert settings_value("WAGTAILLOCALIZE_MACHINE_TRANSLATOR") == "None"
    configured = settings_value("WAGTAILLOCALIZE_MACHINE_TRANSLATOR", DEEPL_AUTH_KEY="k:fx")
    assert "DeepLTranslator" in configured
    assert "'AUTH_KEY': 'k:fx'" in configured
