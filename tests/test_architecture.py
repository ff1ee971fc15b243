"""The package's shape: no import circles, and shared machinery knows no document kind."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "disclosure_gen"
SHARED = (
    "findings",
    "money",
    "catalogs",
    "atomic",
    "records",
    "workbook",
    "validate",
    "compute",
    "render",
    "yearly",
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    """Module → the project modules it imports at module level (not inside functions).

    Importing ``a.b.c`` runs the ``__init__`` of ``a`` and ``a.b`` first, so those count as
    imported too, except the packages the importing module itself lives in (they are
    already being initialised when it runs).
    """
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            for target in targets:
                if target in modules:
                    edges.add(target)
                    parts = target.split(".")
                    for i in range(2, len(parts)):
                        ancestor = ".".join(parts[:i])
                        if not name.startswith(ancestor + "."):
                            edges.add(ancestor)
                    break
        graph[name] = edges - {name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_no_module_imports_itself_through_others() -> None:
    assert _cycle(_graph()) is None


def test_shared_machinery_does_not_import_any_document_kind() -> None:
    offenders = {
        (module, target)
        for module, targets in _graph().items()
        for target in targets
        if module.split(".")[1] in SHARED and target.startswith("disclosure_gen.kinds")
    }
    assert offenders == set()
