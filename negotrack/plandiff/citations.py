"""Points that cite other points of their own version by number.

A point may name another point of its version: the DRC-Rwanda agreement's 2.1 ends "the
Joint Security Coordination Mechanism (Article 3) monitors it", and Minsk II's point 9
holds "provided point 11 is implemented". The words of the citing clause that the cited
point holds too ("joint security coordination mechanism") are its name there: they say
where the cited point's matter went, not what the citing point is made of. Text matching
leaves them out of the citing point's stems (:func:`unnamed`, called as
:func:`negotrack.plandiff.align.align` reads the points), so that a point on that matter
in another version (the DRC-Rwanda declaration's "explore setting up a joint security
coordination mechanism") is not drawn to the point that merely names it.

A citation is a word that names a part of a text ("Article", "point", "paragraph",
"section", "clause", "item", "§" and their plurals and Spanish forms, "artículo",
"punto", "numeral"...), then a number, or a list of them ("articles 3, 4 and 5", "points
11-14"), that is the number of *another* point of the same version. The part of another
text is not one: after a possessive ("NATO's Article 5") or before "of ..." ("Article 5
of the North Atlantic Treaty", "artículo 3 de la Constitución"; "of this Agreement"
does cite this text). A famous article cited bare ("security guarantees modelled on
Article 5", NATO's) still reads as a citation of the version's point 5: its clause then
loses the stems it shares with that point, a small loss of evidence for that one point;
a citation missed leaves matching as it was.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from negotrack.core.model import PlanVersion
from negotrack.plandiff.features import Normaliser
from negotrack.plandiff.tokens import words

__all__ = ["PARTS", "may_cite", "naming", "unnamed"]

_PART = (
    r"(?:§§?|\b(?:articles?|arts?\.|sections?|paragraphs?|paras?\.|points?|clauses?|items?"
    r"|artículos?|puntos?|numerales?|numeral|párrafos?|parágrafos?|secci[óo]n|secciones"
    r"|cláusulas?|incisos?))"
)
_NUMBER = r"\d+(?:\.\d+)*[a-z]?"
_JOIN = r"\s*(?:,\s*(?:and\s+|or\s+|y\s+|o\s+|e\s+|u\s+)?|\s+(?:and|or|y|o|e|u)\s+)"
_RANGE = r"\s*(?:-|–|\bto\b|\bal?\b)\s*"
_CITATION = re.compile(rf"{_PART}\s*({_NUMBER}(?:(?:{_JOIN}|{_RANGE}){_NUMBER})*)", re.IGNORECASE)
_NUMBERS = re.compile(rf"({_NUMBER})|({_RANGE})", re.IGNORECASE)
PARTS = frozenset(
    (
        *("article", "articles", "art", "arts", "section", "sections", "sec", "paragraph"),
        *("paragraphs", "para", "paras", "point", "points", "clause", "clauses", "item"),
        *("items", "artículo", "artículos", "punto", "puntos", "numeral", "numerales"),
        *("párrafo", "párrafos", "parágrafo", "parágrafos", "sección", "seccion"),
        *("secciones", "cláusula", "cláusulas", "inciso", "incisos"),
    )
)
"""The words that name a part of a text, as read case-folded (``_PART`` finds them in the
text itself, with "§")."""
_DIGITS = re.compile(r"\d+")
_PART_BEFORE = re.compile(rf"{_PART}\s*$", re.IGNORECASE)
_REACH = 16
"""How far before a number its part's name may start ("parágrafos " is 11 characters)."""
_POSSESSIVE = re.compile(r"\w['’]s\s+$")
_ELSEWHERE = re.compile(
    r"\s+of\s+(?!this\b|these\b|the\s+present\b)(?:the\s+)?[A-Z]"
    r"|\s+(?:de|del)\s+(?!este\b|esta\b|estos\b|estas\b|(?:el\s+|la\s+)?presente\b)"
    r"(?:la\s+|el\s+|los\s+|las\s+)?[A-ZÁÉÍÓÚ]"
)
_CLAUSE = (";", ":", ",", ". ")
"""What ends a clause (a full stop only before a space: "2.1" is a number)."""
_WIDEST = 50
"""Most numbers a range may name ("points 11-14"); a wider one is read as its two ends."""


def may_cite(text: str, tokens: Iterable[str]) -> bool:
    """Whether ``text``, whose words (as :func:`negotrack.plandiff.tokens.words` reads
    them) are ``tokens``, may cite a part: it holds a part's name ("article", "points",
    "§"...). Most points do not, and a word looked up in a set is far quicker than a
    search of the text: a text is searched for citations only when this holds."""
    return not PARTS.isdisjoint(tokens) or "§" in text


def naming(numbers: Collection[str], text: str, own: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each clause of ``text`` (the text of point ``own``; ``numbers``: its version's point
    numbers) that cites other points, without the citation itself, with the numbers it
    cites. A clause runs between two marks of ";", ":", "," or a full stop (a parenthesis
    does not end one: "the Joint Security Coordination Mechanism (Article 3) monitors
    it")."""
    out: list[tuple[str, tuple[str, ...]]] = []
    done = 0
    # From each run of digits, a part's name just before it ("Article 3"): a search for the
    # citation itself at every place of a long text costs twenty times as much.
    for digits in _DIGITS.finditer(text):
        if digits.start() < done:  # a number of a list already read
            continue
        part = _PART_BEFORE.search(text, max(0, digits.start() - _REACH), digits.start())
        m = None if part is None else _CITATION.match(text, part.start())
        if m is None:
            continue
        done = m.end()
        if _POSSESSIVE.search(text, max(0, m.start() - 40), m.start()):
            continue
        if _ELSEWHERE.match(text, m.end()):
            continue
        found = tuple(n for n in dict.fromkeys(_listed(m.group(1))) if n in numbers and n != own)
        if found:
            before = max(text.rfind(mark, 0, m.start()) for mark in _CLAUSE)
            after = [k for k in (text.find(mark, m.end()) for mark in _CLAUSE) if k >= 0]
            clause = (
                f"{text[before + 1 : m.start()]} {text[m.end() : min(after, default=len(text))]}"
            )
            out.append((clause, found))
    return out


def _listed(numbers: str) -> list[str]:
    """The numbers of a list ("3, 4 and 5"), a range's between its ends ("11-14")."""
    out: list[str] = []
    ranged = False
    for m in _NUMBERS.finditer(numbers):
        if m.group(2) is not None:
            ranged = bool(out)
            continue
        number = m.group(1)
        if ranged and out[-1].isdigit() and number.isdigit():
            low, high = int(out[-1]), int(number)
            if 0 < high - low <= _WIDEST:
                out.extend(str(k) for k in range(low + 1, high))
        out.append(number)
        ranged = False
    return out


def unnamed(
    version: PlanVersion, stems: list[tuple[str, ...]], citing: list[int], normal: Normaliser
) -> None:
    """Leave out of each point's ``stems`` (of those ``citing``: free points whose text
    names a part) the name it gives another point of its version when it cites it
    (see the module's note): the stems of the citing clause that the cited points hold
    too, once each."""
    numbers: dict[str, int] | None = None
    for k in citing:
        point = version.points[k]
        if numbers is None:
            numbers = {p.number: i for i, p in enumerate(version.points)}
        named = naming(numbers, point.text, point.number)
        if not named:
            continue
        left = list(stems[k])
        for clause, cited in named:
            theirs = set().union(*(stems[numbers[n]] for n in cited))
            for t in normal.stem_tuple(words(clause)):
                if t in theirs and t in left:
                    left.remove(t)
        stems[k] = tuple(left)
