"""The patience matching of two token sequences, which the word diff and the share of words
kept are built on (:mod:`negotrack.plandiff.tokens`)."""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Sequence

__all__ = ["SMALL_GAP", "longest_increasing_run", "match_tokens"]

SMALL_GAP = 4
"""A gap between anchors with fewer tokens than this on one side is left a replacement."""


def longest_increasing_run(firsts: list[int], seconds: list[int]) -> tuple[list[int], list[int]]:
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


def match_tokens(
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
            for i, j in zip(*longest_increasing_run(firsts, seconds), strict=True):
                if i - pi == 1 and j - pj == 1:  # the usual gap: one token each side
                    if a[pi] == b[pj]:
                        out_a.append(pi)
                        out_b.append(pj)
                elif pi < i and pj < j:  # a gap with tokens on both sides
                    match_tokens(a, pi, i, b, pj, j, out)
                out_a.append(i)
                out_b.append(j)
                pi, pj = i + 1, j + 1
            if pi < ahi and pj < bhi:
                match_tokens(a, pi, ahi, b, pj, bhi, out)
        elif min(ahi - alo, bhi - blo) >= SMALL_GAP:
            sm = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            for i, j, n in sm.get_matching_blocks():
                out_a.extend(range(alo + i, alo + i + n))
                out_b.extend(range(blo + j, blo + j + n))
    out_a.extend(range(ahi, end_a))
    out_b.extend(range(bhi, end_b))
