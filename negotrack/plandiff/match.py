"""Matching points by their words, in time that grows with the text, not with its square.

The points left after curated links, keys and exact texts are matched here.

*Scoring.* Each point is a bag of word tokens weighted TF-IDF-style (a word found in few
points says more than "the" or "will"); two points are compared by the cosine of their
bags. A piece of a split is compared with the whole by *containment*: the share of the
piece's weight found in the whole.

*Candidates.* Comparing every pair would be quadratic. Instead every point offers a few
*key features*: its rarest words and word pairs (bigrams are far rarer than words, so a few
of them single a point out). An inverted index maps each feature to the points holding it;
a pair becomes a candidate when one side's key feature occurs in the other, and each point
keeps only the few candidates sharing most key features with it. Only candidates are scored.

*Assignment.* Splits and merges are decided first: a point whose text is largely covered by
two or more points of the other version, each largely contained in it and each adding to the
coverage, and covered better by them than by any single point. The rest is assigned
one-to-one, greedily by cosine, above a threshold.

Every choice breaks ties on a key that does not depend on which version is called old, so
``diff(b, a)`` mirrors ``diff(a, b)``.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections import Counter
from collections.abc import Sequence

import attrs

__all__ = ["Alignment", "align"]

Bag = dict[str, float]
"""A point's tokens and their TF-IDF weights."""

KEYS = 8
"""Most key features per point: its rarest words and bigrams."""
BUDGET = 160
"""Most index entries a point's key features may reach together (past its rarest one): a
point made only of common phrases still gets a few keys, and the work per point stays
bounded, so the whole grows linearly with the number of points."""
RARE = 4
"""A key held by at most this many points brings all its holders in as candidates."""
KEEP = 4
WEIGHT = 12
"""Candidates each point keeps: those sharing most (and rarest) key features with it."""
CONTAINED = 0.6
"""Least share of a piece's weight the whole must hold, for a split or merge."""
COVERED = 0.6
"""Least share of the whole's weight its pieces must hold together."""
ADDS = 0.1
"""Least share of the whole each piece must add to the others' coverage."""
ALIKE = 0.75
"""Proposed pairs are taken first only when the lighter weighs at least this share of the
heavier."""
PLACE = 0.1
"""Weight of standing at the same relative place, against the cosine, when pairing."""
LOOSE = 0.3
"""Pairs less similar than this (cosine) are not worth a containment test: a piece largely
contained in a whole is never that far from it."""
SMALLER = 0.9
"""A piece weighs less than this share of its whole."""


@attrs.frozen
class Alignment:
    """One-to-one pairs (old, new, cosine) and groups (olds, news, coverage); a group has
    exactly one old point (a split) or exactly one new point (a merge)."""

    pairs: tuple[tuple[int, int, float], ...]
    groups: tuple[tuple[tuple[int, ...], tuple[int, ...], float], ...]


def _features(tokens: Sequence[str]) -> set[str]:
    feats = set(tokens)
    feats.update(map(" ".join, itertools.pairwise(tokens)))
    return feats


def _candidates(old: dict[int, set[str]], new: dict[int, set[str]]) -> set[tuple[int, int]]:
    """Pairs sharing a key feature of either side, the best few per point; points are
    given by index with their features."""
    df: Counter[str] = Counter()
    for feats in (*old.values(), *new.values()):
        df.update(feats)
    rare = df.__getitem__
    # A feature held by one point alone leads nowhere; only the others can be keys.
    shared = {f for f, n in df.items() if n > 1}

    def keys(feats: set[str]) -> list[str]:
        out: list[str] = []
        spent = 0
        mine = feats & shared
        for n, f in sorted(zip(map(rare, mine), mine, strict=True))[:KEYS]:
            if out and spent + n > BUDGET:
                break
            out.append(f)
            spent += n
        return out

    keys_old = {i: keys(f) for i, f in old.items()}
    keys_new = {j: keys(f) for j, f in new.items()}
    keyset: set[str] = set()
    for ks in (*keys_old.values(), *keys_new.values()):
        keyset.update(ks)
    held_old: dict[str, list[int]] = {}
    for i, feats in old.items():
        for f in feats & keyset:
            held_old.setdefault(f, []).append(i)
    held_new: dict[str, list[int]] = {}
    for j, feats in new.items():
        for f in feats & keyset:
            held_new.setdefault(f, []).append(j)
    votes_old = {i: _votes(ks, held_new, df) for i, ks in keys_old.items()}
    votes_new = {j: _votes(ks, held_old, df) for j, ks in keys_new.items()}
    out: set[tuple[int, int]] = set()
    for i, ks in keys_old.items():
        out.update((i, j) for j in _best(i, ks, votes_old[i], votes_new, held_new, df))
    for j, ks in keys_new.items():
        out.update((i, j) for i in _best(j, ks, votes_new[j], votes_old, held_old, df))
    return out


def _votes(keys: list[str], held: dict[str, list[int]], df: Counter[str]) -> Counter[int]:
    """How strongly each point of the other side shares these keys: a key counts for more
    the rarer it is (about WEIGHT / (holders - 1) times). Holders are repeated that often,
    so that Counter does the weighted sum in C."""
    return Counter(
        itertools.chain.from_iterable(
            held.get(f, []) * max(1, round(WEIGHT / (df[f] - 1))) for f in keys
        )
    )


def _best(
    me: int,
    keys: list[str],
    votes: Counter[int],
    theirs: dict[int, Counter[int]],
    held: dict[str, list[int]],
    df: Counter[str],
) -> set[int]:
    """The points of the other side worth scoring against point ``me``: all holders of a
    very rare key, and those with the most votes both ways among a shortlist."""
    out: set[int] = set()
    for f in keys:
        if df[f] > RARE:
            break
        out.update(held.get(f, ()))
    # Like Counter.most_common (stable on ties) but sorted in C.
    short = sorted(votes.items(), key=operator.itemgetter(1), reverse=True)[: 2 * KEEP]
    both = sorted((-(n + theirs[p][me]), k, p) for k, (p, n) in enumerate(short))
    out.update(p for _, _, p in both[:KEEP])
    return out


def _bags(old: Sequence[Sequence[str]], new: Sequence[Sequence[str]]) -> list[Bag]:
    """TF-IDF bags for both versions (old first); document frequency counts both sides."""
    counts = [Counter(doc) for doc in (*old, *new)]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(counts)
    idf = {t: math.log(1.0 + n / d) for t, d in df.items()}
    return [{t: k * idf[t] for t, k in c.items()} for c in counts]


def _contained(piece: Bag, whole: Bag, mass: float) -> float:
    """The share of ``piece``'s weight (``mass``) found in ``whole``."""
    if not mass:
        return 0.0
    return sum([min(piece[t], whole[t]) for t in piece.keys() & whole.keys()]) / mass


def _covered(whole: Bag, mass: float, pieces: Sequence[Bag]) -> float:
    """The share of ``whole``'s weight found in the pieces together."""
    if not mass:
        return 0.0
    union: dict[str, float] = {}
    for p in pieces:
        for t in p.keys() & whole.keys():
            union[t] = union.get(t, 0.0) + p[t]
    return sum(min(whole[t], w) for t, w in union.items()) / mass


def _groups(
    wholes: Sequence[Bag],
    parts: Sequence[Bag],
    mass_w: Sequence[float],
    mass_p: Sequence[float],
    links: Sequence[tuple[int, int, float]],
    best_w: dict[int, float],
    best_p: dict[int, float],
) -> list[tuple[int, tuple[int, ...], float]]:
    """Groups of one whole and several parts: (whole, parts, coverage).

    ``links`` are candidate (whole, part, cosine) triples; ``best_w``/``best_p`` the best
    cosine of each point with any single point of the other side.
    """
    claim: dict[int, tuple[float, int]] = {}  # part -> (containment, whole), best first
    for w, p, cos in links:
        if cos < LOOSE or mass_p[p] >= SMALLER * mass_w[w]:
            continue
        c = round(_contained(parts[p], wholes[w], mass_p[p]), 9)
        if c < CONTAINED or c < best_p.get(p, 0.0):
            continue
        held = claim.get(p)
        if held is None or (c, -w) > (held[0], -held[1]):
            claim[p] = (c, w)
    members: dict[int, list[int]] = {}
    for p, (_, w) in claim.items():
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
            gains = [
                (round(cover - _covered(whole, mass, [parts[q] for q in ps if q != p]), 9), p)
                for p in ps
            ]
            gain, weakest = min(gains)
            if gain >= ADDS:
                break
            ps.remove(weakest)
            cover = _covered(whole, mass, [parts[p] for p in ps])
        cover = round(cover, 9)
        if len(ps) >= 2 and cover >= COVERED and cover > best_w.get(w, 0.0):
            out.append((w, tuple(ps), cover))
    return out


def align(
    old: Sequence[Sequence[str]],
    new: Sequence[Sequence[str]],
    threshold: float,
    proposals: Sequence[tuple[int, int]] = (),
) -> Alignment:
    """Align two lists of token lists: splits and merges, then one-to-one pairs.

    ``proposals`` are pairs the caller expects (points facing each other between the same
    two anchors, as a line diff would pair them). Splits and merges among them are taken
    first, then pairs of alike weight, greedily above the threshold; only the rest is
    searched. (A piece of a split weighs much less than its whole, so it is never paired
    with it one-to-one.)

    Points left unmatched at the end get a second look among themselves: in the smaller
    pool their phrases are rarer, so they find better keys.
    """
    if not old or not new:
        return Alignment((), ())
    bags = _bags(old, new)
    bo, bn = bags[: len(old)], bags[len(old) :]
    norm = [math.hypot(*b.values()) for b in bags]
    mass = [sum(b.values()) for b in bags]
    no, nn = norm[: len(old)], norm[len(old) :]
    mo, mn = mass[: len(old)], mass[len(old) :]

    def cosine(i: int, j: int) -> float:
        a, b = bo[i], bn[j]
        denom = no[i] * nn[j]
        return round(sum([a[t] * b[t] for t in a.keys() & b.keys()]) / denom, 9) if denom else 0.0

    used_old: set[int] = set()
    used_new: set[int] = set()
    # First the proposals: splits and merges among them, then pairs of alike weight.
    local = [(i, j, cosine(i, j)) for i, j in proposals]
    groups = _take_groups(bo, bn, mo, mn, local, used_old, used_new)
    alike = [s for s in local if min(mo[s[0]], mn[s[1]]) >= ALIKE * max(mo[s[0]], mn[s[1]])]
    pairs = _greedy(alike, threshold, used_old, used_new)
    # Then a search over what is left.
    feats_old = {i: _features(old[i]) for i in range(len(old)) if i not in used_old}
    feats_new = {j: _features(new[j]) for j in range(len(new)) if j not in used_new}
    scored = [(i, j, cosine(i, j)) for i, j in _candidates(feats_old, feats_new)]
    groups += _take_groups(bo, bn, mo, mn, scored, used_old, used_new)
    pairs += _greedy(scored, threshold, used_old, used_new, (len(old), len(new)))
    rest_old = {i: f for i, f in feats_old.items() if i not in used_old}
    rest_new = {j: f for j, f in feats_new.items() if j not in used_new}
    if rest_old and rest_new and (len(rest_old) < len(feats_old) or len(rest_new) < len(feats_new)):
        again = _candidates(rest_old, rest_new)
        more = [(i, j, cosine(i, j)) for i, j in again]
        pairs += _greedy(more, threshold, used_old, used_new, (len(old), len(new)))
    return Alignment(tuple(pairs), tuple(groups))


def _take_groups(
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
    found: list[tuple[float, int, tuple[tuple[int, ...], tuple[int, ...], float]]] = []
    for w, ps, cover in _groups(bo, bn, mo, mn, free, best_old, best_new):
        found.append((-cover, w + sum(ps), ((w,), ps, cover)))
    flipped = [(j, i, c) for i, j, c in free]
    for w, ps, cover in _groups(bn, bo, mn, mo, flipped, best_new, best_old):
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


def _greedy(
    scored: Sequence[tuple[int, int, float]],
    threshold: float,
    used_old: set[int],
    used_new: set[int],
    sizes: tuple[int, int] = (1, 1),
) -> list[tuple[int, int, float]]:
    """One-to-one pairs at or above ``threshold``, best first, among points not used yet
    (``used_old``/``used_new`` are updated).

    "Best" is the cosine plus a small bonus for standing at the same relative place in
    both versions (``sizes`` are their lengths): near-identical texts are told apart by
    where they stand, while clear textual evidence still wins over place.
    """
    n_old, n_new = max(1, sizes[0]), max(1, sizes[1])

    def rank(s: tuple[int, int, float]) -> tuple[float, int]:
        i, j, cos = s
        return (-round(cos + PLACE * (1.0 - abs(i / n_old - j / n_new)), 9), i + j)

    pairs = []
    for i, j, cos in sorted(scored, key=rank):
        if cos < threshold or i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((i, j, cos))
    return pairs
