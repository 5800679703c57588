"""Tokens of plan text: words for matching and an inline word diff (the figures that changed
are :mod:`negotrack.plandiff.figures`'s).

Plan texts are full of figures a reader must not see cut in half: an army cap of "600,000",
"$800bn" of frozen assets, "50%" of profits, a strike "1,400km" from the border. Tokens keep
them whole, as they keep hyphenated words ("28-point", "long-range") and apostrophes
("Ukraine's") whole. Letters are Unicode ``\\w`` plus the combining marks that Cyrillic,
Arabic, Hebrew, Devanagari and Thai text needs, so a Russian or Arabic draft tokenises as
well as an English one.

The inline diff compares one pair of texts at a time (never all pairs) with
:class:`difflib.SequenceMatcher` on tokens, then cleans the result up so that it reads well:
a short equality sandwiched between two edits (a lone "the", a comma) is folded into them,
so a rewritten clause shows as one deletion and one insertion instead of alternating
fragments.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
from collections.abc import Callable, Sequence
from typing import Literal, TypeAlias

import attrs

__all__ = [
    "Matching",
    "WordOp",
    "kept_matching",
    "kept_share",
    "word_diff",
    "words",
]

# Combining marks that Python's \w leaves out but that belong inside words: Latin accents
# written decomposed, Cyrillic titlo, Hebrew points, Arabic harakat, Indic vowel signs, Thai
# vowels and tone marks, and the zero-width (non-)joiners Persian writing uses.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0981-\u0983\u09bc-\u09d7"
    "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200c\u200d"
)
_W = rf"[\w{_MARKS}]"
_LETTER = rf"(?:[^\W\d_]|[{_MARKS}])"
CURRENCY = "$€£¥₽₴₹"
_CURRENCY_SET = frozenset(CURRENCY)
_JOIN = "-‐‑'’"  # hyphens and apostrophes that hold a word together

_FIGURE_OR_WORD = rf"""
    [{CURRENCY}]?\d+(?:[.,]\d+)*(?:%|{_LETTER}+)?       # 600,000  $800bn  50%  1,400km
    (?:[{_JOIN}]{_W}+)*                                 # 28-point
  | {_W}+(?:[{_JOIN}]{_W}+)*                            # words: long-range, Ukraine's
"""
_WORD = rf"""
    (?:[A-Z]\.){{2,}}                                   # U.S., E.U.
  | {_FIGURE_OR_WORD}
"""
_WORD_RE = re.compile(_WORD, re.VERBOSE)
# The same tokens in case-folded text, where the capitals of "U.S." cannot occur: one
# alternative fewer to try at every word.
_FOLDED_WORD_RE = re.compile(_FIGURE_OR_WORD, re.VERBOSE)

_Op: TypeAlias = Literal["equal", "insert", "delete"]


@attrs.frozen
class WordOp:
    """One piece of an inline word diff: text kept (``equal``), added or removed."""

    op: _Op
    text: str


def words(text: str) -> list[str]:
    """The word tokens of ``text``, case-folded, for matching (no spaces, no punctuation)."""
    return _FOLDED_WORD_RE.findall(text.casefold())


# -- the inline word diff -------------------------------------------------------------------

_UNIT_RE = re.compile(rf"({_WORD}|\S)(\s*)", re.VERBOSE | re.DOTALL)


def _units(text: str) -> tuple[list[str], list[str], list[int]]:
    """Tokens of ``text`` (no spaces), each token with the spaces after it, and running
    word counts (``counts[k]`` words before token ``k``).

    Leading spaces become a unit of their own (an empty token), so the texts join back.
    """
    found = _UNIT_RE.findall(text)
    cores = [c for c, _ in found]
    fulls = [c + w for c, w in found]
    lead = len(text) - len(text.lstrip())
    if lead:
        cores.insert(0, "")
        fulls.insert(0, text[:lead])
    flags = [c[:1].isalnum() or c[:1] in _CURRENCY_SET for c in cores]
    counts = [0, *itertools.accumulate(flags)]
    return cores, fulls, counts


def _lis(firsts: list[int], seconds: list[int]) -> tuple[list[int], list[int]]:
    """The longest run of pairs (``firsts[k]``, ``seconds[k]``), sorted by first item,
    increasing in the second: its firsts and seconds."""
    if seconds == sorted(seconds):  # the usual case: words kept in their order
        return firsts, seconds
    tails: list[int] = []
    ends: list[int] = []
    back = [-1] * len(seconds)
    for k, j in enumerate(seconds):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            ends.append(k)
        else:
            tails[pos] = j
            ends[pos] = k
        back[k] = ends[pos - 1] if pos else -1
    chosen: list[int] = []
    k = ends[-1] if ends else -1
    while k != -1:
        chosen.append(k)
        k = back[k]
    chosen.reverse()
    return [firsts[k] for k in chosen], [seconds[k] for k in chosen]


def _match(
    a: Sequence[str],
    alo: int,
    ahi: int,
    b: Sequence[str],
    blo: int,
    bhi: int,
    out: tuple[list[int], list[int]],
) -> None:
    """Append to ``out`` the matched token positions of a[alo:ahi] and b[blo:bhi] (those
    of ``a`` to its first list, those of ``b`` to its second, in order).

    Patience diff: common ends first, then tokens that occur once on each side anchor the
    alignment (their longest increasing run), and the gaps between anchors are matched the
    same way. A gap without such anchors falls back to difflib, on that gap only; a gap of
    a few tokens is left a replacement (what it could keep, "the" or a comma, the clean-up
    would fold away). Linear-ish in the text, and it aligns whole clauses the way a reader
    would. Positions go to two lists of integers rather than a list of pairs: a long text
    matches hundreds of tokens, and a tuple for each would keep the garbage collector busy.
    """
    out_a, out_b = out
    start = alo
    while alo < ahi and blo < bhi and a[alo] == b[blo]:
        alo += 1
        blo += 1
    if alo > start:
        out_a.extend(range(start, alo))
        out_b.extend(range(blo - (alo - start), blo))
    end_a, end_b = ahi, bhi
    while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
        ahi -= 1
        bhi -= 1
    if alo < ahi and blo < bhi:
        once_a: dict[str, int] = {}
        for i in range(alo, ahi):
            once_a[a[i]] = -1 if a[i] in once_a else i
        once_b: dict[str, int] = {}
        for j in range(blo, bhi):
            once_b[b[j]] = -1 if b[j] in once_b else j
        # Tokens once on both sides; once_a lists tokens by first place, so in order of i.
        firsts = [i for t, i in once_a.items() if i >= 0 and once_b.get(t, -1) >= 0]
        if firsts:
            seconds = [once_b[a[i]] for i in firsts]
            pi, pj = alo, blo
            for i, j in zip(*_lis(firsts, seconds), strict=True):
                if i - pi == 1 and j - pj == 1:  # the usual gap: one token each side
                    if a[pi] == b[pj]:
                        out_a.append(pi)
                        out_b.append(pj)
                elif pi < i and pj < j:  # a gap with tokens on both sides
                    _match(a, pi, i, b, pj, j, out)
                out_a.append(i)
                out_b.append(j)
                pi, pj = i + 1, j + 1
            if pi < ahi and pj < bhi:
                _match(a, pi, ahi, b, pj, bhi, out)
        elif min(ahi - alo, bhi - blo) >= _SMALL_GAP:
            sm = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            for i, j, n in sm.get_matching_blocks():
                out_a.extend(range(alo + i, alo + i + n))
                out_b.extend(range(blo + j, blo + j + n))
    out_a.extend(range(ahi, end_a))
    out_b.extend(range(bhi, end_b))


_SMALL_GAP = 4


class _Seg:
    """A run of the diff: units a1:a2 of the old text and b1:b2 of the new; ``equal`` when
    they are the same tokens, else the old run was replaced by the new one."""

    __slots__ = ("a1", "a2", "b1", "b2", "equal")

    def __init__(self, equal: bool, a1: int, a2: int, b1: int, b2: int) -> None:
        self.equal = equal
        self.a1, self.a2, self.b1, self.b2 = a1, a2, b1, b2


def _segments(matched: Matching, na: int, nb: int) -> list[_Seg]:
    segs: list[_Seg] = []
    pi = pj = 0
    for i, j in zip([*matched[0], na], [*matched[1], nb], strict=True):
        if i > pi or j > pj:
            segs.append(_Seg(False, pi, i, pj, j))
        if i < na:
            last = segs[-1] if segs else None
            if last is not None and last.equal and last.a2 == i and last.b2 == j:
                last.a2, last.b2 = i + 1, j + 1
            else:
                segs.append(_Seg(True, i, i + 1, j, j + 1))
        pi, pj = i + 1, j + 1
    return segs


def _cleanup(segs: list[_Seg], wa: list[int], wb: list[int], b: Sequence[str]) -> list[_Seg]:
    """Fold short equalities sandwiched between edits into them (a semantic clean-up).

    An equality with no word in it (a comma, a space) is noise between two edits; so is a
    run kept between edits at least twice as long, and a lone short word ("the", "of")
    inside a rewritten clause. Folding repeats until nothing changes. Counting words rather
    than characters (as diff-match-patch does) keeps short but meaningful runs such as
    "will be" visible. ``wa``/``wb`` are prefix sums of word counts over the units.
    """

    def size(seg: _Seg) -> int:
        return max(wa[seg.a2] - wa[seg.a1], wb[seg.b2] - wb[seg.b1])

    changed = True
    while changed:
        changed = False
        out: list[_Seg] = []
        k = 0
        while k < len(segs):
            seg = segs[k]
            if seg.equal and out and not out[-1].equal and k + 1 < len(segs):
                before, after = out[-1], segs[k + 1]
                kept = wb[seg.b2] - wb[seg.b1]
                around = min(size(before), size(after))
                short = kept == 1 and around > 0 and len(b[seg.b1]) <= 3
                if kept * 2 <= around or short:
                    before.a2, before.b2 = after.a2, after.b2
                    k += 2
                    changed = True
                    continue
            out.append(seg)
            k += 1
        segs = out
    return segs


Matching: TypeAlias = tuple[list[int], list[int]]
"""What :func:`kept_matching` found and :func:`word_diff` can reuse: the matched token
positions of the old text and, in the same order, those of the new text."""


def kept_share(old: str, new: str) -> float:
    """The share of words kept from ``old`` to ``new`` (0..1), as :func:`word_diff`
    measures it, without building the diff."""
    return kept_matching(old, new)[0]


def kept_matching(old: str, new: str) -> tuple[float, Matching]:
    """:func:`kept_share`, and the matching :func:`word_diff` would compute again."""
    ca, fa = _cores(old)
    cb, fb = _cores(new)
    matched: Matching = ([], [])
    _match(ca, 0, len(ca), cb, 0, len(cb), matched)
    kept = sum(map(fa.__getitem__, matched[0]))
    total = sum(fa) + sum(fb)
    share = min(1.0, 2.0 * kept / total) if total else 1.0
    return share, matched


# The tokens of _UNIT_RE without the spaces after them, which the share does not need
# (every character is either \s or \S, so both find the same tokens).
_CORE_RE = re.compile(rf"(?:{_WORD})|\S", re.VERBOSE)


def _cores(text: str) -> tuple[list[str], list[bool]]:
    """The tokens of :func:`_units` without the spaces, and whether each is a word."""
    cores = _CORE_RE.findall(text)
    flags = [c[0].isalnum() or c[0] in _CURRENCY_SET for c in cores]
    if text[:1].isspace():
        cores.insert(0, "")
        flags.insert(0, False)
    return cores, flags


def _equal_spaced(
    ca: list[str],
    fa: list[str],
    fb: list[str],
    a1: int,
    b1: int,
    b2: int,
    push: Callable[[_Op, str], None],
) -> None:
    """An equal run whose tokens are spaced differently on the two sides: where one side
    has spaces after a token and the other none ("0:" and "0 :"), the spaces are a
    deletion or an insertion of their own, so that each side joins back into its text."""
    for k in range(b2 - b1):
        core = ca[a1 + k]
        old_space = fa[a1 + k][len(core) :]
        new_space = fb[b1 + k][len(core) :]
        if bool(old_space) == bool(new_space):
            push("equal", core + new_space)
            continue
        push("equal", core)
        if old_space:
            push("delete", old_space)
        if new_space:
            push("insert", new_space)


def word_diff(
    old: str, new: str, known: Matching | None = None
) -> tuple[tuple[WordOp, ...], float]:
    """The inline word diff of ``old`` into ``new``, and the share of words kept (0..1).

    Joining the ``equal`` and ``delete`` texts gives ``old`` and joining the ``equal`` and
    ``insert`` texts gives ``new``, up to the spaces between tokens. The share kept is
    ``2 * kept / (words in old + words in new)``, measured before the clean-up.
    ``known`` is what :func:`kept_matching` found for these two texts, if anything.
    """
    ca, fa, wa = _units(old)
    cb, fb, wb = _units(new)
    if known is not None:
        matched = known
    else:
        matched = ([], [])
        _match(ca, 0, len(ca), cb, 0, len(cb), matched)
    kept = sum([wa[i + 1] - wa[i] for i in matched[0]])
    total = wa[-1] + wb[-1]
    ratio = 2.0 * kept / total if total else 1.0
    segs = _cleanup(_segments(matched, len(ca), len(cb)), wa, wb, cb)
    ops: list[tuple[_Op, str]] = []  # built as tuples, equal runs merged, WordOps at the end

    def push(op: _Op, text: str) -> None:
        # Between two equal runs, what was deleted comes first, then what was inserted:
        # "machines[-, for 10 years-]{+ installed in 30 cascades+}", not an insertion, a
        # deletion and an insertion again.
        if op == "delete" and ops and ops[-1][0] == "insert":
            came = ops.pop()
            push(op, text)
            ops.append(came)
            return
        # A run of the same kind as the one before it joins it: one <ins>, not two.
        if ops and ops[-1][0] == op:
            ops[-1] = (op, ops[-1][1] + text)
        else:
            ops.append((op, text))

    for seg in segs:
        if seg.equal:
            text = "".join(fb[seg.b1 : seg.b2])
            if text == "".join(fa[seg.a1 : seg.a2]):
                push("equal", text)
            else:
                _equal_spaced(ca, fa, fb, seg.a1, seg.b1, seg.b2, push)
            continue
        gone = "".join(fa[seg.a1 : seg.a2])
        came = "".join(fb[seg.b1 : seg.b2])
        # Spaces both sides end with belong to the text after the edit, not inside it.
        tail = ""
        if gone and came:
            n = min(len(gone) - len(gone.rstrip()), len(came) - len(came.rstrip()))
            if n:
                tail = came[-n:]
                gone, came = gone[:-n], came[:-n]
        if gone:
            push("delete", gone)
        if came:
            push("insert", came)
        if tail:
            push("equal", tail)
    return tuple(WordOp(op, text) for op, text in ops), min(1.0, ratio)
