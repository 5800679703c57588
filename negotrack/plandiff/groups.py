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
    stem they share, summed in C. (The share of the whole one piece covers, :func:`_covered`
    of one piece, sums the very same terms.)

    The shared stems are a set, whose order changes with the process's string hashes:
    ``math.fsum`` rounds the exact sum once, so the result does not depend on that order
    (a plain ``sum`` made the diff differ from one run to the next)."""
    shared = piece.keys() & whole.keys()
    return math.fsum(map(min, map(piece.__getitem__, shared), map(whole.__getitem__, shared)))


def _covered(whole: Bag, mass: float, pieces: Sequence[Bag]) -> float:
    """The share of ``whole``'s weight found in the pieces together."""
    if not mass:
        return 0.0
    union: dict[str, float] = {}
    for k, p in enumerate(pieces):
        shared = p.keys() & whole.keys()
        if not k:  # the first piece's weights as they are (0.0 + w is w)
            union = {t: p[t] for t in shared}
            continue
        for t in shared:
            union[t] = union.get(t, 0.0) + p[t]
    # Summed exactly (see _common): the union's order follows the sets'.
    return math.fsum(map(min, map(whole.__getitem__, union), union.values())) / mass


def _groups(
    wholes: Sequence[Bag],
    parts: Sequence[Bag],
    mass_w: Sequence[float],
    mass_p: Sequence[float],
    links: Sequence[tuple[int, int, float]],
    best_w: dict[int, float],
    best_p: dict[int, float],
    mutual: dict[int, tuple[int, float]],
) -> list[tuple[int, tuple[int, ...], float]]:
    """Groups of one whole and several parts: (whole, parts, coverage).

    ``links`` are candidate (whole, part, cosine) triples; ``best_w``/``best_p`` the best
    cosine of each point with any single point of the other side; ``mutual`` maps a part
    to the point of the other side it is each other's best with, and their cosine.
    """
    # part -> (containment, whole, weight in common), the best whole so far
    claim: dict[int, tuple[float, int, float]] = {}
    for w, p, cos in links:
        if cos < LOOSE or mass_p[p] >= SMALLER * mass_w[w]:
            continue
        mass = mass_p[p]
        common = _common(parts[p], wholes[w]) if mass else 0.0
        c = round9(common / mass) if mass else 0.0  # _contained, rounded
        if c < CONTAINED or c < best_p.get(p, 0.0):
            continue
        other = mutual.get(p)
        if (
            other is not None
            and other[0] != w
            and other[1] > cos
            and _contained(parts[p], wholes[other[0]], mass_p[p]) >= c
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
            gain, weakest = min((round(cover - rest, 9), p) for p, rest in without.items())
            if gain >= ADDS:
                break
            ps.remove(weakest)
            cover = without[weakest]  # what the others cover, as just computed
        cover = round9(cover)
        if len(ps) >= 2 and cover >= COVERED and cover > best_w.get(w, 0.0):
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
    free = [s for s in scored if s[0] not in used_old and s[1] not in used_new]
    best_old: dict[int, float] = {}
    best_new: dict[int, float] = {}
    for i, j, cos in free:
        if cos > best_old.get(i, -1.0):
            best_old[i] = cos
        if cos > best_new.get(j, -1.0):
            best_new[j] = cos
    mutual_old, mutual_new = _mutual(free, best_old, best_new)
    found: list[tuple[float, int, tuple[tuple[int, ...], tuple[int, ...], float]]] = []
    near = [s for s in free if s[2] >= LOOSE]  # the only pairs worth a containment test
    for w, ps, cover in _groups(bo, bn, mo, mn, near, best_old, best_new, mutual_new):
        found.append((-cover, w + sum(ps), ((w,), ps, cover)))
    flipped = [(j, i, c) for i, j, c in near]
    for w, ps, cover in _groups(bn, bo, mn, mo, flipped, best_new, best_old, mutual_old):
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


def _mutual(
    scored: Sequence[tuple[int, int, float]],
    best_old: dict[int, float],
    best_new: dict[int, float],
) -> tuple[dict[int, tuple[int, float]], dict[int, tuple[int, float]]]:
    """The pairs whose points are each other's only best (a tie makes no best), by old
    point and by new point, with their cosine."""
    top_old: dict[int, list[int]] = {}
    top_new: dict[int, list[int]] = {}
    for i, j, cos in scored:
        if cos == best_old[i]:
            top_old.setdefault(i, []).append(j)
        if cos == best_new[j]:
            top_new.setdefault(j, []).append(i)
    by_old: dict[int, tuple[int, float]] = {}
    by_new: dict[int, tuple[int, float]] = {}
    for i, js in top_old.items():
        if len(js) == 1 and top_new.get(js[0]) == [i]:
            by_old[i] = (js[0], best_old[i])
            by_new[js[0]] = (i, best_old[i])
    return by_old, by_new
