"""Number words read as figures, by language: "fifteen" is "15", and in a Spanish
dossier "quince" is too; and a number of several words is one figure (:func:`joined_numbers`):
"twenty five" (as some drafts write "twenty-five"), "two hundred and fifty" and "five
thousand" are "25", "250" and "5000" in any dossier (English number words are read in
every language, as :func:`as_figures` reads them), and in a Spanish one "treinta y cinco"
is "35". Matching (:mod:`.features`) reads them as their figures, and the figures of a
report (:mod:`.figures`) pair "fifteen years" with "15 years"."""

from __future__ import annotations

from collections.abc import Callable

__all__ = [
    "NUMBER_WORDS",
    "NUMBER_WORDS_IN",
    "SPANISH_HUNDREDS",
    "as_figures",
    "joined_numbers",
    "number_joiners",
]

# fmt: off
_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# fmt: on
NUMBER_WORDS: dict[str, int] = {word: k for k, word in enumerate(_UNITS)}
NUMBER_WORDS.update({word: 20 + 10 * k for k, word in enumerate(_TENS)})
"""English number words from zero to nineteen, and the tens to ninety, with their values."""
_NUMBERS: dict[str, str] = {word: str(k) for word, k in NUMBER_WORDS.items()}
_NUMBERS.update(
    {
        f"{ten}-{unit}": str(20 + 10 * k + u)
        for k, ten in enumerate(_TENS)
        for u, unit in enumerate(_UNITS[1:10], start=1)
    }
)
_NUMBERS["percent"] = _NUMBERS["cent"] = "%"
"""English number words as figures (one to ninety-nine), and "per cent" as the sign."""
# fmt: off
_SPANISH = (
    "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
    "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho",
    "diecinueve", "veinte",
)
# fmt: on
NUMBER_WORDS_IN: dict[str, dict[str, str]] = {
    "es": {
        **{word: str(k) for k, word in enumerate(_SPANISH, start=2)},
        "dieciseis": "16",
        **{
            f"veinti{unit}": str(20 + k)
            for k, units in enumerate(
                (
                    ("uno", "ún", "un"),
                    ("dós", "dos"),
                    ("trés", "tres"),
                    ("cuatro",),
                    ("cinco",),
                    ("séis", "seis"),
                    ("siete",),
                    ("ocho",),
                    ("nueve",),
                ),
                start=1,
            )
            for unit in units
        },
        **{w: str(30 + 10 * k) for k, w in enumerate(("treinta", "cuarenta", "cincuenta"))},
        **{w: str(60 + 10 * k) for k, w in enumerate(("sesenta", "setenta", "ochenta"))},
        "noventa": "90",
        "cien": "100",
    },
}
"""Number words of other languages read as figures when a dossier declares the language,
from two ("un", "una" and "uno" are more often articles)."""
# fmt: off
SPANISH_HUNDREDS: dict[str, int] = {
    "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500,
    "quinientas": 500, "seiscientos": 600, "seiscientas": 600, "setecientos": 700,
    "setecientas": 700, "ochocientos": 800, "ochocientas": 800, "novecientos": 900,
    "novecientas": 900,
}
# fmt: on
"""The Spanish words of the hundreds (masculine and feminine), with their values."""

_ES = {word: int(v) for word, v in NUMBER_WORDS_IN["es"].items() if word not in SPANISH_HUNDREDS}
_ES_TENS = {word: v for word, v in _ES.items() if v in range(30, 100, 10)}
_ES_UNITS = {"uno": 1, "un": 1, "una": 1} | {word: v for word, v in _ES.items() if v < 10}
_ES_BELOW_30 = _ES_UNITS | {word: v for word, v in _ES.items() if v < 30}
_EN_BELOW_100 = {word: int(v) for word, v in _NUMBERS.items() if v.isdigit()}
"""English numbers of one word, "zero" to "ninety-nine" ("twenty-five" is one token)."""
_EN_TENS = {word: v for word, v in NUMBER_WORDS.items() if v >= 20}
_EN_UNITS = {word: v for word, v in NUMBER_WORDS.items() if 0 < v < 10}
_EN_JOINERS = frozenset(("hundred", "thousand", *_EN_TENS))
"""The English words without which no number is written in several words: a tens before
its unit ("twenty five"), "hundred" and "thousand"."""
_ES_JOINERS = frozenset(("y", *SPANISH_HUNDREDS))
_JOINERS = {"es": _EN_JOINERS | _ES_JOINERS}


def number_joiners(language: str) -> frozenset[str]:
    """The words without which no number in words is written in several words, in a text
    of ``language`` (a primary language tag): English's in every language, and the
    language's own. A text holding none of them (most) needs no :func:`joined_numbers`."""
    return _JOINERS.get(language, _EN_JOINERS)


def joined_numbers(tokens: list[str], language: str) -> list[str]:
    """Case-folded word tokens (of a text in ``language``) with each number written in
    several words made one figure, as the figures of a report read it: English's in every
    language (:func:`_english`), and in Spanish (``language`` "es") Spanish's, and its
    hundreds (:func:`_spanish`)."""
    if language == "es" and not _ES_JOINERS.isdisjoint(tokens):
        tokens = _spanish(tokens)
    return _english(tokens) if not _EN_JOINERS.isdisjoint(tokens) else tokens


def _english(tokens: list[str]) -> list[str]:
    """English numbers of several words made one figure: a tens and its unit ("twenty
    five" is "25"), hundreds ("one hundred", "two hundred and fifty", "fifteen hundred")
    and thousands ("five thousand", "twenty-five thousand three hundred", and "5
    thousand", which "five thousand" met before it was joined), up to 999,999. A number of
    one word ("twenty", "twenty-five") is left to the word's own reading. "A hundred" stays
    words ("a" is more often an article), and so does a scale above a thousand: "two
    million" is "2" and "million", as "2 million" is. Tokens hold no punctuation, so
    "twenty, five" is joined too: drafts seldom set two numbers side by side."""
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        value, k = _english_number(tokens, i)
        if k - i > 1:
            out.append(str(value))
            i = k
        else:
            out.append(tokens[i])
            i += 1
    return out


def _english_number(tokens: list[str], i: int) -> tuple[int, int]:
    """The English number below a million that starts at ``tokens[i]`` and where it ends;
    (0, i) when none does. A plain count in digits counts before "thousand"."""
    word = tokens[i]
    if word.isdigit() and word.isascii() and i + 1 < len(tokens) and tokens[i + 1] == "thousand":
        value, k = int(word), i + 1
    else:
        value, k = _english_hundreds(tokens, i)
    return _scaled(tokens, value, k, ("thousand", 1000), _english_hundreds)


def _english_hundreds(tokens: list[str], i: int) -> tuple[int, int]:
    """The English number below a thousand that starts at ``tokens[i]`` ("two hundred and
    fifty", "fifteen hundred", "twenty five") and where it ends; (0, i) when none does."""
    value, k = _english_below_100(tokens, i)
    return _scaled(tokens, value, k, ("hundred", 100), _english_below_100)


def _scaled(
    tokens: list[str],
    value: int,
    k: int,
    scale: tuple[str, int],
    rest_of: Callable[[list[str], int], tuple[int, int]],
) -> tuple[int, int]:
    """``value`` (read up to ``tokens[k]``) times a scale word that follows it ("hundred",
    100), plus the smaller number after it ("and fifty", read by ``rest_of``), and where
    that ends; ``(value, k)`` when no scale word follows."""
    word, factor = scale
    if value and k < len(tokens) and tokens[k] == word:
        value, k = value * factor, k + 1
        rest, j = rest_of(tokens, _after_and(tokens, k))
        if rest:
            value, k = value + rest, j
    return value, k


def _english_below_100(tokens: list[str], i: int) -> tuple[int, int]:
    """The English number from 1 to 99 that starts at ``tokens[i]`` ("twenty five",
    "twenty-five", "fifteen") and where it ends; (0, i) when none does."""
    if i >= len(tokens):
        return 0, i
    word = tokens[i]
    tens = _EN_TENS.get(word)
    if tens is not None:
        if i + 1 < len(tokens) and tokens[i + 1] in _EN_UNITS:
            return tens + _EN_UNITS[tokens[i + 1]], i + 2
        return tens, i + 1
    value = _EN_BELOW_100.get(word, 0)
    return value, i + 1 if value else i


def _after_and(tokens: list[str], k: int) -> int:
    """Where the number goes on after ``tokens[k]``: past an "and" ("two hundred and
    fifty"), which is left alone when no number follows it."""
    return k + 1 if k < len(tokens) and tokens[k] == "and" else k


def _spanish(tokens: list[str]) -> list[str]:
    """Case-folded Spanish word tokens with each number written in several words, or as a
    hundred, made one figure, as the figures of a report read it: "treinta y cinco" is
    "35", "ciento veinte" "120", "doscientas" "200". Numbers of one word ("treinta",
    "quince") are left to the word's own reading; a "y" that joins no tens to a unit
    ("dos y tres") stays a word, and so does the "ciento" of "por ciento"."""
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        word = tokens[i]
        hundred = SPANISH_HUNDREDS.get(word)
        if hundred is not None and word == "ciento" and i and tokens[i - 1] == "por":
            hundred = None  # "por ciento" is per cent, not a hundred
        k = i + 1 if hundred is not None else i
        value, k = _below_100(tokens, k, below_30=hundred is not None)
        if hundred is not None:
            out.append(str(hundred + value))
        elif k - i > 1:  # a tens, "y" and a unit
            out.append(str(value))
        else:
            out.append(word)
            k = i + 1
        i = k
    return out


def _below_100(tokens: list[str], i: int, *, below_30: bool) -> tuple[int, int]:
    """The number from 1 to 99 that starts at ``tokens[i]`` ("treinta y cinco"; with
    ``below_30``, after a hundred, also "quince" or "uno") and where it ends; (0, i) when
    none does."""
    word = tokens[i] if i < len(tokens) else ""
    tens = _ES_TENS.get(word)
    if tens is not None:
        if i + 2 < len(tokens) and tokens[i + 1] == "y" and tokens[i + 2] in _ES_UNITS:
            return tens + _ES_UNITS[tokens[i + 2]], i + 3
        return tens, i + 1
    if below_30 and word in _ES_BELOW_30:
        return _ES_BELOW_30[word], i + 1
    return 0, i


def as_figures(language: str) -> dict[str, str]:
    """Each number word matching reads as a figure in a text of ``language`` (a primary
    language tag, "es"): the English ones always, the language's own too."""
    return _NUMBERS | NUMBER_WORDS_IN.get(language, {})
