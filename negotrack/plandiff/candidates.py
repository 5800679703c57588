"""Candidate pairs: which points are worth scoring against each other, found through an
inverted index in time that grows with the text, not with its square.

Comparing every pair would be quadratic. Instead every point offers a few *key features*:
its rarest pairs of stems that follow each other (a bigram is far rarer than either of its
words, so a few of them single a point out; a point of one stem offers that stem). A point
of the other side that holds many of them is likely its rewording: each point keeps the
few points of the other side whose key features it holds most, and a pair is a candidate
when either of its points keeps the other. A point's keys are its own signature, so a
reworded point still holds most of its partner's keys, and its partner most of its own:
the pair is found from both ends. Words alone add little: a reworded point keeps most of
its bigrams, and a word is far commoner than the bigrams it is part of, so it is seldom
among a point's rarest features (on generated versions, adding the words matched no better
at a third more time; nor did weighting keys by rarity, or also counting the points that
hold a point's own keys).

Features are integers, numbered so that their order is that of their text ("a b" < "a
c" < "ab c"): a stem's rank in the sorted vocabulary gives it a number, a bigram the number
of its first stem plus the rank of its second. Sets and counts of integers cost less than
those of strings, and ties between equally rare features are broken as their texts would
break them. A feature's rarity and number make one integer, so a point's rarest features
are the smallest of a list of integers, sorted in C.

The counting is done for all points of the other side at once, in C: a point's *row* is one
integer holding a small counter per point of the other side (FIELD bits each), the sum of
the masks of the key features it holds, a mask having a one in the counter of every point
keying that feature. Adding ``2 ** (FIELD - 1) - t`` to every counter sets a counter's top
bit exactly when it reached ``t``, so a mask and a bit count say how many points reach
``t``, and a binary search finds the few that count most. A row is as wide as the other
version, so a version of more than WIDE points is counted point by point instead, in a
Counter of the points keying what the point holds, with the same result.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections import Counter
from collections.abc import Mapping, Sequence

__all__ = ["ALL_PAIRS", "candidates", "every_pair", "features", "worth_scoring"]

ALL_PAIRS = 250_000
"""Every pair is scored when (old points x new points x mean bag size) stays below this;
otherwise only candidates from the inverted index."""
KEYS = 8
"""Most key features per point: its rarest bigrams."""
BUDGET = 160
"""Most index entries a point's key features may reach together (past its rarest one): a
point made only of common phrases still gets a few keys, and the work per point stays
bounded, so the whole grows linearly with the number of points."""
KEEP = 3
"""Candidates each point keeps: the points whose key features it holds most, and one more
when that one holds as many as the last kept. Of points holding as many, those nearest to
the point's place in its version go first, then the lower index, whichever version is old
(see :func:`_nearest`)."""
FIELD = 4
"""Bits of a point's counter in a row: a counter counts at most KEYS (the keys of its
point), and testing it adds up to ``2 ** (FIELD - 1) - 1``, which must still fit (see the
module's note)."""
WIDE = 3000
"""Most points of a version counted in rows: a row's additions and tests take time in
proportion to its width, so past this (about where the two cost the same) a point's
candidates are counted in a Counter, whose cost grows only with what the point holds: the
whole stays linear in the number of points."""

_FIRST = operator.itemgetter(0)
_SECOND = operator.itemgetter(1)
_THIRD = operator.itemgetter(2)


def every_pair(free_old: Sequence[int], free_new: Sequence[int], size: float) -> bool:
    """Whether every pair of these points is scored (few enough, by ALL_PAIRS), not only
    the inverted index's candidates (``size``: the points' mean number of stems)."""
    return len(free_old) * len(free_new) * (size + 1.0) <= ALL_PAIRS


def worth_scoring(
    old: Sequence[Sequence[str]],
    new: Sequence[Sequence[str]],
    free_old: Sequence[int],
    free_new: Sequence[int],
    size: float,
    *,
    one_way: bool = False,
) -> list[tuple[int, int]]:
    """The pairs of ``free_old`` and ``free_new`` worth scoring: all of them when few,
    else the inverted index's candidates (``one_way``: those the old points keep)."""
    if every_pair(free_old, free_new, size):
        return [(i, j) for i in free_old for j in free_new]
    olds, news = {i: old[i] for i in free_old}, {j: new[j] for j in free_new}
    return sorted(candidates(olds, news, one_way=one_way))


def features(points: Sequence[Sequence[str]]) -> tuple[list[set[int]], int]:
    """Each point's pairs of stems that follow each other in it (a point of one stem: that
    stem), numbered in the order of their text, and a bound above every number.

    Stems hold no character at or below the space, so "a b" sorts between "a" and "ab"
    as the pair ("a", "b") does between ("a",) and ("ab",): numbering a stem ``(rank + 1)
    * width`` and a pair that plus the second stem's ``rank + 1`` keeps the order."""
    vocabulary = sorted(set().union(*points))
    width = len(vocabulary) + 1
    alone = {stem: (k + 1) * width for k, stem in enumerate(vocabulary)}.__getitem__
    after = {stem: k + 1 for k, stem in enumerate(vocabulary)}.__getitem__
    add = operator.add
    out = [
        set(map(add, map(alone, tokens), map(after, tokens[1:]))) or set(map(alone, tokens))
        for tokens in points
    ]
    return out, width * width


def candidates(
    old: Mapping[int, Sequence[str]], new: Mapping[int, Sequence[str]], *, one_way: bool = False
) -> set[tuple[int, int]]:
    """Pairs of points one of which holds the other's key features most, the best few per
    point; points are given by index with their stems. ``one_way``: only the few each old
    point holds most (what a row of old points needs, not a column of new ones)."""
    # Counters stand in the order of the indices: a point's place is its counter's.
    olds, news = sorted(old), sorted(new)
    coded, bound = features([*map(old.__getitem__, olds), *map(new.__getitem__, news)])
    shared, keys = _keys(coded, bound)
    n = len(olds)
    out = set(_best(shared[:n], keys[n:], olds, news))
    if one_way:
        return out
    backwards = _best(shared[n:], keys[:n], news, olds)
    out.update(zip(map(_SECOND, backwards), map(_FIRST, backwards), strict=True))
    return out


def _keys(coded: list[set[int]], bound: int) -> tuple[list[list[int]], list[list[int]]]:
    """Each point's features held by some other point, ranked (rarest first), and its key
    features among them.

    A feature is ranked by one integer: how many points hold it, then its number. A
    feature held by one point alone leads nowhere and is dropped."""
    df = Counter(itertools.chain.from_iterable(coded))
    # Ranks are scaled so that KEYS of them sum without the numbers reaching the counts:
    # the sum of a point's first ranks, divided by ``scale``, is how many entries they reach.
    scale = KEYS * bound
    rank = {f: n * scale + f for f, n in df.items() if n > 1}.get
    limit = (BUDGET + 1) * scale - 1
    accumulate = itertools.accumulate
    shared = [sorted(filter(None, map(rank, feats))) for feats in coded]
    # Past its first key, a point's keys reach at most BUDGET entries together.
    keys = [
        mine if sum(mine) <= limit else mine[: bisect.bisect_right([*accumulate(mine)], limit) or 1]
        for mine in map(operator.itemgetter(slice(KEYS)), shared)
    ]
    return shared, keys


def _masks(keys: list[list[int]]) -> dict[int, int]:
    """Each key feature's mask: a one in the counter of every point it is a key of."""
    masks: dict[int, int] = {}
    # Each (key, point) in turn adds the point's one to the key's mask (update reads the
    # mask only once the pairs before have been written).
    flat = list(itertools.chain.from_iterable(keys))
    bits = [1 << (FIELD * k) for k in range(len(keys))]
    ones = itertools.chain.from_iterable(map(itertools.repeat, bits, map(len, keys)))
    added = map(operator.add, map(masks.get, flat, itertools.repeat(0)), ones)
    masks.update(zip(flat, added, strict=True))
    return masks


def _best(
    shared: list[list[int]], keys: list[list[int]], mine: list[int], theirs: list[int]
) -> list[tuple[int, int]]:
    """``(point, candidate)`` for the points ``mine`` (their ranked features ``shared``)
    and the few points of ``theirs`` (their ``keys``) whose keys each holds most (see
    KEEP), counted in rows."""
    if len(theirs) > WIDE:
        return _best_apart(shared, keys, mine, theirs)
    masks = _masks(keys)
    top = 1 << (FIELD - 1)
    ones = sum(1 << (FIELD * k) for k in range(len(theirs)))
    high = ones << (FIELD - 1)  # the top bit of every counter
    reach = [(top - t) * ones for t in range(top + 1)]  # sets the top bit of those >= t
    # A counter's top bit, by its bit length, names its point.
    name = {FIELD * k + FIELD: p for k, p in enumerate(theirs)}.__getitem__
    steps = [top >> k for k in range(1, FIELD)]  # a binary search of 1 .. top
    keep = KEEP
    found: list[tuple[int, int]] = []
    for place, (me, feats) in enumerate(zip(mine, shared, strict=True)):
        row = sum(map(masks.get, feats, itertools.repeat(0)))
        if not row:
            continue
        picks = []
        held = (row + reach[1]) & high
        if held.bit_count() > keep:
            # The largest t that KEEP counters reach: those above it are kept, then those
            # at t, to fill the places left and one more (a tie).
            t, above = 1, 0  # none reaches top + 1
            for step in steps:
                tried = (row + reach[t + step]) & high
                if tried.bit_count() >= keep:
                    t += step
                    held = tried
                else:
                    above = tried  # the last miss is at t + 1
            held ^= above
            while above:
                bit = above & -above
                picks.append(bit.bit_length())
                above ^= bit
            more = keep + 1 - len(picks)
            if held.bit_count() > more:
                picks += _nearest(held, more, place, len(mine), len(theirs))
                held = 0
        while held:
            bit = held & -held
            picks.append(bit.bit_length())
            held ^= bit
        found.extend(zip(itertools.repeat(me), map(name, picks)))
    return found


def _best_apart(
    shared: list[list[int]], keys: list[list[int]], mine: list[int], theirs: list[int]
) -> list[tuple[int, int]]:
    """:func:`_best` for a version of more than WIDE points, with a Counter per point: the
    same candidates, in time that grows with the points keyed by what a point holds."""
    keyed: dict[int, list[int]] = {}
    for k, ks in enumerate(keys):
        for f in ks:
            keyed.setdefault(f, []).append(k)
    held = keyed.get
    times = itertools.repeat(len(mine))
    found: list[tuple[int, int]] = []
    for place, (me, feats) in enumerate(zip(mine, shared, strict=True)):
        counts = Counter(itertools.chain.from_iterable(map(held, feats, itertools.repeat(()))))
        # Most held first, then nearest (as :func:`_nearest` measures), then the lowest.
        here = itertools.repeat(place * len(theirs))
        far = map(abs, map(operator.sub, map(operator.mul, counts, times), here))
        ranked = sorted(zip(map(operator.neg, counts.values()), far, counts, strict=True))
        kept = ranked[: KEEP + 1]
        if len(kept) > KEEP and kept[KEEP][0] != kept[KEEP - 1][0]:
            kept.pop()
        found.extend(zip(itertools.repeat(me), map(theirs.__getitem__, map(_THIRD, kept))))
    return found


def _nearest(held: int, more: int, place: int, mine: int, theirs: int) -> list[int]:
    """The top bits (by bit length) of the ``more`` counters of ``held`` whose points stand
    nearest to the point at ``place`` of ``mine`` points, in a version of ``theirs``; on a
    tie, the lower index first.

    The count cannot rank them; their place can, as it does for the matcher, which prefers
    a pair in its place. Places are compared in whole numbers, times ``mine``: the point
    stands at ``place * theirs`` (its place in the other version is ``place * theirs /
    mine``) and counter k at ``k * mine``, both shifted by ``mine`` here, so that a
    counter's top bit length divided by FIELD is ``k + 1``."""
    here = place * theirs + mine
    before = held & ((1 << (FIELD * (here // mine))) - 1)  # at or before the point's place
    after = held ^ before
    picks = []
    for _ in range(more):
        last = before.bit_length()  # the nearest before
        first = (after & -after).bit_length()  # the nearest after
        if last and (not first or here - last // FIELD * mine <= first // FIELD * mine - here):
            picks.append(last)
            before ^= 1 << (last - 1)
        else:
            picks.append(first)
            after ^= 1 << (first - 1)
    return picks
