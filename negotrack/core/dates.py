"""Moment: a point or a stretch of time that knows how precisely it is known.

Dates in this field are often imprecise: "in November", "mid-October", "around 20 Dec",
"between the 13th and the 15th". A :class:`Moment` keeps the precision its source gave (year,
month, day or minute), whether it is approximate ("c.", EDTF ``~``) or uncertain (EDTF
``?``), for times of day the time zone (an IANA name or a fixed offset), and, when the text
named a stretch of several units (an interval, a quarter, "mid-October"), where it ends.

The text forms are parsed by :mod:`negotrack.core.dateparse` (``DATE_FORMS`` lists them) and
written by :mod:`negotrack.core.datetext` (one canonical form, EDTF where EDTF can say it).

**Bounds.** A moment stands for an interval: "2025-11" is all of November, "2025-11-23" the
whole day, a minute its sixty seconds, "2025-10-13/2025-10-15" three days, "mid-Oct 2025"
the 11th to the 20th. Dates without a time are *floating* (no zone is known) and are placed
on the UTC calendar. ``start`` is the first instant the text allows and ``end`` the instant
just after the last one it allows (exclusive), both in UTC; ``start < end`` always.

**Sorting** is total: by ``start``; at equal starts the longer stretch first (so "2025"
before "Q1 2025" before "Jan 2025" before "1 Jan 2025" before "1 Jan 2025, 09:00"); then the
coarser precision; then exact before approximate, certain before uncertain; then by zone
name. Month-precision events thus head their month.

**The calendar shown.** A time is displayed on the wall clock of its own zone, so its
calendar date may differ from its UTC date: ``local_start`` and ``local_end`` give its bounds
on the calendar as displayed (naive), which is what a timeline files and filters it by.

**As-of queries.** A dated fact is *settled by* a query moment when its whole interval is
over by the end of the query's interval: a status set "in December 2025" is not settled on
10 Dec 2025 (it may have happened later that month), but is by 31 Dec 2025 or by "2025-12".
A fact is *possibly by* a query moment when its interval starts before the query's ends.
A query without a time of day ("as of 30 Nov 2025", "2025-11") asks about the calendar, so
facts are compared with it by their dates as displayed, as the timeline's date filters
compare them: a change at "30 Nov 2025, 23:30 UTC-05:00" (1 Dec in UTC) is settled by
30 Nov, one at "1 Dec 2025, 01:00 JST" (30 Nov in UTC) is not. A query with a time of day
names an instant (negotrack refuses a time without an offset or zone), and facts are
compared with it as instants. Two facts are *unordered* when their intervals overlap as
instants: neither surely came first. Approximation and uncertainty are shown to readers and
order ties; they do not widen the interval.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from negotrack.errors import DateError

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    import pendulum

__all__ = [
    "Moment",
    "MomentLike",
    "Precision",
    "SortKey",
    "begun",
    "moment_or_none",
    "settled",
    "to_moment",
]


class Precision(enum.IntEnum):
    """How precisely a moment is known; a larger value is finer."""

    YEAR = 1
    MONTH = 2
    DAY = 3
    MINUTE = 4

    def __str__(self) -> str:
        return self.name.lower()


_EPOCH = datetime(1970, 1, 1)
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

SortKey: TypeAlias = tuple[float, float, int, bool, bool, str]
"""What :attr:`Moment.sort_key` returns: start (seconds), minus the length, precision,
approximate, uncertain, zone name."""
_FAR = datetime.max.replace(tzinfo=UTC)


@attrs.frozen(repr=False)
class Moment:
    """A point or stretch of time with its precision, qualifiers and time zone.

    Build one with :meth:`Moment.of` (or :meth:`Moment.parse` for text). ``value`` is the
    start: a naive midnight for year, month and day precision (the first day of the month or
    year), an aware datetime for minute precision. ``span_end`` is None for one unit of the
    precision ("2025-11", "2025-11-23"); for a stretch of several units ("2025-10-13/
    2025-10-15", "2025-Q4", "mid-October 2025") it is the exclusive end, of the same kind as
    ``value`` (naive or aware).
    """

    value: datetime
    precision: Precision
    approximate: bool = False
    zone: str | None = None
    """The IANA time zone name, when the moment was given with one."""
    uncertain: bool = attrs.field(default=False, kw_only=True)
    """EDTF's ``?``: the source is not sure of the date (shown as "?")."""
    span_end: datetime | None = attrs.field(default=None, kw_only=True)

    # -- construction ------------------------------------------------------------------

    @classmethod
    def of(cls, value: MomentLike) -> Moment:
        """A Moment from any accepted form; raises :class:`DateError` otherwise."""
        if type(value) is str:
            return _dateparse.parse_text(value)
        if isinstance(value, Moment):
            return value
        if isinstance(value, str):
            return _dateparse.parse_text(str(value))
        if isinstance(value, datetime):
            return _from_datetime(value)
        if isinstance(value, date):
            return cls(datetime(value.year, value.month, value.day), Precision.DAY)
        if isinstance(value, int) and not isinstance(value, bool):
            return _dateparse.parse_text(f"{value:04d}")
        raise DateError(
            f"expected a date, found {type(value).__name__} {value!r}",
            hint=_dateparse.FORMS_HINT,
        )

    @classmethod
    def parse(cls, text: str) -> Moment:
        """A Moment from its text form (see :data:`negotrack.core.dateparse.DATE_FORMS`)."""
        return _dateparse.parse_text(text)

    # -- the interval ------------------------------------------------------------------

    @property
    def start(self) -> datetime:
        """The first instant the date allows, in UTC."""
        v = self.value
        if v.tzinfo is None:
            return v.replace(tzinfo=UTC)
        return v.astimezone(UTC)

    @property
    def end(self) -> datetime:
        """The instant just after the last one the date allows, in UTC (exclusive)."""
        if self.span_end is not None:
            e = self.span_end
            return e.replace(tzinfo=UTC) if e.tzinfo is None else e.astimezone(UTC)
        return unit_end(self.start, self.precision)

    @property
    def local_start(self) -> datetime:
        """The first instant the date allows on the calendar it is shown in, naive: a
        floating date's own calendar, or the wall clock of a time's zone ("30 Nov 2025,
        23:30 UTC-05:00" starts on 30 Nov, though at 04:30 UTC on 1 Dec)."""
        v = self.value
        return v if v.tzinfo is None else v.replace(tzinfo=None)

    @property
    def local_end(self) -> datetime:
        """The instant just after the last one the date allows, on the calendar it is
        shown in (naive, exclusive; see :attr:`local_start`)."""
        v = self.value
        stop = self.span_end
        if stop is None:
            return unit_end(self.local_start, self.precision)
        return stop if v.tzinfo is None else stop.astimezone(v.tzinfo).replace(tzinfo=None)

    @property
    def is_span(self) -> bool:
        """Whether the date names several units of its precision (an interval, a part)."""
        return self.span_end is not None

    @property
    def sort_key(self) -> SortKey:
        """The documented total order (see the module docstring)."""
        v = self.value
        seconds = (v - _EPOCH).total_seconds() if v.tzinfo is None else v.timestamp()
        p = self.precision
        stop = self.span_end
        if stop is not None:
            length = (stop - v).total_seconds()
        elif p is Precision.DAY:
            length = 86400.0
        elif p is Precision.MINUTE:
            length = 60.0
        else:  # a floating month or year: its length in days, without building datetimes
            y = v.year
            leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
            if p is Precision.MONTH:
                length = 86400.0 * (_MONTH_DAYS[v.month] + (leap and v.month == 2))
            else:
                length = 86400.0 * (365 + leap)
        return (seconds, -length, int(p), self.approximate, self.uncertain, self.zone or "")

    def settled_by(self, other: MomentLike) -> bool:
        """Whether this moment's whole interval is over by the end of ``other``'s (on the
        calendar as displayed when ``other`` has no time of day; see :func:`settled`)."""
        return settled(self, Moment.of(other))

    def possibly_by(self, other: MomentLike) -> bool:
        """Whether this moment's interval starts before the end of ``other``'s (on the
        calendar as displayed when ``other`` has no time of day; see :func:`begun`)."""
        return begun(self, Moment.of(other))

    def overlaps(self, other: MomentLike) -> bool:
        """Whether the two intervals share an instant: neither surely came first."""
        o = Moment.of(other)
        return self.start < o.end and o.start < self.end

    # -- order -------------------------------------------------------------------------

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Moment):
            return NotImplemented
        return self.sort_key < other.sort_key

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Moment):
            return NotImplemented
        return self.sort_key <= other.sort_key

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Moment):
            return NotImplemented
        return self.sort_key > other.sort_key

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Moment):
            return NotImplemented
        return self.sort_key >= other.sort_key

    # -- text --------------------------------------------------------------------------

    def isoformat(self) -> str:
        """The canonical (stored) text form; ``Moment.parse(m.isoformat()) == m``."""
        return _datetext.canonical(self)

    def display(self, *, long: bool = False) -> str:
        """How a reader sees it: "Nov 2025", "c. 20 Nov 2025", "mid-Oct 2025", "Q4 2025",
        "13–15 Oct 2025", "23 Nov 2025, 14:00 EET" (English; see
        :func:`negotrack.core.datetext.display_english`)."""
        return _datetext.display_english(self, long=long)

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"Moment({self.isoformat()!r})"

    # -- interop -----------------------------------------------------------------------

    def to_pendulum(self) -> pendulum.DateTime:
        """The start of this moment as a pendulum DateTime (in its own zone, or UTC)."""
        import pendulum

        v = self.value
        tz: Any = "UTC"
        if self.zone is not None:
            tz = pendulum.timezone(self.zone)
        elif v.tzinfo is not None:
            off = v.utcoffset()
            tz = pendulum.timezone(int(off.total_seconds()) if off is not None else 0)
        return pendulum.datetime(v.year, v.month, v.day, v.hour, v.minute, v.second, tz=tz)

    def to_date(self) -> date:
        """The calendar date of the start of this moment, in its own zone."""
        return self.value.date()


MomentLike: TypeAlias = Moment | str | date | datetime | int
"""Anything :meth:`Moment.of` accepts: a Moment, a date text (see ``DATE_FORMS``), a date,
an aware datetime (pendulum's too), or a bare year as an int (YAML reads ``2025`` as a
number)."""


def settled(on: Moment, by: Moment) -> bool:
    """Whether ``on``'s whole interval is over by the end of ``by``'s: by the dates as
    displayed when ``by`` has no time of day (a stretch of the calendar), as instants when
    it has one (see "As-of queries" above)."""
    if by.value.tzinfo is None:
        return on.local_end <= by.local_end
    return on.end <= by.end


def begun(on: Moment, by: Moment) -> bool:
    """Whether ``on``'s interval starts before the end of ``by``'s: by the dates as
    displayed when ``by`` has no time of day, as instants when it has one."""
    if by.value.tzinfo is None:
        return on.local_start < by.local_end
    return on.start < by.end


def unit_end(start: datetime, precision: Precision) -> datetime:
    """The instant just after the unit of ``precision`` that begins at ``start``."""
    if precision is Precision.YEAR:
        return start.replace(year=start.year + 1) if start.year < 9999 else _far(start)
    if precision is Precision.MONTH:
        if start.month == 12:
            return start.replace(year=start.year + 1, month=1) if start.year < 9999 else _far(start)
        return start.replace(month=start.month + 1)
    if precision is Precision.DAY:
        return start + timedelta(days=1) if start.date() < date.max else _far(start)
    return start + timedelta(minutes=1) if start.date() < date.max else _far(start)


def _far(like: datetime) -> datetime:
    """The end of representable time, naive or aware like ``like`` (the year 9999's end)."""
    return _FAR if like.tzinfo is not None else _FAR.replace(tzinfo=None)


def offset_text(v: datetime) -> str:
    """``v``'s UTC offset as "+01:00" (aware datetimes only)."""
    off = v.utcoffset()
    if off is None:  # pragma: no cover - minute moments are always aware
        return ""
    minutes = int(off.total_seconds()) // 60
    hours, rest = divmod(abs(minutes), 60)
    return f"{'+' if minutes >= 0 else '-'}{hours:02d}:{rest:02d}"


@lru_cache(maxsize=512)
def zoneinfo(name: str) -> ZoneInfo:
    """The IANA zone ``name``; a DateError that says how to write one otherwise."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only dossiers with zones pay

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise DateError(
            f"unknown time zone {name!r}",
            hint="use an IANA name such as 'Europe/Kyiv' or an offset such as '+02:00'",
        ) from None


def _from_datetime(value: datetime) -> Moment:
    tz = value.tzinfo
    if tz is None or value.utcoffset() is None:
        raise DateError(
            f"the time {value.isoformat()} has no time zone",
            hint="give an offset (+01:00) or an IANA zone (Europe/Kyiv)",
        )
    zone = _zone_name(tz)
    value = value.replace(microsecond=0)
    if zone is not None:
        return Moment(value.replace(tzinfo=zoneinfo(zone)), Precision.MINUTE, False, zone)
    off = value.utcoffset()
    assert off is not None
    return Moment(value.replace(tzinfo=timezone(off)), Precision.MINUTE, False, None)


def _zone_name(tz: tzinfo) -> str | None:
    key = getattr(tz, "key", None)  # zoneinfo.ZoneInfo and pendulum's Timezone
    if isinstance(key, str) and "/" in key:
        return key
    name = getattr(tz, "name", None)  # pendulum's named zones
    if isinstance(name, str) and "/" in name:
        return name
    return None


def to_moment(value: Any) -> Moment:
    """Converter for date fields (attrs needs a plain function); text takes the short way."""
    if type(value) is str:
        return _dateparse.parse_text(value)
    return Moment.of(value)


def moment_or_none(value: Any) -> Moment | None:
    """Converter for optional date fields: None stays None."""
    return None if value is None else Moment.of(value)


# Parsing and writing live in their own modules, which build Moments: imported last, and
# used through the module object, so either side may be imported first.
from negotrack.core import dateparse as _dateparse  # noqa: E402
from negotrack.core import datetext as _datetext  # noqa: E402

_parse: Callable[[str], Moment] = _dateparse.parse_text  # type: ignore[has-type]
"""The text parser under its short name, for the record classes' hot path."""
