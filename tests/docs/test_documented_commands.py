"""
Every command the README and docs/*.md tell a user to run (their ```sh blocks) is checked here
against what exists, and is run by the test named beside it in RUN_BY: a renamed make target,
manage.py command, option or file fails this test, a renamed URL or parameter the test that runs
it. RUN_BY is the list of documented commands and their tests.
"""

import re
import shlex

import pytest
from django.core.management import get_commands, load_command_class

from tests.docs.documented import ROOT, documented_commands

DEPLOY = "tests/docs/test_deploy.py::test_the_readme_deploy_block_runs_as_written"
CLUSTER = "tests/delivery/test_cluster.py::test_the_cluster_serves_the_demo_content_through_varnish"
CLUSTER_PURGES = (
    "tests/delivery/test_cluster.py::"
    "test_a_publish_on_one_app_server_shows_through_varnish_from_the_other"
)
DEMO_REQUESTS = (
    "tests/demo/test_running_demo.py::"
    "test_every_documented_request_to_the_demo_answers_as_documented"
)
RUNNING_DEMO = "tests/demo/test_running_demo.py::test_every_absolute_link_opens_on_the_running_demo"
SNAPSHOT = "tests/api/test_openapi.py::test_the_description_matches_the_committed_snapshot"
IMPORTER = "tests/api/test_v3.py::test_importer_updates_an_article_as_a_draft"
WORDPRESS = "tests/wordpress/test_import.py::test_dry_run_writes_nothing"
COMMENT_POSTS = "tests/comments/test_api.py::test_a_front_end_posts_with_a_token_from_the_api"
WEBHOOKS = "tests/webhooks/test_command.py::test_add_list_test_rotate_remove"
RECEIVER = (
    "tests/webhooks/test_live_worker.py::"
    "test_go_live_arrives_and_a_restarted_worker_sends_what_waited"
)
# (a pattern of documented commands, the test that runs them or does what they do)
RUN_BY = [
    (r"^make run$", RUNNING_DEMO),  # migrate, load_demo --address, db_worker, runserver
    (r"make test\b|^make check$", ".ci/run (CI runs them as written)"),
    (r"^make openapi$", SNAPSHOT),
    (r"^make benchmark", "never in CI (30-40 minutes): its target and variables checked here"),
    (
        r"benchmarks/responses\.py|^git worktree add /tmp/before|^diff -r /tmp/responses",
        "on demand, never in CI (4 minutes a checkout): responses compared across commits",
    ),
    (r'^(APP_PORTS="0 0" )?make cluster', CLUSTER),  # the test's own ports: 0 (decision 0250)
    (r"^set -a; \. \.cluster/env; set \+a", CLUSTER),  # the test reads the cluster's env file
    (r"127\.0\.0\.1:8080", CLUSTER_PURGES),
    (r"^API=http://127\.0\.0\.1:8000/api/v2$", DEMO_REQUESTS),
    (r"^curl .*(\$API|127\.0\.0\.1:8000)", DEMO_REQUESTS),
    (r"^python3\.11 -m venv|^export |^\.venv/bin/gunicorn", DEPLOY),
    (r"manage\.py (check|migrate|collectstatic|createsuperuser|db_worker)", DEPLOY),
    (r"^gunicorn citynet\.wsgi$", DEPLOY),
    (r"manage\.py shell", CLUSTER),
    (r"manage\.py import_wxr", WORDPRESS),
    (r"manage\.py api_tokens|^curl -X PATCH .*/api/v3/", IMPORTER),
    (r"^wt api pages ", "tests/api/test_v3_round_trips.py (wagtail-cli against a live site)"),
    (r"^TOKEN=|^sleep 3$", COMMENT_POSTS),
    (r"manage\.py webhooks", WEBHOOKS),
    (r"^cat > /tmp/receiver\.py|^SECRET=|receiver\.py \"\$SECRET\"", RECEIVER),
]
MANAGE = re.compile(r"manage\.py ([^|;)&]+)")


def run_by(command):
    return [test for pattern, test in RUN_BY if re.search(pattern, command.text)]


def test_every_documented_command_is_run_by_a_test():
    commands = list(documented_commands())
    assert len(commands) > 60, "the shell blocks were not found: has the Markdown changed?"

    assert [(c.document, c.text) for c in commands if not run_by(c)] == []


@pytest.mark.parametrize("pattern, test", RUN_BY)
def test_each_named_test_exists(pattern, test):
    if "::" not in test:
        return  # CI itself, or never run
    path, name = test.split("::")
    assert f"def {name}(" in (ROOT / path).read_text(), f"{test} is gone: update RUN_BY"


def make_targets_and_variables():
    makefile = (ROOT / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.MULTILINE))
    variables = set(re.findall(r"\$\(([A-Z_]+)\)", makefile))
    variables |= set(re.findall(r"^([A-Z_]+) \??[:]?=", makefile, re.MULTILINE))
    return targets, variables


def test_documented_make_targets_and_variables_exist():
    targets, variables = make_targets_and_variables()
    unknown = []
    for command in documented_commands():
        words = shlex.split(command.text)
        while words and re.match(r"^[A-Z_]+=", words[0]):
            words.pop(0)  # the environment of one command
        if words[:1] != ["make"]:
            continue
        for word in words[1:]:
            name = word.split("=")[0]
            if ("=" in word and name not in variables) or ("=" not in word and name not in targets):
                unknown.append((command.document, command.text, name))
    assert unknown == []


def documented_manage_commands():
    for command in documented_commands():
        for arguments in MANAGE.findall(command.text):
            yield command, arguments.strip()


def test_documented_manage_commands_and_their_options_exist():
    commands = get_commands()
    refused = []
    for command, arguments in documented_manage_commands():
        # `[--json]` is an option the reader may add; `...` an argument left out.
        words = [word.strip("[]") for word in shlex.split(arguments) if word != "..."]
        name, *args = words
        if name not in commands:
            refused.append((command.text, f"no command {name}"))
            continue
        if not args:
            continue
        parser = load_command_class(commands[name], name).create_parser("manage.py", name)
        try:
            parser.parse_args(args)
        except Exception as error:  # CommandError: an unknown option or a missing argument
            refused.append((command.text, str(error)))
    assert refused == []


def test_documented_files_exist():
    """Files a command runs or reads from the project, e.g. deploy/cluster.sh's .cluster/env."""
    cluster = (ROOT / "deploy" / "cluster.sh").read_text()
    assert 'CLUSTER_DIR="${CLUSTER_DIR:-$ROOT/.cluster}"' in cluster
    assert '> "$CLUSTER_DIR/env"' in cluster
    assert (ROOT / "citynet" / "wsgi.py").exists()  # gunicorn citynet.wsgi


def test_a_renamed_command_or_option_is_found(monkeypatch):
    import tests.docs.test_documented_commands as module
    from tests.docs.documented import Command

    renamed = [
        Command("README.md", "X", "make serve", ""),
        Command("README.md", "X", "make benchmark QUIK=1", ""),
        Command("docs/api.md", "X", ".venv/bin/python manage.py api_tokens create --usr x", ""),
        Command("docs/api.md", "X", "manage.py load_demos", ""),
        Command("docs/api.md", "X", "frobnicate --all", ""),
    ]
    monkeypatch.setattr(module, "documented_commands", lambda: renamed)

    for test in (
        test_documented_make_targets_and_variables_exist,
        test_documented_manage_commands_and_their_options_exist,
    ):
        with pytest.raises(AssertionError):
            test()
    assert "frobnicate --all" in [command.text for command in renamed if not run_by(command)]
