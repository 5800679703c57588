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
first (a word meets its longer form: "Gaza" and "Gazans"); the one figure of a unit left
in a rewritten stretch, facing the one figure of that unit left there, is paired with it
(the army "capped at 600,000" that "stays at 800,000"); the rest were removed or added.

A number that names something rather than counting it is not a figure: "Article 5",
"Resolution 2231", "paragraph 14", "Minsk II point 9", and a number that is part of a
name or a designation: "IR-6" (a centrifuge model), "UF6", "P5+1", "Covid-19". A lowercase
prefix keeps its number a figure ("mid-2016"). Nor is a number word that names a set of
parties or places the reader is told: "the two countries", "three countries: Ukraine, the
United States and Russia" (:mod:`.figure_sets`).

One figure can be written several ways, and a rewrite often changes only the way: "15
years" and "fifteen years", "3.67 percent" and "3.67%", "10,000" and "10000". Figures are
compared by their *value* (number words read as figures, from "two" to "ninety-nine", with
"hundred", "thousand" and the like, a number of several words being one figure: "twenty
five", "two hundred and fifty", "five thousand two hundred", "eight and a half" (8.5);
thousands separators dropped; "per cent", "percent" and "%" one unit; "five thousand" is
"5,000" and "$800bn" is "$800 billion"), so a figure written another way is not a change.
"One" alone is not read as a figure: it is more often a pronoun or an article ("one
hundred" and "one million" are). A
count of days, weeks, months or years carries its unit ("24 months", "a three-year term",
and "a year" after "within", "for" and the like), and spans of time are one unit measured
in days or in months: "24 months" is "two years", and "100 days" that became "three
months" changed. A figure the other text holds as often is no
change, wherever and however it is written; one written twice and changed once changed
once, and one the other text lacks changed once however often written.

These words are English's. In a dossier written in Spanish (``language: es``) Spanish's
are read too (:mod:`.figure_words`): "tres millones" is "3 millones", "24 meses" is "dos
años", "treinta y cinco" is 35, "artículo 3" and "Ley 1448" are references, "15 de
febrero de 2015" is a date, and "1.044" is a thousand and forty-four.
"""

from __future__ import annotations

import collections
import difflib
import re
from decimal import Decimal
from typing import TypeAlias

from negotrack.plandiff.figure_sets import names_a_set
from negotrack.plandiff.figure_words import Lexicon, lexicon

__all__ = ["FigurePair", "figure_pairs", "figures", "may_hold_figure"]

_CONTEXT_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_UNIT = re.compile(r"[^\d\s.,]+")
_YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
"""A bare four-digit number from 1800 to 2199 is a year: it never pairs with a count."""
_YEAR_AFTER = re.compile(r"(?:st|nd|rd|th)?,?\s+\d{4}\b")
_CONTEXT = 3
"""Words on each side of a figure that say what it counts."""
_ISO_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


FigurePair: TypeAlias = tuple[str, str]
"""A changed figure as (old, new); an empty side means the figure was dropped or added."""


def _spans(text: str, lex: Lexicon) -> list[tuple[str, int, int]]:
    """Each figure of ``text`` with where it starts and ends, in reading order; a count of
    days, weeks, months or years takes its unit ("24 months")."""
    found = _digit_spans(text, lex)
    if not lex.number_words.isdisjoint(lex.letters.findall(text.lower())):
        taken = [(a, b) for _, a, b in found]
        for m in lex.words.finditer(text):
            start, end = m.span()
            if any(a < end and start < b for a, b in taken):
                continue
            if lex.reference.search(text, max(0, start - lex.reference_reach), start):
                continue
            if names_a_set(text, m.group(), start, end, lex):
                continue
            found.append((" ".join(m.group().split()), start, end))
        found.sort(key=lambda f: f[1])
    low = text.lower()
    if not any(hint in low for hint in lex.span_hints):
        return found
    # "within a year", "for one week", "en un año"
    taken = [(a, b) for _, a, b in found]
    for m in lex.one_span.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            found.append((" ".join(m.group().split()), m.start(), m.end()))
    found.sort(key=lambda f: f[1])
    out = []
    for figure, start, end in found:
        unit = lex.duration.match(text, end)
        if unit is not None and figure[-1:].isalnum() and not _YEAR.fullmatch(figure):
            end = unit.end()
            figure = " ".join(text[start:end].split())  # "24 months", "three-year"
        out.append((figure, start, end))
    return out


def _digit_spans(text: str, lex: Lexicon) -> list[tuple[str, int, int]]:
    """The figures written with digits, with where they start and end."""
    out: list[tuple[str, int, int]] = []
    done = 0
    reach = lex.reference_reach
    listed = -1  # where a list of references after a plural reference word may go on
    for m in lex.figure.finditer(text):
        start, end = m.span()
        if start < done:  # the year of a date already taken whole
            continue
        # "resolutions 2765 and 2773": the second names a part too (a bare number: "1,000"
        # or "$5bn" after "resolutions 2231, " counts).
        if listed >= 0 and m.group().isdigit() and lex.list_joiner.fullmatch(text, listed, start):
            done = listed = end
            continue
        listed = -1
        if _designation(text, start):
            done = end
            continue
        ref = lex.reference.search(text, max(0, start - reach), start)
        if ref is not None:
            done = end
            if _plural(ref.group()):
                listed = end
            continue
        before = lex.month_before.search(text, max(0, start - 16), start)
        if before is not None:
            start = before.start()
            if m.end() - m.start() <= 2:
                year = _YEAR_AFTER.match(text, end)
                if year is not None:
                    end = year.end()
        out.append((" ".join(text[start:end].split()), start, end))
        done = end
    return out


def _plural(reference: str) -> bool:
    """Whether a reference word names several parts ("resolutions", "artículos", "§§",
    "pp."), so that the numbers listed after it all name parts."""
    word = reference.strip().lower()
    return word in ("§§", "pp.") or (len(word) > 3 and word.rstrip(".").endswith("s"))


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


def figures(text: str, language: str | None = None) -> list[str]:
    """The figures in ``text`` (numbers, money, percentages, dates), in reading order;
    numbers naming a document's parts ("Article 5") are not figures. ``language`` (a
    language tag) adds its number words and units to English's (see
    :mod:`.figure_words`)."""
    return [f for f, _, _ in _spans(text, lexicon(language))]


def may_hold_figure(text: str, language: str | None = None) -> bool:
    """Whether ``text`` may hold (part of) a figure: a digit, a month's name, a number word
    or a scale ("thousand", "percent"). A quick test, so that the figures of two texts are
    compared only when an edit touches one."""
    lex = lexicon(language)
    low = text.lower()
    # Ignoring case in ASCII text is matching the lowered text (no long s, no Kelvin
    # sign), which is faster.
    ascii_text = text.isascii()
    digit_or_month = (lex.maybe_figure_low if ascii_text else lex.maybe_figure).search(
        low if ascii_text else text
    )
    return digit_or_month is not None or not lex.number_words.isdisjoint(lex.letters.findall(low))


class _Figure:
    """A figure with its unit, its value (:func:`_value`) and the words around it."""

    __slots__ = ("context", "text", "unit", "value")

    def __init__(self, text: str, source: str, start: int, end: int, lex: Lexicon) -> None:
        self.text = text
        if lex.month_name.search(text) is not None or _ISO_DATE.fullmatch(text) is not None:
            self.unit, self.value = "date", text.lower()
        elif _YEAR.fullmatch(text):
            self.unit, self.value = "year", text
        else:
            self.unit, self.value = _value(text, lex)
        before = _CONTEXT_WORD.findall(source[max(0, start - 60) : start].lower())[-_CONTEXT:]
        after = _CONTEXT_WORD.findall(source[end : end + 60].lower())[:_CONTEXT]
        self.context = {w for w in (*before, *after) if w not in lex.stop}


_MULTIPLIER = {"k": 10**3, "mn": 10**6, "bn": 10**9, "tn": 10**12}
"""Scales that multiply: "five thousand" is "5,000", "2.5 million" is "2,500,000"."""


def _value(text: str, lex: Lexicon) -> tuple[str, str]:
    """A figure's unit and value, the same however it is written: ("%", "3.67%") for
    "3.67 percent", ("", "15") for "fifteen", ("", "5000") for "five thousand"."""
    low = text.lower()
    words = low.replace("-", " ").split()
    sign = ""
    if words and (words[0] in lex.numbers or words[0] in lex.hundreds or words[0] == lex.thousand):
        number, scale = _spelled(words, lex)
    elif len(words) == 2 and words[0] in lex.ones:  # one span of time: "a year"
        number, scale = "1", words[1]
    else:
        m = re.match(r"(\D*?)(\d+(?:[.,]\d+)*)(.*)$", low)
        if m is None:  # pragma: no cover - every figure holds a digit or a number word
            return "", low
        sign, number, scale = m.group(1), lex.thousands.sub("", m.group(2)), m.group(3)
        if lex.decimal_comma:
            number = number.replace(",", ".")
    scale = " ".join(scale.split()).strip(" -")
    period = lex.periods.get(scale)
    if period is not None and not sign and _PLAIN.fullmatch(number):  # "24 months" is "two years"
        whole = period in _IN_MONTHS
        count = Decimal(number) * (_IN_MONTHS if whole else _IN_DAYS)[period]
        return "time", f"{count.normalize():f}{'mo' if whole else 'd'}"
    key = lex.scales.get(scale, scale).replace(" ", "")
    # The unit keeps the scale (3 million hectares never became "five"), the value is
    # written out ("five thousand" is "5,000").
    unit = "".join(_UNIT.findall(sign + key))
    if key in _MULTIPLIER and _PLAIN.fullmatch(number):
        number, key = f"{(Decimal(number) * _MULTIPLIER[key]).normalize():f}", ""
    return unit, sign + number + key


def _spelled(words: list[str], lex: Lexicon) -> tuple[str, str]:
    """The number a figure in words starts with, and the words after it (its scale):
    "twenty five thousand" is ("25", "thousand"), "two hundred and fifty" ("250", ""),
    "five thousand two hundred" ("5200", ""), "ciento treinta y dos" ("132", ""), "mil
    millones" ("1", "mil millones"), "eight and a half years" ("8.5", "years"). A thousand
    that ends the number is its scale; one that more of the number follows multiplies what
    came before it."""
    total = n = k = 0
    half = ""
    while k < len(words):
        word = words[k]
        after = words[k + 1] if k + 1 < len(words) else ""
        more = after in lex.numbers or after in lex.hundreds
        if word == "and" and words[k + 1 : k + 3] == ["a", "half"]:  # "eight and a half"
            half, k = ".5", k + 3
            break
        if word in lex.numbers:
            n += lex.numbers[word]
        elif word == "hundred":
            n *= 100
        elif word in lex.hundreds:
            n += lex.hundreds[word]
        elif (word == lex.thousand and (not after or more)) or (
            word == "thousand" and (more or after == "and")
        ):
            total, n = total + max(n, 1) * 1000, 0  # "mil", "tres mil", "five thousand two"
        elif word not in ("y", "and") or after not in lex.numbers:  # "treinta y cinco"
            break
        k += 1
    return (str(total + n) + half) if k else "1", " ".join(words[k:])


_IN_DAYS = {"day": 1, "week": 7}
_IN_MONTHS = {"month": 1, "year": 12}
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
"""A count a unit of time or a scale can multiply (not "1,5": a decimal comma in English,
nor "1.2.3")."""


def figure_pairs(
    old: str, new: str, *, distinct: bool = False, language: str | None = None
) -> list[FigurePair]:
    """The figures that differ between two texts, each paired with what it became (see
    the module's note); a figure removed or added is paired with an empty string. In the
    old text's reading order, additions last.

    A figure the other text holds as often is no change, one it holds less often changed
    as often as it has more (10 days twice becoming 10 days and 20 days is 10 days -> 20
    days), and one it lacks changed once however often written. With ``distinct`` (the
    texts of a whole split or merge), a figure the other text holds at all is no change:
    two pieces that both say "5,060" merge into one "5,060". ``language`` (a language tag)
    adds its number words and units to English's (see :mod:`.figure_words`)."""
    lex = lexicon(language)
    a = [_Figure(f, old, s, e, lex) for f, s, e in _spans(old, lex)]
    b = [_Figure(f, new, s, e, lex) for f, s, e in _spans(new, lex)]
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
            shared = _shared(x.context, y.context)
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


def _shared(a: set[str], b: set[str]) -> int:
    """How many words around one figure stand around the other too, a word meeting its
    longer form ("Gaza" and "Gazans", "prisoner" and "prisoners"): one of at least four
    letters that starts the other."""
    exact = a & b
    count = len(exact)
    for u in a - exact:
        if len(u) >= _STEM and any(
            len(v) >= _STEM and (v.startswith(u) or u.startswith(v)) for v in b
        ):
            count += 1
    return count


_STEM = 4
"""The fewest letters a word must have to meet a longer form of itself."""


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
