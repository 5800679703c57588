"""Rivals: a pair is no surer than its margin over the strongest other candidate.

A pair's confidence says how far its evidence clears the bar of the pairs searched
(:mod:`negotrack.plandiff.match`). A pair can clear it by far and still be a choice
between two: Dayton's Article VII (human rights, refugees and displaced persons) scores z
6.56 with the New York principles' pledge of freedom of movement, of the displaced
persons' right to their homes and of human rights "to strengthen the democratic election
process" (NY5.1), and 5.45 and 5.46 with the Geneva commissions for displaced persons and
for human rights; NY5.1 scores 5.48 with the election annex's conditions for free
elections. The text prefers one by a hair; whatever settled it (a tie-break, the order of
the greedy search) is for a person to check.

So each pair (and each piece of a split or merge) made by text is at most as sure as its
*margin* ``m``, its z-score less its strongest rival's, makes it: the difference of two
z-scores of unrelated pairs has a spread of sqrt(2), and the confidence of a margin is
``1 / (1 + exp(-STEEP * m / sqrt(2)))`` (the slope of the bar's confidence): 0.5 when the
rival is as strong, 0.8 (no longer "check this") at a margin of about 1.3, 0.95 at 2.8. A
margin never takes a pair below 0.5: it was made, and 0.5 says the text could not choose.

A *rival* of a pair is a candidate of either of its points that clears the bar of every
pair searched (a plausible pair on its own), is not a member of the pair's own split or
merge, and is not held by a partner it scores higher with (a point a stronger pair took is
no alternative). Curated pairs (links, keys, the same text) have no rival.
"""

from __future__ import annotations

import collections
import math
from collections.abc import Sequence

from negotrack.plandiff.pieces import Found, edges
from negotrack.plandiff.scores import STEEP, Scores

__all__ = ["margin_confidence", "with_rivals"]


def margin_confidence(margin: float) -> float:
    """The confidence a margin of ``margin`` z-scores over the strongest rival gives (to 6
    places, as every confidence)."""
    return round(1.0 / (1.0 + math.exp(-STEEP * margin / math.sqrt(2.0))), 6)


def with_rivals(
    sc: Scores,
    found: Found,
    pool: Sequence[tuple[int, int]],
    scores: Sequence[float],
    least: float,
) -> Found:
    """``found`` with each pair's and piece's confidence at most what its margin over its
    strongest rival gives, and never taken below 0.5 by it; ``pool`` holds the candidates
    (``scores``: their cosines, in order), ``least`` the cosine at the bar of every pair
    searched."""
    links = [(i, j) for i, j, _ in found.pairs]
    for olds, news, _ in found.groups:
        links += edges(olds, news)
    if not links:
        return found
    # Each point's partners (its pair, or the other side of its split or merge), and its
    # highest cosine with one, old points then new ones.
    mine: tuple[dict[int, set[int]], dict[int, set[int]]] = (
        collections.defaultdict(set),
        collections.defaultdict(set),
    )
    held: tuple[dict[int, float], dict[int, float]] = ({}, {})
    for i, j in links:
        mine[0][i].add(j)
        mine[1][j].add(i)
        s = sc.cos(i, j)
        held[0][i] = max(held[0].get(i, s), s)
        held[1][j] = max(held[1].get(j, s), s)
    # Each pair's points' candidates that clear the bar: the rows of the pool.
    rows: tuple[dict[int, list[tuple[float, int]]], dict[int, list[tuple[float, int]]]] = (
        collections.defaultdict(list),
        collections.defaultdict(list),
    )
    for (i, j), s in zip(pool, scores, strict=True):
        if s >= least:
            if i in mine[0]:
                rows[0][i].append((s, j))
            if j in mine[1]:
                rows[1][j].append((s, i))

    def rival(side: int, p: int) -> float | None:
        """The strongest rival cosine of point ``p`` (old when ``side`` is 0), if any."""
        other = held[1 - side]
        out = None
        for s, q in rows[side].get(p, ()):
            if q in mine[side][p] or other.get(q, -1.0) > s:
                continue
            if out is None or s > out:
                out = s
        return out

    def capped(i: int, j: int, confidence: float) -> float:
        found_rivals = [r for r in (rival(0, i), rival(1, j)) if r is not None]
        if not found_rivals:
            return confidence
        margin = sc.z(sc.cos(i, j)) - sc.z(max(found_rivals))
        return min(confidence, max(0.5, margin_confidence(margin)))

    pairs = tuple((i, j, capped(i, j, c)) for i, j, c in found.pairs)
    groups = tuple(
        (
            olds,
            news,
            tuple(
                capped(i, j, c) for (i, j), c in zip(edges(olds, news), confidences, strict=True)
            ),
        )
        for olds, news, confidences in found.groups
    )
    return Found(pairs, groups, found.doubts)
