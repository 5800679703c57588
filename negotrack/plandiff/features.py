"""What the matcher compares: normalised word stems, weighted by how rare they are here.

Two drafts of one plan are written by different hands: one writes "neighbours" and
"recognise", the other "neighbors" and "recognized"; one says "guarantees", the other
"guaranteed". Before points are compared, every word is therefore

1. case-folded (as :func:`negotrack.plandiff.tokens.words` does),
2. spelled one way: a few British endings are rewritten to the American ones
   (-ise/-isation to -ize/-ization, -our to -or, -tre to -ter, -ence to -ense after "f" and
   "c", -lled/-lling to -led/-ling, -ogue to -og, -yse to -yze). The rules are applied to
   both versions alike, so a word they rewrite needlessly ("promise" to "promize") still
   meets itself on the other side; they only have to be consistent, not correct;
3. reduced to its stem by the Snowball stemmers, so that inflections meet: for Latin
   script, the stemmer of the dossier's language when Snowball has one ("elecciones" and
   "elección" meet in a Spanish dossier, "négociations" and "négociation" in a French one),
   else English; Russian for Cyrillic (Serbian for a Serbian dossier, and for a Ukrainian
   one :mod:`negotrack.plandiff.ukrainian`, since Snowball has no Ukrainian); Arabic for Arabic
   script (Persian for a Persian dossier), which also writes away short vowels and the
   forms of alef; Greek for Greek. Figures, dates and words with digits ("600,000",
   "28-point") are kept whole: they single a point out. The British spellings of step 2
   are rewritten only when the Latin stemmer is English.
4. written one way where drafts write the same thing two ways: English number words
   become figures ("fifteen" and "15", "twenty-five" and "25"), and an English number of
   several words is one figure ("twenty five", "two hundred and fifty", "five thousand":
   "25", "250", "5000"; scales above it stay words, "two million" is "2 million"); in a
   Spanish dossier, Spanish ones from "dos" up, and a number of several words or a hundred
   is one figure, "treinta y cinco" and "35", "doscientos" and "200"
   (:mod:`.number_words`). A figure loses its thousands separators and its per cent sign
   ("1,000" and "1000", "3.67%" and "3.67 percent"; "per cent" and "percent" both stand
   for it), a model's name loses its plural "s" ("IR-1s" and "IR-1", "F-16s"; a decade
   such as "1990s" keeps it), and a hyphenated word of Latin script stands for its closed
   form and for its parts ("cease-fire" meets "ceasefire", "public-health" meets "public
   health"). English writes one compound three ways; Russian and Ukrainian write their
   compound adjectives with the hyphen only ("соціально-економічних"), and their parts
   are the plan's common words: on the Minsk case in Ukrainian, splitting them paired the
   Protocol's economic recovery with Minsk II's restored "social and economic links",
   which the curated lineage keeps apart, and lost a right pair; in Russian it changed
   nothing.

Each distinct word is normalised once per call (a dictionary), so the cost grows with the
vocabulary, not with the text.

A point that cites another point of its version by number ("the Joint Security
Coordination Mechanism (Article 3) monitors it") then loses, for matching, the stems of
that clause the cited point holds too: they are the cited point's name there
(:mod:`.citations`, read by :func:`negotrack.plandiff.align.align`).

*Weights.* A point is a bag of stems weighted by ``(1 + log tf) * idf`` with
``idf = log((N + 1) / df)``: N is the number of points of both versions and df how many
hold the stem. A stem in every point weighs little (``log(1 + 1 / N)``), one in two points
of 200 weighs about ``log 100``. (The smoothed ``log(1 + N / df)`` left common words too
much weight: on long points, unrelated texts reached a cosine of 0.58 through "the",
"shall" and "Ukraine". With ``log(N / df)`` a stem in every point weighed nothing, so two
versions of one point each, which hold every shared word in every point, could not be
paired at all.)

*Function words.* In a language that spreads its function words over many inflected forms
(Spanish "el", "la", "los", "las", "sus"; see :mod:`negotrack.plandiff.function_words`),
a function word stands for itself, unstemmed, and weighs at most LIGHT (``log 2``, as a
word held by half the points): a few of them shared by chance must not join two points of
a short plan, where each form looks rarer than it is. English, whose few forms are held by
most points anyway, keeps its weights.
"""

from __future__ import annotations

import itertools
import math
import operator
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from typing import Any

import snowballstemmer

from negotrack.plandiff.function_words import FUNCTION_WORDS
from negotrack.plandiff.number_words import as_figures, joined_numbers, number_joiners
from negotrack.plandiff.tokens import words
from negotrack.plandiff.ukrainian import UkrainianStemmer

__all__ = [
    "LIGHT",
    "Bag",
    "Normaliser",
    "bags",
    "cosine",
    "norm",
    "round9",
]

Bag = dict[str, float]
"""A point's stems and their weights."""

# British endings and their American spelling; the first rule that matches applies.
_SPELLING = (
    (re.compile(r"(.{3,})is(e|ed|es|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (re.compile(r"(.{3,})ys(e|ed|es|ing)$"), r"\1yz\2"),
    (re.compile(r"(.{3,})our(s|ed|ing|able|ite|ites)?$"), r"\1or\2"),
    (re.compile(r"(.{3,})tre(s)?$"), r"\1ter\2"),
    (re.compile(r"(.{2,})([fc])ence(s)?$"), r"\1\2ense\3"),
    (re.compile(r"(.{3,})ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"(.{3,})ogue(s)?$"), r"\1og\2"),
    (re.compile(r"^programme(s)?$"), r"program\1"),
)
_SPELLED = re.compile(
    r"(?:is(?:e|ed|es|ing|ation|ations|er|ers)|ys(?:e|ed|es|ing)|our(?:s|ed|ing|able|ite|ites)?"
    r"|tres?|[fc]ences?|ll(?:ed|ing|er|ers)|ogues?|^programmes?)$"
)
"""The endings the rules above rewrite, without the length before them: a word ending
otherwise is left to the stemmer at once (most words), not tried against every rule."""
LIGHT = math.log(2.0)
"""The most a function word of the plan's language weighs (its idf): that of a word held by
half the points (:mod:`negotrack.plandiff.function_words`)."""
_LIGHT_MARK = "~"
"""Starts the stem a function word stands for; no word token holds it."""
_MODEL_PLURAL = re.compile(r".*[^\W\d].*\ds$")
"""A word with a letter, then a digit and a final "s": the plural of a model's name
("ir-1s", "f-16s", "s-300s"); a decade ("1990s") has no letter before its digits."""
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_SCRIPTS = (("cyrillic", _CYRILLIC), ("arabic", _ARABIC), ("greek", _GREEK))
LATIN_STEMMERS = {
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hu": "hungarian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "sr": "serbian",
    "sv": "swedish",
    "tr": "turkish",
}
"""The Snowball stemmer for Latin-script words by the dossier's language (its primary
subtag); English for any other language, or none declared."""


class Normaliser:
    """Maps words to their normal stems, remembering each word it has seen.

    One normaliser serves one comparison of two versions; it holds the Snowball stemmers
    (which are not thread-safe) and a cache, and is never shared between calls.
    """

    def __init__(self, language: str | None = None) -> None:
        """``language``: the dossier's language tag ("es", "fr-CA"), which chooses the
        stemmers (see the module's note); English rules when None."""
        primary = (language or "en").split("-")[0].lower()
        latin = LATIN_STEMMERS.get(primary, "english")
        self._english = latin == "english"  # British spellings are rewritten first
        self._numbers = as_figures(primary)
        self._language = primary
        self._joiners = number_joiners(primary)
        self._latin = snowballstemmer.stemmer(latin)
        # Other scripts' stemmers are made when a word of theirs comes.
        self._scripts = {
            "cyrillic": {"sr": "serbian", "uk": "ukrainian"}.get(primary, "russian"),
            "arabic": "persian" if primary == "fa" else "arabic",
            "greek": "greek",
        }
        self._made: dict[str, Any] = {}
        self._seen: dict[str, str] = {}
        self._parts: dict[str, tuple[str, ...]] = {}  # hyphenated word -> its parts' stems
        self._stems: dict[str, tuple[str, ...]] = {}  # word -> what it stands for in a text
        self._one: dict[str, str] = {}  # word standing for one stem (not hyphenated) -> it
        # A function word stands for itself, marked light (:func:`bags` caps its weight).
        for word in FUNCTION_WORDS.get(primary, ()):
            self._seen[word] = _LIGHT_MARK + word

    def word(self, word: str) -> str:
        """The normal stem of one case-folded word (of a hyphenated word, its closed form:
        :meth:`stems` adds its parts)."""
        stem = self._seen.get(word)
        if stem is None:
            stem = self._seen[word] = self._normalise(word)
        return stem

    def _normalise(self, word: str) -> str:
        # A word of letters only (most) holds no digit: no letter is a digit.
        if not word.isalpha() and any(ch.isdigit() for ch in word):
            word = _THOUSANDS.sub("", word).removesuffix("%")
            return word[:-1] if _MODEL_PLURAL.match(word) else word
        number = self._numbers.get(word)
        if number is not None:
            return number
        if _LATIN.search(word):
            if "-" in word:
                parts = [p for p in word.split("-") if p]
                if len(parts) > 1:
                    self._parts[word] = tuple(self.word(p) for p in parts)
                word = "".join(parts)
            for rule, repl in _SPELLING if self._english and _SPELLED.search(word) else ():
                spelled, n = rule.subn(repl, word)
                if n:
                    word = spelled
                    break
            return str(self._latin.stemWord(word))
        for script, letters in _SCRIPTS:
            if letters.search(word):
                return str(self._stemmer(script).stemWord(word))
        return word

    def _stemmer(self, script: str) -> Any:
        """The Snowball stemmer for words of ``script``, made once."""
        made = self._made.get(script)
        if made is None:
            name = self._scripts[script]
            made = self._made[script] = (
                UkrainianStemmer() if name == "ukrainian" else snowballstemmer.stemmer(name)
            )
        return made

    def text(self, text: str) -> list[str]:
        """The normal stems of ``text``'s words, in order."""
        return self.stems(words(text))

    def stems(self, tokens: list[str]) -> list[str]:
        """The normal stems of case-folded words (as :func:`words` gives them), in order;
        a hyphenated word gives its closed form and then its parts ("public-health" meets
        both "public health" and "publichealth")."""
        # Each word's stems are one tuple (most hold one stem; a hyphenated word's hold its
        # closed form and its parts), and a text's are these chained in C.
        known = self._stems
        tokens = self._joined(tokens)
        try:
            return list(itertools.chain.from_iterable(map(known.__getitem__, tokens)))
        except KeyError:  # a word not seen before
            self._learn(tokens)
            return list(itertools.chain.from_iterable(map(known.__getitem__, tokens)))

    def _learn(self, tokens: list[str]) -> None:
        """Normalise the words of ``tokens`` not seen before, once each."""
        known = self._stems
        for w in tokens:
            if w not in known:
                known[w] = (self.word(w), *self._parts.get(w, ()))
                if w not in self._parts:
                    self._one[w] = known[w][0]

    def _joined(self, tokens: list[str]) -> list[str]:
        """``tokens`` with each number written in several words made one figure ("twenty
        five" and "treinta y cinco" are "25" and "35", as the digits are); ``tokens``
        itself when none can be: a text without a word that joins numbers (a tens,
        "hundred", "thousand"; in Spanish "y" or a hundred), most, pays one set test."""
        if not self._joiners.isdisjoint(tokens):
            return joined_numbers(tokens, self._language)
        return tokens

    def stem_tuple(self, tokens: list[str], hyphens: bool = True) -> tuple[str, ...]:
        """:meth:`stems` as a tuple. Pass ``hyphens=False`` when no word holds a "-" (its
        text holds none): each word then stands for one stem, looked up in one pass
        without chaining a tuple per word (a third of the cost)."""
        if not hyphens:
            tokens = self._joined(tokens)
            try:
                return tuple(map(self._one.__getitem__, tokens))
            except KeyError:  # a word not seen before: learnt here, stems() finds it
                self._learn(tokens)
        return tuple(self.stems(tokens))


def bags(docs: Sequence[Sequence[str]], wanted: Collection[int] | None = None) -> list[Bag]:
    """Weighted bags of every document (both versions, old first); see the module's note.

    Every document counts in the weights; with ``wanted`` (indices into ``docs``), only
    those documents' bags are built (the others are left empty)."""
    whose = range(len(docs)) if wanted is None else wanted
    stems = _distinct(docs, whose)
    df = _df(docs, stems)
    n = len(docs)
    idf = {t: math.log((n + 1) / d) for t, d in df.items()}
    for t in [t for t in idf if t[:1] == _LIGHT_MARK]:  # a function word: see LIGHT
        idf[t] = min(idf[t], LIGHT)
    tf = [0.0, 1.0]  # (1 + log k) by count k
    out: list[Bag] = [{} for _ in docs]
    for k in whose:
        doc = docs[k]
        counts = stems[id(doc)]
        if len(counts) == len(doc):  # no stem twice (most short points): each weighs its idf
            out[k] = {t: idf[t] for t in doc}
            continue
        if not isinstance(counts, Counter):  # a short document that holds a stem twice
            counts = Counter(doc)
        while len(tf) <= len(doc):  # no stem is counted more often than the doc is long
            tf.append(1.0 + math.log(len(tf)))
        out[k] = {t: tf[m] * idf[t] for t, m in counts.items()}
    return out


_COUNTED = 16
"""A document whose bag is built is counted at once when longer than this: it almost surely
holds a stem twice (its distinct stems alone would be made for nothing); a shorter one is
counted only if it does."""


def _distinct(docs: Sequence[Sequence[str]], whose: Iterable[int]) -> dict[int, dict[str, int]]:
    """Each document object's distinct stems (in order), by the object's id, made once per
    object: counted (a Counter) for the documents ``whose`` bags are built that are longer
    than _COUNTED, as keys only (counts of 0) for the others. A Counter costs several times a
    ``dict.fromkeys``: most points are either paired before text matching (their stems
    only count in the df) or short, with no stem twice (each weighs its idf); :func:`bags`
    counts a short one that holds a stem twice."""
    unique = dict(zip(map(id, docs), docs, strict=True))
    long = {id(docs[k]) for k in whose if len(docs[k]) > _COUNTED}
    counted: dict[int, dict[str, int]] = {key: Counter(unique.pop(key)) for key in long}
    keys = map(dict.fromkeys, unique.values(), itertools.repeat(0))
    return counted | dict(zip(unique, keys, strict=True))


def _df(docs: Sequence[Sequence[str]], stems: dict[int, dict[str, int]]) -> Counter[str]:
    """How many documents hold each stem. Each document's distinct stems are counted in C,
    once per document object: a point kept word for word is one object in both versions
    (:func:`negotrack.plandiff.align._stems`), and counts twice at the cost of once."""
    times = Counter(map(id, docs))
    df: Counter[str] = Counter()
    for m in sorted(set(times.values())):
        held = Counter(
            itertools.chain.from_iterable([stems[key] for key, t in times.items() if t == m])
        )
        if not df and m == 1:
            df = held
            continue
        for stem, count in held.items():
            df[stem] += m * count
    return df


def norm(bag: Bag) -> float:
    """The Euclidean length of a bag."""
    weights = bag.values()
    return math.sqrt(sum(map(operator.mul, weights, weights)))


def cosine(a: Bag, b: Bag, na: float, nb: float) -> float:
    """The cosine of two bags of lengths ``na`` and ``nb`` (0 when either is empty)."""
    if not na or not nb:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return sum([w * b[t] for t, w in a.items() if t in b]) / (na * nb)


def round9(x: float) -> float:
    """``round(x, 9)`` of a number from 0 to 4 (a cosine, a share), the very same float in
    under half the time: ``round`` with digits goes through a decimal string, and the
    matcher rounds some ten thousand cosines and shares per comparison.

    ``y = x * 1e9`` is within half an ulp of the exact product (under 1e-6 below 2**32),
    so when ``y`` lies farther than 1e-4 from a half-integer, the exact product rounds (to
    the nearest integer, as ``round`` rounds the exact value) to the integer ``r`` that
    ``y`` rounds to, and ``r / 1e9``, correctly rounded, is the float nearest to ``r``
    billionths: what ``round`` returns. Near a tie, ``round`` itself decides."""
    y = x * 1e9
    r = round(y)
    return r / 1e9 if abs(y - r) < 0.4999 else round(x, 9)
