"""YAML, safely: no object construction, bounded alias expansion, lines for error paths.

ruamel.yaml is used in two modes: ``safe`` to read dossiers into plain data (dicts, lists,
scalars; never arbitrary objects), and ``rt`` (round-trip) to find the line of a JSON path
when reporting a problem, and to write files people read and review.
"""

from __future__ import annotations

import contextlib
import io
from typing import Any

from negotrack.errors import FormatError, Problem

__all__ = ["dump_yaml", "line_index", "load_yaml"]

#: At most this many nodes may be reached through aliases beyond the document's own size.
ALIAS_BUDGET = 100_000


def _yaml(typ: str) -> Any:
    from ruamel.yaml import YAML

    y = YAML(typ=typ, pure=True)
    if typ == "rt":
        y.indent(mapping=2, sequence=4, offset=2)
        y.width = 100
        y.allow_unicode = True
        y.default_flow_style = False
    return y


def load_yaml(text: str, file: str | None = None) -> Any:
    """Plain data from YAML text; raises :class:`FormatError` with the line on bad input."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        data = _yaml("safe").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = _one_line(exc.problem or exc.context or "invalid YAML")
        raise FormatError(
            Problem(
                f"not valid YAML: {what}",
                "$",
                file,
                line,
                hint="check the indentation and quoting around this line",
            )
        ) from None
    except RecursionError:
        raise FormatError(Problem("the YAML document is nested too deeply", "$", file)) from None
    except (YAMLError, ValueError, TypeError) as exc:  # e.g. a bad timestamp or a tag
        raise FormatError(Problem(f"not valid YAML: {_one_line(str(exc))}", "$", file)) from None
    _check_aliases(data, file)
    return data


def _one_line(text: str) -> str:
    """A parser's message on one line: each problem is one line of the CLI's output."""
    return " ".join(text.split())


def _check_aliases(data: Any, file: str | None) -> None:
    """Refuse documents whose aliases would expand far beyond their own size (YAML bombs)."""
    seen: dict[int, int] = {}
    distinct = 0

    def size(node: Any, depth: int) -> int:
        nonlocal distinct
        if depth > 200:
            raise FormatError(Problem("the YAML document is nested too deeply", "$", file))
        if isinstance(node, dict | list):
            key = id(node)
            known = seen.get(key)
            if known is not None:
                return known
            seen[key] = 0  # guards against recursive aliases
            distinct += 1
            children = node.values() if isinstance(node, dict) else node
            total = 1 + sum(size(child, depth + 1) for child in children)
            seen[key] = total
            return total
        distinct += 1
        return 1

    expanded = size(data, 0)
    if expanded > 10 * distinct + ALIAS_BUDGET:
        raise FormatError(
            Problem(
                f"YAML aliases would expand to {expanded:,} nodes from {distinct:,}",
                "$",
                file,
                hint="this looks like an alias bomb; write the data out instead of aliasing it",
            )
        )


def line_index(text: str) -> dict[str, int]:
    """A map from JSON paths (``$.events[3].when``) to 1-based YAML lines."""
    try:
        tree = _yaml("rt").load(text)
    except Exception:  # the safe load already reported what is wrong
        return {}
    lines: dict[str, int] = {}

    def walk(node: Any, path: str) -> None:
        lc = getattr(node, "lc", None)
        if isinstance(node, dict):
            for key, value in node.items():
                child = f"{path}.{key}"
                if lc is not None:
                    with contextlib.suppress(KeyError, TypeError):
                        lines[child] = lc.key(key)[0] + 1
                walk(value, child)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                child = f"{path}[{i}]"
                if lc is not None:
                    with contextlib.suppress(KeyError, TypeError, IndexError):
                        lines[child] = lc.item(i)[0] + 1
                walk(value, child)

    walk(tree, "$")
    return lines


def line_of(path: str, lines: dict[str, int]) -> int | None:
    """The line of ``path``, or of its nearest ancestor that has one."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            return None
        path = path[:cut]
    return None


def dump_yaml(data: Any) -> str:
    """YAML text people can read and review: block style, stable order, unicode kept."""
    out = io.StringIO()
    _yaml("rt").dump(data, out)
    return out.getvalue()
