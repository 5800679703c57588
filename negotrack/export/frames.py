"""pandas DataFrames of a dossier: events, points, status history, positions (optional).

Data desks analyse dossiers in pandas; these helpers give them typed tables without a CSV
round trip. pandas is not a dependency of negotrack: install it with
``pip install 'negotrack[pandas]'``. Without it, each helper raises
:class:`MissingDependency` (a :class:`~negotrack.NegotrackError`) saying so.

The rows are those of :mod:`negotrack.export.tables` (the CSV exports write the same rows as text):
``start`` and ``end`` are the UTC interval of a date (see :mod:`negotrack.core.dates`), lists
are lists, enums are their values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from negotrack.errors import MissingDependency
from negotrack.export.tables import COLUMNS, Table, rows

if TYPE_CHECKING:
    from negotrack.core.dates import MomentLike
    from negotrack.dossier.dossier import Dossier

__all__ = ["events_frame", "points_frame", "positions_frame", "status_frame", "to_dataframe"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingDependency(
            "pandas is not installed; DataFrame helpers need it",
            hint="pip install 'negotrack[pandas]'",
        ) from None
    return pandas


def events_frame(dossier: Dossier, as_of: MomentLike | None = None) -> Any:
    """One row per event (dated by ``as_of``, when given), in time order, indexed by id."""
    return _frame(dossier, "events", as_of).set_index("id")


def points_frame(dossier: Dossier, as_of: MomentLike | None = None) -> Any:
    """One row per point of every version, with its status as tabled and as of ``as_of``."""
    return _frame(dossier, "points", as_of).set_index("ref")


def status_frame(dossier: Dossier, as_of: MomentLike | None = None) -> Any:
    """One row per point per status entry (as tabled, then each change), in time order."""
    return _frame(dossier, "status", as_of)


def positions_frame(dossier: Dossier, as_of: MomentLike | None = None) -> Any:
    """One row per recorded party position (with the party's name and side), in time order."""
    return _frame(dossier, "positions", as_of)


def to_dataframe(
    dossier: Dossier, table: Table | str = "events", *, as_of: MomentLike | None = None
) -> Any:
    """The ``events``, ``points``, ``status`` or ``positions`` table of ``dossier`` as a
    DataFrame, as known by ``as_of`` (everything when None; see
    :func:`negotrack.export.tables.rows`)."""
    if table == "events":
        return events_frame(dossier, as_of)
    if table == "points":
        return points_frame(dossier, as_of)
    return _frame(dossier, table, as_of)


def _frame(dossier: Dossier, table: Table | str, as_of: MomentLike | None = None) -> Any:
    pd = _pandas()
    records = list(rows(dossier, table, as_of=as_of))  # refuses an unknown table
    return pd.DataFrame(records, columns=list(COLUMNS[cast(Table, table)]))
