"""A dossier as tables: events, points, status history and positions, one typed row each.

One source for every tabular output: :func:`negotrack.export.formats.to_csv` writes these rows as
text, :mod:`negotrack.export.frames` hands them to pandas as they are. Dates appear twice: as
their text form (``when``, ``on``: precision kept, "~" for approximate) and as the UTC
interval they stand for (``start``, ``end``: see :mod:`negotrack.core.dates`), so tables sort
and filter by instant without losing what the source said. Lists are lists, enums their
values, missing values None.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from negotrack.core.refs import PointRef
from negotrack.errors import DossierError

if TYPE_CHECKING:
    from negotrack.core.dates import Moment, MomentLike
    from negotrack.dossier.dossier import Dossier

__all__ = ["COLUMNS", "TABLES", "Table", "rows"]

Table = Literal["events", "points", "status", "positions"]
TABLES: tuple[Table, ...] = ("events", "points", "status", "positions")
"""The tables a dossier has."""

COLUMNS: dict[Table, tuple[str, ...]] = {
    "events": (
        "id", "when", "until", "start", "end", "precision", "approximate", "kind", "title",
        "track", "location", "participants", "sources", "tags", "summary",
    ),
    "points": (
        "plan", "version", "number", "ref", "key", "topic", "status_tabled", "status",
        "text", "options", "sources",
    ),
    "status": ("ref", "status", "on", "start", "end", "source", "by", "note"),
    "positions": (
        "ref", "party", "party_name", "side", "stance", "on", "start", "end", "source", "note",
    ),
}  # fmt: skip
"""Each table's columns, in order (every row has exactly these keys)."""


def rows(
    dossier: Dossier, table: Table | str, *, as_of: MomentLike | None = None
) -> Iterator[dict[str, Any]]:
    """The rows of one table. ``as_of`` keeps what was known by then: the events, status
    changes and positions dated by then (see :data:`negotrack.dossier.dossier.AsOfRule`,
    "settled"), and the points table's ``status`` as of that date."""
    if table == "events":
        return _events(dossier, as_of)
    if table == "points":
        return _points(dossier, as_of)
    if table == "status":
        return _status(dossier, as_of)
    if table == "positions":
        return _positions(dossier, as_of)
    raise DossierError(f"unknown table {table!r}", hint="expected one of " + ", ".join(TABLES))


def _by(as_of: MomentLike | None) -> Callable[[Moment], bool]:
    """Whether a date counts as of ``as_of`` (always, when None)."""
    if as_of is None:
        return lambda _: True
    from negotrack.core.dates import Moment

    q = Moment.of(as_of)
    return lambda m: Moment.settled_by(m, q)


def _events(dossier: Dossier, as_of: MomentLike | None) -> Iterator[dict[str, Any]]:
    counts = _by(as_of)
    for e in dossier.filter_events():
        if not counts(e.when):
            continue
        yield {
            "id": e.id,
            "when": e.when.isoformat(),
            "until": e.until.isoformat() if e.until is not None else None,
            "start": e.when.start,
            "end": (e.until or e.when).end,
            "precision": str(e.when.precision),
            "approximate": e.when.approximate,
            "kind": e.kind.value,
            "title": e.title,
            "track": e.track,
            "location": e.location,
            "participants": list(e.participants),
            "sources": list(e.sources),
            "tags": list(e.tags),
            "summary": e.summary,
        }


def _points(dossier: Dossier, as_of: MomentLike | None) -> Iterator[dict[str, Any]]:
    for plan in dossier.plans:
        for v in plan.versions:
            for p in v.points:
                ref = PointRef.format(v.id, p.number)
                now = dossier.status_of(ref, as_of)
                yield {
                    "plan": plan.id,
                    "version": v.id,
                    "number": p.number,
                    "ref": ref,
                    "key": p.key,
                    "topic": p.topic,
                    "status_tabled": p.status.value,
                    "status": now.value if now is not None else None,
                    "text": p.text,
                    "options": list(p.options),
                    "sources": list(p.sources),
                }


def _status(dossier: Dossier, as_of: MomentLike | None) -> Iterator[dict[str, Any]]:
    entries = [c for ref in dossier.refs() for c in dossier.history(ref, as_of)]
    entries.sort(key=lambda c: c.on.sort_key)
    for c in entries:
        yield {
            "ref": c.ref,
            "status": c.status.value,
            "on": c.on.isoformat(),
            "start": c.on.start,
            "end": c.on.end,
            "source": c.source,
            "by": c.by,
            "note": c.note,
        }


def _positions(dossier: Dossier, as_of: MomentLike | None) -> Iterator[dict[str, Any]]:
    counts = _by(as_of)
    people = {p.id: p for p in dossier.participants}
    for pos in sorted(dossier.position_log, key=lambda p: p.on.sort_key):
        if not counts(pos.on):
            continue
        party = people.get(pos.party)
        yield {
            "ref": pos.ref,
            "party": pos.party,
            "party_name": party.name if party is not None else None,
            "side": party.side if party is not None else None,
            "stance": pos.stance.value,
            "on": pos.on.isoformat(),
            "start": pos.on.start,
            "end": pos.on.end,
            "source": pos.source,
            "note": pos.note,
        }
