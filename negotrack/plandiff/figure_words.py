"""The words of figures, by language: what :mod:`.figures` reads around the digits.

A figure is more than its digits: "3 million", "three million" and, in a Spanish dossier,
"tres millones" are one figure; "24 months" and "dos años" are spans of time; "Article 5"
and "artículo 5" are references, not figures; "15 February 2015" and "15 de febrero de
2015" are dates. A :class:`Lexicon` holds these words for one language, compiled into the
patterns the figure scan uses. English is always read (a dossier in another language
quotes English names and figures too); a dossier written in a language this module knows
("es") adds that language's words. Others read as English: their digits, percentages and
dates with digits are figures all the same, their words are not.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from negotrack.plandiff.number_words import NUMBER_WORDS, NUMBER_WORDS_IN, SPANISH_HUNDREDS
from negotrack.plandiff.tokens import CURRENCY

__all__ = ["Lexicon", "figure_language", "lexicon"]

_MONTH_EN = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_MONTH_ES = (
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre"
)
_SCALES_EN = {
    "billion": "bn",
    "million": "mn",
    "trillion": "tn",
    "thousand": "k",
    "percent": "%",
    "per cent": "%",
}
_SCALES_ES = {
    "mil millones": "bn",
    "millones": "mn",
    "millón": "mn",
    "millon": "mn",
    "billones": "tn",
    "billón": "tn",
    "billon": "tn",
    "mil": "k",
    "por ciento": "%",
}
"""Spanish scales: a "billón" is a million millions (an English trillion)."""
MEASURES = "mwth|mwe|mwh|mw|gwh|gw|kwh|kw|twh|km²|km2|km|mm|kg"
"""Units of measure written as symbols after a number, which the figure keeps ("20 MWth", a
reactor's thermal power, is not a bare 20, nor the same figure as "20 MW"); longer ones
first, as a pattern's alternatives. Units written as words ("tonnes", "hectares") are the
figure's context instead."""
_REFERENCES_EN = (
    r"§§?|\b(?:articles?|art\.|arts?\.|sections?|sec\.|paragraphs?|para\.|paras?\.|chapters?|"
    r"ch\.|annex(?:es)?|appendix|appendices|clauses?|points?|items?|resolutions?|protocols?|"
    r"no\.|nos\.|numbers?|phases?|stages?|steps?|parts?|schedules?|principles?|rules?|pages?|"
    r"p\.|pp\.|minsk|versions?|drafts?)"
)
_REFERENCES_ES = (
    r"\b(?:artículos?|arts?\.|secci[óo]n|párrafos?|parágrafos?|cap[íi]tulos?|cap\.|anexos?|"
    r"apéndices?|cláusulas?|puntos?|numerales?|incisos?|literal|resoluci[óo]n|resoluciones|"
    r"protocolos?|n\.?º|n[úu]mero|fases?|etapas?|pasos?|partes?|principios?|reglas?|"
    r"página|pág\.|págs\.|versi[óo]n|borrador|ley|leyes|decretos?|acto\s+legislativo)"
)
_PERIODS_EN = {w + s: w for w in ("day", "week", "month", "year") for s in ("", "s")}
_PERIODS_ES = {
    **dict.fromkeys(("día", "días", "dia", "dias"), "day"),
    **dict.fromkeys(("semana", "semanas"), "week"),
    **dict.fromkeys(("mes", "meses"), "month"),
    **dict.fromkeys(("año", "años"), "year"),
}
_ONE_UNIT = frozenset(("day", "week", "month", "year", "día", "dia", "semana", "mes", "año"))
"""The units of time one span is written with ("within a year", "en un año")."""
_SETS_EN = (
    r"sides|parties|countries|states|communities|regions|nations|governments|peoples"
    r"|entities|republics|provinces|oblasts|delegations|leaders"
)
_SETS_ES = (
    r"|partes|países|paises|estados|comunidades|regiones|naciones|gobiernos|pueblos"
    r"|entidades|repúblicas|provincias|delegaciones"
)
_SPAN_HINTS_ES = ("día", "dia", "semana", "mes", "año")
_SPAN_AFTER_EN = ("within", "for", "after", "in", "over", "than")
_SPAN_AFTER_ES = ("en", "durante", "por", "tras", "hasta", "plazo de", "dentro de", "antes de")
# fmt: off
_STOP_EN = (
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "with",
    "from", "than", "more", "less", "over", "under", "about", "up", "some", "least",
    "most", "no", "not", "is", "are", "be", "will", "shall", "as", "its", "their", "it",
    "this", "that", "within",
)
_STOP_ES = (
    "de", "del", "la", "las", "el", "los", "lo", "al", "a", "en", "y", "e", "o", "u", "por",
    "para", "con", "sin", "que", "se", "su", "sus", "un", "una", "unos", "unas", "es", "son",
    "más", "menos", "hasta", "desde", "sobre", "entre", "como", "no", "durante", "dentro",
)
# fmt: on


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so "veintidós" beats "veinti")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class Lexicon:
    """The words of figures in one language (English, and the language's own), compiled.

    ``numbers`` maps each number word to its value ("fifteen" and "quince" to 15; "one",
    "un" and "una" only inside a compound, as "twenty-one"); ``scales`` each scale word to
    its sign ("million" and "millones" to "mn", "per cent" to "%"); ``periods`` each unit
    of time to its English name; ``stop`` the words around a figure that say nothing of
    what it counts."""

    def __init__(self, language: str) -> None:
        spanish = language == "es"
        self.language = language
        self.numbers: dict[str, int] = dict(NUMBER_WORDS)
        self.scales = dict(_SCALES_EN)
        self.periods = dict(_PERIODS_EN)
        self.hundreds = {"hundred": 100}
        """Words that make hundreds: English "hundred" multiplies, a Spanish one adds."""
        self.thousand = "mil" if spanish else None
        """The word that multiplies what it follows by a thousand inside a number written
        in words ("doscientos mil"; English's "thousand" ends the number, as its scale)."""
        months, references = _MONTH_EN, _REFERENCES_EN
        span_after: tuple[str, ...] = _SPAN_AFTER_EN
        stop: tuple[str, ...] = _STOP_EN
        words = [_english_words()]
        if spanish:
            self.numbers.update({w: int(v) for w, v in NUMBER_WORDS_IN["es"].items()})
            self.numbers.update({"uno": 1, "un": 1, "una": 1})
            self.scales.update(_SCALES_ES)
            self.periods.update(_PERIODS_ES)
            self.hundreds.update(SPANISH_HUNDREDS)
            months = f"{months}|{_MONTH_ES}"
            references = f"{references}|{_REFERENCES_ES}"
            span_after = (*span_after, *_SPAN_AFTER_ES)
            stop = (*stop, *_STOP_ES)
            words.append(_spanish_words())
        self.ones = frozenset(("one", "a", "an", *(("un", "una", "uno") if spanish else ())))
        """The words that make "a year" one span of time (in the right place)."""
        self.stop = frozenset(stop)
        scale = _alternatives(self.scales).replace(r"\ ", r"\s?")
        self.scale = rf"(?:{scale}|bn|mn|tn|{MEASURES}|m|k)"
        self.month = rf"(?:{months})\.?"
        day_month = rf"(?:st|nd|rd|th)?\s+{self.month}(?:\s+\d{{4}})?"
        if spanish:  # 15 de febrero de 2015
            day_month = rf"(?:{day_month}|\s+de\s+(?:{_MONTH_ES})(?:\s+de\s+\d{{4}})?)"
        # A figure starts at a digit or a currency sign (so the scan is quick); a month's
        # name before it ("November 23, 2025", "febrero de 2015") is picked up afterwards.
        self.figure = re.compile(
            rf"""
            (?:US\$|[{CURRENCY}])?\d+(?:[.,]\d+)*                        # 600,000  $800  2.5
            (?:-\d{{2}}(?:-\d{{2}})?|:\d{{2}})?                           # 2025-11-23  18:00
            (?:(?<![\d.,]\d\d)(?<=\d){day_month}\b                       # 23 November 2025
              | \s?%                                                      # 50%
              | \s?{self.scale}\b                                         # 800bn  100 billion
            )?
            """,
            re.VERBOSE | re.IGNORECASE,
        )
        de = r"(?:de\s+)?" if spanish else ""  # febrero de 2015
        self.month_before = re.compile(rf"\b{self.month}\s+{de}$", re.IGNORECASE)
        self.month_name = re.compile(rf"\b(?:{months})(?!\w)", re.IGNORECASE)  # not "noventa"
        self.words = re.compile("|".join(words), re.VERBOSE | re.IGNORECASE)
        self.reference = re.compile(rf"(?:{references})\s*$", re.IGNORECASE)
        definite = r"the|these|those" + (r"|los|las|estos|estas|esos|esas" if spanish else "")
        self.definite = re.compile(rf"\b(?:{definite})\s+$", re.IGNORECASE)
        sets = _SETS_EN + (_SETS_ES if spanish else "")
        self.set_noun = re.compile(rf"(?:\s+[^\W\d_]+)?\s+(?:{sets})\b", re.IGNORECASE)
        """After a definite article, a number word before a word for the parties or places
        of a plan ("the two countries", "the two component states", "las dos partes")
        names a set the reader knows; it counts nothing; so does one a list of that many
        follows or precedes ("three countries: Ukraine, the United States and Russia";
        :mod:`.figure_sets`). "The next three terms" and "los cinco primeros" still
        count."""
        self.conjunction = re.compile(r"\s+(?:and|y|e)\s+" if spanish else r"\s+and\s+")
        """What joins the last item of a list to the others: after a number word and a set
        noun, a list of that many items says which ones ("three countries: Ukraine, the
        United States and Russia"; :mod:`.figure_sets`)."""
        self.reference_reach = 20 if spanish else 16
        joiners = r"and|or|to|through" + (r"|y|e|o|u|a|al" if spanish else "")
        self.list_joiner = re.compile(
            rf"\s*(?:,\s*(?:(?:{joiners})\s+)?|\s+(?:{joiners})\s+|\s*[-–]\s*)", re.IGNORECASE
        )
        """What joins the numbers of a list of references ("resolutions 2765 and 2773",
        "articles 3, 4 and 5", "points 11-14"): after a plural reference word, each number
        so joined names a part too."""
        """How far before a number its reference word may start ("acto legislativo ")."""
        self.duration = re.compile(rf"(?:\s+|-)({_alternatives(self.periods)})\b", re.IGNORECASE)
        units = _alternatives(p for p in self.periods if p in _ONE_UNIT)
        after = "|".join(rf"(?<=\b{re.escape(w)} )" for w in span_after)
        ones = _alternatives(self.ones - {"uno"})
        self.one_span = re.compile(rf"(?:{after})(?:{ones})\s+(?:{units})\b", re.IGNORECASE)
        self.span_hints = ("day", "week", "month", "year", *(_SPAN_HINTS_ES if spanish else ()))
        """Parts of the unit-of-time words: a lowered text without any holds no span."""
        # Letters of a word, for the quick test of a number word; ASCII in English.
        self.letters = re.compile(r"[^\W\d_]+" if spanish else r"[a-z]+")
        self.number_words = frozenset(
            (*self.numbers, *self.hundreds, *(w for s in self.scales for w in s.split()))
        ) | {"cent", "bn", "mn", "tn", "m", "k", *MEASURES.split("|")}
        """The words that may be (part of) a figure written in words, or a scale's."""
        low = "|".join(dict.fromkeys(m[:3].lower() for m in months.split("|")))
        self.maybe_figure = re.compile(rf"\d|{low}", re.IGNORECASE)
        self.maybe_figure_low = re.compile(self.maybe_figure.pattern)
        mark = r"\." if spanish else ","
        self.thousands = re.compile(rf"(?<=\d){mark}(?=\d{{3}}(?:\D|$))")
        self.decimal_comma = spanish
        """Spanish writes 2,5 for two and a half and 1.044 for a thousand and forty-four."""


def _english_words() -> str:
    tens = _alternatives(w for w, v in NUMBER_WORDS.items() if v >= 20)
    ones = _alternatives(w for w, v in NUMBER_WORDS.items() if 0 < v < 10)
    units = _alternatives(w for w, v in NUMBER_WORDS.items() if 0 < v < 20)  # after a hundred
    teens = _alternatives(w for w, v in NUMBER_WORDS.items() if 1 < v < 20)  # not "one"
    scale = _alternatives(_SCALES_EN).replace(r"\ ", r"\s?")
    below_100 = rf"(?:(?:{tens})(?:[-\s](?:{ones}))?|{units})\b"
    hundreds = rf"\s+hundred\b(?:\s+(?:and\s+)?{below_100})?"
    # "One" starts a figure only before what makes it a number ("one hundred", "one
    # million"): alone it is more often a pronoun or an article.
    return rf"""
    \b(?:(?:{tens})(?:[-\s](?:{ones}))?                                  # twenty-five
      | (?:{teens})                                                      # two .. nineteen
      | one(?=\s+(?:hundred|thousand|{scale}|and\s+a\s+half)\b))\b       # one hundred
    (?:{hundreds})?                                                      # two hundred and fifty
    (?:\s+thousand\b(?:\s+(?:and\s+)?{below_100}(?:{hundreds})?)?)?     # five thousand two hundred
    (?:\s+and\s+a\s+half\b)?                                           # eight and a half
    (?:\s+(?:{scale}|bn|mn|tn|{MEASURES}|m|k)\b)?                         # five million
    (?!-(?:thirds?|quarters?|halves|half|fifths?|tenths?)\b)             # not two-thirds
    """


def _spanish_words() -> str:
    spanish = NUMBER_WORDS_IN["es"]
    small = _alternatives(w for w, v in spanish.items() if int(v) <= 29)  # dos .. veintinueve
    tens = _alternatives(w for w, v in spanish.items() if int(v) in range(30, 100, 10))
    ones = _alternatives(("uno", "un", "una", *(w for w, v in spanish.items() if int(v) < 10)))
    hundreds = _alternatives(SPANISH_HUNDREDS)
    scale = _alternatives(_SCALES_ES).replace(r"\ ", r"\s+")
    tens_ones = rf"(?:{tens})(?:\s+y\s+(?:{ones}))?"
    after_hundred = rf"{tens_ones}|{small}|uno|una|un"  # ciento uno
    number = rf"(?:(?:{hundreds})(?:\s+(?:{after_hundred}))?|{tens_ones}|(?:{small}))"
    return rf"""
    \b(?:{number}(?:\s+mil(?:\s+{number})?)?                        # doscientos mil
      | mil(?:\s+{number})?)\b                                        # mil quinientos
    (?:\s+(?:{scale}|{MEASURES})\b)?                                  # tres millones
    """


@functools.cache
def lexicon(language: str | None) -> Lexicon:
    """The figure words for a text in ``language`` (a language tag, "es", "es-CO"; English
    for None or a language this module has no words for)."""
    primary = (language or "en").split("-")[0].lower()
    return Lexicon(primary if primary in NUMBER_WORDS_IN else "en")


def figure_language(language: str | None) -> str | None:
    """``language`` when this module has words of its own for it, else None (English's
    words alone: what a change reads when it is given no language)."""
    return language if lexicon(language).language != "en" else None
