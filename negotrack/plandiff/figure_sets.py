"""When a number word names a set of parties or places rather than counting something.

"The two countries", "las dos partes" and "three countries: Ukraine, the United States and
Russia" say which parties are meant; they count nothing a draft negotiates. A journalist
comparing two drafts needs a changed count of troops flagged, not a restated list of the
parties. So a number word before a word for a plan's parties or places
(:attr:`~negotrack.plandiff.figure_words.Lexicon.set_noun`: "countries", "sides",
"parties", "regions", "partes", "países", ...) is not a figure when the reader is told
which ones they are:

- by a definite article before it: "the two countries", "los dos países" (the set is
  known);
- by a list of exactly that many items right after it, introduced by a colon, a dash or a
  parenthesis ("three countries: Ukraine, the United States and Russia", "tres países
  (Ucrania, Estados Unidos y Rusia)"), or right before it, set off by a comma, a dash or a
  parenthesis ("Ukraine, the United States and Russia, three countries that ...").

A list is items joined by commas, its last one by "and" ("y", "e" in Spanish), each of a
few words and no digit. A list of another length ("three countries: Ukraine and Russia"),
a list joined by "or" (a choice, not a set), a number with a scale or a hundred ("three
million", "three hundred"), in digits ("3 countries: ...") or before another noun ("three
hundred prisoners", "three months", "the three prisoners released") still counts.
"""

from __future__ import annotations

import re

from negotrack.plandiff.figure_words import Lexicon

__all__ = ["names_a_set"]

_OPENS = re.compile(r"\s*(?::|\(|[–—]|\s-)\s*")
"""What introduces a list after the set's noun: a colon, a parenthesis, a dash."""
_CLOSES = re.compile(r"\s*(?:,|\(|[–—-])\s*$")
"""What sets a list off before the number: a comma, a parenthesis, a dash."""
_CLAUSE_END = re.compile(r"[;:()\n–—]|(?<!\b[A-Z])[.!?](?=\s|$)")
"""Where a list's clause ends: a semicolon, colon, parenthesis, dash or line break, or a
sentence's end (not the dot of an initial: "the U.S. and Russia")."""
_LIST_WORDS = 6
"""The most words an item of a list may have (the first of a list read backwards runs to
its clause's start)."""


def names_a_set(text: str, words: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the number ``words`` at ``start``–``end`` of ``text`` names a set rather
    than counts one (see the module's note)."""
    parts = re.split(r"[\s-]+", words.lower())
    if any(w not in lex.numbers and w not in lex.hundreds for w in parts):
        return False  # a scale or a thousand: a quantity
    noun = lex.set_noun.match(text, end)
    if noun is None:
        return False
    if lex.definite.search(text, max(0, start - 8), start) is not None:
        return True
    if any(w in lex.hundreds for w in parts):
        return False  # "three hundred countries: ..." is no list anyone writes out
    count = sum(lex.numbers[w] for w in parts)
    return count > 1 and count in (_after(text, noun.end(), lex), _before(text, start, lex))


def _after(text: str, at: int, lex: Lexicon) -> int | None:
    """How many items the list introduced at ``at`` holds, or None when none is."""
    opens = _OPENS.match(text, at)
    if opens is None:
        return None
    stop = _CLAUSE_END.search(text, opens.end())
    stretch = text[opens.end() : stop.start() if stop is not None else len(text)]
    joint = lex.conjunction.search(stretch)
    if joint is None:
        return None
    last = stretch[joint.end() :].split(",", 1)[0]
    return _count(stretch[: joint.start()].split(","), last, first_free=False)


def _before(text: str, at: int, lex: Lexicon) -> int | None:
    """How many items the list that ends just before ``at`` holds, or None when none
    does."""
    closes = _CLOSES.search(text, 0, at)
    if closes is None:
        return None
    head = text[: closes.start()]
    begin = max((m.end() for m in _CLAUSE_END.finditer(head)), default=0)
    stretch = head[begin:]
    joints = list(lex.conjunction.finditer(stretch))
    if not joints:
        return None
    joint = joints[-1]
    return _count(stretch[: joint.start()].split(","), stretch[joint.end() :], first_free=True)


def _count(items: list[str], last: str, *, first_free: bool) -> int | None:
    """The number of items of a list, ``items`` before its conjunction and ``last`` after
    it, or None when one is not an item (empty, long, or holding a digit); with
    ``first_free``, the first may be long (a list read backwards starts its clause)."""
    found = [s.strip() for s in items]
    if found and not found[-1]:
        found.pop()  # "A, B, and C"
    found.append(last.strip())
    for k, item in enumerate(found):
        long = len(item.split()) > _LIST_WORDS and not (first_free and k == 0)
        if not item or long or any(c.isdigit() for c in item):
            return None
    return len(found)
