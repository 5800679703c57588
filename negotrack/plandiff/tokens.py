"""Tokens of plan text: words for matching and an inline word diff (the figures that changed
are :mod:`negotrack.plandiff.figures`'s).

Plan texts are full of figures a reader must not see cut in half: an army cap of "600,000",
"$800bn" of frozen assets, "50%" of profits, a strike "1,400km" from the border. Tokens keep
them whole, as they keep hyphenated words ("28-point", "long-range") and apostrophes
("Ukraine's") whole. Letters are Unicode ``\\w`` plus the combining marks that Cyrillic,
Arabic, Hebrew, Devanagari and Thai text needs, so a Russian or Arabic draft tokenises as
well as an English one.

The inline diff compares one pair of texts at a time (never all pairs), matching their
tokens by patience diff (:mod:`negotrack.plandiff.patience`), then cleans the result up so
that it reads well:
a short equality sandwiched between two edits (a lone "the", a comma) is folded into them,
so a rewritten clause shows as one deletion and one insertion instead of alternating
fragments.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Callable, Sequence
from typing import Literal, TypeAlias

import attrs

from negotrack.plandiff.patience import match_tokens

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

# The same patterns for ASCII text (most plan texts), where \w, \d and the letters are
# ASCII and the marks cannot occur, and never backtracking into a token ("++": nothing
# after a token can fail): the same tokens, a tenth to a third faster. A test holds each
# to its general pattern.
# The pattern starts with one class, of the characters a token starts with, and then
# goes on by what that character was (a look behind at it): a word after a letter or
# "_", a figure after a digit, a sum after "$" (which needs a digit next). A pattern that
# starts with a class lets the regex engine skip in C to the next character that can
# start a token (past spaces and punctuation), where alternatives would each be tried at
# every position; and a word, the most common token, no longer fails a figure's
# alternative first. About a fifth faster than the two alternatives.
_W_ASCII = "[0-9A-Za-z_]"
_FIGURE_REST_ASCII = rf"(?:[.,][0-9]++)*+(?:%|[A-Za-z]++)?+(?:[{_JOIN}]{_W_ASCII}++)*+"
_FIGURE_OR_WORD_ASCII = rf"""
    [0-9A-Za-z_$](?:
        (?<=[A-Za-z_]){_W_ASCII}*+(?:[{_JOIN}]{_W_ASCII}++)*+   # words: long-range
      | (?<=[0-9])[0-9]*+{_FIGURE_REST_ASCII}                    # 600,000  50%  1,400km
      | (?<=[$])[0-9]++{_FIGURE_REST_ASCII}                      # $800bn
    )
"""
_WORD_ASCII = rf"(?:[A-Z]\.){{2,}}|{_FIGURE_OR_WORD_ASCII}"
_FOLDED_WORD_ASCII = re.compile(_FIGURE_OR_WORD_ASCII, re.VERBOSE)

_Op: TypeAlias = Literal["equal", "insert", "delete"]

Piece: TypeAlias = Literal["old", "new"] | None
"""Which text of a word diff is a piece of the other (of a split or merge), if either."""


@attrs.frozen
class WordOp:
    """One piece of an inline word diff: text kept (``equal``), added or removed."""

    op: _Op
    text: str


# Case-folded ASCII text without a digit, "$", "'" or "-" has no figure and no joined
# word: its tokens are the runs of letters and "_". Such a text (most short points) is
# split at every other character, made a space by a byte table, in about three fifths of
# the time the pattern takes to find its tokens; the table makes 0 of what only the
# pattern may read (and of capitals, which case-folding leaves none of). A test holds this
# to the pattern.
_KEEP, _READ = string.ascii_lowercase + "_", string.digits + string.ascii_uppercase + "$'-"
_LETTERS = bytes(c if chr(c) in _KEEP else 0 if chr(c) in _READ else 32 for c in range(256))


def words(text: str) -> list[str]:
    """The word tokens of ``text``, case-folded, for matching (no spaces, no punctuation)."""
    folded = text.casefold()
    if not folded.isascii():
        return _FOLDED_WORD_RE.findall(folded)
    letters = folded.encode().translate(_LETTERS)
    if 0 not in letters:
        return letters.decode().split()
    return _FOLDED_WORD_ASCII.findall(folded)


# -- the inline word diff -------------------------------------------------------------------

_UNIT_RE = re.compile(rf"({_WORD}|\S)(\s*)", re.VERBOSE | re.DOTALL)
_UNIT_ASCII = re.compile(rf"({_WORD_ASCII}|\S)(\s*+)", re.VERBOSE | re.DOTALL)


def _units(text: str) -> tuple[list[str], list[str], list[int]]:
    """Tokens of ``text`` (no spaces), each token with the spaces after it, and running
    word counts (``counts[k]`` words before token ``k``).

    Leading spaces become a unit of their own (an empty token), so the texts join back.
    """
    found = (_UNIT_ASCII if text.isascii() else _UNIT_RE).findall(text)
    cores = [c for c, _ in found]
    fulls = [c + w for c, w in found]
    lead = len(text) - len(text.lstrip())
    if lead:
        cores.insert(0, "")
        fulls.insert(0, text[:lead])
    flags = [c[:1].isalnum() or c[:1] in _CURRENCY_SET for c in cores]
    counts = [0, *itertools.accumulate(flags)]
    return cores, fulls, counts


class _Seg:
    """A run of the diff: units a1:a2 of the old text and b1:b2 of the new; ``equal`` when
    they are the same tokens, else the old run was replaced by the new one."""

    __slots__ = ("a1", "a2", "b1", "b2", "equal")

    def __init__(self, equal: bool, a1: int, a2: int, b1: int, b2: int) -> None:
        self.equal = equal
        self.a1, self.a2, self.b1, self.b2 = a1, a2, b1, b2


def _segments(matched: Matching, na: int, nb: int) -> list[_Seg]:
    """The runs of a diff of ``na`` and ``nb`` units: each run of matched tokens that follow
    one another on both sides is one equal segment; what stands between two such runs (or
    before the first, or after the last) is a replacement."""
    ma, mb = matched
    n = len(ma)
    # A run breaks where the next matched pair does not follow the last on both sides.
    starts = [0]
    starts += [
        k
        for k, i, i2, j, j2 in zip(range(1, n), ma, ma[1:], mb, mb[1:], strict=False)
        if i2 - i != 1 or j2 - j != 1
    ]
    segs: list[_Seg] = []
    pi = pj = 0
    if n:
        for s, e in zip(starts, [*starts[1:], n], strict=True):
            i, j = ma[s], mb[s]
            if i > pi or j > pj:
                segs.append(_Seg(False, pi, i, pj, j))
            pi, pj = i + e - s, j + e - s
            segs.append(_Seg(True, i, pi, j, pj))
    if na > pi or nb > pj:
        segs.append(_Seg(False, pi, na, pj, nb))
    return segs


def _cleanup(
    segs: list[_Seg], wa: list[int], wb: list[int], b: Sequence[str], piece: Piece = None
) -> list[_Seg]:
    """Fold short equalities sandwiched between edits into them (a semantic clean-up).

    An equality with no word in it (a comma, a space) is noise between two edits; so is a
    run kept between edits at least twice as long, and a lone short word ("the", "of")
    inside a rewritten clause. Folding repeats until nothing changes. Counting words rather
    than characters (as diff-match-patch does) keeps short but meaningful runs such as
    "will be" visible. ``wa``/``wb`` are prefix sums of word counts over the units.

    When one text is a ``piece`` of the other (of a split or merge), an edit is as long as
    it is on the piece's side: the whole's words that went to its other pieces are not a
    rewriting of the piece, and must not make a run it kept look like noise.
    """

    def size(seg: _Seg) -> int:
        if piece == "old":
            return wa[seg.a2] - wa[seg.a1]
        if piece == "new":
            return wb[seg.b2] - wb[seg.b1]
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
    match_tokens(ca, 0, len(ca), cb, 0, len(cb), matched)
    kept = sum(map(fa.__getitem__, matched[0]))
    total = sum(fa) + sum(fb)
    share = min(1.0, 2.0 * kept / total) if total else 1.0
    return share, matched


# The tokens of _UNIT_RE without the spaces after them, which the share does not need
# (every character is either \s or \S, so both find the same tokens).
_CORE_RE = re.compile(rf"(?:{_WORD})|\S", re.VERBOSE)
_CORE_ASCII = re.compile(rf"(?:{_WORD_ASCII})|\S", re.VERBOSE)


def _cores(text: str) -> tuple[list[str], list[bool]]:
    """The tokens of :func:`_units` without the spaces, and whether each is a word."""
    cores = (_CORE_ASCII if text.isascii() else _CORE_RE).findall(text)
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
    old: str, new: str, known: Matching | None = None, piece: Piece = None
) -> tuple[tuple[WordOp, ...], float]:
    """The inline word diff of ``old`` into ``new``, and the share of words kept (0..1).

    Joining the ``equal`` and ``delete`` texts gives ``old`` and joining the ``equal`` and
    ``insert`` texts gives ``new``, up to the spaces between tokens. The share kept is
    ``2 * kept / (words in old + words in new)``, measured before the clean-up.
    ``known`` is what :func:`kept_matching` found for these two texts, if anything;
    ``piece`` says which text, if any, is a piece of the other (see :func:`_cleanup`).
    """
    ca, fa, wa = _units(old)
    cb, fb, wb = _units(new)
    if known is not None:
        matched = known
    else:
        matched = ([], [])
        match_tokens(ca, 0, len(ca), cb, 0, len(cb), matched)
    kept = sum([wa[i + 1] - wa[i] for i in matched[0]])
    total = wa[-1] + wb[-1]
    ratio = 2.0 * kept / total if total else 1.0
    segs = _cleanup(_segments(matched, len(ca), len(cb)), wa, wb, cb, piece)
    kinds: list[_Op] = []  # the runs' kinds and texts, runs of one kind joined
    texts: list[str] = []

    def push(op: _Op, text: str) -> None:
        # Between two equal runs, what was deleted comes first, then what was inserted:
        # "machines[-, for 10 years-]{+ installed in 30 cascades+}", not an insertion, a
        # deletion and an insertion again.
        if op == "delete" and kinds and kinds[-1] == "insert":
            kinds.pop()
            came = texts.pop()
            push(op, text)
            kinds.append("insert")
            texts.append(came)
            return
        # A run of the same kind as the one before it joins it: one <ins>, not two.
        if kinds and kinds[-1] == op:
            texts[-1] += text
        else:
            kinds.append(op)
            texts.append(text)

    for seg in segs:
        a1, a2, b1, b2 = seg.a1, seg.a2, seg.b1, seg.b2
        if seg.equal:
            text = "".join(fb[b1:b2])
            if text == "".join(fa[a1:a2]):
                push("equal", text)
            else:
                _equal_spaced(ca, fa, fb, a1, b1, b2, push)
            continue
        gone = "".join(fa[a1:a2])
        came = "".join(fb[b1:b2])
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
    return tuple(map(WordOp, kinds, texts)), min(1.0, ratio)
