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
    # The candidates that clear the bar (a few in a hundred of the pool): only their points
    # may have a rival, or be one.
    strong = [(i, j, s) for (i, j), s in zip(pool, scores, strict=True) if s >= least]
    if not strong:
        return found
    near_old = {i for i, _, _ in strong}
    near_new = {j for _, j, _ in strong}
    links = [(i, j) for i, j, _ in found.pairs]
    for olds, news, _ in found.groups:
        links += edges(olds, news)
    # Their partners (a pair's other point, or the other side of a split or merge), and
    # their highest cosine with one.
    mine_old: dict[int, set[int]] = {}
    mine_new: dict[int, set[int]] = {}
    held_old: dict[int, float] = {}
    held_new: dict[int, float] = {}
    for i, j in links:
        if i in near_old or j in near_new:
            s = sc.cos(i, j)
            mine_old.setdefault(i, set()).add(j)
            mine_new.setdefault(j, set()).add(i)
            held_old[i] = max(held_old.get(i, s), s)
            held_new[j] = max(held_new.get(j, s), s)
    # Each point's strongest rival: the highest cosine of a candidate that clears the bar,
    # is not its partner, and is not held by a partner it scores higher with.
    rival_old: dict[int, float] = {}
    rival_new: dict[int, float] = {}
    for i, j, s in strong:
        if i in mine_old and j not in mine_old[i] and held_new.get(j, -1.0) <= s:
            rival_old[i] = max(rival_old.get(i, s), s)
        if j in mine_new and i not in mine_new[j] and held_old.get(i, -1.0) <= s:
            rival_new[j] = max(rival_new.get(j, s), s)
    if not rival_old and not rival_new:
        return found

    def capped(i: int, j: int, confidence: float) -> float:
        rival = max(rival_old.get(i, -1.0), rival_new.get(j, -1.0))
        if rival < 0.0:  # no rival: most pairs
            return confidence
        margin = sc.z(sc.cos(i, j)) - sc.z(rival)
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
