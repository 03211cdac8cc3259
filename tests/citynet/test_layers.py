"""
The code is a one-way stack: domain apps (images, people, taxonomy, i18n, editorial, delivery) at
the bottom, `core` (page helpers, blocks) above them, `api` (all serialization) above that, and the
site's URL composition (`citynet/urls.py`) on top. No module imports from a layer above its own,
and the benchmarks build their content from the apps' factories, not from the tests.
"""

import ast
from pathlib import Path

from django.conf import settings

DOMAIN = (
    "citynet.images",
    "citynet.people",
    "citynet.taxonomy",
    "citynet.i18n",
    "citynet.editorial",
    "citynet.delivery",
)
# Each package, and the packages it must not import.
FORBIDDEN = {
    **{app: ("citynet.core", "citynet.api", "citynet.urls") for app in DOMAIN},
    "citynet.core": ("citynet.api", "citynet.urls"),
    "citynet.api": ("citynet.urls",),
    "benchmarks": ("tests",),
}


def imported_modules(source):
    """Every absolute module an import statement names, inside functions too."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def within(module, package):
    return module == package or module.startswith(package + ".")


def upward_imports(root):
    found = []
    for package, forbidden in FORBIDDEN.items():
        for path in sorted((root / package.replace(".", "/")).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for module in imported_modules(path.read_text()):
                if any(within(module, above) for above in forbidden):
                    found.append(f"{path.relative_to(root)} imports {module}")
    return sorted(set(found))


def test_no_module_imports_from_a_layer_above_its_own():
    assert upward_imports(Path(settings.BASE_DIR)) == []


def test_an_upward_import_is_found(tmp_path):
    core = tmp_path / "citynet" / "core"
    core.mkdir(parents=True)
    (core / "blocks.py").write_text(
        "def f():\n    from citynet.api.images import image_representation\n"
    )
    (core / "pages.py").write_text("from citynet.images import models\n")  # downward: fine

    assert upward_imports(tmp_path) == [
        "citynet/core/blocks.py imports citynet.api.images",
        "citynet/core/blocks.py imports citynet.api.images.image_representation",
    ]
