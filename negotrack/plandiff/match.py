"""Matching the points left after links, keys and exact texts, by what these two versions
make likely.

No single cosine tells a rewording from two unrelated points: two drafts written by one hand
share many words, two written by different hands share few, and long points share more
common words than short ones. So the matcher asks the two versions at hand.

*Null.* The cosines of pairs of points taken evenly across both versions (every pair when
the versions are small) are almost all pairs of unrelated points: their mean ``mu`` and
spread ``sd`` say what unrelated points of *these* documents score (for versions of a
few points, shrunk towards a prior of what unrelated points of real drafts score). A
pair's evidence is its z-score ``z = (cosine - mu) / sd`` (the weights are described in
:mod:`negotrack.plandiff.features`).

*Bar.* Among n unrelated pairs, the best z-score is about ``sqrt(2 ln n)`` (the expected
maximum of n normal draws). Every pair of free points competes, so that is the bar a pair
must clear, with n the number of pairs searched: old free points times new ones. In two
versions of 30 free points a pair needs z of about 3.7, in two of 2,000 about 5.5; so 200
long points deleted and 200 unrelated ones added stay apart, however many common words
they share. Then:

*Order.* Two points facing each other between two pairs that no pair crosses (the only
free points of such a gap, as a line diff would see them) competed with few others: in a
gap of k by l points the bar is ``sqrt(2 ln (k l))``, but never below 1: one point facing
one point needs only to score one spread above the mean of unrelated pairs.

*Confidence.* ``confidence = 1 / (1 + exp(-1.5 * (z - bar)))``: 0.5 exactly at the bar,
towards 1 far above it. It is *ordinal*: a higher value is stronger evidence, but 0.8 does
not mean "right four times in five". ``threshold=`` compares it (0.5 by default).

*Assignment.* Pairs are taken greedily, best first, among points still free, so every pair
taken is the best of what is left for both its points (mutual best); near-identical points
are told apart by standing at the same relative place. Then the gaps between pairs that
keep their order are searched with their lower bar, until nothing changes.

*Mutual best.* A pair that is not the first choice of both its points (one of them
preferred a point that went elsewhere) must clear the bar with half its z-score.

*Splits and merges.* Pieces plainly contained in their whole are grouped first
(:mod:`negotrack.plandiff.groups`; their confidence is the share of the whole they
cover). Then a point left over is a piece of its best candidate when that candidate is
already paired (or is left over too, and is the best candidate of another such piece),
the pair clears the bar, the best candidate beats the runner-up by a bar as well (the
piece belongs to that whole, not to the plan's common vocabulary), and the piece is
*contained* in the whole more than it contains it (a larger share of its weight is found
in the other than the other's in it: it is the smaller part). The whole is old for a
split, new for a merge.

Every choice breaks ties on a key that does not depend on which version is called old, so
``diff(b, a)`` mirrors ``diff(a, b)``.
"""

from __future__ import annotations

import bisect
import itertools
import math
import statistics
from collections.abc import Sequence

import attrs

from negotrack.plandiff.candidates import candidates, features
from negotrack.plandiff.features import Bag, bags, cosine, norm
from negotrack.plandiff.groups import take_groups

__all__ = ["Found", "match"]

ALL_PAIRS = 250_000
"""Every pair is scored when (old points x new points x mean bag size) stays below this;
otherwise only candidates from the inverted index."""
GRID = 48
"""The null is measured on at most GRID x GRID pairs, evenly spaced on both sides."""
PRIOR = (0.03, 0.05)
"""Mean and spread of unrelated pairs' cosines assumed before looking (what unrelated
points of real drafts score), for versions too small to measure their own."""
PRIOR_PAIRS = 30
"""How many measured pairs the prior is worth."""
STEEP = 1.5
"""How fast confidence rises with z past the bar."""
PLACE = 0.5
"""Z-score bonus for standing at the same relative place, when ranking pairs."""
FLOOR = 1.0
"""The least bar: a pair must score at least one spread above unrelated pairs."""
GAP = 4
"""Gaps with at most this many free points on each side are searched with their own bar."""


@attrs.frozen
class Found:
    """What text matching found: one-to-one pairs ``(old, new, confidence)`` and pieces
    ``(olds, news, confidences)``: splits (one old) and merges (one new), with one
    confidence per member, in order (old members then new ones, whole excluded)."""

    pairs: tuple[tuple[int, int, float], ...]
    groups: tuple[tuple[tuple[int, ...], tuple[int, ...], tuple[float, ...]], ...]


def _bar(n: int) -> float:
    """The z-score the best of ``n`` unrelated pairs reaches by chance (at least FLOOR)."""
    return max(FLOOR, math.sqrt(2.0 * math.log(n))) if n > 1 else FLOOR


class _Scores:
    """Cosines between points of both versions, computed once, with the null."""

    def __init__(self, old: Sequence[Sequence[str]], new: Sequence[Sequence[str]]) -> None:
        all_bags = bags([*old, *new])
        self.old: list[Bag] = all_bags[: len(old)]
        self.new: list[Bag] = all_bags[len(old) :]
        self.norm_old = [norm(b) for b in self.old]
        self.norm_new = [norm(b) for b in self.new]
        self.mass_old = [sum(b.values()) for b in self.old]
        self.mass_new = [sum(b.values()) for b in self.new]
        self._seen: dict[tuple[int, int], float] = {}
        self.mu = 0.0
        self.sd = 1.0

    def cos(self, i: int, j: int) -> float:
        key = (i, j)
        s = self._seen.get(key)
        if s is None:
            s = self._seen[key] = round(
                cosine(self.old[i], self.new[j], self.norm_old[i], self.norm_new[j]), 9
            )
        return s

    def null(self, olds: Sequence[int], news: Sequence[int]) -> None:
        """Measure the null on pairs of ``olds`` x ``news``, evenly spaced."""
        pick_o = olds[:: max(1, len(olds) // GRID)][:GRID]
        pick_n = news[:: max(1, len(news) // GRID)][:GRID]
        sample = sorted(self.cos(i, j) for i in pick_o for j in pick_n)
        # The few related pairs in the sample are not part of the null: drop its top end.
        keep = sample[: max(1, len(sample) - max(len(pick_o), len(pick_n)))]
        # Few pairs say little: shrink towards the prior, as if PRIOR_PAIRS more had it.
        k, (mu0, sd0) = len(keep), PRIOR
        mu = statistics.fmean(keep)
        var = statistics.pvariance(keep, mu)
        self.mu = (k * mu + PRIOR_PAIRS * mu0) / (k + PRIOR_PAIRS)
        self.sd = max(math.sqrt((k * var + PRIOR_PAIRS * sd0 * sd0) / (k + PRIOR_PAIRS)), 1e-3)

    def z(self, s: float) -> float:
        return (s - self.mu) / self.sd

    def confidence(self, s: float, n: int, scale: float = 1.0) -> float:
        """How far ``scale`` times the z-score of ``s`` clears the bar of ``n``, as 0..1."""
        return round(1.0 / (1.0 + math.exp(-STEEP * (scale * self.z(s) - _bar(n)))), 6)

    def contained(self, i: int, j: int, piece_is_old: bool) -> float:
        """The share of the piece's weight found in the whole."""
        piece, whole = (self.old[i], self.new[j]) if piece_is_old else (self.new[j], self.old[i])
        mass = self.mass_old[i] if piece_is_old else self.mass_new[j]
        if not mass:
            return 0.0
        return sum([min(w, whole[t]) for t, w in piece.items() if t in whole]) / mass


def match(
    old: Sequence[Sequence[str]],
    new: Sequence[Sequence[str]],
    free_old: Sequence[int],
    free_new: Sequence[int],
    anchors: Sequence[tuple[int, int]],
    threshold: float | None,
) -> Found:
    """Pair the free points of two versions given as stem lists (all points, so that
    weights and order see the whole versions); ``anchors`` are pairs already made.

    ``threshold`` replaces the default cut on confidence (0.5) when given.
    """
    if not free_old or not free_new:
        return Found((), ())
    cut = 0.5 if threshold is None else threshold
    sc = _Scores(old, new)
    sc.null(free_old, free_new)
    n = len(free_old) * len(free_new)  # the pairs searched
    side = max(len(free_old), len(free_new))  # the points one point is compared with
    size = statistics.fmean([*(len(old[i]) for i in free_old), *(len(new[j]) for j in free_new)])
    if len(free_old) * len(free_new) * (size + 1.0) <= ALL_PAIRS:
        pool = [(i, j) for i in free_old for j in free_new]
    else:
        pool = sorted(
            candidates(
                {i: features(old[i]) for i in free_old}, {j: features(new[j]) for j in free_new}
            )
        )
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs: dict[int, tuple[int, float]] = {}
    sizes = (len(old), len(new))
    plain = take_groups(
        sc.old,
        sc.new,
        sc.mass_old,
        sc.mass_new,
        [(i, j, s) for i, j in pool if sc.confidence(s := sc.cos(i, j), side) >= cut],
        used_old,
        used_new,
    )
    _greedy(sc, pool, n, cut, sizes, used_old, used_new, pairs)
    for _ in range(3):
        before = len(pairs)
        for gap_old, gap_new in _gaps(anchors, pairs, free_old, free_new, used_old, used_new):
            local = [(i, j) for i in gap_old for j in gap_new]
            k = len(gap_old) * len(gap_new)  # the pairs this gap searches
            _greedy(sc, local, k, cut, sizes, used_old, used_new, pairs)
        if len(pairs) == before:
            break
    found = _pieces(sc, pool, n, cut, pairs, used_old, used_new)
    early = tuple(
        (olds, news, (round(cover, 6),) * (len(olds) + len(news) - 1))
        for olds, news, cover in plain
    )
    return attrs.evolve(found, groups=tuple(sorted(early + found.groups)))


def _greedy(
    sc: _Scores,
    pool: Sequence[tuple[int, int]],
    n: int,
    cut: float,
    sizes: tuple[int, int],
    used_old: set[int],
    used_new: set[int],
    pairs: dict[int, tuple[int, float]],
) -> None:
    """Take pairs of free points, best first, while their confidence reaches ``cut``."""
    n_old, n_new = max(1, sizes[0]), max(1, sizes[1])
    ranked = []
    top_old: dict[int, float] = {}
    top_new: dict[int, float] = {}
    for i, j in pool:
        if i in used_old or j in used_new:
            continue
        s = sc.cos(i, j)
        top_old[i] = max(s, top_old.get(i, 0.0))
        top_new[j] = max(s, top_new.get(j, 0.0))
        near = PLACE * (1.0 - abs(i / n_old - j / n_new))
        ranked.append((-round(sc.z(s) + near, 9), i + j, i, j, s))
    ranked.sort()
    for _, _, i, j, s in ranked:
        if i in used_old or j in used_new:
            continue
        # A pair that is not both points' first choice (their first went elsewhere) must
        # clear the bar with half its evidence.
        mutual = s >= top_old[i] and s >= top_new[j]
        confidence = sc.confidence(s, n, 1.0 if mutual else 0.5)
        if confidence < cut:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs[i] = (j, confidence)


def _uncrossed(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def _gaps(
    anchors: Sequence[tuple[int, int]],
    pairs: dict[int, tuple[int, float]],
    free_old: Sequence[int],
    free_new: Sequence[int],
    used_old: set[int],
    used_new: set[int],
) -> list[tuple[list[int], list[int]]]:
    """Free points facing each other between two consecutive pairs that no pair crosses
    (the versions' ends count as such pairs), in gaps of at most GAP on each side."""
    kept = _uncrossed(sorted([*anchors, *((i, j) for i, (j, _) in pairs.items())]))
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


def _pieces(
    sc: _Scores,
    pool: Sequence[tuple[int, int]],
    n: int,
    cut: float,
    pairs: dict[int, tuple[int, float]],
    used_old: set[int],
    used_new: set[int],
) -> Found:
    """Attach each point left over to the paired point that contains it (see the module's
    note), then report pairs and groups."""
    best: dict[tuple[bool, int], tuple[float, int, int]] = {}  # (is old, point) -> best
    second: dict[tuple[bool, int], float] = {}  # the runner-up's cosine
    for i, j in pool:
        s = sc.cos(i, j)
        for key, other in (((True, i), j), ((False, j), i)):
            if key[1] in (used_old if key[0] else used_new):
                continue
            top = best.get(key)
            if top is None or (s, -other) > top[:2]:
                if top is not None:
                    second[key] = top[0]
                best[key] = (s, -other, other)
            elif s > second.get(key, 0.0):
                second[key] = s
    partner_new = {j: i for i, (j, _) in pairs.items()}
    splits: dict[int, list[tuple[int, float]]] = {}  # old whole -> new pieces
    merges: dict[int, list[tuple[int, float]]] = {}  # new whole -> old pieces
    for (is_old, p), (s, _, w) in sorted(best.items()):
        # A piece belongs to its whole: the runner-up is a bar below it.
        if sc.z(s) - sc.z(second.get((is_old, p), sc.mu)) < _bar(n):
            continue
        i, j = (p, w) if is_old else (w, p)
        share = sc.contained(i, j, is_old)
        if share <= sc.contained(i, j, not is_old):
            continue
        confidence = sc.confidence(s, n)
        if confidence < cut:
            continue
        if is_old and (w in partner_new or w not in used_new):
            merges.setdefault(w, []).append((p, confidence))
        elif not is_old and (w in pairs or w not in used_old):
            splits.setdefault(w, []).append((p, confidence))
    # A whole left unpaired needs two pieces; a point cannot be a whole and a piece.
    pieces_old = {p for ps in merges.values() for p, _ in ps}
    pieces_new = {p for ps in splits.values() for p, _ in ps}
    for w in list(splits):
        if w in pieces_old or (w not in pairs and len(splits[w]) < 2):
            del splits[w]
    for w in list(merges):
        if w in pieces_new or (w not in partner_new and len(merges[w]) < 2):
            del merges[w]
    # A pair that gained pieces on both sides would be many-to-many: take neither, so that
    # the outcome does not depend on which side is looked at first.
    for i in [i for i in splits if i in pairs and pairs[i][0] in merges]:
        del merges[pairs[i][0]]
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
