"""Where the time axis draws its gridlines: a unit that suits the range, and its ticks.

Days for up to about two weeks, weeks (Mondays) for up to about three months, months (every
1, 2, 3, 6 or 12) for up to four years, and years (every 1, 2, 5, 10, ...) beyond: about
four to fourteen labelled lines whatever the range. The page's script does the same in the
reader's browser when they zoom.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

__all__ = ["gridlines"]


def gridlines(lo: datetime, hi: datetime) -> tuple[str, list[datetime]]:
    """A tick unit and the ticks for the range: about 4 to 14 labelled gridlines."""
    days = (hi - lo).total_seconds() / 86400
    if days <= 16:
        return "day", _steps(lo, hi, timedelta(days=1), _midnight(lo))
    if days <= 100:
        first = _midnight(lo)
        first += timedelta(days=(7 - first.weekday()) % 7)  # Mondays
        return "week", _steps(lo, hi, timedelta(days=7 * max(1, round(days / 7 / 10))), first)
    if days <= 366 * 4:
        step = next(s for s in (1, 2, 3, 6, 12) if days / 30.4 / s <= 12)
        out = []
        y, m = lo.year, lo.month
        while True:
            t = datetime(y, m, 1, tzinfo=UTC)
            if t > hi:
                break
            if t >= lo and (m - 1) % step == 0:
                out.append(t)
            m += 1
            if m > 12:
                y, m = y + 1, 1
        return "month", out
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if days / 365.25 / s <= 12)
    first_year = lo.year + 1
    first_year += (-first_year) % step
    out = [datetime(y, 1, 1, tzinfo=UTC) for y in range(first_year, hi.year + 1, step)]
    return "year", [t for t in out if lo <= t <= hi]


def _midnight(t: datetime) -> datetime:
    return t.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)


def _steps(lo: datetime, hi: datetime, step: timedelta, first: datetime) -> list[datetime]:
    out = []
    t = first
    while t <= hi:
        if t >= lo:
            out.append(t)
        t += step
    return out
