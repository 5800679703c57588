"""What a pair of points scores, against what unrelated points of the same two versions score.

:class:`Scores` holds the weighted bags of both versions' points, each pair's cosine
(computed once), the *null* (mean and spread of the cosines of pairs taken evenly across
both versions, shrunk towards a prior for small versions), z-scores, ranks and the
confidence a z-score gives against the bar of the pairs searched. The reasoning is
:mod:`negotrack.plandiff.match`'s.
"""

from __future__ import annotations

import bisect
import math
import statistics
from collections.abc import Sequence

from negotrack.plandiff.features import Bag, bags, cosine, norm

__all__ = ["FLOOR", "GRID", "PLACE", "PRIOR", "PRIOR_PAIRS", "STEEP", "Scores", "bar"]

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


def bar(n: int) -> float:
    """The z-score the best of ``n`` unrelated pairs reaches by chance (at least FLOOR)."""
    return max(FLOOR, math.sqrt(2.0 * math.log(n))) if n > 1 else FLOOR


class Scores:
    """Cosines between points of both versions, computed once, with the null."""

    def __init__(
        self,
        old: Sequence[Sequence[str]],
        new: Sequence[Sequence[str]],
        free_old: Sequence[int],
        free_new: Sequence[int],
    ) -> None:
        # Every point weighs in the IDF; only free points are ever compared.
        wanted = {*free_old, *(len(old) + j for j in free_new)}
        all_bags = bags([*old, *new], wanted)
        self.old: list[Bag] = all_bags[: len(old)]
        self.new: list[Bag] = all_bags[len(old) :]
        # Most points are paired before text matching: their bags are empty, and so are
        # their lengths and masses.
        self.norm_old = [norm(b) if b else 0.0 for b in self.old]
        self.norm_new = [norm(b) if b else 0.0 for b in self.new]
        self.mass_old = [sum(b.values()) if b else 0.0 for b in self.old]
        self.mass_new = [sum(b.values()) if b else 0.0 for b in self.new]
        self._seen: dict[tuple[int, int], float] = {}
        self._rank: dict[tuple[int, int], float] = {}
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

    def rank(self, i: int, j: int, sizes: tuple[int, int]) -> float:
        """A pair's z-score plus PLACE for standing at the same relative place."""
        key = (i, j)
        r = self._rank.get(key)
        if r is None:
            n_old, n_new = max(1, sizes[0]), max(1, sizes[1])
            near = PLACE * (1.0 - abs(i / n_old - j / n_new))
            r = self._rank[key] = round(self.z(self.cos(i, j)) + near, 9)
        return r

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
        return round(1.0 / (1.0 + math.exp(-STEEP * (scale * self.z(s) - bar(n)))), 6)

    def least(self, values: Sequence[float], n: int, cut: float, scale: float = 1.0) -> float:
        """The least of ``values`` (sorted) whose confidence reaches ``cut`` (inf if none).
        Confidence grows with the cosine: every value from it on reaches ``cut``, none
        before, so one search replaces a confidence per pair."""
        k = bisect.bisect_left(values, True, key=lambda s: self.confidence(s, n, scale) >= cut)
        return values[k] if k < len(values) else math.inf
