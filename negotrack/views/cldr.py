"""Dates, numbers and lists in CLDR's grammar, through Babel: the non-English side of
:class:`negotrack.views.i18n.Interface`.

Imported only when a page is asked for in a language other than English, so English pages
and the command line's start-up never load Babel. Each function takes a moment's precision
and bounds, not English text: a month alone uses CLDR's standalone form (the nominative
"листопад 2025 р.", not the genitive "листопада"), a day the formatting form ("23 лист.
2025 р."), a span CLDR's interval pattern ("23–24 лист. 2025 р."), a time its zone's city
in the reader's language ("14:00 (Київ)") or a localised offset ("GMT+01:00").
:func:`month_names` gives the names a label may write a month with in a language, so that
a page does not repeat a date its label states (:mod:`negotrack.views.dated_labels`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_datetime, format_interval, format_skeleton
from babel.dates import get_timezone_location as _zone_city
from babel.lists import format_list as _format_list
from babel.numbers import format_decimal

from negotrack.core.dates import Moment, Precision

__all__ = [
    "format_day_month",
    "format_day_span",
    "format_fraction",
    "format_list",
    "format_moment",
    "format_month",
    "format_number",
    "format_stretch",
    "month_names",
]


@lru_cache(maxsize=32)
def _locale(code: str) -> Locale:
    return Locale.parse(code)


@lru_cache(maxsize=4096)
def format_moment(moment: Moment, code: str) -> str:
    """``moment`` at its precision in language ``code``, without an approximation mark."""
    loc = _locale(code)
    text = _stretch(moment, loc) if moment.span_end is not None else _single(moment, loc, code)
    return text + "?" if moment.uncertain else text


@lru_cache(maxsize=256)
def format_stretch(moment: Moment, code: str) -> str:
    """A stretch of months or years as a heading, months in full and without marks:
    "жовтень – грудень 2025 р.", "2024–2025"."""
    return _stretch(moment, _locale(code), long=True)


def _stretch(moment: Moment, loc: Locale, *, long: bool = False) -> str:
    """A stretch ("2025-10/2025-12", "mid-October", "13–15 Oct") as CLDR's interval of its
    first and last units: "жовт. – груд. 2025 р.", "13–15 жовт. 2025 р."; with ``long``,
    months in full."""
    from negotrack.core.datetext import last_unit

    last, p = last_unit(moment)
    first = moment.value
    if p is Precision.MINUTE:
        a = Moment(first, Precision.MINUTE, zone=moment.zone)
        b = Moment(last, Precision.MINUTE, zone=moment.zone)
        return f"{_single(a, loc, str(loc))} – {_single(b, loc, str(loc))}"
    month = "MMMM" if long else "MMM"
    skeleton = {Precision.YEAR: "y", Precision.MONTH: f"y{month}"}.get(p, f"y{month}d")
    a_day = date(first.year, first.month, first.day)
    b_day = date(last.year, last.month, last.day)
    return format_interval(a_day, b_day, skeleton, locale=loc)


def _single(moment: Moment, loc: Locale, code: str) -> str:
    v = moment.value
    p = moment.precision
    if p is Precision.YEAR:
        return format_skeleton("y", v, locale=loc)
    if p is Precision.MONTH:
        return format_month(moment, code)
    if p is Precision.DAY:
        return format_skeleton("yMMMd", v, locale=loc)
    day = format_skeleton("yMMMd", v, locale=loc)
    clock = format_skeleton("Hm", v, locale=loc)
    joined = str(loc.datetime_formats.get("medium", "{1}, {0}")).format(clock, day)
    return f"{joined} ({_zone(moment, loc)})"


def _zone(moment: Moment, loc: Locale) -> str:
    v = moment.value
    if moment.zone is not None and v.tzinfo is not None:
        city = _zone_city(v.tzinfo, locale=loc, return_city=True)
        if city:
            return city
    if v.utcoffset() == timedelta(0):
        return "UTC"
    return format_datetime(v, "ZZZZ", locale=loc)


def format_month(moment: Moment, code: str) -> str:
    """A month on its own, in the standalone (nominative) form: "листопад 2025 р."."""
    return format_skeleton("yMMMM", moment.value, locale=_locale(code))


def format_day_span(start: Moment, end: Moment, code: str) -> str:
    """Two days as one interval: "23–24 лист. 2025 р.", "23.–24. Nov. 2025"."""
    a, b = start.value, end.value
    return format_interval(
        date(a.year, a.month, a.day), date(b.year, b.month, b.day), "yMMMd", locale=_locale(code)
    )


def format_day_month(t: datetime, code: str) -> str:
    """A day of the month without its year, for the time axis's gridlines: "23 лист."."""
    return format_skeleton("MMMd", t, locale=_locale(code))


def format_number(n: int, code: str) -> str:
    """``n`` with the language's grouping ("12 345")."""
    return format_decimal(n, locale=_locale(code))


def format_fraction(x: float, code: str) -> str:
    """``x`` with two decimals in the language's notation ("0,69")."""
    return format_decimal(x, format="0.00", locale=_locale(code))


def format_list(items: list[str], code: str, style: str = "standard") -> str:
    """Items joined as the language writes a list ("a, b і c"; with ``style="or"``, a list
    of alternatives: "a або b")."""
    return _format_list(items, style=style, locale=_locale(code))  # type: ignore[arg-type]


@lru_cache(maxsize=16)
def month_names(code: str) -> dict[str, int]:
    """The month names of language ``code``, lowercase and without a final dot, each with
    its number: full and abbreviated, in the formatting form ("квітня") and the standalone
    one ("квітень"); none for a language CLDR does not know."""
    try:
        loc = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return {}
    out: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in loc.months[context][width].items():
                key = str(name).casefold().rstrip(".")
                if key and not key[0].isdigit():
                    out.setdefault(key, int(number))
    return out
