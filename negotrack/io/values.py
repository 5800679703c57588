"""One field's value, read from parsed JSON or YAML: text, a list of text, a date, true or
false, or a word of a vocabulary, each problem placed at the field
(:mod:`negotrack.io.records` reads whole records with it)."""

from __future__ import annotations

from typing import Any

from negotrack.core.dates import Moment
from negotrack.errors import NegotrackError, Problem
from negotrack.io.specs import FLAG, MOMENT, STR, STRS

__all__ = ["read_value", "typename"]


def read_value(kind: Any, value: Any, where: str, problems: list[Problem]) -> Any:
    """``value`` read as a field of ``kind`` (a read kind of :mod:`negotrack.io.specs`, or a
    vocabulary), each problem appended to ``problems`` at ``where`` (and None returned)."""
    if kind == STR:
        if isinstance(value, str):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)  # YAML reads 12 and 1.5 as numbers; they are text here
        problems.append(Problem(f"expected text, found {typename(value)}", where))
    elif kind == STRS:
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list):
            problems.append(Problem(f"expected a list of text, found {typename(value)}", where))
            return ()
        return tuple(read_value(STR, v, f"{where}[{k}]", problems) for k, v in enumerate(value))
    elif kind == FLAG:
        if isinstance(value, bool):
            return value
        problems.append(Problem(f"expected true or false, found {typename(value)}", where))
    elif kind == MOMENT:
        try:
            return Moment.of(value)
        except NegotrackError as exc:
            problems.extend(p.under(where) for p in exc.problems)
    else:
        try:
            return kind.coerce(value)
        except NegotrackError as exc:
            problems.extend(p.under(where) for p in exc.problems)
    return None


_TYPENAMES = {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}


def typename(value: Any) -> str:
    """How a problem names what it found instead (``a mapping``, ``text``, ``nothing``)."""
    return "nothing" if value is None else _TYPENAMES.get(type(value), type(value).__name__)
