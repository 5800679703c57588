"""Number words read as figures, by language: "fifteen" is "15", and in a Spanish
dossier "quince" is too, and so is a number of several words, "treinta y cinco" being
"35" (:func:`joined_numbers`). Matching (:mod:`.features`) reads them as their figures,
and the figures of a report (:mod:`.figures`) pair "fifteen years" with "15 years"."""

from __future__ import annotations

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
_JOINERS = {"es": frozenset(("y", *SPANISH_HUNDREDS))}


def number_joiners(language: str) -> frozenset[str]:
    """The words without which no number in words of ``language`` (a primary language
    tag) is written in several words: a text holding none of them needs no
    :func:`joined_numbers`. Empty for a language whose numbers are not joined (English
    writes "thirty-five" as one word)."""
    return _JOINERS.get(language, frozenset())


def joined_numbers(tokens: list[str]) -> list[str]:
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
