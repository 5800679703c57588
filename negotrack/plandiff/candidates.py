"""Candidate pairs: which points are worth scoring against each other, found through an
inverted index in time that grows with the text, not with its square.

Comparing every pair would be quadratic. Instead every point offers a few *key features*:
its rarest stems and stem pairs (bigrams are far rarer than words, so a few of them single a
point out). An inverted index maps each feature to the points holding it; a pair becomes a
candidate when one side's key feature occurs in the other, and each point keeps only the
few candidates sharing most key features with it. The rarest features are picked with
:func:`heapq.nsmallest`, not a full sort (a point of a few features is sorted whole).
"""

from __future__ import annotations

import heapq
import itertools
import operator
from collections import Counter
from collections.abc import Sequence

__all__ = ["candidates", "features"]

KEYS = 8
"""Most key features per point: its rarest words and bigrams."""
BUDGET = 160
"""Most index entries a point's key features may reach together (past its rarest one): a
point made only of common phrases still gets a few keys, and the work per point stays
bounded, so the whole grows linearly with the number of points."""
RARE = 4
"""A key held by at most this many points brings all its holders in as candidates."""
KEEP = 4
WEIGHT = 12
"""Candidates each point keeps: those sharing most (and rarest) key features with it."""
SORT = 32
"""Up to this many features, a point's rarest are found by sorting them all."""


def features(tokens: Sequence[str]) -> set[str]:
    """A point's stems and the pairs of stems that follow each other in it."""
    feats = set(tokens)
    feats.update(map(" ".join, itertools.pairwise(tokens)))
    return feats


def candidates(old: dict[int, set[str]], new: dict[int, set[str]]) -> set[tuple[int, int]]:
    """Pairs sharing a key feature of either side, the best few per point; points are
    given by index with their features."""
    df: Counter[str] = Counter()
    for feats in (*old.values(), *new.values()):
        df.update(feats)
    rare = df.__getitem__
    # A feature held by one point alone leads nowhere; only the others can be keys.
    shared = {f for f, n in df.items() if n > 1}

    def keys(feats: set[str]) -> list[str]:
        out: list[str] = []
        spent = 0
        mine = feats & shared
        ranked = zip(map(rare, mine), mine, strict=True)
        # The same KEYS first either way; for a few features a sort in C is the quicker.
        rarest = sorted(ranked)[:KEYS] if len(mine) <= SORT else heapq.nsmallest(KEYS, ranked)
        for n, f in rarest:
            if out and spent + n > BUDGET:
                break
            out.append(f)
            spent += n
        return out

    keys_old = {i: keys(f) for i, f in old.items()}
    keys_new = {j: keys(f) for j, f in new.items()}
    keyset: set[str] = set()
    for ks in (*keys_old.values(), *keys_new.values()):
        keyset.update(ks)
    held_old: dict[str, list[int]] = {}
    for i, feats in old.items():
        for f in feats & keyset:
            held_old.setdefault(f, []).append(i)
    held_new: dict[str, list[int]] = {}
    for j, feats in new.items():
        for f in feats & keyset:
            held_new.setdefault(f, []).append(j)
    votes_old = {i: _votes(ks, held_new, df) for i, ks in keys_old.items()}
    votes_new = {j: _votes(ks, held_old, df) for j, ks in keys_new.items()}
    out: set[tuple[int, int]] = set()
    for i, ks in keys_old.items():
        out.update((i, j) for j in _best(i, ks, votes_old[i], votes_new, held_new, df))
    for j, ks in keys_new.items():
        out.update((i, j) for i in _best(j, ks, votes_new[j], votes_old, held_old, df))
    return out


def _votes(keys: list[str], held: dict[str, list[int]], df: Counter[str]) -> Counter[int]:
    """How strongly each point of the other side shares these keys: a key counts for more
    the rarer it is (about WEIGHT / (holders - 1) times). Holders are repeated that often,
    so that Counter does the weighted sum in C."""
    return Counter(
        itertools.chain.from_iterable(
            held.get(f, []) * max(1, round(WEIGHT / (df[f] - 1))) for f in keys
        )
    )


def _best(
    me: int,
    keys: list[str],
    votes: Counter[int],
    theirs: dict[int, Counter[int]],
    held: dict[str, list[int]],
    df: Counter[str],
) -> set[int]:
    """The points of the other side worth scoring against point ``me``: all holders of a
    very rare key, and those with the most votes both ways among a shortlist."""
    out: set[int] = set()
    for f in keys:
        if df[f] > RARE:
            break
        out.update(held.get(f, ()))
    # Like Counter.most_common (stable on ties) but sorted in C.
    short = sorted(votes.items(), key=operator.itemgetter(1), reverse=True)[: 2 * KEEP]
    both = sorted((-(n + theirs[p][me]), k, p) for k, (p, n) in enumerate(short))
    out.update(p for _, _, p in both[:KEEP])
    return out
