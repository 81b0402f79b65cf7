"""The house rules of the code base (issue 14): imports run one way, modules and functions stay
small. Each allow-list below names what is still in the way, with its owner; issue 14 emptied
them all (docs/architecture.md). An entry that no longer applies fails too, so the lists only
shrink: keep them empty."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "stratlint"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

# Imports that close a circle today. (importer, imported), module names without "stratlint.".
KNOWN_BACK_EDGES: set[tuple[str, str]] = set()

# Modules over MAX_MODULE_LINES, with their owner.
KNOWN_LONG_MODULES: set[str] = set()

# Functions over MAX_FUNCTION_LINES: (module, function).
KNOWN_LONG_FUNCTIONS: set[tuple[str, str]] = set()


def _modules() -> dict[str, Path]:
    """Module name (without "stratlint.", "" for the package itself) → file."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Every stratlint module `name` imports, anywhere in the file (in functions and under
    TYPE_CHECKING too: a layer is about what a module knows, not when it loads it)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ["stratlint", *package.split(".")] if package else ["stratlint"]
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [f"{module}.{a.name}" for a in node.names] + [module]
        for target in targets:
            if target != "stratlint" and not target.startswith("stratlint."):
                continue
            short = target.removeprefix("stratlint").removeprefix(".")
            if short in modules and short != name:
                found.add(short)
                break  # `from x import y`: y when it is a module, else x
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import circle in `graph`, or []."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def test_imports_form_no_circle():
    graph = _graph()
    for importer, imported in KNOWN_BACK_EDGES:
        graph[importer].discard(imported)
    circle = _cycle(graph)
    shown = " -> ".join(m or "stratlint" for m in circle)
    assert not circle, f"import circle: {shown}"


def test_known_back_edges_still_exist():
    graph = _graph()
    gone = sorted(e for e in KNOWN_BACK_EDGES if e[1] not in graph.get(e[0], set()))
    assert not gone, f"no longer imported, remove from KNOWN_BACK_EDGES: {gone}"


def test_nothing_below_imports_the_public_api():
    """stratlint/__init__.py is the top (with the CLI): no module imports the package itself."""
    graph = _graph()
    users = sorted(m for m, deps in graph.items() if "" in deps and (m, "") not in KNOWN_BACK_EDGES)
    assert not users, f"import the package's API from below it: {users}"


def _long_modules() -> set[str]:
    return {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if len(path.read_text(encoding="utf-8").splitlines()) > MAX_MODULE_LINES
    }


def _long_functions() -> dict[tuple[str, str], int]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    out[(rel, node.name)] = length
    return out


def test_modules_stay_within_400_lines():
    over = sorted(_long_modules() - KNOWN_LONG_MODULES)
    assert not over, f"over {MAX_MODULE_LINES} lines; split them where they hold two things: {over}"


def test_functions_stay_within_60_lines():
    over = {k: n for k, n in _long_functions().items() if k not in KNOWN_LONG_FUNCTIONS}
    assert not over, f"functions over {MAX_FUNCTION_LINES} lines (module, name): lines: {over}"


def test_size_allow_lists_only_shrink():
    stale = sorted(KNOWN_LONG_MODULES - _long_modules())
    stale += sorted(str(k) for k in KNOWN_LONG_FUNCTIONS - set(_long_functions()))
    assert not stale, f"within the limits now, remove from the allow-lists: {stale}"
