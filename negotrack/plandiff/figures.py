"""The figures of plan text, and which figure of a new text a changed one became.

Plan texts are full of figures: an army cap of "600,000", "$800bn" of frozen assets, "50%"
of profits, "15 October 2015". When a point is reworded, the report lists the figures that
changed, each paired with what it became. Figures are paired by *what they count*, not by
where they stand: "several hundred observers ... more than 1,000 troops" rewritten as "250
observers ... 1,700 troops" changed 1,000 troops into 1,700 troops (and added 250), it did
not turn 1,000 into 250. So every figure carries its *unit* (the signs and scale written
with it: "$", "%", "bn", "km", a date) and its *context*: the words just before and after
it ("troops", "days", "capped"). Unchanged figures are set aside first (a sequence
alignment); of the rest, figures with the same unit sharing most context words are paired
first; the one figure of a unit left in a rewritten stretch, facing the one figure of
that unit left there, is paired with it (the army "capped at 600,000" that "stays at
800,000"); the rest were removed or added.

A number that names something rather than counting it is not a figure: "Article 5",
"Resolution 2231", "paragraph 14", "Minsk II point 9", and a number that is part of a
name or a designation: "IR-6" (a centrifuge model), "UF6", "P5+1", "Covid-19". A lowercase
prefix keeps its number a figure ("mid-2016").

One figure can be written several ways, and a rewrite often changes only the way: "15
years" and "fifteen years", "3.67 percent" and "3.67%", "10,000" and "10000". Figures are
compared by their *value* (number words read as figures, from "two" to "ninety-nine", with
"hundred", "thousand" and the like; thousands separators dropped; "per cent", "percent"
and "%" one unit, and so "bn" and "billion"), so a figure written another way is not a
change. "One" is not read as a figure: it is more often a pronoun or an article. A count
of days, weeks, months or years carries its unit ("24 months", "a three-year term", and
"a year" after "within", "for" and the like), and spans of time are one unit measured in
days or in months: "24 months" is "two years", and "100 days" that became "three months"
changed. A figure the other text holds as often is no change, wherever and however it is
written; one written twice and changed once changed once, and one the other text lacks
changed once however often written.
"""

from __future__ import annotations

import collections
import difflib
import re
from decimal import Decimal
from typing import TypeAlias

from negotrack.plandiff.number_words import NUMBER_WORDS
from negotrack.plandiff.tokens import CURRENCY

__all__ = ["FigurePair", "figure_pairs", "figures", "may_hold_figure"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_SCALE = r"(?:bn|mn|tn|m|k|km|mm|kg|billion|million|trillion|thousand|per\s?cent|percent)"
# A figure starts at a digit or a currency sign (so the scan is quick); a date's month name
# before it ("November 23, 2025") is picked up afterwards by _MONTH_BEFORE.
_FIGURE_RE = re.compile(
    rf"""
    (?:US\$|[{CURRENCY}])?\d+(?:[.,]\d+)*                          # 600,000  $800  2.5
    (?:-\d{{2}}(?:-\d{{2}})?|:\d{{2}})?                               # 2025-11-23  18:00
    (?:(?<![\d.,]\d\d)(?<=\d)(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?\b  # 23 November 2025
      | \s?%                                                          # 50%
      | \s?{_SCALE}\b                                                 # 800bn  100 billion
    )?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_MAYBE_FIGURE = re.compile(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.IGNORECASE)
_MAYBE_FIGURE_LOW = re.compile(_MAYBE_FIGURE.pattern)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s+$", re.IGNORECASE)
_YEAR_AFTER = re.compile(r"(?:st|nd|rd|th)?,?\s+\d{4}\b")


_TENS = tuple(w for w, v in NUMBER_WORDS.items() if v >= 20)
_ONES = tuple(w for w, v in NUMBER_WORDS.items() if 0 < v < 10)
_TEENS = tuple(w for w, v in NUMBER_WORDS.items() if 1 < v < 20)  # "one" is not a figure
_WORD_FIGURE = re.compile(
    rf"""
    \b(?:(?:{"|".join(_TENS)})(?:[-\s](?:{"|".join(_ONES)}))?           # twenty-five
      | (?:{"|".join(_TEENS)}))\b                                         # two .. nineteen
    (?:\s+hundred\b)?                                                    # two hundred
    (?:\s+{_SCALE}\b)?                                                   # five thousand
    (?!-(?:thirds?|quarters?|halves|half|fifths?|tenths?)\b)             # not two-thirds
    """,
    re.VERBOSE | re.IGNORECASE,
)
_LETTERS = re.compile(r"[a-z]+")
_NUMBER_WORD = frozenset(NUMBER_WORDS) | {
    *("hundred", "thousand", "million", "billion", "trillion", "percent", "cent"),
    *("bn", "mn", "tn", "m", "k", "km", "mm", "kg"),
}
"""The words that may be (part of) a figure written in words, or a scale's."""
_SCALE_KEY = {
    "percent": "%",
    "per cent": "%",
    "billion": "bn",
    "million": "mn",
    "trillion": "tn",
    "thousand": "k",
}

_REFERENCE = re.compile(
    r"(?:§|\b(?:article|art\.|arts?\.|section|sec\.|paragraph|para\.|paras?\.|chapter|ch\.|annex|"
    r"appendix|clause|point|points|item|resolution|resolutions|protocol|no\.|number|phase|"
    r"stage|step|part|schedule|principle|rule|page|p\.|pp\.|minsk|version|draft))\s*$",
    re.IGNORECASE,
)
_CONTEXT_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# fmt: off
_STOP = frozenset((
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "with",
    "from", "than", "more", "less", "over", "under", "about", "up", "some", "least",
    "most", "no", "not", "is", "are", "be", "will", "shall", "as", "its", "their", "it",
    "this", "that", "within",
))
# fmt: on
_MONTH_NAME = re.compile(rf"\b{_MONTH}", re.IGNORECASE)
_UNIT = re.compile(r"[^\d\s.,]+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")
_YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
"""A bare four-digit number from 1800 to 2199 is a year: it never pairs with a count."""
_CONTEXT = 3
"""Words on each side of a figure that say what it counts."""


FigurePair: TypeAlias = tuple[str, str]
"""A changed figure as (old, new); an empty side means the figure was dropped or added."""


def _spans(text: str) -> list[tuple[str, int, int]]:
    """Each figure of ``text`` with where it starts and ends, in reading order; a count of
    days, weeks, months or years takes its unit ("24 months")."""
    found = _digit_spans(text)
    if not _NUMBER_WORD.isdisjoint(_LETTERS.findall(text.lower())):
        taken = [(a, b) for _, a, b in found]
        for m in _WORD_FIGURE.finditer(text):
            start, end = m.span()
            if any(a < end and start < b for a, b in taken):
                continue
            if _REFERENCE.search(text, max(0, start - 16), start):
                continue
            found.append((" ".join(m.group().split()), start, end))
        found.sort(key=lambda f: f[1])
    low = text.lower()
    spans = "day" in low or "week" in low or "month" in low or "year" in low
    if spans:  # "within a year", "for one week"
        taken = [(a, b) for _, a, b in found]
        for m in _ONE_SPAN.finditer(text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                found.append((" ".join(m.group().split()), m.start(), m.end()))
        found.sort(key=lambda f: f[1])
    if not spans:
        return found
    out = []
    for figure, start, end in found:
        unit = _DURATION.match(text, end)
        if unit is not None and figure[-1:].isalnum() and not _YEAR.fullmatch(figure):
            end = unit.end()
            figure = " ".join(text[start:end].split())  # "24 months", "three-year"
        out.append((figure, start, end))
    return out


_DURATION = re.compile(r"(?:\s+|-)(days?|weeks?|months?|years?)\b", re.IGNORECASE)
"""A unit of time after a count: "24 months" and "two years" say the same, and so does a
"two-year" term."""
_ONE_SPAN = re.compile(
    r"(?:(?<=\bwithin )|(?<=\bfor )|(?<=\bafter )|(?<=\bin )|(?<=\bover )|(?<=\bthan ))"
    r"(?:one|a|an)\s+(?:day|week|month|year)\b",
    re.IGNORECASE,
)
"""One span of time, after a word that makes it a term ("within a year", "for one week"):
"one" alone is not a figure, and "a year" alone is often a rate ("once a year")."""
_IN_DAYS = {"day": 1, "week": 7}
_IN_MONTHS = {"month": 1, "year": 12}


def _digit_spans(text: str) -> list[tuple[str, int, int]]:
    """The figures written with digits, with where they start and end."""
    out: list[tuple[str, int, int]] = []
    done = 0
    for m in _FIGURE_RE.finditer(text):
        start, end = m.span()
        if start < done:  # the year of a date already taken whole
            continue
        if _designation(text, start) or _REFERENCE.search(text, max(0, start - 16), start):
            done = end
            continue
        before = _MONTH_BEFORE.search(text, max(0, start - 11), start)
        if before is not None:
            start = before.start()
            if m.end() - m.start() <= 2:
                year = _YEAR_AFTER.match(text, end)
                if year is not None:
                    end = year.end()
        out.append((" ".join(text[start:end].split()), start, end))
        done = end
    return out


def _designation(text: str, start: int) -> bool:
    """Whether the number at ``start`` is part of a name: right after a letter ("UF6",
    "P5"), after a name with a capital and a hyphen ("IR-6", "Su-27", "Covid-19"), or after
    "+" that follows a letter or digit ("P5+1")."""
    if not start:
        return False
    before = text[start - 1]
    if before.isalpha():
        return True
    if before == "+":
        return start > 1 and text[start - 2].isalnum()
    if before == "-":
        k = start - 1
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        return any(ch.isupper() for ch in text[k : start - 1])
    return False


def figures(text: str) -> list[str]:
    """The figures in ``text`` (numbers, money, percentages, dates), in reading order;
    numbers naming a document's parts ("Article 5") are not figures."""
    return [f for f, _, _ in _spans(text)]


def may_hold_figure(text: str) -> bool:
    """Whether ``text`` may hold (part of) a figure: a digit, a month's name, a number word
    or a scale ("thousand", "percent"). A quick test, so that the figures of two texts are
    compared only when an edit touches one."""
    low = text.lower()
    # Ignoring case in ASCII text is matching the lowered text (no long s, no Kelvin
    # sign), which is faster.
    ascii_text = text.isascii()
    digit_or_month = (_MAYBE_FIGURE_LOW if ascii_text else _MAYBE_FIGURE).search(
        low if ascii_text else text
    )
    return digit_or_month is not None or not _NUMBER_WORD.isdisjoint(_LETTERS.findall(low))


class _Figure:
    """A figure with its unit, its value (:func:`_value`) and the words around it."""

    __slots__ = ("context", "text", "unit", "value")

    def __init__(self, text: str, source: str, start: int, end: int) -> None:
        self.text = text
        if _is_date(text):
            self.unit, self.value = "date", text.lower()
        elif _YEAR.fullmatch(text):
            self.unit, self.value = "year", text
        else:
            self.unit, self.value = _value(text)
        before = _CONTEXT_WORD.findall(source[max(0, start - 60) : start].lower())[-_CONTEXT:]
        after = _CONTEXT_WORD.findall(source[end : end + 60].lower())[:_CONTEXT]
        self.context = {w for w in (*before, *after) if w not in _STOP}


def _value(text: str) -> tuple[str, str]:
    """A figure's unit and value, the same however it is written: ("%", "3.67%") for
    "3.67 percent", ("", "15") for "fifteen", ("k", "5k") for "five thousand"."""
    low = text.lower()
    words = low.replace("-", " ").split()
    if len(words) == 2 and words[0] in ("one", "a", "an"):  # one span of time: "a year"
        number, scale = "1", words[1]
    elif words and words[0] in NUMBER_WORDS:
        n = NUMBER_WORDS[words[0]]
        rest = words[1:]
        if rest and rest[0] in NUMBER_WORDS:  # twenty-five
            n += NUMBER_WORDS[rest.pop(0)]
        if rest and rest[0] == "hundred":
            n *= 100
            rest.pop(0)
        number, scale = str(n), " ".join(rest)
    else:
        m = re.match(r"(\D*?)(\d+(?:[.,]\d+)*)(.*)$", low)
        if m is None:  # pragma: no cover - every figure holds a digit or a number word
            return "", low
        sign, digits, scale = m.group(1), m.group(2), m.group(3)
        number = sign + _THOUSANDS.sub("", digits)
    scale = " ".join(scale.split())
    period = scale.strip(" -").removesuffix("s")
    if period in _IN_DAYS or period in _IN_MONTHS:  # "24 months" is "two years"
        whole = period in _IN_MONTHS
        times = (_IN_MONTHS if whole else _IN_DAYS)[period]
        count = Decimal(number.replace(",", ".")) * times if _PLAIN.fullmatch(number) else None
        if count is not None:  # one unit for every span of time, so they pair
            return "time", f"{count.normalize():f}{'mo' if whole else 'd'}"
    value = number + _SCALE_KEY.get(scale, scale).replace(" ", "")
    return "".join(_UNIT.findall(value)), value


_PLAIN = re.compile(r"\d+(?:\.\d+)?")
"""A count a unit of time can multiply (not "-3" or "1,5": a sign or a decimal comma)."""


def _is_date(text: str) -> bool:
    return (
        re.search(_MONTH, text, re.IGNORECASE) is not None
        or re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", text) is not None
    )


def figure_pairs(old: str, new: str, *, distinct: bool = False) -> list[FigurePair]:
    """The figures that differ between two texts, each paired with what it became (see
    the module's note); a figure removed or added is paired with an empty string. In the
    old text's reading order, additions last.

    A figure the other text holds as often is no change, one it holds less often changed
    as often as it has more (10 days twice becoming 10 days and 20 days is 10 days -> 20
    days), and one it lacks changed once however often written. With ``distinct`` (the
    texts of a whole split or merge), a figure the other text holds at all is no change:
    two pieces that both say "5,060" merge into one "5,060"."""
    a = [_Figure(f, old, s, e) for f, s, e in _spans(old)]
    b = [_Figure(f, new, s, e) for f, s, e in _spans(new)]
    if [f.value for f in a] == [f.value for f in b]:
        return []
    sm = difflib.SequenceMatcher(None, [f.value for f in a], [f.value for f in b], autojunk=False)
    runs = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal"]
    olds = [(k, r) for r, (i1, i2, _, _) in enumerate(runs) for k in range(i1, i2)]
    news = [(k, r) for r, (_, _, j1, j2) in enumerate(runs) for k in range(j1, j2)]
    # A figure the other text also has, wherever it stands (or however it is written:
    # "15", "fifteen"), is no change; a figure written twice on one side changes once
    # ("cuts to 6,104 ..., all 6,104 are IR-1s" drops 6,104, not 6,104 twice).
    olds, soft_old = _changed(olds, a, b, distinct)
    news, soft_new = _changed(news, b, a, distinct)
    ranked = []
    for i, run_i in olds:
        for j, run_j in news:
            x, y = a[i], b[j]
            if x.unit != y.unit:
                continue
            shared = len(x.context & y.context)
            if shared:
                ranked.append((-shared, run_i != run_j, abs(i - j), i, j))
    ranked.sort()
    paired: dict[int, int] = {}
    taken: set[int] = set()
    for *_, i, j in ranked:
        if i not in paired and j not in taken:
            paired[i] = j
            taken.add(j)
    open_old = {i for i, _ in olds}
    open_new = {j for j, _ in news}
    for i1, i2, j1, j2 in runs:
        for unit in {a[i].unit for i in range(i1, i2) if i in open_old}:
            left_a = [
                i for i in range(i1, i2) if i in open_old and i not in paired and a[i].unit == unit
            ]
            left_b = [
                j for j in range(j1, j2) if j in open_new and j not in taken and b[j].unit == unit
            ]
            if len(left_a) == 1 and len(left_b) == 1:
                paired[left_a[0]] = left_b[0]
                taken.add(left_b[0])
    # A figure also written elsewhere in the other text changed only if it became another.
    out: list[FigurePair] = []
    for i, _ in olds:
        if i in paired or i not in soft_old:
            out.append((a[i].text, b[paired[i]].text if i in paired else ""))
    out.extend(("", b[j].text) for j, _ in news if j not in taken and j not in soft_new)
    return out


def _changed(
    changed: list[tuple[int, int]], side: list[_Figure], other: list[_Figure], distinct: bool
) -> tuple[list[tuple[int, int]], set[int]]:
    """Of ``changed`` (figures of ``side`` outside the runs both texts share, with their
    run), those that may have changed, as :func:`figure_pairs` counts them, first ones
    first; and those of them the other text also holds (a change only if paired)."""
    mine = collections.Counter(f.value for f in side)
    theirs = collections.Counter(f.value for f in other)
    left = {
        v: 1 if not theirs[v] else 0 if distinct else max(n - theirs[v], 0) for v, n in mine.items()
    }
    out, soft = [], set()
    for k, run in changed:
        value = side[k].value
        if left[value]:
            left[value] -= 1
            out.append((k, run))
            if theirs[value]:
                soft.add(k)
    return out, soft
