"""Reading dates as analysts write them.

Every place negotrack takes a date (record fields, ``--on``, ``--as-of``, ``--since``,
``--until``) reads it here. The forms, with the interval each one stands for:

============================  ================================================================
``2025``                      the year
``2025-11``, ``Nov 2025``,    the month ("Sept", "Sep." and full names too, any case)
``November 2025``
``2025-11-23``,               the day ("23rd", "Nov 23 2025" too)
``23 Nov 2025``,
``Nov 23, 2025``
``2025-11-23T14:00+01:00``    the minute, with an offset ("Z" for UTC) or an IANA zone
``2025-11-23T14:00 Europe/Kyiv``
``2025-Q4``, ``Q4 2025``      the quarter (October to December); EDTF level 2's ``2025-36``
                              too (33-36 quarters, 37-39 thirds, 40-41 halves)
``early/mid/late Oct 2025``   days 1-10, 11-20, 21 to the end of the month ("mid-October
                              2025", "early Dec 2025")
``early/mid/late 2025``       thirds of the year: January-April, May-August,
                              September-December ("mid-2025")
``2025-10-13/2025-10-15``     an EDTF interval, from the first instant of its first date to
                              the last of its second (any two of the forms above, in order)
``2025-11~``, ``~2025-11``,   approximate ("c." is shown; the interval does not widen)
``c. 2025-11``, ``circa``
``2025-11?``                  uncertain (EDTF); ``2025-11%`` is both
============================  ================================================================

Dates with no time of day float (no zone is known) and are placed on the UTC calendar.
Seasons (EDTF's 21-32) are refused: they differ by hemisphere; write the months.
Open-ended intervals (``2025-10/..``) are refused too: give the last date you know.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from negotrack.core.datequick import quick
from negotrack.core.dates import Moment, Precision, unit_end, zoneinfo
from negotrack.errors import DateError

__all__ = [
    "DATE_DESCRIPTION",
    "DATE_FORMS",
    "DATE_PATTERN",
    "FORMS_HINT",
    "MONTH_WORDS",
    "parse_text",
]

DATE_FORMS = (
    "2025",
    "2025-11",
    "2025-11-23",
    "2025-11-23T14:00+01:00",
    "2025-11-23T14:00 Europe/Kyiv",
    "Nov 2025",
    "23 Nov 2025",
    "Nov 23, 2025",
    "2025-Q4",
    "mid-October 2025",
    "late 2024",
    "2025-10-13/2025-10-15",
    "2025-11~",
    "2025-11?",
    "c. 2025-11",
)
"""One example of each accepted form (see the module docstring for what each means)."""

DATE_DESCRIPTION = (
    "A date whose form gives its precision and bounds: 2025, 2025-11, 2025-11-23, "
    "2025-11-23T14:00+01:00, 2025-11-23T14:00 Europe/Kyiv; English phrases (Nov 2025, "
    "23 Nov 2025, Nov 23, 2025, early/mid/late October 2025, late 2024); quarters "
    "(2025-Q4); EDTF intervals (2025-10-13/2025-10-15) and marks (2025-11~ approximate, "
    "2025-11? uncertain, 2025-11% both; ~2025-11 and c. 2025-11 too). A bare year may be "
    "an integer."
)
"""What :data:`DATE_PATTERN` accepts, in one paragraph (for schemas and help texts)."""

FORMS_HINT = (
    'write it like "2025", "2025-11", "2025-11-23", "2025-11-23T14:00+01:00", '
    '"Oct 2025", "13 Oct 2025", "mid-October 2025", "2025-Q4", "2025-10~" (approximate) '
    'or "2025-10?" (uncertain); for a span, an interval "2025-10-13/2025-10-15" '
    "(an event can also take when: and until:)"
)
"""The hint of every refused date: the accepted forms, and how to write a span."""


def _ci(word: str) -> str:
    """``word`` as a case-insensitive regex without flags (JSON Schema's regexes have none)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


MONTH_WORDS = (  # English, lower case: what dates in a dossier may spell out
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_ZONE = r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*"
_ISO = (
    r"\d{4}(?:-(?:[Qq][1-4]|\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?"
    r"(?:(?:Z|[+-]\d{2}:?\d{2})(?:\s+" + _ZONE + r")?|\s+" + _ZONE + r"))?)?))?"
)
_MONTH_ALT = "(?:" + "|".join(_ci(w[:3]) + "(?:" + _ci(w[3:]) + ")?" for w in MONTH_WORDS)
_MONTH_ALT += "|" + _ci("sept") + r")\.?"
_PART = "(?:" + "|".join(map(_ci, ("early", "mid", "late"))) + r")[\s-]*"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_ENGLISH = (
    rf"(?:{_PART})?(?:(?:{_DAY}\s+)?{_MONTH_ALT}(?:\s+{_DAY})?,?\s+)?\d{{4}}"
    rf"|[Qq][1-4]\s+\d{{4}}"
)
_LEAD = r"(?:~|" + _ci("c.") + r"\s*|" + _ci("ca.") + r"\s*|" + _ci("circa") + r"\s+)?"
_ONE = rf"{_LEAD}(?:{_ISO}|{_ENGLISH})[~?%]?"
DATE_PATTERN = rf"^\s*{_ONE}(?:\s*/\s*{_ONE})?\s*$"
"""A regular expression (Python and ECMA-262 alike, no flags) for the form of every text
:func:`parse_text` accepts; it checks the form only (``2025-02-30`` matches)."""

# An interval's "/" is followed by the start of a date; a zone's "/" ("Europe/Kyiv") is not.
_SPLIT = re.compile(
    r"\s*/\s*(?=\d|~|\.\.|c\.|ca\.|circa\s|q[1-4]\s|(?:early|mid|late)[\s-]"
    r"|(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[a-z]+\.?,?\s+\d)",
    re.IGNORECASE,
)
_LEADERS = frozenset("~cC")
_LEAD_RE = re.compile(r"(~|c\.\s*|ca\.\s*|circa\s+)", re.IGNORECASE)
_ISO_RE = re.compile(
    r"""(?P<year>\d{4})
    (?:-(?P<month>\d{2})
      (?:-(?P<day>\d{2})
        (?:[T\ ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?
          (?P<offset>Z|[+-]\d{2}:?\d{2})?
          (?:\s+(?P<zone>"""
    + _ZONE
    + r"""))?
        )?
      )?
    )?""",
    re.VERBOSE,
)
_QUARTER_RE = re.compile(r"(?:(\d{4})-?Q([1-4])|Q([1-4])[\s-]+(\d{4}))", re.IGNORECASE)
_PART_YEAR_RE = re.compile(r"(early|mid|late)[\s-]*(\d{4})", re.IGNORECASE)
_WORDS_RE = re.compile(
    r"(?:(?P<part>early|mid|late)[\s-]*)?"
    r"(?:(?P<day1>\d{1,2})(?:st|nd|rd|th)?\s+)?"
    r"(?P<month>[a-z]+)\.?"
    r"(?:\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?)?,?\s+(?P<year>\d{4})",
    re.IGNORECASE,
)
# EDTF's sub-year groupings (ISO 8601-2): the first month and the number of months.
_SUB_YEAR = {
    **{33 + q: (1 + 3 * q, 3) for q in range(4)},
    **{37 + t: (1 + 4 * t, 4) for t in range(3)},
    40: (1, 6),
    41: (7, 6),
}
_THIRDS = {"early": (1, 4), "mid": (5, 4), "late": (9, 4)}


def _bad(text: str, why: str) -> DateError:
    return DateError(f"{why}: {text!r}", hint=FORMS_HINT)


@lru_cache(maxsize=8192)
def parse_text(text: str) -> Moment:
    """The Moment a date text stands for; a DateError naming the accepted forms otherwise."""
    # The shapes large dossiers are made of (a day, a minute) take the C parser.
    found = quick(text)
    return found if found is not None else _general(text)


def _general(text: str) -> Moment:
    """What :func:`parse_text` does for every form (:func:`quick` only saves it time)."""
    s = text.strip()
    numeric = _NUMERIC.fullmatch(s)
    if numeric is not None:
        raise _numeric(numeric, text)
    if s.endswith(("/..", "/")) or s.startswith(("../", "/")):
        raise _bad(text, "an open-ended interval is not supported (give the last date known)")
    parts = _SPLIT.split(s) if "/" in s else (s,)
    if len(parts) == 1:
        m = _single(s, text)
    elif len(parts) == 2:
        m = _interval(_single(parts[0], text), _single(parts[1], text), text)
    else:
        raise _bad(text, "an interval has two ends")
    if m.value.year in (1, 9999) or (m.span_end is not None and m.span_end.year >= 9999):
        try:
            m.start, m.end  # noqa: B018 - a moment must have bounds inside the calendar
        except OverflowError:
            raise _bad(text, "the date is outside the years 1 to 9999") from None
    return m


_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})|(\d{4})/(\d{1,2})/(\d{1,2})")
"""A day written in numbers in another order than ISO's (23/11/2025, 23.11.2025,
2025/11/23): refused, with the ISO form of each date it can be read as."""


def _numeric(m: re.Match[str], text: str) -> DateError:
    # Year first; else day/month/year as in most of the world, then month/day/year (US).
    readings = [(m[5], m[6], m[7])] if m[5] else [(m[4], m[3], m[1]), (m[4], m[1], m[3])]
    iso: list[str] = []
    for year, month, day in readings:
        try:
            iso.append(datetime(int(year), int(month), int(day)).date().isoformat())
        except ValueError:
            continue
    iso = list(dict.fromkeys(iso))  # 05/05/2025 reads the same both ways
    why = "dates are written YYYY-MM-DD"
    if "/" in text:
        why += " (a slash separates the two ends of an interval)"
    hint = f"did you mean {iso[0]!r}?" if len(iso) == 1 else None
    if len(iso) == 2:
        hint = f"did you mean {iso[0]!r} (day/month) or {iso[1]!r} (month/day)?"
    return DateError(f"{why}: {text!r}", hint=hint)


def _interval(first: Moment, last: Moment, text: str) -> Moment:
    if (first.value.tzinfo is None) != (last.value.tzinfo is None):
        raise _bad(text, "both ends of an interval need a time of day, or neither")
    if last.start < first.start or last.end <= first.start:
        raise _bad(text, f"the interval ends ({last.display()}) before it starts")
    end, tz = last.end, first.value.tzinfo
    stop: datetime | None = end.replace(tzinfo=None) if tz is None else end.astimezone(tz)
    if first.span_end is None and stop == unit_end(first.value, first.precision):
        stop = None
    return Moment(
        first.value,
        first.precision,
        first.approximate or last.approximate,
        first.zone,
        uncertain=first.uncertain or last.uncertain,
        span_end=stop,
    )


def _single(s: str, text: str) -> Moment:
    """One date (no interval), with its marks."""
    approximate = uncertain = False
    lead = _LEAD_RE.match(s) if s[:1] in _LEADERS else None
    if lead is not None:
        approximate, s = True, s[lead.end() :]
    if s[-1:] in ("~", "?", "%"):
        mark, s = s[-1], s[:-1].rstrip()
        approximate = approximate or mark in "~%"
        uncertain = mark in "?%"
    m = _bare(s, text)
    if approximate or uncertain:
        m = Moment(
            m.value, m.precision, approximate, m.zone, uncertain=uncertain, span_end=m.span_end
        )
    return m


def _bare(s: str, text: str) -> Moment:
    iso = _ISO_RE.fullmatch(s)
    if iso is not None:
        return _from_iso(iso, text)
    q = _QUARTER_RE.fullmatch(s)
    if q is not None:
        year, quarter = (q[1], q[2]) if q[1] else (q[4], q[3])
        return _months(int(year), 3 * int(quarter) - 2, 3, text)
    py = _PART_YEAR_RE.fullmatch(s)
    if py is not None:
        first, count = _THIRDS[py[1].lower()]
        return _months(int(py[2]), first, count, text)
    w = _WORDS_RE.fullmatch(s)
    if w is not None:
        return _from_words(w, text)
    raise _bad(text, "not a date negotrack understands")


def _year(digits: str, text: str) -> int:
    year = int(digits)
    if year < 1:
        raise _bad(text, "the year must be 1 or later")
    return year


def _months(year: int, first: int, count: int, text: str) -> Moment:
    """A stretch of ``count`` whole months from ``first``, within ``year``."""
    start = datetime(_year(f"{year:04d}", text), first, 1)
    last = first + count - 1
    if last < 12:
        stop = datetime(year, last + 1, 1)
    else:  # the end of the year; the end of representable time after 9999
        stop = datetime(year + 1, 1, 1) if year < 9999 else datetime.max
    return Moment(start, Precision.MONTH, span_end=stop)


def _from_iso(g: re.Match[str], text: str) -> Moment:
    year = _year(g["year"], text)
    try:
        if g["month"] is None:
            return Moment(datetime(year, 1, 1), Precision.YEAR)
        month = int(g["month"])
        if g["day"] is None:
            if month in _SUB_YEAR:
                return _months(year, *_SUB_YEAR[month], text)
            if 21 <= month <= 32:
                raise _bad(text, "seasons differ by hemisphere; write the months instead")
            return Moment(datetime(year, month, 1), Precision.MONTH)
        day = int(g["day"])
        if g["hour"] is None:
            return Moment(datetime(year, month, day), Precision.DAY)
        naive = datetime(year, month, day, int(g["hour"]), int(g["minute"]), int(g["second"] or 0))
    except DateError:
        raise  # already says why (a season), with the forms as its hint
    except ValueError as exc:
        if g["day"] is not None and int(g["month"]) > 12 >= int(g["day"]) > 0:
            # Day and month the other way round (as many countries write them): say so.
            swapped = "".join(
                (
                    text[: g.start("month")],
                    g["day"],
                    text[g.end("month") : g.start("day")],
                    g["month"],
                    text[g.end("day") :],
                )
            )
            raise DateError(
                f"impossible date ({exc}): {text!r}",
                hint=f"dates are year-month-day: did you mean {swapped!r}?",
            ) from None
        raise _bad(text, f"impossible date ({exc})") from None
    offset, zone = g["offset"], g["zone"]
    if zone is not None and zone.upper() in ("UTC", "Z", "GMT"):
        offset, zone = offset or "Z", None
    if zone is not None:
        aware = naive.replace(tzinfo=zoneinfo(zone))
        if offset is not None and _offset_of(offset) != aware.utcoffset():
            raise _bad(text, f"the offset {offset} is not {zone}'s offset on that day")
        return Moment(aware, Precision.MINUTE, False, zone)
    if offset is None:
        raise DateError(
            f"the time in {text!r} has no time zone",
            hint='add an offset ("+01:00", "Z") or an IANA zone ("2025-11-23T14:00 Europe/Kyiv")',
        )
    return Moment(naive.replace(tzinfo=timezone(_offset_of(offset))), Precision.MINUTE)


def _month_number(word: str) -> int | None:
    w = word.lower()
    if len(w) < 3:
        return None
    for i, name in enumerate(MONTH_WORDS):
        if name.startswith(w) or (w == "sept" and i == 8):
            return i + 1
    return None


def _from_words(g: re.Match[str], text: str) -> Moment:
    month = _month_number(g["month"])
    if month is None:
        raise _bad(text, f"not a date negotrack understands ({g['month']!r} is not a month)")
    if g["day1"] and g["day2"]:
        raise _bad(text, "two days in one date")
    year = _year(g["year"], text)
    day_text = g["day1"] or g["day2"]
    part = g["part"]
    if day_text is not None and part is not None:
        raise _bad(text, f"{part!r} with a day")
    try:
        if day_text is not None:
            return Moment(datetime(year, month, int(day_text)), Precision.DAY)
        start = datetime(year, month, 1)
    except ValueError as exc:
        raise _bad(text, f"impossible date ({exc})") from None
    if part is None:
        return Moment(start, Precision.MONTH)
    part = part.lower()
    first = {"early": 1, "mid": 11, "late": 21}[part]
    stop = start.replace(day=11) if part == "early" else start.replace(day=21)
    if part == "late":
        stop = unit_end(start, Precision.MONTH)
    return Moment(start.replace(day=first), Precision.DAY, span_end=stop)


def _offset_of(text: str) -> timedelta:
    if text == "Z":
        return timedelta(0)
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    if delta >= timedelta(hours=24):
        raise _bad(text, "an offset must be less than 24 hours")
    return sign * delta
