"""A stemmer for Ukrainian, in the manner of Snowball's Russian one.

Snowball, whose stemmers the matcher uses (:mod:`negotrack.plandiff.features`), has none for
Ukrainian, and its Russian stemmer does not know the endings Ukrainian spells with "і", "ї"
and "є": it leaves "виборів" (of the elections) apart from "вибори", "районів" from
"район", "кордоні" from "кордон" and "місцеві" from "місцевий". On the Minsk agreements in
Ukrainian (``seeds/minsk-uk-2014-2015.yaml``) those were the words two versions of one
point shared. No well-kept package does it: pymorphy3's Ukrainian dictionary is an 8 MB
download under the GPL, for one language; the stemmers published as scripts are not
packaged. So this module does it, by the rules of Snowball's Russian algorithm
(https://snowballstem.org/algorithms/russian/stemmer.html) with Ukrainian endings:

1. "ґ" is written "г", and apostrophes are dropped ("м'ясо", "мʼясо" and "мясо" meet).
2. Only the part of the word after its first vowel (RV) may lose an ending, so a short word
   keeps its root ("мати" loses only its "-и").
3. One ending goes, the longest that fits, tried in this order: a gerund ("підписавши");
   else the reflexive "ся" or "сь" and then an adjective's ending ("місцевого", "місцевої";
   after the reflexive a verb's), else a verb's ("ухвалюють"; the past "-в", "-ла", "-ло",
   "-ли" and the infinitive "-ти" only after "а" or "я", as in Russian, so that
   "правила" (rules) does not become "прав" (right)), else a noun's ("виборів",
   "областях", "конституцією").
4. In the second region (R2), the suffix of an abstract noun goes: "відповідальність",
   "відповідальності" and "відповідальний" all give "відповідальн".
5. A doubled "нн" is made one ("припинення", "припиненням": "припинен"), and a final soft
   sign dropped.

Vowel changes inside a root ("сторона", "сторін"; "безпека", "безпеці") are beyond a
stemmer, as they are in Snowball's Russian. Stems are only compared with each other, so
they need to be consistent, not words.
"""

from __future__ import annotations

import re

__all__ = ["UkrainianStemmer"]

_VOWELS = "аеєиіїоуюя"
_SPELLING = str.maketrans({"ґ": "г", "'": None, "’": None, "ʼ": None, "`": None})


def _ending(*endings: str, after: str = "") -> re.Pattern[str]:
    """A pattern for the longest of ``endings`` at the end of a word, preceded by one of
    the letters ``after`` when given (which stays)."""
    alternatives = "|".join(sorted(endings, key=len, reverse=True))
    guard = f"(?<=[{after}])" if after else ""
    return re.compile(f"{guard}(?:{alternatives})$")


_GERUND = (_ending("вши", "вшись", after="ая"), _ending("ивши", "ившись", "івши", "івшись"))
_REFLEXIVE = _ending("ся", "сь")
_ADJECTIVE = _ending(
    "ого", "ому", "ими", "іми", "ий", "ій", "ої", "ою", "им", "ім", "их", "іх", "ую", "юю"
)  # fmt: skip
_VERB = (
    _ending("ла", "ло", "ли", "в", "ти", "ть", "ймо", "йте", after="ая"),
    _ending(
        "ають", "яють", "ують", "юють", "уть", "ють", "ить", "іть", "їть", "еть",
        "єть", "емо", "ємо", "имо", "імо", "їмо", "ете", "єте", "ите", "іте", "їте", "еш",
        "єш", "иш", "їш", "ає", "яє", "ує", "ює", "ити", "іти", "їти", "ути", "ючи", "учи",
        "ячи", "ачи", "уєть", "юєть", "аєть", "яєть", "увати", "ювати",
    ),
)  # fmt: skip
_NOUN = _ending(
    "ами", "ями", "ьми", "ові", "ією", "ою", "ею", "єю", "ям", "ам", "ах", "ях",
    "ів", "їв", "ей", "ом", "ем", "єм", "ії", "ію", "ія", "ій", "ої", "ий",
    "а", "я", "о", "е", "є", "у", "ю", "и", "і", "ї", "й", "ь",
)  # fmt: skip
_DERIVATIONAL = _ending("іст", "ост")  # "-ість" without the soft sign the noun step took


class UkrainianStemmer:
    """Stems one case-folded Ukrainian word at a time (``stemWord``, as Snowball's
    stemmers do, so the matcher holds either kind alike)."""

    def stemWord(self, word: str) -> str:
        word = word.translate(_SPELLING)
        rv = next((k + 1 for k, ch in enumerate(word) if ch in _VOWELS), len(word))
        if rv >= len(word):
            return word
        head, tail = word[:rv], _step1(word[rv:])
        r2 = _after_vowel_consonant(word, _after_vowel_consonant(word, 0)) - rv
        if 0 <= r2 < len(tail):  # the suffix must lie wholly in R2
            tail = tail[:r2] + _DERIVATIONAL.sub("", tail[r2:])
        if tail.endswith("нн") or tail.endswith("ь"):
            tail = tail[:-1]
        return head + tail


def _step1(tail: str) -> str:
    """``tail`` (the word's RV) without its one inflectional ending (step 3 of the note)."""
    cut = _longest(_GERUND, tail)
    if cut != tail:
        return cut
    reflexive = _REFLEXIVE.sub("", tail)
    cut = _ADJECTIVE.sub("", reflexive)
    if cut != reflexive:
        return cut
    cut = _longest(_VERB, reflexive)
    if cut != reflexive:
        return cut
    if reflexive != tail:  # a reflexive word is a verb: no noun ending after it
        return reflexive
    return _NOUN.sub("", tail)


def _longest(patterns: tuple[re.Pattern[str], ...], tail: str) -> str:
    """``tail`` without the longest ending any of ``patterns`` finds ("гарантувати" loses
    "-увати", not the "-ти" that follows "а")."""
    return min((p.sub("", tail) for p in patterns), key=len)


def _after_vowel_consonant(word: str, start: int) -> int:
    """Where the region after the first non-vowel that follows a vowel at or after
    ``start`` begins (R1 from 0; R2 from R1's start), the word's length if none."""
    for k in range(start + 1, len(word)):
        if word[k] not in _VOWELS and word[k - 1] in _VOWELS:
            return k + 1
    return len(word)
