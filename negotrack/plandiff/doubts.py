"""Doubts: candidates the matcher left unpaired, for a person to check.

Text matching pairs two points only when the text vouches for it (:mod:`.match`). What it
leaves unpaired is not always unrelated: a point two newcomers resemble alike, a piece two
wholes could claim, a rewrite that shares too few words to clear the bar of the whole
search. For each point left over, its best candidates (at most PER_POINT) are *doubts*
when they score above what the best of that point's own candidates would reach by chance
(the bar of one point searching the other version, not of every pair searched).

A point left over may also have been rewritten in its place beyond what its words tell:
Minsk I's "both sides stop using weapons immediately" faces Minsk II's "an immediate and
full ceasefire" between the same two paired neighbours, as a line diff would show them.
So each point left over in a gap between two consecutive pairs whose order is certain
(at most GAP points on each side, see :func:`negotrack.plandiff.order.gaps`) is also
offered the best of the points left over facing it, when that pair scores above the mean
of unrelated pairs (a z-score above 0: it shares more than unrelated points do); its
confidence is against the gap's own bar, as a pair made in the gap would be (below the
cut, or it would have been paired, unless a rival was as good).

A point a person linked (to a point, not "no successor") is a candidate of the points left
over too, as a point paired by text is: a link vouches for its pair, not that its point has
no other piece. Pinning the pairs text matching was sure of does not hide the other half of
a split from the review (Minsk I's early elections, pinned to Minsk II #4, still offer #12).

Doubts are never pairs: :meth:`negotrack.Dossier.suggest_links` lists them, least sure first, for a
person to pin with :meth:`negotrack.Dossier.link` or leave.
"""

from __future__ import annotations

import collections
from collections.abc import Collection, Sequence

from negotrack.plandiff.candidates import worth_scoring
from negotrack.plandiff.order import gaps
from negotrack.plandiff.scores import Scores, bar

__all__ = ["PER_POINT", "doubts", "linked_pairs"]

PER_POINT = 2
"""Most candidates offered for one point left over."""


def doubts(
    sc: Scores,
    pool: Sequence[tuple[int, int]],
    scores: Sequence[float],
    searched: tuple[int, int],
    left_old: Collection[int],
    left_new: Collection[int],
    kept: list[tuple[int, int]],
) -> tuple[tuple[int, int, float], ...]:
    """``(old, new, confidence)`` for the best candidates of the points left over
    (``left_old``, ``left_new``) among the ``pool`` (``scores``: its cosines, in order),
    and for those facing each other between two consecutive pairs of ``kept``, the
    one-to-one pairs made whose order is certain (:func:`~negotrack.plandiff.order.uncrossed`,
    sorted); ``searched`` is how many free points each version had (the
    confidence is against the bar of all pairs searched, or of the gap for points facing
    each other, as for pairs: below the cut when the text was too thin, above it when a
    rival was as good)."""
    if not left_old and not left_new:
        return ()
    # Each point's row, old and new apart (an int key and one list per point: thousands of
    # pairs are looked through).
    rows_old: dict[int, list[tuple[float, int]]] = collections.defaultdict(list)
    rows_new: dict[int, list[tuple[float, int]]] = collections.defaultdict(list)
    for (i, j), s in zip(pool, scores, strict=True):
        if i in left_old:
            rows_old[i].append((-s, j))
        if j in left_new:
            rows_new[j].append((-s, i))
    n_old, n_new = searched
    out: dict[tuple[int, int], float] = {}
    for rows, least, is_old in ((rows_old, bar(n_new), True), (rows_new, bar(n_old), False)):
        for p, row in rows.items():
            for minus, other in sorted(row)[:PER_POINT]:
                if sc.z(-minus) < least:
                    break
                edge = (p, other) if is_old else (other, p)
                if edge not in out:  # both its points left over: the same pair, scored once
                    out[edge] = sc.confidence(-minus, n_old * n_new)
    for olds, news in gaps(kept, sorted(left_old), sorted(left_new), set(), set()):
        facing = [(sc.cos(i, j), i, j) for i in olds for j in news]
        best = [max(f for f in facing if f[1] == i) for i in olds]
        best += [max(f for f in facing if f[2] == j) for j in news]
        for s, i, j in best:
            if sc.z(s) > 0 and (i, j) not in out:  # against the gap's bar, as its pairs are
                out[i, j] = sc.confidence(s, len(olds) * len(news))
    return tuple(sorted((i, j, c) for (i, j), c in out.items()))


def linked_pairs(
    sc: Scores,
    old: Sequence[Sequence[str]],
    new: Sequence[Sequence[str]],
    left: tuple[set[int], set[int]],
    linked: tuple[Sequence[int], Sequence[int]],
    size: float,
    seen: Sequence[tuple[int, int]],
) -> tuple[list[tuple[int, int]], list[float]]:
    """The pairs (not ``seen`` yet: the pool's) and cosines of the points ``left`` over with the
    ``linked`` points of the other version: a linked point is a candidate of a point left
    over, as one paired by text is (a link vouches for its pair, not that its point has no
    other piece: Minsk I #9 pinned to Minsk II #4 still offers #12, its other half)."""
    pool: list[tuple[int, int]] = []
    if not linked[0] and not linked[1]:  # most diffs: no link pairs a point
        return pool, []
    mine, theirs = (sorted(left[0]), linked[1]), (sorted(left[1]), linked[0])
    if mine[0] and mine[1]:
        pool += worth_scoring(old, new, *mine, size, one_way=True)
    if theirs[0] and theirs[1]:  # the new points' rows: searched from the new side
        pool += [(i, j) for j, i in worth_scoring(new, old, *theirs, size, one_way=True)]
    known = set(seen)
    pool = [p for p in dict.fromkeys(pool) if p not in known]
    return pool, sc.cosines(pool)
