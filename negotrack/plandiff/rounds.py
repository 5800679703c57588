"""One round of pairing: the greedy search of the pool, best first, then the gaps between
pairs that keep their order, then a second look at the points the pool left free.

The reasoning (*Assignment*, *Mutual best*, *Second look*, *Order, again*) is in the note
of :mod:`negotrack.plandiff.match`, which runs the rounds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from negotrack.plandiff.candidates import worth_scoring
from negotrack.plandiff.order import gaps, lone, run_in_place, unclaimed
from negotrack.plandiff.scores import Rated, Scores, held

__all__ = ["ORDER", "greedy", "pairing_round"]

ORDER = 1.0
"""Z-score bonus, when ranking again, for a pair lying between two pairs of certain order."""


def pairing_round(
    sc: Scores,
    old: Sequence[Sequence[str]],
    new: Sequence[Sequence[str]],
    pool: list[Rated],
    certain: Callable[[dict[int, tuple[int, float]]], list[tuple[int, int]]],
    n: int,
    cut: float,
    size: float,
    start: tuple[set[int], set[int]],
    free: tuple[list[int], list[int]],
    in_place: Callable[[int, int], bool] | None,
) -> tuple[list[Rated], dict[int, tuple[int, float]], list[tuple[int, int]]]:
    """One round of pairing from the points free at ``start`` (``free``: those of them
    in the pool): the pool (rated pairs), then the gaps between pairs that keep their
    order, then the points the pool left free among themselves. Returns the pool (with
    what was added), the pairs, and those of them (with the anchors) whose order is
    certain."""
    used_old, used_new = set(start[0]), set(start[1])
    free_old, free_new = free
    pairs: dict[int, tuple[int, float]] = {}
    sizes = (len(old), len(new))
    greedy(sc, pool, n, cut, used_old, used_new, pairs, in_place)
    kept = certain(pairs)
    for _ in range(3):
        before = len(pairs)
        for gap_old, gap_new in gaps(kept, free_old, free_new, used_old, used_new):
            if len(gap_old) == len(gap_new) == 1:  # most gaps: one point facing one
                lone(sc, gap_old[0], gap_new[0], cut, used_old, used_new, pairs)
                continue
            local = sc.rated([(i, j) for i in gap_old for j in gap_new], sizes)
            local = unclaimed(sc, local, kept, sc.least(n, cut))
            k = len(gap_old) * len(gap_new)  # the pairs this gap searches
            taken = len(pairs)
            greedy(sc, local, k, cut, used_old, used_new, pairs, in_place, True)
            if len(pairs) == taken and len(gap_old) == len(gap_new):
                run_in_place(sc, local, gap_old, gap_new, cut, used_old, used_new, pairs)
        if len(pairs) == before:
            break
        kept = certain(pairs)
    # The inverted index keeps a few candidates per point; the points it left free are
    # fewer, so among them every pair (or their own candidates) is scored, at the same bar.
    rest_old = [i for i in free_old if i not in used_old]
    rest_new = [j for j in free_new if j not in used_new]
    if rest_old and rest_new and len(rest_old) * len(rest_new) < len(pool):
        seen = {(p[0], p[1]) for p in pool}
        more = [p for p in worth_scoring(old, new, rest_old, rest_new, size) if p not in seen]
        extra = sc.rated(more, sizes)
        before = len(pairs)
        greedy(sc, extra, n, cut, used_old, used_new, pairs, in_place)
        pool = [*pool, *extra]
        if len(pairs) != before:
            kept = certain(pairs)
    return pool, pairs, kept


def greedy(
    sc: Scores,
    pool: Sequence[Rated],
    n: int,
    cut: float,
    used_old: set[int],
    used_new: set[int],
    pairs: dict[int, tuple[int, float]],
    in_place: Callable[[int, int], bool] | None = None,
    unique: bool = False,
) -> None:
    """Take pairs of free points (rated: :meth:`Scores.rated`), best first, while their
    confidence reaches ``cut``;
    with ``in_place``, a pair in its place ranks ORDER z-scores higher. With ``unique``
    (a gap between pairs, where the bar is low), a pair is left alone when one of its
    points has a second candidate that clears the bar too: the text cannot tell them
    apart, a person should."""
    least = (sc.least(n, cut), sc.least(n, cut, 0.5))
    # A rank is the pair's z-score plus bonuses (to 9 digits): a pair ranked below the
    # lower bar's z-score (less a rounding margin) is never taken, nor anyone's first
    # choice when its point has a pair that may be, so it is left out (most of a pool).
    low = sc.z(min(least)) - 1e-6
    # (-rank, i + j, i, j, cosine) of each pair of points free now, best first.
    if in_place is None:
        ranked = [
            (-key, i + j, i, j, s)
            for i, j, s, key in pool
            if key >= low and i not in used_old and j not in used_new
        ]
    else:
        ranked = [
            (-(key + ORDER) if in_place(i, j) else -key, i + j, i, j, s)
            for i, j, s, key in pool
            if key + ORDER >= low and i not in used_old and j not in used_new
        ]
    ranked.sort()
    # With ``unique``: how many candidates clear the bar, per point.
    clear = held(((i, j, s) for _, _, i, j, s in ranked), least[0]) if unique else None
    # Each point's first choice is the first of its pairs met in this order: its rank is
    # the point's best (negated), noted before the pair is skipped for a point taken.
    first_old: dict[int, float] = {}
    first_new: dict[int, float] = {}
    top_old, top_new = first_old.setdefault, first_new.setdefault
    for key, _, i, j, s in ranked:
        if key > -low:  # and so are all the pairs after it
            break
        best_i, best_j = top_old(i, key), top_new(j, key)
        if i in used_old or j in used_new:
            continue
        if clear is not None and (clear[0].get(i, 0) > 1 or clear[1].get(j, 0) > 1):
            continue
        # A pair that is not both points' first choice (their first went elsewhere) must
        # clear the bar with half its evidence; outside a gap, not on one word.
        mutual = key <= best_i and key <= best_j
        if s < least[0 if mutual else 1] or (not unique and sc.one_word(i, j)):
            continue
        confidence = sc.confidence(s, n, 1.0 if mutual else 0.5)
        used_old.add(i)
        used_new.add(j)
        pairs[i] = (j, confidence)
