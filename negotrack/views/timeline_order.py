"""Where an event stands in the timeline's list: under which heading, and in what order.

The list reads in calendar order as the page displays its dates. A time is shown on the
wall clock of its own zone ("30 Nov 2025, 23:30 UTC-05:00"), so it is filed under the month
of that date, not of its UTC instant (1 Dec), and a heading never comes twice.

- **Headings.** A date known to the month or finer is filed under its month (a stretch of
  days, under the month it starts in). A date known only to the year is filed under that
  year; a stretch of months or years ("late 2025", "Q4 2025", "Oct–Dec 2025", "2024–2025")
  under a heading of its own that names it, because its first month is not when it
  happened: "late 2025" under "September 2025" would read as a September event.
- **Headings' order** is the documented order of their dates (see
  :mod:`negotrack.core.dates`): by start, the longer first, so "2025" comes before
  "Late 2025", which comes before "September 2025".
- **Events within a heading** come in the order of their displayed dates: by the day shown,
  the dates without a time of day first (a whole day before the times within it, a month
  before its days, by the documented order), then the times by their instants; ties keep
  the documented order of the dates, then the dossier's.

The time axis above the list is one clock for every zone: it places marks by their UTC
instants (see :mod:`negotrack.views.axis`), so a late call in New York may sit to the right
of an early meeting in Tokyo the list shows a day later.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypeAlias

from negotrack.core.dates import Moment, Precision, SortKey

__all__ = ["Place", "heading_anchor", "heading_key", "heading_of", "place"]

Place: TypeAlias = tuple[SortKey, datetime, bool, float, SortKey]
"""What :func:`place` returns: the heading's sort key, the day shown, whether the date has a
time of day, its instant (seconds; 0 without a time) and the date's own sort key."""


def heading_of(m: Moment) -> Moment:
    """The date of the heading ``m`` is filed under: its month on the calendar shown, its
    year when known only to the year, or the stretch itself (without its marks) when it
    names several months or years."""
    v = m.value
    if m.precision <= Precision.MONTH and m.span_end is not None:
        return Moment(v, m.precision, span_end=m.span_end)
    if m.precision is Precision.YEAR:
        return Moment(datetime(v.year, 1, 1), Precision.YEAR)
    return Moment(datetime(v.year, v.month, 1), Precision.MONTH)


def heading_key(head: Moment) -> str:
    """The heading's key: "2025-11" for a month, "2025" for a year, the stretch's stored
    form ("2025-09/2025-12") for a stretch; one key per heading."""
    return head.isoformat()


def heading_anchor(key: str) -> str:
    """The heading's element id: "m-2025-11", "m-2025", "m-2025-09-to-2025-12"."""
    return "m-" + key.replace("/", "-to-")


def place(m: Moment) -> Place:
    """Where an event dated ``m`` sorts in the list (see the module docstring)."""
    v = m.value
    head = heading_of(m).sort_key
    if v.tzinfo is None:
        return (head, v, False, 0.0, m.sort_key)
    day = datetime(v.year, v.month, v.day)
    return (head, day, True, v.timestamp(), m.sort_key)
