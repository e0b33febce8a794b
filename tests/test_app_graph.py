"""Imports between the project's apps go one way: no cycles, and ``core`` imports none of them
(README, "Layout"). Every import counts, function-local ones included."""

import ast

from tests.test_project import ROOT

APPS = {path.name: path for path in (ROOT / "hanoi_creative").iterdir() if (path / "apps.py").exists()}
APPS["news"] = ROOT / "news"


def _app_of(module):
    parts = module.split(".")
    if parts[0] == "news":
        return "news"
    if parts[0] == "hanoi_creative" and len(parts) > 1 and parts[1] in APPS:
        return parts[1]
    return None


def _imports(app, path):
    package = "news" if app == "news" else f"hanoi_creative.{app}"
    for source in path.rglob("*.py"):
        if "migrations" in source.parts:
            continue
        relative = source.relative_to(path).with_suffix("").parts
        here = [*package.split("."), *relative[:-1]]
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                yield from ((alias.name, source) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = here[: len(here) - node.level + 1] if node.level else []
                module = ".".join([*base, node.module] if node.module else base)
                yield module, source


def app_graph():
    graph = {app: {} for app in APPS}
    for app, path in APPS.items():
        for module, source in _imports(app, path):
            target = _app_of(module)
            if target and target != app:
                graph[app].setdefault(target, str(source.relative_to(ROOT)))
    return graph


def test_core_imports_no_other_project_app():
    assert app_graph()["core"] == {}


def test_no_cycles_between_apps():
    graph = app_graph()
    state = {}

    def visit(app, trail):
        state[app] = "open"
        for target, where in graph[app].items():
            assert state.get(target) != "open", f"cycle {' -> '.join([*trail, target])} ({where})"
            if target not in state:
                visit(target, [*trail, target])
        state[app] = "done"

    for app in graph:
        if app not in state:
            visit(app, [app])


def test_the_graph_sees_function_local_imports(tmp_path):
    # The checker itself: an import inside a function is an edge like any other.
    tree = ast.parse("def f():\n    from hanoi_creative.search.models import SearchDocument\n")
    modules = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert [_app_of(m) for m in modules] == ["search"]
