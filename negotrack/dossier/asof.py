"""As-of answers: a point's dated changes in time order, and what they say by a date.

Each point keeps its changes in a :class:`DatedLog`, sorted once (by the documented order of
:class:`~negotrack.core.dates.Moment`) and then kept sorted as changes arrive, so a query
never sorts: it finds with a binary search the changes that start before the query date
ends, and looks back only as far as the longest date of the log can reach.

A query date without a time of day counts changes by their dates as displayed (see
:func:`~negotrack.core.dates.settled`): "30 Nov 2025, 23:30 UTC-05:00" is on 30 Nov. The log
is sorted by UTC instants, and a date's calendar as displayed is never further from UTC's
than the largest UTC offset in the log (:attr:`DatedLog.shift`), so the search widens its
window by that much and decides each change in the window by its displayed dates. A log of
dates without times has no offset and searches as narrowly as an instant.

Imprecise dates can overlap: "disputed, Oct 2025" and "agreed, c. 12 Oct 2025" are two facts
of which neither surely came first. :class:`StatusReport` says when an answer depends on
such an order (``unordered``), or on a change whose date straddles the query date
(``pending``: it may or may not have happened by then).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Generic, Literal, Protocol, TypeVar

import attrs

from negotrack.core.dates import Moment, SortKey, begun, settled
from negotrack.core.model import Status, StatusChange

__all__ = ["AsOfRule", "DatedLog", "StatusReport", "mark_history", "report_status"]

AsOfRule = Literal["settled", "possible"]
"""How an imprecise date counts in an as-of query: "settled" (its whole interval is over by
the end of the query date) or "possible" (its interval starts before the query date ends)."""

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class _Dated(Protocol):
    @property
    def on(self) -> Moment: ...


_R = TypeVar("_R", bound=_Dated)


def _seconds(instant: datetime) -> float:
    return (instant - _EPOCH).total_seconds()


def _offset(on: Moment) -> float:
    """How far ``on``'s calendar as displayed can be from UTC's, in seconds: the larger of
    its zone's offsets at its two ends (0 for a date without a time)."""
    v = on.value
    tz = v.tzinfo
    if tz is None:
        return 0.0
    far = abs(tz.utcoffset(v) or _NONE)
    if on.span_end is not None:
        far = max(far, abs(tz.utcoffset(on.span_end.astimezone(tz)) or _NONE))
    return far.total_seconds()


_NONE = timedelta(0)


class DatedLog(Generic[_R]):
    """One point's dated records in time order, for binary search by date."""

    __slots__ = ("_keys", "items", "longest", "shift")

    def __init__(self) -> None:
        self._keys: list[SortKey] = []
        self.items: list[_R] = []
        """The records, in the documented order of their dates (recording order at ties)."""
        self.longest = 0.0
        """The longest date interval in the log, in seconds: how far back a query looks."""
        self.shift = 0.0
        """The largest UTC offset of a time in the log, in seconds: how far a query by the
        calendar as displayed widens its search around the UTC instants."""

    @classmethod
    def of(cls, records: list[_R]) -> DatedLog[_R]:
        """A log of ``records``, sorted once."""
        log: DatedLog[_R] = cls()
        pairs = sorted(((r.on.sort_key, r) for r in records), key=lambda kr: kr[0])
        log._keys = [k for k, _ in pairs]
        log.items = [r for _, r in pairs]
        log.longest = max((-k[1] for k in log._keys), default=0.0)
        log.shift = max((_offset(r.on) for r in log.items), default=0.0)
        return log

    def add(self, record: _R) -> None:
        """Put ``record`` in its place (after any record with an equal date)."""
        key = record.on.sort_key
        i = bisect_right(self._keys, key)
        self._keys.insert(i, key)
        self.items.insert(i, record)
        self.longest = max(self.longest, -key[1])
        self.shift = max(self.shift, _offset(record.on))

    def find(self, record: _R) -> _R | None:
        """The record equal to ``record`` already in the log, or None: a binary search to
        its date, then the few records that share it."""
        keys, key = self._keys, record.on.sort_key
        i = bisect_left(keys, key)
        while i < len(keys) and keys[i] == key:
            if self.items[i] == record:
                return self.items[i]
            i += 1
        return None

    def __len__(self) -> int:
        return len(self.items)

    def before(self, end: float) -> int:
        """How many records start before ``end`` (seconds since the epoch, UTC)."""
        return bisect_left(self._keys, (end,))

    def back_from(self, stop: int, reach: float) -> Iterator[tuple[int, _R]]:
        """The records before index ``stop`` with their index, latest first, as far back as
        a record's interval can still reach past ``reach`` (seconds since the epoch, UTC)."""
        floor = reach - self.longest
        keys, items = self._keys, self.items
        for i in range(stop - 1, -1, -1):
            if keys[i][0] < floor:
                return
            yield i, items[i]


def counts_rule(rule: str) -> Callable[[Moment, Moment], bool]:
    """The test of :data:`AsOfRule` ``rule``: whether a date counts by a query date."""
    if rule == "settled":
        return settled
    if rule == "possible":
        return begun
    from negotrack.errors import DossierError, did_you_mean

    raise DossierError(
        f"unknown as-of rule {rule!r}", hint=did_you_mean(str(rule), ["settled", "possible"])
    )


@attrs.frozen(repr=False)  # one line, as it reads: the default repeated every change whole
class StatusReport:
    """A point's status as of a date, and whether that answer is certain.

    ``status`` and ``change`` are what :meth:`Dossier.status_of` answers and the entry that
    gives it (None before the version existed). ``unordered`` holds counted changes with
    another status whose dates overlap the deciding change's: either may have come last.
    ``pending`` holds changes with another status whose dates straddle the query date (under
    the "possible" rule, also the deciding change when its date does): they may or may not
    have happened by then.
    """

    ref: str
    status: Status | None
    change: StatusChange | None
    as_of: Moment | None = None
    rule: AsOfRule = "settled"
    unordered: tuple[StatusChange, ...] = ()
    pending: tuple[StatusChange, ...] = ()

    @property
    def certain(self) -> bool:
        """Whether the answer depends on no unknown order and no straddling date."""
        return not self.unordered and not self.pending

    @property
    def possible(self) -> tuple[Status, ...]:
        """Every status the changes in doubt allow, the answer first."""
        found = [self.status] if self.status is not None else []
        for c in (*self.unordered, *self.pending):
            if c.status not in found:
                found.append(c.status)
        return tuple(found)

    def __repr__(self) -> str:
        when = (
            "latest" if self.as_of is None else f"as of {self.as_of.display()}, rule {self.rule!r}"
        )
        return f"<StatusReport {self}; {when}>"

    def __str__(self) -> str:
        status = self.status.value if self.status is not None else "not yet tabled"
        if self.certain:
            return f"{self.ref}: {status}"
        text = f"{self.ref}: {status}, not certain"
        if self.unordered:
            others = ", ".join(f"{c.status.value} ({c.on.display()})" for c in self.unordered)
            text += f"; the order is unknown against {others}"
        if self.change is not None and self.change in self.pending:
            text += f"; {status} ({self.change.on.display()}) may not have happened by then"
        rest = [c for c in self.pending if c != self.change]
        if rest:
            dated = ", ".join(f"{c.status.value} ({c.on.display()})" for c in rest)
            text += f"; may or may not have happened by then: {dated}"
        return text


def report_status(
    ref: str, tabled: StatusChange, log: DatedLog[StatusChange], as_of: Moment | None, rule: str
) -> StatusReport:
    """The :class:`StatusReport` of one point from its tabled entry and its sorted changes.

    Looks at O(log n) entries plus those whose dates reach the query date or the deciding
    change (bounded by the longest date in the log), and for a query date without a time of
    day those within the log's largest UTC offset of it; never at the whole history.

    Whether a change counts, or straddles the query date, is decided as :func:`counts_rule`
    says (by the dates as displayed for a calendar date); whether two changes are unordered
    by their instants, which is when they happened.
    """
    counts = counts_rule(rule)
    items = log.items
    if as_of is None:
        last_i = len(items) - 1
        straddling: list[StatusChange] = []
    else:
        # A floating query's end is a calendar time; read as UTC it is where the log's
        # floating dates are keyed, and a zoned date is keyed within ``shift`` of its own.
        q_end = _seconds(as_of.end)
        shift = log.shift if as_of.value.tzinfo is None else 0.0
        stop = log.before(q_end + shift)
        straddling = [
            c
            for _, c in log.back_from(stop, q_end - shift)
            if begun(c.on, as_of) and not settled(c.on, as_of)
        ]
        last_i = stop - 1
        while last_i >= 0 and not counts(items[last_i].on, as_of):
            last_i -= 1  # straddling changes and those in the window: this stays near ``stop``
    if last_i >= 0:
        last = items[last_i]
    elif as_of is None or counts(tabled.on, as_of):
        last = tabled
    else:
        return StatusReport(ref, None, None, as_of, _rule(rule))
    status = last.status
    unordered: list[StatusChange] = []
    if last_i >= 0:
        for _, c in log.back_from(last_i, _seconds(last.on.start)):
            counted = as_of is None or counts(c.on, as_of)
            if counted and c.on.end > last.on.start and c.status is not status:
                unordered.append(c)
    pending = [c for c in straddling if c is not last and c.status is not status]
    if rule == "possible" and last in straddling:
        pending.insert(0, last)
    return StatusReport(
        ref, status, last, as_of, _rule(rule), tuple(reversed(unordered)), tuple(reversed(pending))
    )


def _rule(rule: str) -> AsOfRule:
    return "possible" if rule == "possible" else "settled"


def mark_history(
    history: tuple[StatusChange, ...], counted: tuple[StatusChange, ...], report: StatusReport
) -> list[tuple[StatusChange, str]]:
    """Each entry of a point's ``history`` with how it stands against the report's as-of
    date: "" when it counts (and its order is not in doubt), "after the as-of date", "may be
    after the as-of date" (its date straddles the as-of date) or "order unknown"."""
    q = report.as_of
    assert q is not None
    kept = set(counted)  # by value: the tabled entry is built afresh by each query
    pending = set(report.pending)
    unordered = set(report.unordered)
    if report.unordered and report.change is not None:
        unordered.add(report.change)
    out = []
    for c in history:
        if c in pending or (c not in kept and begun(c.on, q)):
            mark = "may be after the as-of date"
        elif c in unordered:
            mark = "order unknown"
        elif c not in kept:
            mark = "after the as-of date"
        else:
            mark = ""
        out.append((c, mark))
    return out
