"""Moment: a point in time that knows how precisely it is known.

Dates in this field are often imprecise: "in November", "last week", "around 20 Dec".
A :class:`Moment` keeps the precision its source gave (year, month, day or minute), whether
it is approximate, and, for times of day, the time zone: an IANA name ("Europe/Kyiv") or a
fixed offset ("+01:00").

Text forms (the precision is read from the form)::

    "2025"                          year
    "2025-11"                       month
    "2025-11-23"                    day
    "~2025-11-20" or "2025-11-20~"  approximate (any precision; "c. 2025-11-20" too)
    "2025-11-23T14:00+01:00"        minute, fixed offset ("Z" for UTC)
    "2025-11-23T14:00 Europe/Kyiv"  minute, IANA time zone

``datetime.date`` values are day precision; time-zone-aware ``datetime`` values (pendulum's
included) are minute precision; a naive ``datetime`` is refused, because a time of day means
nothing without its zone.

**The interval rule.** A moment stands for an interval: "2025-11" is all of November,
"2025-11-23" the whole day, a minute its sixty seconds. Dates without a time are *floating*
(no zone is known) and are placed on the UTC calendar. ``start`` and ``end`` (exclusive) give
the interval in UTC.

**Sorting.** Moments sort by the start of their interval; at equal starts the coarser one
comes first ("Nov 2025" before "1 Nov 2025" before "1 Nov 2025, 09:00"), and an exact moment
before an approximate one. This places month-precision events at the head of their month.

**As-of queries.** A dated fact is *settled by* a query moment when its whole interval is
over by the end of the query's interval: a status set "in December 2025" is not settled on
10 Dec 2025 (it may have happened later that month), but is by 31 Dec 2025 or by "2025-12".
A fact is *possibly by* a query moment when its interval starts before the query's ends.
``Dossier.status_of`` uses "settled" by default and "possible" on request. Approximation
("~") is shown to readers and orders ties; it does not widen the interval.
"""

from __future__ import annotations

import enum
import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from negotrack.errors import DateError

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    import pendulum

__all__ = ["Moment", "MomentLike", "Precision", "moment_or_none", "to_moment"]


class Precision(enum.IntEnum):
    """How precisely a moment is known; a larger value is finer."""

    YEAR = 1
    MONTH = 2
    DAY = 3
    MINUTE = 4

    def __str__(self) -> str:
        return self.name.lower()


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_FORM_PATTERN = r"""
    (?P<approx>~|c\.\s*|circa\s+)?
    (?P<year>\d{4})
    (?:-(?P<month>\d{2})
      (?:-(?P<day>\d{2})
        (?:[T\ ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?
          (?P<offset>Z|[+-]\d{2}:?\d{2})?
          (?:\s+(?P<zone>[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*))?
        )?
      )?
    )?
    (?P<approx2>~)?
    """


@lru_cache(maxsize=1)
def _form() -> re.Pattern[str]:
    """The general date pattern, compiled on first use (plain days never need it)."""
    return re.compile(_FORM_PATTERN, re.VERBOSE)


_EPOCH = datetime(1970, 1, 1)
_FIRST_YEAR, _LAST_YEAR = 2, 9998  # a year's margin in the calendar: every bound exists


@attrs.frozen(repr=False)
class Moment:
    """A point in time with its precision, approximation and time zone.

    Build one with :meth:`Moment.of` (or :meth:`Moment.parse` for text). ``value`` is a
    naive midnight for year, month and day precision (the first day of the month or year),
    and an aware datetime for minute precision.
    """

    value: datetime
    precision: Precision
    approximate: bool = False
    zone: str | None = None
    """The IANA time zone name, when the moment was given with one."""

    # -- construction ------------------------------------------------------------------

    @classmethod
    def of(cls, value: MomentLike) -> Moment:
        """A Moment from any accepted form; raises :class:`DateError` otherwise."""
        if type(value) is str:
            return _parse(value)
        if isinstance(value, Moment):
            return value
        if isinstance(value, str):
            return _parse(str(value))
        if isinstance(value, datetime):
            return _from_datetime(value)
        if isinstance(value, date):
            return _parse(value.isoformat())  # a plain day, its year checked
        if isinstance(value, int) and not isinstance(value, bool):
            return _parse(f"{value:04d}")
        raise DateError(
            f"expected a date, found {type(value).__name__} {value!r}",
            hint='write it like "2025", "2025-11", "2025-11-23" or "2025-11-23T14:00+01:00"',
        )

    @classmethod
    def parse(cls, text: str) -> Moment:
        """A Moment from its text form (see the module docstring)."""
        return _parse(text)

    # -- the interval ------------------------------------------------------------------

    @property
    def start(self) -> datetime:
        """The first instant of the interval, in UTC."""
        v = self.value
        if v.tzinfo is None:
            return v.replace(tzinfo=UTC)
        return v.astimezone(UTC)

    @property
    def end(self) -> datetime:
        """The instant just after the interval, in UTC (exclusive)."""
        s = self.start
        p = self.precision
        if p is Precision.YEAR:
            return s.replace(year=s.year + 1) if s.year < 9999 else datetime.max.replace(tzinfo=UTC)
        if p is Precision.MONTH:  # years end at 9998: the next one exists
            return s.replace(year=s.year + s.month // 12, month=s.month % 12 + 1)
        if p is Precision.DAY:
            return s + timedelta(days=1)
        return s + timedelta(minutes=1)

    @property
    def sort_key(self) -> tuple[float, int, bool]:
        """The documented order: start, then coarser first, then exact before approximate."""
        v = self.value
        seconds = (v - _EPOCH).total_seconds() if v.tzinfo is None else v.timestamp()
        return (seconds, int(self.precision), self.approximate)

    def settled_by(self, other: MomentLike) -> bool:
        """Whether this moment's whole interval is over by the end of ``other``'s."""
        return self.end <= Moment.of(other).end

    def possibly_by(self, other: MomentLike) -> bool:
        """Whether this moment's interval starts before the end of ``other``'s."""
        return self.start < Moment.of(other).end

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
        """The canonical text form; ``Moment.parse(m.isoformat()) == m``."""
        v = self.value
        p = self.precision
        if p is Precision.YEAR:
            text = f"{v.year:04d}"
        elif p is Precision.MONTH:
            text = f"{v.year:04d}-{v.month:02d}"
        elif p is Precision.DAY:
            text = f"{v.year:04d}-{v.month:02d}-{v.day:02d}"
        else:
            text = f"{v.year:04d}-{v.month:02d}-{v.day:02d}T{v.hour:02d}:{v.minute:02d}"
            if v.second:
                text += f":{v.second:02d}"
            if self.zone is not None:
                text += " " + self.zone
            else:
                text += _offset_text(v)
        return "~" + text if self.approximate else text

    def display(self, *, long: bool = False) -> str:
        """How a reader sees it: "2025", "Nov 2025", "23 Nov 2025", "c. 20 Nov 2025",
        "23 Nov 2025, 14:00 EET"."""
        v = self.value
        p = self.precision
        month = _MONTHS[v.month - 1]
        if long:
            month = v.strftime("%B")
        if p is Precision.YEAR:
            text = str(v.year)
        elif p is Precision.MONTH:
            text = f"{month} {v.year}"
        elif p is Precision.DAY:
            text = f"{v.day} {month} {v.year}"
        else:
            text = f"{v.day} {month} {v.year}, {v.hour:02d}:{v.minute:02d} {_zone_label(v)}"
        return "c. " + text if self.approximate else text

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
"""Anything :meth:`Moment.of` accepts: a Moment, an ISO-like string, a date, an aware
datetime (pendulum's too), or a bare year as an int (YAML reads ``2025`` as a number)."""


def _offset_text(v: datetime) -> str:
    off = v.utcoffset()
    if off is None:  # pragma: no cover - minute moments are always aware
        return ""
    minutes = int(off.total_seconds()) // 60
    hours, rest = divmod(abs(minutes), 60)
    return f"{'+' if minutes >= 0 else '-'}{hours:02d}:{rest:02d}"


def _zone_label(v: datetime) -> str:
    name = v.tzname()
    if name and not name.startswith("UTC"):
        return name
    return "UTC" + ("" if v.utcoffset() == timedelta(0) else _offset_text(v))


@lru_cache(maxsize=512)
def _zoneinfo(name: str) -> ZoneInfo:
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
    _parse(f"{value.year:04d}")  # refuses a year out of range
    zone = _zone_name(tz)
    value = value.replace(microsecond=0)
    if zone is not None:
        return Moment(value.replace(tzinfo=_zoneinfo(zone)), Precision.MINUTE, False, zone)
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


def _bad(text: str, why: str) -> DateError:
    return DateError(
        f"{why}: {text!r}",
        hint='write it like "2025", "2025-11", "~2025-11-20", "2025-11-23T14:00+01:00" '
        'or "2025-11-23T14:00 Europe/Kyiv"',
    )


@lru_cache(maxsize=8192)
def _parse(text: str) -> Moment:
    # The common case in large dossiers, a plain day, takes the C parser.
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and "0001" < text[:4] < "9999":
        try:
            return Moment(datetime.fromisoformat(text), Precision.DAY)
        except ValueError:
            pass
    m = _form().fullmatch(text.strip())
    if m is None:
        raise _bad(text, "not a date negotrack understands")
    g = m.groupdict()
    approximate = bool(g["approx"] or g["approx2"])
    year = int(g["year"])
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise _bad(text, f"the year must be between {_FIRST_YEAR} and {_LAST_YEAR}")
    try:
        if g["month"] is None:
            return Moment(datetime(year, 1, 1), Precision.YEAR, approximate)
        month = int(g["month"])
        if g["day"] is None:
            return Moment(datetime(year, month, 1), Precision.MONTH, approximate)
        day = int(g["day"])
        if g["hour"] is None:
            return Moment(datetime(year, month, day), Precision.DAY, approximate)
        naive = datetime(year, month, day, int(g["hour"]), int(g["minute"]), int(g["second"] or 0))
    except ValueError as exc:
        raise _bad(text, f"impossible date ({exc})") from None
    offset, zone = g["offset"], g["zone"]
    if zone is not None and zone.upper() in ("UTC", "Z", "GMT"):
        offset, zone = offset or "Z", None
    if zone is not None:
        tz = _zoneinfo(zone)
        aware = naive.replace(tzinfo=tz)
        if offset is not None and _offset_of(offset) != aware.utcoffset():
            raise _bad(text, f"the offset {offset} is not {zone}'s offset on that day")
        return Moment(aware, Precision.MINUTE, approximate, zone)
    if offset is None:
        raise DateError(
            f"the time in {text!r} has no time zone",
            hint='add an offset ("+01:00", "Z") or an IANA zone ("2025-11-23T14:00 Europe/Kyiv")',
        )
    return Moment(naive.replace(tzinfo=timezone(_offset_of(offset))), Precision.MINUTE, approximate)


def _offset_of(text: str) -> timedelta:
    if text == "Z":
        return timedelta(0)
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    if delta >= timedelta(hours=24):
        raise _bad(text, "an offset must be less than 24 hours")
    return sign * delta


def to_moment(value: Any) -> Moment:
    """Converter for date fields (attrs needs a plain function); text takes the short way."""
    if type(value) is str:
        return _parse(value)
    return Moment.of(value)


def moment_or_none(value: Any) -> Moment | None:
    """Converter for optional date fields: None stays None."""
    return None if value is None else Moment.of(value)
