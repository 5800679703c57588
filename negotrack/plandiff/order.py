"""Order: which pairs keep their order, and which free points face each other between them.

Text matching uses order twice (:mod:`negotrack.plandiff.match`): free points facing each
other between two pairs that no pair crosses compete with few others, so they are searched
with a lower bar; and a pair lying between two such pairs is preferred, when ranking again,
to a look-alike elsewhere in the text.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Callable, Sequence

__all__ = ["gaps", "placed", "uncrossed"]

GAP = 4
"""Gaps with at most this many free points on each side are searched with their own bar."""


def uncrossed(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pairs (sorted by first item) that no other pair crosses: everything before
    them on one side is before them on the other. Unlike a longest increasing run, which
    may not be unique, this is the same whichever version is called old."""
    before = -1
    highest = []
    for _, j in pairs:
        highest.append(before)
        before = max(before, j)
    out = []
    after = len(pairs) and max(j for _, j in pairs) + 1
    for k in range(len(pairs) - 1, -1, -1):
        i, j = pairs[k]
        if highest[k] < j < after:
            out.append((i, j))
        after = min(after, j)
    out.reverse()
    return out


def gaps(
    anchors: Sequence[tuple[int, int]],
    pairs: dict[int, tuple[int, float]],
    free_old: Sequence[int],
    free_new: Sequence[int],
    used_old: set[int],
    used_new: set[int],
) -> list[tuple[list[int], list[int]]]:
    """Free points facing each other between two consecutive pairs that no pair crosses
    (the versions' ends count as such pairs), in gaps of at most GAP on each side."""
    kept = uncrossed(sorted([*anchors, *((i, j) for i, (j, _) in pairs.items())]))
    rest_old = sorted(i for i in free_old if i not in used_old)
    rest_new = sorted(j for j in free_new if j not in used_new)
    if not rest_old or not rest_new:
        return []
    ends = [(-1, -1), *kept, (max(rest_old) + 1, max(rest_new) + 1)]
    out = []
    for (lo_i, lo_j), (hi_i, hi_j) in itertools.pairwise(ends):
        a = rest_old[bisect.bisect_right(rest_old, lo_i) : bisect.bisect_left(rest_old, hi_i)]
        b = rest_new[bisect.bisect_right(rest_new, lo_j) : bisect.bisect_left(rest_new, hi_j)]
        if a and b and len(a) <= GAP and len(b) <= GAP:
            out.append((a, b))
    return out


def placed(kept: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a pair lies between two consecutive pairs of ``kept`` (pairs no pair
    crosses, sorted): in its place, as a line diff would see it."""
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
