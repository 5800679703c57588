"""The few date shapes that large dossiers are made of, read by Python's C parser.

A dossier that a program wrote (an export, a scraper, a converter) holds tens of thousands
of dates in a handful of ISO shapes: a day (``2025-11-23``), a minute with an offset
(``2025-11-23T14:00+01:00``, ``2025-11-23T14:00Z``) or with a zone name
(``2025-11-23T14:00 Europe/Kyiv``). The general reader
(:func:`negotrack.core.dateparse.parse_text`) takes every text through its regular
expressions, some 7 µs a date, and minutes are rarely the same twice, so its cache of texts
does not spare them; ``datetime.fromisoformat`` reads these shapes in a twentieth of that.

:func:`quick` reads exactly these shapes and gives up (None) on anything else and on
anything it cannot read, including the years 1 and 9999, whose bounds the general reader
checks: the general reader then reads the text, or says what is wrong with it, as it always
has. So a text gets the same :class:`~negotrack.core.dates.Moment`, or the same error,
either way; only the time differs.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from functools import lru_cache

from negotrack.core.dates import Moment, Precision, zoneinfo
from negotrack.errors import DateError

__all__ = ["quick"]

_fromisoformat = datetime.fromisoformat
_DAY, _MINUTE = Precision.DAY, Precision.MINUTE

# A zone name of letters, digits, "_" and "+", each of its parts beginning with a letter:
# no "-" (the general reader would take "Europe/mid-x" as an interval) and no part that
# begins with a digit (nor would the reader's "/" be read as one). IANA names with a "-"
# ("America/Port-au-Prince") take the general reader. Compiled on first use (by re's own
# cache), not at import: the command line's start-up time is a bar.
_ZONE = r"[A-Za-z][A-Za-z0-9_+]*(?:/[A-Za-z][A-Za-z0-9_+]*)*"
_NOT_A_ZONE = frozenset(("UTC", "Z", "GMT"))  # the general reader reads these as offsets


def quick(text: str) -> Moment | None:
    """The Moment a day or minute in one of the usual ISO shapes stands for; None for any
    other text (see the module docstring)."""
    n = len(text)
    try:
        if n == 10:
            if text[4] == "-" and text[7] == "-":
                return Moment(_fromisoformat(text), _DAY)
            return None
        # "T" and ":" in their places, and an hour that is not "24" (which some Pythons'
        # fromisoformat read as the next day's midnight, and the general reader refuses).
        if n < 17 or text[10] != "T" or text[13] != ":" or text[11:13] == "24":
            return None
        mark = text[16]
        if (n == 22 and mark in "+-" and text[19] == ":") or (n == 17 and mark == "Z"):
            value = _fromisoformat(text)
            zone = None
        elif mark == " " and (tz := _zone(zone := text[17:])) is not None:
            value = _fromisoformat(text[:16]).replace(tzinfo=tz)
        else:
            return None
    except ValueError:  # not a date: the general reader says why
        return None
    if value.year in (1, 9999):
        return None
    return Moment(value, _MINUTE, False, zone)


@lru_cache(maxsize=512)
def _zone(name: str) -> tzinfo | None:
    """The time zone ``name`` names, when it is one :func:`quick` may read (see ``_ZONE``);
    None otherwise, an unknown zone too (the general reader says why)."""
    if re.fullmatch(_ZONE, name) is None or name.upper() in _NOT_A_ZONE:
        return None
    try:
        return zoneinfo(name)
    except DateError:
        return None
