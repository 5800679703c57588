"""Order: which pairs keep their order, and which free points face each other between them.

Text matching uses order three times (:mod:`negotrack.plandiff.match`): in large versions,
points facing each other between anchors are paired before the inverted index when the
pair clears the full bar (:func:`pair_facing`), and pieces facing their whole are grouped
then too (:func:`group_facing`); free points facing each other between two
pairs whose order is certain compete with few others, so they are searched with a lower
bar; and a pair lying between two such pairs is preferred, when ranking again, to a
look-alike elsewhere in the text.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import math
import operator
from collections.abc import Callable, Sequence

from negotrack.plandiff.groups import take_groups
from negotrack.plandiff.scores import Rated, Scores, held

__all__ = [
    "gaps",
    "group_facing",
    "kept_of",
    "lone",
    "pair_facing",
    "placed",
    "run_in_place",
    "unclaimed",
    "uncrossed",
]

_first = operator.itemgetter(0)

GAP = 4
"""Gaps with at most this many free points on each side are searched with their own bar."""


def uncrossed(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pairs (sorted by first item, one-to-one) whose order is certain: those on every
    longest run of pairs that keep their order on both sides. A moved point leaves the run
    and the others stay on it, however far it jumped (requiring that *no* pair cross a
    kept one would let one long move unsettle every pair it jumps over). The set is the
    same whichever version is called old: a run in order on both sides is one either way.
    """
    news = [j for _, j in pairs]
    ends = _longest_ending(news)
    # On some longest run: the longest runs ending and starting with it make a longest one
    # (a + b - 1 == longest). Worked out in C: pairs are many, most on every run.
    through = max(ends, default=0) + 1
    on_some = list(
        map(
            operator.eq, map(operator.add, ends, _longest_starting(news)), itertools.repeat(through)
        )
    )
    kept = list(itertools.compress(pairs, on_some))
    if len(kept) == through - 1:  # one pair on some run at each place: one longest run
        return kept
    # On every longest run: the only pair on some run at its place in the run.
    at = collections.Counter(itertools.compress(ends, on_some))
    return [p for p, e in itertools.compress(zip(pairs, ends, strict=True), on_some) if at[e] == 1]


def _longest_ending(values: Sequence[int]) -> list[int]:
    """For each value, the length of the longest strictly increasing run ending with it."""
    tails: list[int] = []  # tails[k]: least last value of an increasing run of length k+1
    out = []
    last = -math.inf  # tails[-1], the least last value of a longest run so far
    for v in values:
        if v > last:  # the usual case, pairs mostly in order: the longest run grows
            tails.append(v)
            last = v
            out.append(len(tails))
        else:
            k = bisect.bisect_left(tails, v)
            tails[k] = v
            if k + 1 == len(tails):
                last = v
            out.append(k + 1)
    return out


def _longest_starting(values: Sequence[int]) -> list[int]:
    """For each value, the length of the longest strictly increasing run starting with it:
    :func:`_longest_ending` of the values read from the end, negated (a run starting with
    a value, read backwards, is a decreasing run ending with it)."""
    return _longest_ending([-v for v in reversed(values)])[::-1]


def kept_of(
    anchors: Sequence[tuple[int, int]], pairs: dict[int, tuple[int, float]]
) -> list[tuple[int, int]]:
    """The pairs whose order is certain (:func:`uncrossed`) among ``anchors`` and the
    pairs made so far (old -> (new, confidence)). Pairs are one-to-one, so their old points
    alone order them (a sort by one int, not by tuples)."""
    return uncrossed(sorted([*anchors, *((i, j) for i, (j, _) in pairs.items())], key=_first))


def gaps(
    kept: list[tuple[int, int]],
    free_old: Sequence[int],
    free_new: Sequence[int],
    used_old: set[int],
    used_new: set[int],
) -> list[tuple[list[int], list[int]]]:
    """Free points facing each other between two consecutive pairs of ``kept`` (the pairs
    whose order is certain, :func:`kept_of`; the versions' ends count as such pairs), in
    gaps of at most GAP on each side."""
    # Before the index (pair_facing) nothing is used: the free points need no filtering.
    rest_old = sorted([i for i in free_old if i not in used_old] if used_old else free_old)
    rest_new = sorted([j for j in free_new if j not in used_new] if used_new else free_new)
    if not rest_old or not rest_new:
        return []
    # Gap k lies before the k-th kept pair (the last one after them all). Free points are
    # placed in their gaps one by one: there are far fewer of them than of kept pairs.
    gaps_old = _by_gap(rest_old, [i for i, _ in kept])
    gaps_new = _by_gap(rest_new, [j for _, j in kept])
    out = []
    for k in sorted(gaps_old.keys() & gaps_new.keys()):
        a, b = gaps_old[k], gaps_new[k]
        if len(a) <= GAP and len(b) <= GAP:
            out.append((a, b))
    return out


def unclaimed(
    sc: Scores, rated: Sequence[Rated], kept: list[tuple[int, int]], least: float
) -> list[Rated]:
    """The ``rated`` pairs of one gap between two pairs of ``kept`` whose points no pair
    bounding the gap claims more strongly: a pair is left out when one of its points
    scores higher with the point across from it in a bounding pair, and that score clears
    ``least`` (the bar of the whole search). Such a point is likely a piece of that pair
    (the pieces of a split stand next to each other), for the pieces to attach, and not
    the partner of a look-alike that merely shares the gap (the US draft's #12 splits into
    the 20-point #8 and #9; in the gap after it, #14 only resembles #9)."""
    if not rated:
        return []
    olds = [i for i, _ in kept]
    k = bisect.bisect_left(olds, rated[0][0])
    around = kept[max(0, k - 1) : k + 1]
    out = []
    for pair in rated:
        i, j, s = pair[0], pair[1], pair[2]
        claims = [c for a, b in around for c in (sc.cos(a, j), sc.cos(i, b))]
        if not any(c >= least and c > s for c in claims):
            out.append(pair)
    return out


def _by_gap(points: list[int], bounds: list[int]) -> dict[int, list[int]]:
    """Sorted ``points`` by the gap of sorted ``bounds`` they fall in: gap k holds the
    points between ``bounds[k - 1]`` and ``bounds[k]`` (a point on a bound is in none)."""
    out: dict[int, list[int]] = {}
    if 4 * len(points) < len(bounds):  # few points (a round's): each found by bisection
        for p in points:
            k = bisect.bisect_left(bounds, p)
            if k == len(bounds) or bounds[k] != p:
                out.setdefault(k, []).append(p)
        return out
    # Many points (the free points before the index): both lists walked together, as
    # bisecting for each point costs more than stepping over the bounds between them.
    rest = iter(bounds)
    k = -1
    bound = -math.inf  # bounds[k], the bound ending gap k (inf past the last)
    here: list[int] = []  # the points of gap k so far
    for p in points:
        if p > bound:
            while p > bound:
                k += 1
                bound = next(rest, math.inf)
            here = []
        if p != bound:
            if not here:
                out[k] = here
            here.append(p)
    return out


def placed(kept: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a pair lies between two consecutive pairs of ``kept`` (pairs whose order
    is certain, sorted): in its place, as a line diff would see it."""
    olds = [i for i, _ in kept]
    news = [j for _, j in kept]

    def between(i: int, j: int) -> bool:
        k = bisect.bisect_left(olds, i)
        if k < len(olds) and olds[k] == i:
            return news[k] == j
        lo = news[k - 1] if k else -1
        hi = news[k] if k < len(news) else math.inf
        return lo < j < hi

    return between


def pair_facing(
    sc: Scores,
    free_old: Sequence[int],
    free_new: Sequence[int],
    anchors: Sequence[tuple[int, int]],
    n: int,
    cut: float,
) -> dict[int, tuple[int, float]]:
    """Pairs taken before the inverted index (:mod:`negotrack.plandiff.match` calls this when
    it needs the index): points facing each other
    between two anchors whose order is certain (points reworded in place, as a line diff
    would see them), when the pair clears the bar of every pair searched (``n``), as a pair
    the index offered would have to, and neither point has a second candidate in its gap
    clearing the bar of groups (a whole facing two of its pieces). The index then works on
    fewer points."""
    least = sc.least(n, cut)
    group = sc.least(max(len(free_old), len(free_new)), cut)
    found = gaps(kept_of(anchors, {}), free_old, free_new, set(), set())
    # Every gap's pairs scored at once, gaps of one point facing one (most) last, as their
    # pairs are taken last. Gaps share no point, so a point's candidates clearing ``group``
    # are counted over all of them as in its own gap; a lone gap's pair is its points' one
    # candidate exactly when it clears ``group``.
    facing = [(i, j) for a, b in found if len(a) + len(b) > 2 for i in a for j in b]
    facing += [(a[0], b[0]) for a, b in found if len(a) + len(b) == 2]
    # Only pairs reaching one bar or the other can count or be taken: most reach neither.
    low = min(least, group)
    scored = [(i, j, s) for (i, j), s in zip(facing, sc.cosines(facing), strict=True) if s >= low]
    held_old, held_new = held(scored, group)
    return {
        i: (j, sc.confidence(s, n))
        for i, j, s in scored
        if s >= least and held_old.get(i) == held_new.get(j) == 1
    }


def group_facing(
    sc: Scores,
    free_old: Sequence[int],
    free_new: Sequence[int],
    anchors: Sequence[tuple[int, int]],
    least: float,
    used_old: set[int],
    used_new: set[int],
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Splits and merges taken before the inverted index, after :func:`pair_facing`
    (whose pairs are among ``anchors``): pieces facing their whole between two anchors
    whose order is certain, plainly contained in it (:func:`take_groups`, on the pairs of
    each gap whose cosine reaches ``least``, the bar of groups). The two pieces
    :func:`pair_facing` leaves alone facing their whole are grouped here, and the index
    never sees them. ``used_old``/``used_new`` are updated."""
    facing = [
        (i, j)
        for gap_old, gap_new in gaps(kept_of(anchors, {}), free_old, free_new, used_old, used_new)
        for i in gap_old
        for j in gap_new
    ]
    scored = [(i, j, s) for (i, j), s in zip(facing, sc.cosines(facing), strict=True) if s >= least]
    return take_groups(sc.old, sc.new, sc.mass_old, sc.mass_new, scored, used_old, used_new)


def lone(
    sc: Scores,
    i: int,
    j: int,
    cut: float,
    used_old: set[int],
    used_new: set[int],
    pairs: dict[int, tuple[int, float]],
) -> None:
    """The pairing of a gap of one point facing one, as the greedy pairing of
    :mod:`negotrack.plandiff.match` decides it: the pair is both points' first choice and
    their only candidate (whatever its rank), searched alone (n = 1), so it is taken when
    its cosine reaches the bar of one pair."""
    if i in used_old or j in used_new:
        return
    s = sc.cos(i, j)
    if s < sc.least(1, cut):
        return
    used_old.add(i)
    used_new.add(j)
    pairs[i] = (j, sc.confidence(s, 1))


def run_in_place(
    sc: Scores,
    local: Sequence[Rated],
    gap_old: Sequence[int],
    gap_new: Sequence[int],
    cut: float,
    used_old: set[int],
    used_new: set[int],
    pairs: dict[int, tuple[int, float]],
) -> None:
    """A gap of k points facing k points where no pair stands out, read as a line diff
    reads it: each point rewritten in its place (the k-th facing the k-th), when the
    text agrees with the order and, together, clears the bar of one pair (:func:`lone`'s
    rule for one point facing one, taken over a run). The text agrees when each pair of
    the run is the best of its row and of its column in the gap (no other point of the gap
    fits either of its points as well), scores above unrelated points (z > 0), and no
    pair bounding the gap claims either point (``local``: the gap's pairs
    :func:`unclaimed` kept). Together: the run's z-scores
    summed, over the square root of k (the spread of a sum of k unrelated pairs' z-scores),
    must reach the bar of one pair. Every pair of the run gets that confidence.

    The US plan of 21 points and its 20-point successor rewrite points 2 and 3 in place
    ("Gaza is to be rebuilt" / "Gaza is redeveloped", "the fighting stops at once" /
    "the war ends immediately"): each alone scores below the bar (z 0.68 and 1.04), the
    crossed pairs below unrelated points (z -0.96 and -0.69)."""
    k = len(gap_old)
    z = {(i, j): sc.z(s) for i, j, s, _ in local}
    run = list(zip(gap_old, gap_new, strict=True))
    for i, j in run:
        if i in used_old or j in used_new:
            return
        zij = z.get((i, j))
        if zij is None or zij <= 0.0:
            return
        rivals = [z.get((i, b), -math.inf) for b in gap_new if b != j]
        rivals += [z.get((a, j), -math.inf) for a in gap_old if a != i]
        if any(r >= zij for r in rivals):
            return
    together = math.fsum(z[p] for p in run) / math.sqrt(k)
    confidence = sc.sure(together, 1)
    if confidence < cut:
        return
    for i, j in run:
        used_old.add(i)
        used_new.add(j)
        pairs[i] = (j, confidence)
