"""The questions a dossier answers about a point as of a date: its history, its status (and
how sure that answer is), and the parties' positions.

A mixin of :class:`negotrack.Dossier`, which keeps each point's status changes and positions
in sorted logs (:class:`negotrack.dossier.asof.DatedLog`): every query is a binary search,
and nothing is re-sorted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from negotrack.core.dates import Moment, MomentLike
from negotrack.core.model import PlanVersion, Point, Position, Status, StatusChange
from negotrack.core.refs import PointRef
from negotrack.dossier.asof import AsOfRule, DatedLog, StatusReport, counts_rule, report_status

__all__ = ["Queries"]

_NO_CHANGES: DatedLog[StatusChange] = DatedLog()


class Queries:
    """As-of questions about points (mixed into :class:`negotrack.Dossier`)."""

    if TYPE_CHECKING:  # what the dossier provides
        _changes: dict[str, DatedLog[StatusChange]]
        _stances: dict[str, DatedLog[Position]]

        def resolve(self, ref: str) -> tuple[PlanVersion, Point]: ...

    def history(
        self, ref: str, as_of: MomentLike | None = None, *, rule: AsOfRule = "settled"
    ) -> tuple[StatusChange, ...]:
        """The point's status changes in time order; the first is its status as tabled.

        With ``as_of``, only the changes that count by then (see :data:`AsOfRule`): empty
        when the version did not yet exist. Changes with overlapping dates keep the
        documented order of their dates; :meth:`status_report` says when that matters.
        """
        canonical, tabled = self._tabled(ref)
        log = self._changes.get(canonical)
        entries = (tabled, *log.items) if log is not None else (tabled,)
        if as_of is None:
            return entries
        counts, q = counts_rule(rule), Moment.of(as_of)
        return tuple(c for c in entries if counts(c.on, q))

    def status_of(
        self, ref: str, as_of: MomentLike | None = None, *, rule: AsOfRule = "settled"
    ) -> Status | None:
        """The point's status as of a date (latest when ``as_of`` is None).

        None when the version did not yet exist on that date. See :data:`AsOfRule`, and
        :meth:`status_report` for whether the answer is certain.
        """
        return self.status_report(ref, as_of, rule=rule).status

    def status_report(
        self, ref: str, as_of: MomentLike | None = None, *, rule: AsOfRule = "settled"
    ) -> StatusReport:
        """The point's status as of a date with the change that gives it, and the changes
        that make it uncertain: overlapping dates of unknown order, dates that straddle
        ``as_of``. A binary search in the point's sorted history; nothing is re-sorted."""
        canonical, tabled = self._tabled(ref)
        q = Moment.of(as_of) if as_of is not None else None
        log = self._changes.get(canonical) or _NO_CHANGES
        return report_status(canonical, tabled, log, q, rule)

    def _tabled(self, ref: str) -> tuple[str, StatusChange]:
        """The canonical reference of ``ref`` and its first history entry, as tabled."""
        version, point = self.resolve(ref)
        canonical = PointRef.format(version.id, point.number)
        return canonical, StatusChange(
            ref=canonical,
            status=point.status,
            on=version.date,
            source=version.sources[0] if version.sources else None,
            note=f"as tabled in {version.label}",
        )

    def positions(
        self, ref: str, as_of: MomentLike | None = None, *, rule: AsOfRule = "settled"
    ) -> dict[str, Position]:
        """Each party's latest position on the point as of a date, by party id."""
        version, point = self.resolve(ref)
        log = self._stances.get(PointRef.format(version.id, point.number))
        counts = counts_rule(rule)
        q = Moment.of(as_of) if as_of is not None else None
        out: dict[str, Position] = {}
        for pos in log.items if log is not None else ():
            if q is None or counts(pos.on, q):
                out[pos.party] = pos
        return out
