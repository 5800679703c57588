"""One record read from plain data (a YAML or JSON snippet), as the file format has it.

The command line's ``replace`` reads a corrected record from a file; it is checked exactly
as the same record inside a dossier file would be, every problem placed by its path.
"""

from __future__ import annotations

from typing import Any

from negotrack.core.model import Event, Participant, Plan, PlanVersion, Point, Source
from negotrack.dossier.edit import kind_of
from negotrack.errors import DossierError, Problem
from negotrack.io.records import _Found, _records
from negotrack.io.specs import Spec

__all__ = ["record_from_data"]

_SPEC = {
    "participant": Spec.of(Participant),
    "source": Spec.of(Source),
    "event": Spec.of(Event),
    "plan": Spec.of(Plan),
    "version": Spec.of(PlanVersion),
    "point": Spec.of(Point),
}


def record_from_data(kind: str, data: Any, *, file: str | None = None) -> Any:
    """The record of ``kind`` ("event", "version", "point", ...) that ``data`` describes."""
    kind = kind_of(kind)
    if not isinstance(data, dict):
        raise DossierError(
            Problem(f"a {kind} is a mapping of its fields, found {type(data).__name__}", file=file)
        )
    problems: list[Problem] = []
    built = _records(_SPEC[kind], [data], "$", _Found(problems))
    if problems or not built:
        # The list's one item is the document itself: "$[0].when" is "$.when" here.
        raise DossierError(
            [Problem(p.message, "$" + p.path[4:], file, p.line, p.hint) for p in problems]
        )
    return built[0]
