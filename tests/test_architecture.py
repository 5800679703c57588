"""The import contract: negotrack's layers import downward only.

The layers, lowest first: ``errors``, ``core``, ``plandiff``, ``dossier``, ``views``,
``render``, ``io`` and ``export`` (side by side), ``publish``, ``cli``, and the package
root. A module may import its own layer and any layer below it. The one exception is the
facade methods users expect on values (``save``, ``to_html``, ``to_markdown``, ``to_text``,
``_repr_html_``): each may import upward, lazily, inside its own body.

Every import is read from the source with :mod:`ast`, including imports inside functions
and under ``TYPE_CHECKING``, so a cycle cannot hide behind a late import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "negotrack"

LAYERS: dict[str, int] = {
    "errors": 0,
    "__about__": 0,
    "core": 1,
    "plandiff": 2,
    "dossier": 3,
    "views": 4,
    "render": 5,
    "io": 6,
    "export": 6,
    "publish": 7,
    "cli": 8,
    "__init__": 9,
    "__main__": 9,
}
FACADES = frozenset({"save", "to_html", "to_markdown", "to_text", "_repr_html_"})


def _layer_of(module: str) -> int | None:
    """The layer of a dotted module name inside negotrack (None for anything outside)."""
    parts = module.split(".")
    if parts[0] != "negotrack":
        return None
    if len(parts) == 1:
        return LAYERS["__init__"]
    return LAYERS[parts[1]]


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _imports(tree: ast.AST) -> list[tuple[str, int, str | None]]:
    """``(imported module, line, enclosing function or None)`` for every import."""
    found: list[tuple[str, int, str | None]] = []

    def visit(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Import):
                found.extend((alias.name, child.lineno, function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.append((child.module, child.lineno, function))
                # ``from negotrack import x`` may name a subpackage.
                if child.module == "negotrack":
                    found.extend(
                        (f"negotrack.{a.name}", child.lineno, function)
                        for a in child.names
                        if a.name in LAYERS
                    )
            visit(child, function)

    visit(tree, None)
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _violations(path: Path) -> list[str]:
    name = _module_name(path)
    own = _layer_of(name)
    assert own is not None
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for target, line, function in _imports(tree):
        layer = _layer_of(target)
        if layer is None or target == "negotrack.__about__" or layer <= own:
            continue
        if function in FACADES:
            continue
        out.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {name} imports {target}")
    return out


def test_every_module_belongs_to_a_layer() -> None:
    """Each file of the package sits in a folder (or is a module) the contract knows."""
    for path in _modules():
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        assert parts[0] in LAYERS, f"{path}: not in a known layer; add it to LAYERS"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path: Path) -> None:
    """No module imports a layer above its own, except a facade method's lazy delegation."""
    assert _violations(path) == []


def test_the_contract_catches_an_upward_import(tmp_path: Path) -> None:
    """A core module importing the renderer at module level is reported (the check works)."""
    tree = ast.parse("from negotrack.render.renderer import Renderer\n")
    assert _imports(tree) == [("negotrack.render.renderer", 1, None)]
    assert _layer_of("negotrack.render.renderer") > _layer_of("negotrack.core.model")  # type: ignore[operator]
    nested = ast.parse("def f():\n    from negotrack.io import storage\n")
    assert _imports(nested) == [("negotrack.io", 2, "f")]


def test_facades_delegate_in_one_line() -> None:
    """A facade method that imports upward is a one-line delegation (import, then return)."""
    for path in _modules():
        own = _layer_of(_module_name(path))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef) or node.name not in FACADES:
                continue
            upward = [
                n
                for n in ast.walk(node)
                if isinstance(n, ast.ImportFrom)
                and n.module
                and (_layer_of(n.module) or 0) > (own or 0)
            ]
            if not upward:
                continue
            body = [
                n
                for n in node.body
                if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))
            ]
            assert len(body) <= 3, f"{path.name}:{node.lineno}: {node.name} does more than delegate"
