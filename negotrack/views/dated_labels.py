"""Whether a version's label already states its date, so that a page does not say it twice.

Labels often carry their version's date: "Declaration of Principles (25 April 2025)",
"Acuerdo Final del 24 de agosto de 2016". A board's column, or a site's home page, that
wrote the date after such a label would read "Declaration of Principles (25 April 2025)
(25 Apr 2025)". :func:`date_after_label` gives the date to write after a label: nothing
when the label states that very date, the date as the page shows it otherwise.

A label states a date when it holds it whole at the date's precision (day, month or year),
in one of the ways dates are written: "25 April 2025", "25 Apr. 2025", "25th of April
2025", "April 25, 2025", "2025-04-25", "25.04.2025", "25. April 2025", "25 de abril de
2025", "25 квітня 2025 р.", "٢٥ أبريل ٢٠٢٥"; a month as "April 2025", "abril de 2025",
"2025-04"; a year as "2025". Month names are read in English, in the dossier's declared
language and in the page's (CLDR's, through Babel, which only a language other than
English loads). A label that says more than the date does ("25 April 2025" for a date
known to the month) states it too; one that says less ("February 2003" for 26 February
2003), or another date, does not, and the date is kept: it is information. So is an
approximate, uncertain or stretched date ("c. 20 Nov 2025", "Q4 2025") and a time of day,
unless the label holds the very text the page would show. Day and month written with
slashes ("05/04/2025") are not read: which comes first differs by country.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from negotrack.core.dateparse import MONTH_WORDS
from negotrack.core.dates import Moment, Precision
from negotrack.views.i18n import Interface

__all__ = ["date_after_label", "states_date"]

_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|re|º|°)?\.?"
_YEAR = r"(?P<y>\d{4})(?!\d)"
_NOT_AFTER_WORD = r"(?<![\w.\-/])"


def date_after_label(
    label: str, moment: Moment, lang: Interface, language: str | None = None
) -> str:
    """The date to write after ``label``: ``moment`` as ``lang`` shows it in a table or a
    line (with its approximation mark), or "" when the label already states it (see the
    module's note). ``language`` is the dossier's declared language, whose month names
    the label may use."""
    shown = lang.plain_date(moment)
    languages = {"en", lang.code, (language or "en").replace("_", "-").split("-")[0].lower()}
    return "" if states_date(label, moment, languages, shown=shown) else shown


def states_date(
    label: str, moment: Moment, languages: Iterable[str] = ("en",), *, shown: str = ""
) -> bool:
    """Whether ``label`` states the date ``moment`` at its precision, with month names in
    ``languages`` (language codes) or in digits; or holds ``shown``, the text a page would
    write for it, as it stands."""
    if shown and _holds(label, shown):
        return True
    exact = not (moment.approximate or moment.uncertain or moment.span_end is not None)
    if not exact or moment.precision is Precision.MINUTE or not any(c.isdigit() for c in label):
        return False
    v = moment.value
    want = (v.year, v.month, v.day)[: moment.precision]
    return any(said[: len(want)] == want for said in _mentions(label, tuple(sorted(languages))))


def _holds(label: str, text: str) -> bool:
    """Whether ``text`` stands in ``label`` as a whole (not inside a longer word or number)."""
    low, part = label.casefold(), text.casefold()
    at = low.find(part)
    while at >= 0:
        end = at + len(part)
        if (not at or not low[at - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
            return True
        at = low.find(part, at + 1)
    return False


def _mentions(label: str, languages: tuple[str, ...]) -> set[tuple[int, ...]]:
    """The dates ``label`` states, each as (year, month, day) cut to what it says."""
    months = _months(languages)
    out: set[tuple[int, ...]] = set()
    for pattern in _patterns(languages):
        for m in pattern.finditer(label):
            parts = m.groupdict()
            month = parts.get("m")
            if month is None:
                out.add((int(parts["y"]),))
                continue
            number = int(month) if month.isdigit() else months[month.casefold().rstrip(".")]
            said = (int(parts["y"]), number)
            out.add(said if parts.get("d") is None else (*said, int(parts["d"])))
    return out


@lru_cache(maxsize=16)
def _patterns(languages: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The ways a date is written, with the month names of ``languages``."""
    names = sorted(_months(languages), key=len, reverse=True)
    month = r"(?P<m>(?<![^\W\d_])(?:{})\.?(?![^\W\d_]))".format(
        "|".join(re.escape(n) for n in names)
    )
    of = r"(?:\s+(?:of|de|del)\s+|\s*,\s*|\s+)"
    forms = (
        rf"{_NOT_AFTER_WORD}{_DAY}{of}{month}{of}{_YEAR}",  # 25 April 2025, 24 de agosto de 2016
        rf"{month}\s+{_DAY}\s*,?\s*{_YEAR}",  # April 25, 2025
        rf"{month}{of}{_YEAR}",  # April 2025, agosto de 2016
        rf"{_NOT_AFTER_WORD}{_YEAR}-(?P<m>\d{{2}})(?:-(?P<d>\d{{2}}))?(?![\d])",  # 2025-04-25
        rf"{_NOT_AFTER_WORD}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.{_YEAR}",  # 25.04.2025
        rf"{_NOT_AFTER_WORD}{_YEAR}",  # 2025
    )
    return tuple(re.compile(f, re.IGNORECASE) for f in forms)


@lru_cache(maxsize=16)
def _months(languages: tuple[str, ...]) -> dict[str, int]:
    """Month names and their abbreviations (lowercase, without a final dot) in English and
    in ``languages``, each with its number."""
    out: dict[str, int] = {}
    for k, name in enumerate(MONTH_WORDS, start=1):
        out[name] = out[name[:3]] = k
    out["sept"] = 9
    for code in languages:
        if code != "en":
            from negotrack.views.cldr import month_names

            out.update(month_names(code))
    return out
