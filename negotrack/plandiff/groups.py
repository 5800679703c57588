"""Splits and merges whose pieces are plainly contained in their whole.

A whole is *covered* by two or more points of the other version when each is largely
contained in it (most of its weight is found in the whole), each adds to the coverage, and
together they cover it better than any single point does. Such groups are taken before
the one-to-one pairs: a whole is often closer to one of its pieces than that piece is to
anything else, and pairing them first would leave the other pieces stranded. (Pieces
rewritten by another hand are rarely this plainly contained: the matcher finds those
afterwards, as leftovers contained in a paired point.)

A short point is easily contained in a longer one by chance: "Both sides release all
prisoners." lies inside "Both sides withdraw heavy weapons and release all prisoners of
war.", and may still be the rewording of "Both sides release all the prisoners they
hold.". So a piece is not claimed by a whole when it and another point are each other's
best (by cosine), closer to each other than the piece is to the whole, and the piece is
contained in that point at least as much as in the whole: it reads as that point's
rewording, and the whole keeps its other pieces or stays a pair.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from negotrack.plandiff.features import Bag, round9

__all__ = ["take_groups"]

CONTAINED = 0.6
"""Least share of a piece's weight the whole must hold, for a split or merge."""
COVERED = 0.6
"""Least share of the whole's weight its pieces must hold together."""
ADDS = 0.1
"""Least share of the whole each piece must add to the others' coverage."""
LOOSE = 0.3
"""Pairs less similar than this (cosine) are not worth a containment test: a piece largely
contained in a whole is never that far from it."""
SMALLER = 0.9
"""A piece weighs less than this share of its whole."""


def _contained(piece: Bag, whole: Bag, mass: float) -> float:
    """The share of ``piece``'s weight (``mass``) found in ``whole``."""
    if not mass:
        return 0.0
    return _common(piece, whole) / mass


def _common(piece: Bag, whole: Bag) -> float:
    """The weight ``piece`` and ``whole`` have in common: the least of their weights of each
    stem they share, summed. (The share of the whole one piece covers, :func:`_covered` of
    one piece, sums the very same terms.)

    ``math.fsum`` rounds the exact sum once, so the result does not depend on the order of
    the terms (the order of a set of the shared stems changes with the process's string
    hashes, and a plain ``sum`` over it made the diff differ from one run to the next);
    here they come in the piece's order, gathered in one comprehension (a set and three
    ``map`` took twice as long on short points)."""
    return math.fsum([v if v < (w := whole[t]) else w for t, v in piece.items() if t in whole])


def _covered(whole: Bag, mass: float, pieces: Sequence[Bag]) -> float:
    """The share of ``whole``'s weight found in the pieces together."""
    if not mass:
        return 0.0
    union: dict[str, float] = {}  # a stem of the whole -> the pieces' weight, in their order
    for p in pieces:
        for t, v in p.items():
            if t in whole:
                union[t] = union[t] + v if t in union else v
    # Summed exactly (see _common): the same terms, whatever order they come in.
    return math.fsum([v if v < (w := whole[t]) else w for t, v in union.items()]) / mass


def _groups(
    wholes: Sequence[Bag],
    parts: Sequence[Bag],
    mass_w: Sequence[float],
    mass_p: Sequence[float],
    links: Sequence[tuple[int, int, float]],
    best_w: dict[int, float],
    best_p: dict[int, float],
    only_w: dict[int, int],
    only_p: dict[int, int],
) -> list[tuple[int, tuple[int, ...], float]]:
    """Groups of one whole and several parts: (whole, parts, coverage).

    ``links`` are candidate (whole, part, cosine) triples, at least LOOSE, the part lighter
    than SMALLER of the whole; ``best_w``/``best_p`` the best cosine of each point with any
    single point of the other side, ``only_w``/``only_p`` that point when it is the only
    one scoring it (-1 on a tie): a part and its only best are each other's best when the
    part is its only best too.
    """
    # part -> (containment, whole, weight in common), the best whole so far
    claim: dict[int, tuple[float, int, float]] = {}
    for w, p, cos in links:
        mass = mass_p[p]
        if not mass:
            continue
        common = _common(parts[p], wholes[w])
        c = round9(common / mass)  # _contained, rounded
        if c < CONTAINED or c < best_p[p]:
            continue
        other = only_p[p]
        if (
            other >= 0
            and other != w
            and only_w[other] == p
            and best_p[p] > cos
            and _contained(parts[p], wholes[other], mass) >= c
        ):
            continue  # a rewording of another point, closer to it than to this whole
        held = claim.get(p)
        if held is None or (c, -w) > (held[0], -held[1]):
            claim[p] = (c, w, common)
    members: dict[int, list[int]] = {}
    for p, (_, w, _) in claim.items():
        members.setdefault(w, []).append(p)
    out: list[tuple[int, tuple[int, ...], float]] = []
    for w, ps in members.items():
        if len(ps) < 2:
            continue
        ps.sort()
        whole, mass = wholes[w], mass_w[w]
        cover = _covered(whole, mass, [parts[p] for p in ps])
        # Drop the piece adding least while some piece adds too little.
        while len(ps) >= 2:
            if len(ps) == 2 and mass:  # most groups: what each covers alone, known already
                a, b = ps
                without = {a: claim[b][2] / mass, b: claim[a][2] / mass}
            else:
                without = {p: _covered(whole, mass, [parts[q] for q in ps if q != p]) for p in ps}
            gain, weakest = min((round9(cover - rest), p) for p, rest in without.items())
            if gain >= ADDS:
                break
            ps.remove(weakest)
            cover = without[weakest]  # what the others cover, as just computed
        cover = round9(cover)
        if len(ps) >= 2 and cover >= COVERED and cover > best_w[w]:
            out.append((w, tuple(ps), cover))
    return out


def take_groups(
    bo: Sequence[Bag],
    bn: Sequence[Bag],
    mo: Sequence[float],
    mn: Sequence[float],
    scored: Sequence[tuple[int, int, float]],
    used_old: set[int],
    used_new: set[int],
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Splits and merges among the scored pairs of points not used yet, best coverage
    first (``used_old``/``used_new`` are updated)."""
    # One pass: each point's best cosine and the only point scoring it (-1 on a tie), and
    # the pairs worth a containment test (at least LOOSE), by which point may be the piece
    # (the lighter by SMALLER; never both).
    best_old: dict[int, float] = {}
    best_new: dict[int, float] = {}
    only_old: dict[int, int] = {}
    only_new: dict[int, int] = {}
    splits: list[tuple[int, int, float]] = []  # (old whole, new piece, cosine)
    merges: list[tuple[int, int, float]] = []  # (new whole, old piece, cosine)
    for i, j, cos in scored:
        if i in used_old or j in used_new:
            continue
        top = best_old.get(i)
        if top is None or cos > top:
            best_old[i], only_old[i] = cos, j
        elif cos == top:
            only_old[i] = -1
        top = best_new.get(j)
        if top is None or cos > top:
            best_new[j], only_new[j] = cos, i
        elif cos == top:
            only_new[j] = -1
        if cos >= LOOSE:
            if mn[j] < SMALLER * mo[i]:
                splits.append((i, j, cos))
            elif mo[i] < SMALLER * mn[j]:
                merges.append((j, i, cos))
    found: list[tuple[float, int, tuple[tuple[int, ...], tuple[int, ...], float]]] = []
    for w, ps, cover in _groups(bo, bn, mo, mn, splits, best_old, best_new, only_old, only_new):
        found.append((-cover, w + sum(ps), ((w,), ps, cover)))
    for w, ps, cover in _groups(bn, bo, mn, mo, merges, best_new, best_old, only_new, only_old):
        found.append((-cover, w + sum(ps), (ps, (w,), cover)))
    found.sort(key=lambda g: g[:2])
    groups = []
    for *_, (olds, news, cover) in found:
        if used_old.intersection(olds) or used_new.intersection(news):
            continue
        used_old.update(olds)
        used_new.update(news)
        groups.append((olds, news, cover))
    return groups
