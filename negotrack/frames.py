"""pandas DataFrames of a dossier: events, points and status history (optional extra).

Data desks analyse dossiers in pandas; these helpers give them typed tables without a CSV
round trip. pandas is not a dependency of negotrack: install it with
``pip install 'negotrack[pandas]'``. Without it, each helper raises
:class:`MissingDependency` (a :class:`~negotrack.NegotrackError`) saying so.

The columns are those of the CSV exports (:mod:`negotrack.export`), with types: ``start``
and ``end`` are the UTC interval of a date (see :mod:`negotrack.dates`), lists are lists,
enums are their values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from negotrack.errors import NegotrackError

if TYPE_CHECKING:
    from negotrack.dates import MomentLike
    from negotrack.dossier import Dossier

__all__ = ["MissingDependency", "events_frame", "points_frame", "status_frame", "to_dataframe"]


class MissingDependency(NegotrackError, ImportError):
    """An optional dependency (pandas) is not installed."""


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingDependency(
            "pandas is not installed; DataFrame helpers need it",
            hint="pip install 'negotrack[pandas]'",
        ) from None
    return pandas


def events_frame(dossier: Dossier) -> Any:
    """One row per event, in time order, indexed by event id."""
    pd = _pandas()
    rows = [
        {
            "id": e.id,
            "when": e.when.isoformat(),
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
        for e in sorted(dossier.events, key=lambda e: e.when.sort_key)
    ]
    columns = list(rows[0]) if rows else ["id", "when", "start", "end", "kind", "title"]
    return pd.DataFrame(rows, columns=columns).set_index("id")


def points_frame(dossier: Dossier, as_of: MomentLike | None = None) -> Any:
    """One row per point of every version, with its status as tabled and as of ``as_of``."""
    pd = _pandas()
    rows = []
    for plan in dossier.plans:
        for v in plan.versions:
            for p in v.points:
                ref = f"{v.id}#{p.number}"
                now = dossier.status_of(ref, as_of)
                rows.append(
                    {
                        "ref": ref,
                        "plan": plan.id,
                        "version": v.id,
                        "number": p.number,
                        "key": p.key,
                        "topic": p.topic,
                        "status_tabled": p.status.value,
                        "status": None if now is None else now.value,
                        "text": p.text,
                        "options": list(p.options),
                        "sources": list(p.sources),
                    }
                )
    columns = list(rows[0]) if rows else ["ref", "plan", "version", "number", "status", "text"]
    return pd.DataFrame(rows, columns=columns).set_index("ref")


def status_frame(dossier: Dossier) -> Any:
    """One row per point per status entry (as tabled, then each change), in time order."""
    pd = _pandas()
    rows = [
        {
            "ref": c.ref,
            "status": c.status.value,
            "on": c.on.isoformat(),
            "start": c.on.start,
            "end": c.on.end,
            "source": c.source,
            "by": c.by,
            "note": c.note,
        }
        for ref in dossier.refs()
        for c in dossier.history(ref)
    ]
    rows.sort(key=lambda r: (r["start"], r["ref"]))
    columns = list(rows[0]) if rows else ["ref", "status", "on", "start", "end", "source", "by"]
    return pd.DataFrame(rows, columns=columns)


def to_dataframe(dossier: Dossier, table: str = "events") -> Any:
    """The ``events``, ``points`` or ``status`` table of ``dossier`` as a DataFrame."""
    if table == "events":
        return events_frame(dossier)
    if table == "points":
        return points_frame(dossier)
    if table == "status":
        return status_frame(dossier)
    raise NegotrackError(
        f"unknown table {table!r}", hint="expected one of 'events', 'points', 'status'"
    )
