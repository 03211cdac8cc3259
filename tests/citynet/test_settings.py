"""Production settings, run in subprocesses so that this test run's settings stay untouched."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from citynet.core.checks import check_no_demo_accounts
from citynet.core.factories import UserFactory

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


def test_deploy_checks_pass_with_a_real_environment(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="cms.example.org",
        # Not a developer's db.sqlite3, where `make run` has created the demo accounts.
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
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


@pytest.mark.django_db
def test_deploy_checks_refuse_the_demo_accounts_with_their_published_passwords():
    """The demo superuser with the README's password fails `check --deploy`; changed, it passes."""
    admin = UserFactory(username="admin", is_superuser=True, password="citynet-admin")
    assert [error.id for error in check_no_demo_accounts(None)] == ["citynet.E001"]

    admin.set_password(secrets.token_urlsafe(20))
    admin.save()
    assert check_no_demo_accounts(None) == []


def test_production_settings_leave_the_demo_out():
    code = "from django.conf import settings; print('citynet.demo' in settings.INSTALLED_APPS)"
    result = run(["-c", code], SECRET_KEY=secrets.token_urlsafe(50))

    assert result.stdout.strip() == "False", result.stderr


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


@pytest.mark.parametrize("switch, prepared", [("1", True), ("0", False)])
def test_postgresql_prepares_queries_unless_switched_off_and_keeps_the_urls_options(
    switch, prepared
):
    url = "postgres://citynet@db.internal:5432/citynet?sslmode=require"
    databases = settings_value("DATABASES", DATABASE_URL=url, DATABASE_PREPARED_STATEMENTS=switch)

    assert "'sslmode': 'require'" in databases
    assert ("'server_side_binding': True" in databases) is prepared
    assert ("'prepare_threshold': 5" in databases) is prepared


@pytest.mark.django_db
def test_postgresql_plans_a_query_run_again_once():
    from django.db import connection
    from wagtail.models import Page

    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    for _ in range(6):  # psycopg prepares a query on its fifth run on a connection
        list(Page.objects.filter(depth=1))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]

    assert any('"wagtailcore_page"."depth" = $1' in statement for statement in prepared)


def test_a_worker_builds_its_routes_and_page_templates_as_it_starts(tmp_path):
    """Not in its first reader's request: citynet/startup.py, from citynet/wsgi.py."""
    started = run(
        [
            "-c",
            "import citynet.wsgi\n"
            "from django.template import engines\n"
            "from django.urls import get_resolver\n"
            "print(sorted(get_resolver()._reverse_dict))\n"
            "loader = engines['django'].engine.template_loaders[0]\n"
            "print(sorted(loader.get_template_cache))",
        ],
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    )

    assert started.returncode == 0, started.stderr
    languages, templates = started.stdout.splitlines()
    assert languages == str(sorted(code for code, _name in settings.LANGUAGES))
    for template in ("home/home_page.html", "blog/article_page.html", "programs/program_page.html"):
        assert repr(template) in templates
