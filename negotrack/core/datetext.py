"""Moments as text: the one canonical stored form, and the English display.

**The canonical form** is what :meth:`Moment.isoformat` returns and what files store. It is
EDTF (ISO 8601-2, level 1) wherever EDTF can say it, so other tools read it too:

- one unit: ``2025``, ``2025-11``, ``2025-11-23``, ``2025-11-23T14:00+01:00`` (a named zone
  is written after a space: ``2025-11-23T14:00 Europe/Kyiv``, negotrack's one extension);
- qualifiers as EDTF suffixes: ``2025-11~`` approximate, ``2025-11?`` uncertain, ``2025-11%``
  both;
- a stretch as an EDTF interval of its first and last unit, the qualifier on both ends:
  ``2025-10-13/2025-10-15``, ``2025-10/2025-12`` (a quarter), ``2025-10-11/2025-10-20``
  ("mid-October"), ``2024-09/2024-12~``.

Every form negotrack accepts comes back in this form after a save and a load, and compares
equal to what was read.

**The display** (:func:`display_english`) names a stretch by its common name when its
bounds are exactly one: "Q4 2025", "H1 2025", "early/mid/late 2025" (Jan–Apr, May–Aug,
Sep–Dec), "early/mid/late Oct 2025" (days 1–10, 11–20, 21 to the month's end); otherwise
"13–15 Oct 2025", "Oct–Dec 2025", "28 Oct – 3 Nov 2025". "c. " marks an approximate date
and a trailing "?" an uncertain one. It is one function, so a localised display can take
its place.
"""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

from negotrack.core.dates import Moment, Precision, offset_text, unit_end

__all__ = ["canonical", "display_english", "iso_date", "last_unit"]

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = tuple(calendar.month_name[1:])


def last_unit(m: Moment) -> tuple[datetime, Precision]:
    """The start and precision of the last unit of a stretch: the coarsest unit, no coarser
    than the moment's own precision, that ends exactly where the stretch ends."""
    end = m.span_end
    assert end is not None
    p = m.precision
    while True:
        first = _unit_before(end, p)
        if unit_end(first, p) == end or p is Precision.MINUTE:
            return first, p
        p = Precision(p + 1)


def _unit_before(end: datetime, p: Precision) -> datetime:
    """The start of the unit of precision ``p`` that holds the instant just before ``end``."""
    last = end - timedelta(microseconds=1)
    if p is Precision.YEAR:
        return last.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    if p is Precision.MONTH:
        return last.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if p is Precision.DAY:
        return last.replace(hour=0, minute=0, second=0, microsecond=0)
    return last.replace(second=0, microsecond=0)


def iso_date(v: datetime, p: Precision) -> str | None:
    """The ISO 8601 date of ``v`` at a year, month or day precision ("2025", "2025-11",
    "2025-11-23"); None at minute precision, whose text also needs its time and zone."""
    if p is Precision.YEAR:
        return f"{v.year:04d}"
    if p is Precision.MONTH:
        return f"{v.year:04d}-{v.month:02d}"
    if p is Precision.DAY:
        return f"{v.year:04d}-{v.month:02d}-{v.day:02d}"
    return None


def _iso(v: datetime, p: Precision, zone: str | None) -> str:
    date = iso_date(v, p)
    if date is not None:
        return date
    text = f"{v.year:04d}-{v.month:02d}-{v.day:02d}T{v.hour:02d}:{v.minute:02d}"
    if v.second:
        text += f":{v.second:02d}"
    return text + (" " + zone if zone is not None else offset_text(v))


def _mark(m: Moment) -> str:
    if m.approximate:
        return "%" if m.uncertain else "~"
    return "?" if m.uncertain else ""


def canonical(m: Moment) -> str:
    """The canonical stored text of ``m`` (see the module docstring)."""
    mark = _mark(m)
    first = _iso(m.value, m.precision, m.zone) + mark
    if m.span_end is None:
        return first
    start, p = last_unit(m)
    if start.tzinfo is not None:
        start = start.astimezone(m.value.tzinfo)
    return f"{first}/{_iso(start, p, m.zone)}{mark}"


# -- display ------------------------------------------------------------------------------


def _zone_label(v: datetime) -> str:
    name = v.tzname()
    if name and not name.startswith("UTC"):
        return name
    return "UTC" + ("" if v.utcoffset() == timedelta(0) else offset_text(v))


def _unit_text(v: datetime, p: Precision, month: str) -> str:
    if p is Precision.YEAR:
        return str(v.year)
    if p is Precision.MONTH:
        return f"{month} {v.year}"
    if p is Precision.DAY:
        return f"{v.day} {month} {v.year}"
    return f"{v.day} {month} {v.year}, {v.hour:02d}:{v.minute:02d} {_zone_label(v)}"


_YEAR_PARTS = {
    (1, 3): "Q1 {y}",
    (4, 6): "Q2 {y}",
    (7, 9): "Q3 {y}",
    (10, 12): "Q4 {y}",
    (1, 6): "H1 {y}",
    (7, 12): "H2 {y}",
    (1, 4): "early {y}",
    (5, 8): "mid-{y}",
    (9, 12): "late {y}",
}


def _span_text(m: Moment, long: bool) -> str:
    names = MONTH_NAMES if long else MONTH_ABBR
    a = m.value
    b, q = last_unit(m)
    if b.tzinfo is not None:
        b = b.astimezone(a.tzinfo)
    p = m.precision
    if q is p and p is Precision.MONTH and a.year == b.year:
        part = _YEAR_PARTS.get((a.month, b.month))
        if part is not None:
            return part.format(y=a.year)
        return f"{names[a.month - 1]}–{names[b.month - 1]} {a.year}"
    if q is p and p is Precision.DAY and (a.year, a.month) == (b.year, b.month):
        month = f"{names[a.month - 1]} {a.year}"
        last_day = calendar.monthrange(a.year, a.month)[1]
        if (a.day, b.day) == (1, 10):
            return f"early {month}"
        if (a.day, b.day) == (11, 20):
            return f"mid-{month}"
        if (a.day, b.day) == (21, last_day):
            return f"late {month}"
        return f"{a.day}–{b.day} {month}"
    if q is p and p is Precision.DAY and a.year == b.year:
        return f"{a.day} {names[a.month - 1]} – {b.day} {names[b.month - 1]} {a.year}"
    if q is p and p is Precision.YEAR:
        return f"{a.year}–{b.year}"
    if q is p and p is Precision.MINUTE and a.date() == b.date():
        return (
            f"{a.day} {names[a.month - 1]} {a.year}, "
            f"{a.hour:02d}:{a.minute:02d}–{b.hour:02d}:{b.minute:02d} {_zone_label(b)}"
        )
    return f"{_unit_text(a, p, names[a.month - 1])} – {_unit_text(b, q, names[b.month - 1])}"


def display_english(m: Moment, *, long: bool = False) -> str:
    """How an English reader sees ``m``: "Nov 2025", "c. 20 Nov 2025", "mid-Oct 2025",
    "Q4 2025", "13–15 Oct 2025", "Oct 2025?", "23 Nov 2025, 14:00 EET"."""
    if m.span_end is not None:
        text = _span_text(m, long)
    else:
        v = m.value
        text = _unit_text(v, m.precision, (MONTH_NAMES if long else MONTH_ABBR)[v.month - 1])
    if m.approximate:
        text = "c. " + text
    return text + "?" if m.uncertain else text
