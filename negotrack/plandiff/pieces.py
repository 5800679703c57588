"""Pieces of splits and merges among the points pairing left over, and what matching found.

After the one-to-one pairs (:mod:`negotrack.plandiff.match`, whose module note gives the
reasoning), a point left over may be a piece of a paired point: :func:`beside` offers it
the partners of its nearest paired neighbours, :func:`pieces` attaches each piece to its
whole and reports the pairs and groups as a :class:`Found`. Before the pairs,
:func:`adjacent` offers the groups a whole's pairs with the neighbours of its pieces.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from negotrack.plandiff.features import Bag
from negotrack.plandiff.groups import LOOSE, SMALLER
from negotrack.plandiff.scores import Rated, Scores, bar

__all__ = ["Found", "adjacent", "beside", "edges", "pieces"]


@attrs.frozen
class Found:
    """What text matching found: one-to-one pairs ``(old, new, confidence)`` and pieces
    ``(olds, news, confidences)``: splits (one old) and merges (one new), with one
    confidence per member, in order (old members then new ones, whole excluded)."""

    pairs: tuple[tuple[int, int, float], ...]
    groups: tuple[tuple[tuple[int, ...], tuple[int, ...], tuple[float, ...]], ...]
    doubts: tuple[tuple[int, int, float], ...] = ()
    """Candidates left unpaired, ``(old, new, confidence)`` (:mod:`.doubts`)."""

    def at_least(self, cut: float) -> Found:
        """What was found at least ``cut`` sure; the pairs and pieces below it become
        doubts, for a person. A split or merge left with one piece is a pair."""
        pairs = [p for p in self.pairs if p[2] >= cut]
        doubts = [*self.doubts, *(p for p in self.pairs if p[2] < cut)]
        groups: list[tuple[tuple[int, ...], tuple[int, ...], tuple[float, ...]]] = []
        for olds, news, confidences in self.groups:
            rated = [(i, j, c) for (i, j), c in zip(edges(olds, news), confidences, strict=True)]
            kept = [m for m in rated if m[2] >= cut]
            doubts += [m for m in rated if m[2] < cut]
            sure = tuple(c for _, _, c in kept)
            if len(kept) == 1:
                pairs += kept
            elif len(olds) == 1 and kept:
                groups.append((olds, tuple(j for _, j, _ in kept), sure))
            elif kept:
                groups.append((tuple(i for i, _, _ in kept), news, sure))
        return Found(tuple(sorted(pairs)), tuple(sorted(groups)), tuple(sorted(set(doubts))))

    def taken(self) -> tuple[set[int], set[int]]:
        """The old and the new points paired or in a split or merge."""
        old = {i for i, _, _ in self.pairs} | {i for olds, _, _ in self.groups for i in olds}
        new = {j for _, j, _ in self.pairs} | {j for _, news, _ in self.groups for j in news}
        return old, new

    def with_more(self, looser: Found) -> Found:
        """These pairs and pieces, and those ``looser`` (found at a lower cut) makes among
        the points these leave over; the doubts of the points still left over."""
        old, new = self.taken()
        pairs = [*self.pairs, *(p for p in looser.pairs if p[0] not in old and p[1] not in new)]
        groups = [
            *self.groups,
            *(g for g in looser.groups if old.isdisjoint(g[0]) and new.isdisjoint(g[1])),
        ]
        more = Found(tuple(sorted(pairs)), tuple(sorted(groups)))
        old, new = more.taken()
        doubts = tuple(d for d in self.doubts if d[0] not in old or d[1] not in new)
        return Found(more.pairs, more.groups, doubts)


def edges(olds: Sequence[int], news: Sequence[int]) -> list[tuple[int, int]]:
    """A split's or merge's pieces as (old, new) pairs, one per confidence it carries: its
    whole with each new point of a split, each old point of a merge with its whole."""
    return [(olds[0], j) for j in news] if len(olds) == 1 else [(i, news[0]) for i in olds]


def beside(
    pool: Sequence[tuple[int, int]],
    anchors: Sequence[tuple[int, int]],
    pairs: dict[int, tuple[int, float]],
    free_old: Sequence[int],
    free_new: Sequence[int],
    used_old: set[int],
    used_new: set[int],
) -> list[tuple[int, int]]:
    """Pairs of a point left over with the partners of its nearest paired neighbours (a
    piece of a merge or split stands next to its whole's partner), when the index did not
    offer them."""
    partner = dict(anchors) | {i: j for i, (j, _) in pairs.items()}
    back = {j: i for i, j in partner.items()}
    seen = set(pool)
    out = []
    for side, rest, mine in ((0, free_old, partner), (1, free_new, back)):
        paired = sorted(mine)
        for p in rest:
            if p in (used_old if side == 0 else used_new):
                continue
            k = bisect.bisect_left(paired, p)
            for q in paired[max(0, k - 1) : k + 1]:
                pair = (p, mine[q]) if side == 0 else (mine[q], p)
                if pair not in seen:
                    seen.add(pair)
                    out.append(pair)
    return out


def adjacent(
    sc: Scores, rated: Sequence[Rated], open_old: Sequence[int], open_new: Sequence[int]
) -> list[tuple[int, int]]:
    """Pairs the pool lacks of a whole with the neighbours of a piece it holds (a close
    pair of the pool, the piece lighter than its whole, as :mod:`.groups` wants), each
    lighter than the whole too: the pieces of a split or merge stand next to each other,
    and a piece the index did not offer with its whole is often next to one it did."""
    have = {(i, j) for i, j, _, _ in rated}
    olds, news = set(open_old), set(open_new)
    mo, mn = sc.mass_old, sc.mass_new
    out = []
    for i, j, s, _ in rated:
        if s < LOOSE:
            continue
        if mo[i] < SMALLER * mn[j]:  # i may be a piece of j: so may its neighbours
            near = [(k, j) for k in (i - 1, i + 1) if k in olds and mo[k] < SMALLER * mn[j]]
        elif mn[j] < SMALLER * mo[i]:
            near = [(i, k) for k in (j - 1, j + 1) if k in news and mn[k] < SMALLER * mo[i]]
        else:
            continue
        for pair in near:
            if pair not in have:
                have.add(pair)
                out.append(pair)
    return out


def pieces(
    sc: Scores,
    pool: Sequence[tuple[int, int]],
    scores: Sequence[float],
    n: int,
    cut: float,
    pairs: dict[int, tuple[int, float]],
    used_old: set[int],
    used_new: set[int],
) -> Found:
    """Attach each point left over to the paired point it is a piece of (see the note of
    :mod:`negotrack.plandiff.match`), then report pairs and groups. ``scores`` are the
    ``pool``'s cosines (:meth:`Scores.cos`), in order."""
    best: dict[tuple[bool, int], tuple[float, int, int]] = {}  # (is old, point) -> best
    second: dict[tuple[bool, int], float] = {}  # the runner-up's cosine
    rivals: dict[tuple[bool, int], int] = {}  # how many wholes a piece was compared with
    runners: dict[tuple[bool, int], int] = {}  # the runner-up
    # A piece's best candidate must reach ``cut`` (a cosine of at least ``least``): only
    # the points left over that some pair offers so much are looked at (a few dozen of the
    # hundreds the pool offers something).
    least = sc.least(n, cut)
    near = [(i, j, s) for (i, j), s in zip(pool, scores, strict=True) if s >= least]
    strong_old = {i for i, _, _ in near if i not in used_old}
    strong_new = {j for _, j, _ in near if j not in used_new}
    # What the pool offers each of them, old points then new ones, each in the pool's order.
    offers = [((True, i), j, s) for (i, j), s in zip(pool, scores, strict=True) if i in strong_old]
    offers += [
        ((False, j), i, s) for (i, j), s in zip(pool, scores, strict=True) if j in strong_new
    ]
    for key, other, s in offers:
        rivals[key] = rivals.get(key, 0) + 1
        top = best.get(key)
        if top is None or (s, -other) > top[:2]:
            if top is not None:
                second[key] = top[0]
                runners[key] = top[2]
            best[key] = (s, -other, other)
        elif s > second.get(key, 0.0):
            second[key] = s
            runners[key] = other
    partner_new = {j: i for i, (j, _) in pairs.items()}
    partner_old = {i: j for i, (j, _) in pairs.items()}
    # For each whole some piece would join, its best candidate on the other side apart from
    # its partner.
    wholes: tuple[set[int], set[int]] = (set(), set())  # old wholes, new wholes
    for (is_old, _), (_, _, w) in best.items():
        wholes[is_old].add(w)  # an old piece's whole is new (1), a new one's old (0)
    aside: tuple[dict[int, tuple[float, int]], dict[int, tuple[float, int]]] = ({}, {})
    wholes_old, wholes_new = wholes
    for (i, j), s in zip(pool, scores, strict=True):
        if (i in wholes_old or j in wholes_new) and pairs.get(i, (None,))[0] != j:
            if i in wholes_old and (s, -j) > aside[0].get(i, (-1.0, 0)):
                aside[0][i] = (s, -j)
            if j in wholes_new and (s, -i) > aside[1].get(j, (-1.0, 0)):
                aside[1][j] = (s, -i)
    splits: dict[int, list[tuple[int, float]]] = {}  # old whole -> new pieces
    merges: dict[int, list[tuple[int, float]]] = {}  # new whole -> old pieces
    bar_n = bar(n)
    for (is_old, p), (s, _, w) in sorted(best.items()):
        # A piece belongs to one whole: no other candidate clears the bar (unless order
        # settles it), and the best is a bar above the runner-up, the bar of the wholes
        # this piece was compared with.
        runner_up = sc.z(second.get((is_old, p), sc.mu))
        mates = partner_new if is_old else partner_old
        if runner_up >= bar_n and not _settled(p, w, runners.get((is_old, p)), mates):
            continue
        # Next to its whole's partner, the piece was compared, by order, with the wholes
        # its neighbours stand for; elsewhere, nothing in the order vouches for it, and it
        # must beat the runner-up by the bar of the whole search.
        margin = bar(rivals[(is_old, p)]) if _beside(p, mates.get(w)) else bar_n
        if sc.z(s) - runner_up < margin:
            continue
        if -aside[is_old][w][1] != p:
            continue
        confidence = sc.confidence(s, n)
        if confidence < cut:
            continue
        if is_old and (w in partner_new or w not in used_new):
            merges.setdefault(w, []).append((p, confidence))
        elif not is_old and (w in pairs or w not in used_old):
            splits.setdefault(w, []).append((p, confidence))
    # A piece adds to its whole what its partner and the surer pieces do not hold.
    for w, ps in splits.items():
        partner = pairs[w][0] if w in pairs else None
        splits[w] = _adding(ps, sc.old[w], sc.new, None if partner is None else sc.new[partner])
    for w, ps in merges.items():
        partner = partner_new.get(w)
        merges[w] = _adding(ps, sc.new[w], sc.old, None if partner is None else sc.old[partner])
    splits = {w: ps for w, ps in splits.items() if ps}
    merges = {w: ps for w, ps in merges.items() if ps}
    # A whole left unpaired needs two pieces; a point cannot be a whole and a piece.
    pieces_old = {p for ps in merges.values() for p, _ in ps}
    pieces_new = {p for ps in splits.values() for p, _ in ps}
    for w in list(splits):
        if w in pieces_old or (w not in pairs and len(splits[w]) < 2):
            del splits[w]
    for w in list(merges):
        if w in pieces_new or (w not in partner_new and len(merges[w]) < 2):
            del merges[w]
    # A pair that gained pieces on both sides would be many-to-many: take the side whose
    # surest piece is surer (Iran: the JCPOA's #23 and #24 split from Lausanne's #25 at
    # 1.00, and Lausanne's #24 would merge into #23 at 0.90), neither on a tie, so that the
    # outcome does not depend on which side is looked at first.
    for i in [i for i in splits if i in pairs and pairs[i][0] in merges]:
        split, merge = max(c for _, c in splits[i]), max(c for _, c in merges[pairs[i][0]])
        if split >= merge:
            del merges[pairs[i][0]]
        if merge >= split:
            del splits[i]
    groups: list[tuple[tuple[int, ...], tuple[int, ...], tuple[float, ...]]] = []
    for whole, pieces in splits.items():
        members = sorted(pieces)
        if whole in pairs:
            members = sorted([pairs.pop(whole), *pieces])
        groups.append(((whole,), tuple(m for m, _ in members), tuple(c for _, c in members)))
    for whole, pieces in merges.items():
        members = sorted(pieces)
        partner = partner_new.get(whole)
        if partner is not None and partner in pairs:
            members = sorted([(partner, pairs.pop(partner)[1]), *pieces])
        groups.append((tuple(m for m, _ in members), (whole,), tuple(c for _, c in members)))
    return Found(
        tuple((i, j, c) for i, (j, c) in sorted(pairs.items())),
        tuple(sorted(groups)),
    )


def _settled(piece: int, whole: int, runner: int | None, mates: dict[int, int]) -> bool:
    """Whether order gives ``piece`` to ``whole`` over ``runner``, another whole that clears
    the bar with it (``mates``: each whole's partner): the piece stands next to its
    whole's partner, as the pieces of a split or merge stand together, and not next to
    the runner-up's. Colombia's November agreement splits August's 3.3 into its 3.3 and
    3.4; the new 3.3 resembles August's 2.2 too, above the bar, but 2.2's partner stands
    far from it. The US draft's 21a resembles the 20-point territory point (whose partner
    21b is its neighbour) and, above the bar, the point whose partner is its other
    neighbour: order cannot tell, and 21a is left alone."""
    runner_mate = mates.get(runner) if runner is not None else None
    return _beside(piece, mates.get(whole)) and not _beside(piece, runner_mate)


def _beside(piece: int, mate: int | None) -> bool:
    """Whether ``piece`` stands next to ``mate`` (a whole's partner, None when unpaired)."""
    return mate is not None and abs(mate - piece) == 1


def _adding(
    pieces: list[tuple[int, float]], whole: Bag, bags: Sequence[Bag], partner: Bag | None
) -> list[tuple[int, float]]:
    """The ``pieces`` (point, confidence) of ``whole`` that each share with it a stem that
    its ``partner`` (the point paired with it, if any) and the surer pieces do not: a
    piece accounts for a part of the whole that nothing else does. A point that merely
    resembles the partner (the US draft's arms-control treaties beside its
    non-proliferation point, both "nuclear ... treaty") shares the whole's words only
    through it, and is no piece. Surest first; without a partner, the surest piece is the
    first part."""
    covered: set[str] = set(partner) if partner is not None else set()
    kept = []
    for p, confidence in sorted(pieces, key=lambda pc: (-pc[1], pc[0])):
        shared = [t for t in bags[p] if t in whole]
        if covered and all(t in covered for t in shared):
            continue
        covered.update(shared)
        kept.append((p, confidence))
    return sorted(kept)
