"""Moves: which matched pairs kept their relative place, so that the others are *moved*.

A pair is moved when it is off the longest increasing subsequence of the matched pairs
(old order against new order; each split or merger takes part by its first old and first
new point, so that a point kept in place beside one is not called moved), so one insertion
does not mark everything after it as moved; :func:`stable` finds that subsequence,
choosing among the longest one that does not depend on which version is called old.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

from negotrack.core.model import PlanVersion, Point
from negotrack.plandiff.spacing import same_pair_text

__all__ = ["stable"]


def _tie(a: Point, b: Point) -> int:
    """A tie-breaking weight for a pair, the same for (a, b) and (b, a)."""
    x, y = f"{a.number}\x01{a.text}", f"{b.number}\x01{b.text}"
    return zlib.crc32((f"{x}\x00{y}" if x <= y else f"{y}\x00{x}").encode()) >> 12


def stable(
    old: PlanVersion,
    new: PlanVersion,
    pairs: dict[int, tuple[int, str]],
    groups: Sequence[tuple[tuple[int, ...], tuple[int, ...], str]] = (),
) -> set[int]:
    """Old indices of the pairs whose relative order is kept: a longest increasing
    subsequence of new indices, taken in old order.

    A split or merger of ``groups`` (old points, new points) holds its place in the order
    too: it stands in the search by its first old and first new point (it displays as
    split or merged, never as moved). Without it, a point kept in place beside a group
    could read as moved where the section that jumped over both did not (DRC-Rwanda's
    MONUSCO, after a split, when the economic articles went to the end).

    Among the longest, the one keeping most unchanged points (same text and number) and
    then most same-text points wins, so that which point of a swapped pair is "moved" does
    not depend on which version is called old: every such choice has the same counts.
    Then the chain whose points moved least (by position) wins, so the point that jumped
    is the one called moved; chains equal on that too are told apart by a checksum of
    their points' texts. Every criterion is the same whichever side a point is on, so
    both directions keep the same points in place.

    A weighted LIS over a Fenwick tree of prefix maxima, O(n log n), run over *blocks*:
    runs of pairs consecutive in both versions. A chain that takes one member of a block
    can take all of it (no other pair falls between its members on either side), so
    blocks are taken whole, and a mostly kept order makes few blocks.

    The checksums are the costliest part (they read every pair's texts) and seldom decide,
    so the chains are first weighed without them (:func:`_heaviest`). When no two blocks
    end chains of the same weight, no comparison the search made was between equal
    weights, and a checksum (less than one unit of the last criterion) could not have
    turned one: the chain is the one they would choose. Otherwise the search is run again
    with them.
    """
    if groups:
        pairs = dict(pairs)
        for group_old, group_new, _ in groups:
            pairs.setdefault(group_old[0], (group_new[0], "group"))
    olds = sorted(pairs)
    n = len(olds)
    if not n:
        return set()
    unit = (n + 1) * (n + 1)
    span = len(old.points) + len(new.points)
    ps, ns = old.points, new.points
    rank = dict(zip(sorted([pairs[i][0] for i in olds]), range(n), strict=True))
    # A pair weighs (kept << 40) + near, kept = unit + (n + 1) * unchanged + same text and
    # near = span - moved; a block sums the per-pair parts in locals (unit and span once per
    # pair in it, when it closes, where the next pair does not continue it).
    blocks: list[tuple[int, int, int, int]] = []  # first pos, last pos, first rank, weight
    first = start = -1
    alike = moved = 0
    follows = -1  # the rank continuing the last run: the one after its last pair's
    for k, i in enumerate(olds):
        j, via = pairs[i]
        o, p = ps[i], ns[j]
        r = rank[j]
        if r != follows:
            if k:
                size = k - first
                weight = ((unit * size + alike) << 40) + span * size - moved
                blocks.append((first, k - 1, start, weight))
            first, start, alike, moved = k, r, 0, 0
        follows = r + 1
        if same_pair_text(o, p, via):
            alike += (n + 1) * (o.number == p.number) + 1
        moved += abs(i - j)
    size = n - first
    blocks.append((first, n - 1, start, ((unit * size + alike) << 40) + span * size - moved))
    best, back, ends = _heaviest(blocks, n)
    if len(set(ends)) < len(ends):  # two chains weigh the same: the checksums may decide
        blocks = [
            (a, b, r, (w << 40) + sum([_tie(ps[i], ns[pairs[i][0]]) for i in olds[a : b + 1]]))
            for a, b, r, w in blocks
        ]
        best, back, _ = _heaviest(blocks, n)
    keep: set[int] = set()
    b = best
    while b != -1:
        first, last, _, _ = blocks[b]
        keep.update(olds[first : last + 1])
        b = back[b]
    return keep


def _heaviest(blocks: list[tuple[int, int, int, int]], n: int) -> tuple[int, list[int], list[int]]:
    """The heaviest chain of ``blocks`` (first pos, last pos, first rank, weight) over ``n``
    ranks: its last block, each block's previous one in the heaviest chain ending with it
    (-1 for none), and the weight of that chain, per block. Of chains of equal weight the
    one whose last block comes later wins."""
    tree: list[tuple[int, int]] = [(0, -1)] * (n + 1)  # by rank: (best weight, block)
    back = [-1] * len(blocks)
    ends = []
    best: tuple[int, int] = (0, -1)
    for b, (first, last, r, weight) in enumerate(blocks):
        prev: tuple[int, int] = (0, -1)
        q = r  # prefix maximum over ranks before this block's first
        while q > 0:
            if tree[q] > prev:
                prev = tree[q]
            q -= q & -q
        back[b] = prev[1]
        here = (prev[0] + weight, b)
        ends.append(here[0])
        if here > best:
            best = here
        q = r + (last - first) + 1  # the block ends at this rank
        while q <= n:
            if here > tree[q]:
                tree[q] = here
            q += q & -q
    return best[1], back, ends
