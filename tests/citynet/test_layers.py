"""
The code is a one-way stack, stated whole below: domain apps at the bottom, `core` (page helpers,
blocks) above them, `api` (all serialization) above that, the plugins in their order (decision
0002), the site package's settings and URL composition, then what only development installs:
the apps' factories, the demo, the benchmarks and the tests. No module imports from a layer above
its own, so production code never imports the demo, the tests, the benchmarks or a factory,
whose packages (factory-boy: the `demo` extra; pytest: `test`) a production install lacks.
"""

import ast
from pathlib import Path

from django.conf import settings

FACTORIES = "factories"  # the `factories` module of any app: sample content, `demo` extra
# Bottom to top. Third-party packages named here are those of the development extras only.
STACK = [
    (
        "citynet.images",
        "citynet.people",
        "citynet.taxonomy",
        "citynet.i18n",
        "citynet.editorial",
        "citynet.worker",
        "citynet.wagtail_internals",  # Wagtail's internals (decision 0051)
        "citynet.visibility",  # what the public may see (decision 0073)
        "citynet.compiled",  # querysets compiled once (decision 0400)
        "citynet.security",
        "citynet.delivery",
        "citynet.formats",
    ),
    ("citynet.core",),
    ("citynet.api",),
    ("citynet.webhooks",),  # its events point at the API's URLs
    ("partners",),
    ("programs",),
    ("blog",),
    ("home",),
    ("comments",),
    ("search",),
    ("wordpress",),
    ("citynet", "manage"),  # settings, URL composition, WSGI and ASGI, manage.py
    # Development only.
    (FACTORIES, "factory", "wagtail_factories"),
    ("citynet.demo",),
    ("benchmarks",),
    ("tests", "docs", "pytest", "playwright"),  # docs: the screenshot script
]
SKIPPED_FOLDERS = {"node_modules", "build"}


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


def layer_of(module):
    """The index in STACK of a module's layer (its longest package), or None outside the stack."""
    if FACTORIES in module.split(".")[1:] and not within(module, "tests"):
        return STACK.index(next(layer for layer in STACK if FACTORIES in layer))
    matches = [
        (len(package), index)
        for index, layer in enumerate(STACK)
        for package in layer
        if within(module, package)
    ]
    return max(matches)[1] if matches else None


def python_files(root):
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if not any(part.startswith(".") or part in SKIPPED_FOLDERS for part in parts):
            yield path


def module_name(root, path):
    return ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")


def upward_imports(root):
    found = []
    for path in python_files(root):
        own = layer_of(module_name(root, path))
        for module in imported_modules(path.read_text()):
            if (layer := layer_of(module)) is not None and layer > own:
                found.append(f"{path.relative_to(root)} imports {module}")
    return sorted(set(found))


def outside_the_stack(root):
    return [
        str(path.relative_to(root))
        for path in python_files(root)
        if layer_of(module_name(root, path)) is None
    ]


def absolute(node, module, is_package):
    """The modules an import statement names, relative ones resolved from `module`."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = ".".join(package[: len(package) - node.level + 1] if node.level else [])
    base = ".".join(part for part in (base, node.module or "") if part)
    return [base] + [f"{base}.{alias.name}" for alias in node.names]


def import_graph(root):
    """{module: ({modules imported at its top}, {modules imported inside a function})}."""
    paths = {module_name(root, path): path for path in python_files(root)}

    def known(name):  # `from a.b import c` names a.b.c, a function or a module
        while name and name not in paths:
            name = name.rpartition(".")[0]
        return name

    graph = {}
    for module, path in paths.items():
        tree = ast.parse(path.read_text())
        local = {
            id(node)
            for function in ast.walk(tree)
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
            for node in ast.walk(function)
        }
        top, inside = set(), set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                is_package = path.name == "__init__.py"
                for name in absolute(node, module, is_package):
                    target = known(name)
                    if target and target != module and not within(module, target):
                        (inside if id(node) in local else top).add(target)
        graph[module] = (top, inside)
    return graph


def circles_behind_local_imports(root):
    """Each import inside a function whose module imports the function's own module back."""
    graph = import_graph(root)

    def reaches(start, goal):
        seen, todo = set(), [start]
        while todo:
            module = todo.pop()
            if module == goal:
                return True
            if module not in seen:
                seen.add(module)
                todo.extend(set().union(*graph.get(module, (set(), set()))))
        return False

    return sorted(
        f"{module} imports {target} in a function"
        for module, (_top, inside) in graph.items()
        for target in inside
        if reaches(target, module)
    )


def test_no_function_local_import_hides_a_circle():
    assert circles_behind_local_imports(Path(settings.BASE_DIR)) == []


def test_a_circle_behind_a_function_local_import_is_found(tmp_path):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "__init__.py").write_text("")
    (hooks / "dispatch.py").write_text("def queue():\n    from .tasks import deliver\n")
    (hooks / "tasks.py").write_text("from hooks.sending import attempt\n")
    (hooks / "sending.py").write_text("from .dispatch import queue\n")
    (hooks / "views.py").write_text("def view():\n    from hooks.tasks import deliver\n")

    assert circles_behind_local_imports(tmp_path) == [
        "hooks.dispatch imports hooks.tasks in a function"
    ]


def test_no_module_imports_from_a_layer_above_its_own():
    assert upward_imports(Path(settings.BASE_DIR)) == []


def test_every_module_has_its_place_in_the_stack():
    assert outside_the_stack(Path(settings.BASE_DIR)) == []


def test_an_upward_import_is_found(tmp_path):
    core = tmp_path / "citynet" / "core"
    core.mkdir(parents=True)
    (core / "blocks.py").write_text(
        "def f():\n    from citynet.api.images import image_representation\n"
    )
    (core / "pages.py").write_text("from citynet.images import models\n")  # downward: fine
    (core / "checks.py").write_text("from citynet.demo.accounts import ACCOUNTS\n")
    blog = tmp_path / "blog"
    blog.mkdir()
    (blog / "models.py").write_text("import factory\nfrom tests import visitor\n")
    (blog / "factories.py").write_text("import factory\nfrom partners.factories import F\n")
    (blog / "api.py").write_text("from blog.factories import ArticlePageFactory\n")
    (tmp_path / "benchmarks").mkdir()
    (tmp_path / "benchmarks" / "seed.py").write_text("from tests.factories import F\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text("from citynet.demo import live\n")

    assert upward_imports(tmp_path) == [
        "benchmarks/seed.py imports tests.factories",
        "benchmarks/seed.py imports tests.factories.F",
        "blog/api.py imports blog.factories",
        "blog/api.py imports blog.factories.ArticlePageFactory",
        "blog/models.py imports factory",
        "blog/models.py imports tests",
        "blog/models.py imports tests.visitor",
        "citynet/core/blocks.py imports citynet.api.images",
        "citynet/core/blocks.py imports citynet.api.images.image_representation",
        "citynet/core/checks.py imports citynet.demo.accounts",
        "citynet/core/checks.py imports citynet.demo.accounts.ACCOUNTS",
    ]


def test_a_module_outside_the_stack_is_found(tmp_path):
    (tmp_path / "newsletter").mkdir()
    (tmp_path / "newsletter" / "models.py").write_text("")
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog" / "models.py").write_text("")

    assert outside_the_stack(tmp_path) == ["newsletter/models.py"]
