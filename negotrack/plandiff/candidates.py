"""Candidate pairs: which points are worth scoring against each other, found through an
inverted index in time that grows with the text, not with its square.

Comparing every pair would be quadratic. Instead every point offers a few *key features*:
its rarest stems and stem pairs (bigrams are far rarer than words, so a few of them single a
point out). An inverted index maps each feature to the points holding it; a pair becomes a
candidate when one side's key feature occurs in the other, and each point keeps only the
few candidates sharing most key features with it.

Features are integers, numbered so that their order is that of their text ("a" < "a b" <
"ab"): a stem's rank in the sorted vocabulary gives it a number, a bigram the number of its
first stem plus the rank of its second. Sets and counts of integers cost less than those
of strings, and ties between equally rare features are broken as their texts would break
them. A feature's rarity and number make one integer, so a point's rarest features are the
smallest of a list of integers, sorted in C.
"""

from __future__ import annotations

import heapq
import itertools
import operator
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

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
SORT = 256
"""Up to this many features, a point's rarest are found by sorting them all (in C);
past it, by :func:`heapq.nsmallest`."""


_COUNT = operator.itemgetter(1)


def features(points: Sequence[Sequence[str]]) -> tuple[list[set[int]], int]:
    """Each point's stems and pairs of stems that follow each other in it, numbered in
    the order of their text, and a bound above every number.

    Stems hold no character at or below the space, so "a b" sorts between "a" and "ab"
    as the pair ("a", "b") does between ("a",) and ("ab",): numbering a stem ``(rank + 1)
    * width`` and a pair that plus the second stem's ``rank + 1`` keeps the order."""
    vocabulary = sorted(set().union(*points))
    width = len(vocabulary) + 1
    alone = {stem: (k + 1) * width for k, stem in enumerate(vocabulary)}
    after = {stem: k + 1 for k, stem in enumerate(vocabulary)}
    out = []
    for tokens in points:
        units = list(map(alone.__getitem__, tokens))
        feats = set(units)
        feats.update(map(operator.add, units, map(after.__getitem__, tokens[1:])))
        out.append(feats)
    return out, width * width


def candidates(
    old: Mapping[int, Sequence[str]], new: Mapping[int, Sequence[str]]
) -> set[tuple[int, int]]:
    """Pairs sharing a key feature of either side, the best few per point; points are
    given by index with their stems."""
    coded, bound = features([*old.values(), *new.values()])
    feats_old = dict(zip(old, coded, strict=False))
    feats_new = dict(zip(new, coded[len(old) :], strict=True))
    df = Counter(itertools.chain.from_iterable(coded))
    # A feature held by one point alone leads nowhere; only the others can be keys. Each
    # is ranked by one integer: how many points hold it, then its number.
    rank = {f: n * bound + f for f, n in df.items() if n > 1}
    # Past its first key, a point's keys reach at most BUDGET entries together: only
    # features of at most BUDGET points can follow the first, and, ranked first by how
    # many points hold them, they come before all others. So the rarest features are
    # sought among these (fewer), and among all only when a point holds none of them.
    cheap = {f for f, n in df.items() if 1 < n <= BUDGET}
    top = rank.__getitem__

    def keys(feats: set[int]) -> list[int]:
        common = feats & cheap
        if not common:  # its rarest feature held by another point, if any, is its one key
            shared = [r for r in map(rank.get, feats) if r is not None]
            return [min(shared) % bound] if shared else []
        out: list[int] = []
        spent = 0
        mine = map(top, common)
        rarest = sorted(mine)[:KEYS] if len(common) <= SORT else heapq.nsmallest(KEYS, mine)
        for r in rarest:
            n, f = divmod(r, bound)
            if out and spent + n > BUDGET:
                break
            out.append(f)
            spent += n
        return out

    keys_old = {i: keys(f) for i, f in feats_old.items()}
    keys_new = {j: keys(f) for j, f in feats_new.items()}
    keyset: set[int] = set()
    for ks in (*keys_old.values(), *keys_new.values()):
        keyset.update(ks)
    held_old: defaultdict[int, list[int]] = defaultdict(list)
    for i, feats in feats_old.items():
        for f in feats & keyset:
            held_old[f].append(i)
    held_new: defaultdict[int, list[int]] = defaultdict(list)
    for j, feats in feats_new.items():
        for f in feats & keyset:
            held_new[f].append(j)
    # A key counts for more the rarer it is (about WEIGHT / (holders - 1) times): its
    # holders are repeated that often, so that Counter does the weighted sum in C.
    weight = {f: max(1, round(WEIGHT / (df[f] - 1))) for f in keyset}
    voters_old = {f: held * weight[f] for f, held in held_old.items()}
    voters_new = {f: held * weight[f] for f, held in held_new.items()}
    votes_old = {i: _votes(ks, voters_new) for i, ks in keys_old.items()}
    votes_new = {j: _votes(ks, voters_old) for j, ks in keys_new.items()}
    out: set[tuple[int, int]] = set()
    for i, ks in keys_old.items():
        best = _best(i, ks, votes_old[i], votes_new, held_new, df)
        out.update(zip(itertools.repeat(i), best))
    for j, ks in keys_new.items():
        best = _best(j, ks, votes_new[j], votes_old, held_old, df)
        out.update(zip(best, itertools.repeat(j)))
    return out


def _votes(keys: list[int], voters: dict[int, list[int]]) -> Counter[int]:
    """How strongly each point of the other side shares these keys: ``voters`` holds each
    key's holders, each repeated as often as the key weighs."""
    return Counter(itertools.chain.from_iterable(map(voters.get, keys, itertools.repeat(()))))


def _best(
    me: int,
    keys: list[int],
    votes: Counter[int],
    theirs: dict[int, Counter[int]],
    held: dict[int, list[int]],
    df: Counter[int],
) -> set[int]:
    """The points of the other side worth scoring against point ``me``: all holders of a
    very rare key, and those with the most votes both ways among a shortlist."""
    out: set[int] = set()
    for f in keys:
        if df[f] > RARE:
            break
        out.update(held.get(f, ()))
    # Like Counter.most_common (stable on ties) but sorted in C.
    short = sorted(votes.items(), key=_COUNT, reverse=True)[: 2 * KEEP]
    both = sorted([(-(n + theirs[p].get(me, 0)), k, p) for k, (p, n) in enumerate(short)])
    out.update([p for _, _, p in both[:KEEP]])
    return out
