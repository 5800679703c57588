"""Number words read as figures, by language: "fifteen" is "15", and in a Spanish
dossier "quince" is too. Matching (:mod:`.features`) reads them as their figures, and the
figures of a report (:mod:`.figures`) pair "fifteen years" with "15 years"."""

from __future__ import annotations

__all__ = ["NUMBER_WORDS", "NUMBER_WORDS_IN", "as_figures"]

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


def as_figures(language: str) -> dict[str, str]:
    """Each number word matching reads as a figure in a text of ``language`` (a primary
    language tag, "es"): the English ones always, the language's own too."""
    return _NUMBERS | NUMBER_WORDS_IN.get(language, {})
