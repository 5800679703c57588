"""Left over, a second choice: two points text matching left over that are each other's
clear best among the points left over.

Pairing is greedy, best first, and a pair that is not both its points' first choice must
clear the bar with half its evidence (:mod:`negotrack.plandiff.match`): a point whose
first choice went to another point may be a piece of it, or a look-alike. Once the pairs,
splits and merges are made, a point left over was not attached to its first choice as a
piece, and it may still continue a point left over on the other side. So the points left
over are looked at once more, among themselves: a pair is made when

- each is the other's best candidate among the points left over;
- it clears the bar of every pair searched, with its whole evidence (as a first-round
  pair must);
- on each side, it beats the runner-up among the points left over by the bar of those
  points (the best of k unrelated candidates reaches ``sqrt(2 ln k)`` by chance: a
  point whose two best are close could continue either, and is left to a person);
- it does not rest on one word (as no pair does outside a gap, see
  :meth:`~negotrack.plandiff.scores.Scores.one_word`);
- neither point stands next to a point taken whose partner (or group) it resembles above
  the bar of the few points so compared: such a point may be a piece of that whole, not
  recognised as one, as the pieces of a split or merge stand together (it still counts
  as a runner-up).

The Gaza proposal of May 2024 withdraws Israeli forces "from all the populated areas of
Gaza" in its phase one (1.2), and in its phase two completely (2.3); the January 2025
agreement's stage one (1.1) has the forces "pull back eastward, away from the populated
areas". 1.2's first choice is the agreement's 2.3 (z 13.7), which went to the
proposal's 2.3, so 1.2 -> 1.1 (z 5.9) had to clear the bar with half its evidence, and
did not. Left over, they are each other's best by 3.7 and 3.0 (the bars of 11 and 8
points left over are 2.2 and 2.0). The proposal's 1.3 (hostages released) is left over
too; its best left over are the agreement's 1.8 (z 3.8) and 1.7 (3.7), too close to
choose: it stays for a person.

Repeated until no pair is made: a pair made leaves fewer points, whose best may change.
Each rule reads the same whichever version is called old.

The rule was drawn from the real cases: Gaza's 1.2 -> 1.1, and Minsk I's
decentralisation (#3) -> Minsk II's constitutional reform (#11), whose margin, 2.00
against a bar of 1.97, is narrow. On generated versions, whose added points are built
from the same phrases as the deleted ones, it pairs some of them as a reader might, and
the generator counts them wrong: precision drops by up to 0.25 points, recall gains up
to 0.4, and F1 moves by less than 0.2 points either way, at every share of words changed
and length (the last condition keeps a piece of a merge, standing next to its whole's
partner, from a look-alike).
"""

from __future__ import annotations

from collections.abc import Sequence

from negotrack.plandiff.pieces import Found
from negotrack.plandiff.scores import Scores, bar

__all__ = ["left_mutual"]

_Groups = Sequence[tuple[tuple[int, ...], tuple[int, ...], tuple[float, ...]]]
"""Splits and merges, as :class:`~negotrack.plandiff.pieces.Found` holds them."""


def left_mutual(
    sc: Scores,
    pool: Sequence[tuple[int, int]],
    scores: Sequence[float],
    n: int,
    cut: float,
    anchors: Sequence[tuple[int, int]],
    left: tuple[set[int], set[int]],
    found: Found,
) -> tuple[Found, tuple[set[int], set[int]]]:
    """``found``, with the pairs of points it leaves over (``left``, old and new) that are
    each other's clear best among them (see the module's note), and the points still left
    over. The pairs are the ``pool``'s (``scores``: their cosines, in order), against the
    bar of ``n`` pairs searched at the cut ``cut``; ``anchors`` are the pairs made before
    text matching (links, keys, exact texts), whose points stand with their partners too."""
    least = sc.least(n, cut)
    left_old, left_new = set(left[0]), set(left[1])
    live = [
        (i, j, s) for (i, j), s in zip(pool, scores, strict=True) if i in left_old and j in left_new
    ]
    if not any(s >= least for _, _, s in live):  # no pair left over can clear the bar
        return found, left
    links = [*anchors, *((i, j) for i, j, _ in found.pairs)]
    made: list[tuple[int, int, float]] = []
    while True:
        rows: dict[int, list[tuple[float, int]]] = {}
        cols: dict[int, list[tuple[float, int]]] = {}
        for i, j, s in live:
            rows.setdefault(i, []).append((-s, j))
            cols.setdefault(j, []).append((-s, i))
        new_bar, old_bar = bar(len(left_new)), bar(len(left_old))
        clear = []
        for i, row in rows.items():
            row.sort()
            s, j = -row[0][0], row[0][1]
            if s < least:
                continue
            col = sorted(cols[j])
            if col[0][1] != i:
                continue
            z = sc.z(s)
            if z - _runner_up(sc, row) < new_bar or z - _runner_up(sc, col) < old_bar:
                continue
            if sc.one_word(i, j):
                continue
            clear.append((i, j, s))
        held_old = _held(sc, {i for i, _, _ in clear}, links, found.groups, True)
        held_new = _held(sc, {j for _, j, _ in clear}, links, found.groups, False)
        now = [
            (i, j, sc.confidence(s, n))
            for i, j, s in clear
            if i not in held_old and j not in held_new
        ]
        if not now:
            break
        made += now
        left_old.difference_update(i for i, _, _ in now)
        left_new.difference_update(j for _, j, _ in now)
        live = [(i, j, s) for i, j, s in live if i in left_old and j in left_new]
    if not made:
        return found, left
    pairs = tuple(sorted([*found.pairs, *made]))
    return Found(pairs, found.groups, found.doubts), (left_old, left_new)


def _runner_up(sc: Scores, ranked: list[tuple[float, int]]) -> float:
    """The z-score of the second of ``ranked`` (negated cosines, sorted), or of a cosine
    of 0 (nothing shared) when there is none."""
    return sc.z(-ranked[1][0] if len(ranked) > 1 else 0.0)


def _held(
    sc: Scores,
    points: set[int],
    links: Sequence[tuple[int, int]],
    groups: _Groups,
    is_old: bool,
) -> set[int]:
    """The ``points`` left over (old when ``is_old``) that are held back: each stands next
    to a point taken (``links``: anchors and pairs; ``groups``: the pieces of splits and
    merges) whose partners it resembles above the bar of the few points so compared. It
    may be a piece of that whole, not recognised as one, as the pieces of a split or merge
    stand together. Only the neighbours of ``points`` are looked up: most diffs have none
    or a few to ask about."""
    if not points:
        return set()
    around = {k for p in points for k in (p - 1, p + 1)}
    mates: dict[int, set[int]] = {}
    near_links = (
        [(i, j) for i, j in links if i in around]
        if is_old
        else [(j, i) for i, j in links if j in around]
    )
    for mine, other in near_links:
        mates.setdefault(mine, set()).add(other)
    for olds, news, _ in groups:
        mine_all, others = (olds, news) if is_old else (news, olds)
        for k in mine_all:
            if k in around:
                mates.setdefault(k, set()).update(others)
    held = set()
    for p in points:
        near = {w for k in (p - 1, p + 1) for w in mates.get(k, ())}
        if not near:
            continue
        best = max(sc.cos(p, w) if is_old else sc.cos(w, p) for w in near)
        if sc.z(best) >= bar(len(near)):
            held.add(p)
    return held
