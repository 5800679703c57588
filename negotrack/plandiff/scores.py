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
import struct
from collections.abc import Iterable, Sequence

from negotrack.plandiff.apart import NOTHING_APART, Apart, kept_apart
from negotrack.plandiff.features import Bag, bags, cosine, norm, round9

__all__ = [
    "FLOOR",
    "GRID",
    "MOST",
    "PLACE",
    "PRIOR",
    "PRIOR_PAIRS",
    "STEEP",
    "Rated",
    "Scores",
    "bar",
    "held",
]

Rated = tuple[int, int, float, float]
"""A pair of points ``(old, new)`` with its cosine and its rank."""

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
MOST = 0.999999
"""The most a pair found by text can be sure of: 1 is for what a person or the texts
themselves vouch for (a link, a key, the same text), so a text pair never reads 1.00."""


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
        apart: Apart = NOTHING_APART,
    ) -> None:
        """``apart``: the pairs a person kept apart (:class:`Apart`: two points placed on
        different lines, by a key or a link, or a pair a ``distinct`` link turned down);
        such a pair scores 0, below what unrelated points score, so text neither pairs
        them nor offers one to the other. The null is measured on their real cosines:
        they are unrelated text too."""
        # Every point weighs in the IDF; only free points are ever compared.
        all_bags = bags([*old, *new], [*free_old, *(len(old) + j for j in free_new)])
        self.old: list[Bag] = all_bags[: len(old)]
        self.new: list[Bag] = all_bags[len(old) :]
        # Most points are paired before text matching: their bags are empty, and so are
        # their lengths and masses, which are worked out for the free points only.
        self.norm_old, self.mass_old = _measures(self.old, free_old)
        self.norm_new, self.mass_new = _measures(self.new, free_new)
        # Pairs are keyed by one integer, ``i * width + j``: hashing an int costs less than
        # building and hashing a tuple, and tens of thousands of lookups are made.
        self._width = len(new) + 1
        # None when nothing is kept apart (most diffs): no pair is looked up then.
        self._apart = apart if apart.lines[0] or apart.pairs else None
        self._seen: dict[int, float] = {}
        self._rank: dict[int, float] = {}
        self._least: dict[tuple[int, float, float], float] = {}
        self._bars: dict[int, float] = {}  # n -> bar(n)
        self.mu = 0.0
        self.sd = 1.0

    def cos(self, i: int, j: int) -> float:
        key = i * self._width + j
        s = self._seen.get(key)
        if s is None:
            s = self._seen[key] = (
                0.0
                if self._apart is not None and kept_apart(self._apart, i, j)
                else round9(cosine(self.old[i], self.new[j], self.norm_old[i], self.norm_new[j]))
            )
        return s

    def cosines(self, pairs: Iterable[tuple[int, int]]) -> list[float]:
        """:meth:`cos` of each pair, in order, written out: the pool and the pieces score
        thousands of pairs, and a method call per pair costs about as much as the cosine
        of two short points."""
        width, seen = self._width, self._seen
        bags_old, bags_new, norm_old, norm_new = self.old, self.new, self.norm_old, self.norm_new
        apart = self._apart
        out = []
        for i, j in pairs:
            key = i * width + j
            s = seen.get(key)
            if s is None:
                s = seen[key] = (
                    0.0
                    if apart is not None and kept_apart(apart, i, j)
                    else round9(cosine(bags_old[i], bags_new[j], norm_old[i], norm_new[j]))
                )
            out.append(s)
        return out

    def rank(self, i: int, j: int, sizes: tuple[int, int]) -> float:
        """A pair's z-score plus PLACE for standing at the same relative place."""
        key = i * self._width + j
        r = self._rank.get(key)
        if r is None:
            n_old, n_new = max(1, sizes[0]), max(1, sizes[1])
            near = PLACE * (1.0 - abs(i / n_old - j / n_new))
            r = self._rank[key] = round(self.z(self.cos(i, j)) + near, 9)
        return r

    def rated(self, pairs: Iterable[tuple[int, int]], sizes: tuple[int, int]) -> list[Rated]:
        """Each pair with its cosine and its rank (:meth:`rank`), worked out once for the
        passes that go through the same pairs again."""
        # :meth:`rank` written out: a pool holds thousands of pairs.
        pairs = list(pairs)
        width, ranks = self._width, self._rank
        n_old, n_new = max(1, sizes[0]), max(1, sizes[1])
        out = []
        for (i, j), s in zip(pairs, self.cosines(pairs), strict=True):
            key = i * width + j
            r = ranks.get(key)
            if r is None:
                near = PLACE * (1.0 - abs(i / n_old - j / n_new))
                r = ranks[key] = round((s - self.mu) / self.sd + near, 9)
            out.append((i, j, s, r))
        return out

    def null(self, olds: Sequence[int], news: Sequence[int]) -> None:
        """Measure the null on pairs of ``olds`` x ``news``, evenly spaced."""
        pick_o = olds[:: max(1, len(olds) // GRID)][:GRID]
        pick_n = news[:: max(1, len(news) // GRID)][:GRID]
        # :meth:`cos` of every pair, in some order (they are sorted), and not remembered:
        # few of these pairs are asked for again.
        old_bags, new_bags = [self.old[i] for i in pick_o], [self.new[j] for j in pick_n]
        old_norms, new_norms = (
            [self.norm_old[i] for i in pick_o],
            [self.norm_new[j] for j in pick_n],
        )
        sample = sorted(
            [
                *_grid(old_bags, old_norms, new_bags, new_norms, 0),
                *_grid(new_bags, new_norms, old_bags, old_norms, 1),
            ]
        )
        # The few related pairs in the sample are not part of the null: drop its top end.
        keep = sample[: max(1, len(sample) - max(len(pick_o), len(pick_n)))]
        # Few pairs say little: shrink towards the prior, as if PRIOR_PAIRS more had it.
        k, (mu0, sd0) = len(keep), PRIOR
        mu = statistics.fmean(keep)
        # The squared deviations summed exactly (math.fsum, in C), divided once:
        # ``statistics.pvariance`` does the same sum in fractions, ten times slower, and
        # divides the exact sum (which may differ in the last bit).
        var = math.fsum([(x - mu) * (x - mu) for x in keep]) / k
        self.mu = (k * mu + PRIOR_PAIRS * mu0) / (k + PRIOR_PAIRS)
        self.sd = max(math.sqrt((k * var + PRIOR_PAIRS * sd0 * sd0) / (k + PRIOR_PAIRS)), 1e-3)

    def z(self, s: float) -> float:
        return (s - self.mu) / self.sd

    def one_word(self, i: int, j: int) -> bool:
        """Whether the pair of old point ``i`` and new point ``j`` rests on one word:
        without its strongest shared stem (its weight in both bags), its cosine is less
        than FLOOR spreads above the mean of unrelated pairs (a pair sharing nothing
        rests on nothing, and so on no more than one word).

        Outside a gap between two pairs in order, such a pair is not made but offered to
        a person (:mod:`negotrack.plandiff.match`, :mod:`negotrack.plandiff.leftover`).
        The bar assumes unrelated pairs score as many small chances add up, normally; two
        short unrelated points that share one rarer word score far above that, more often
        than a normal tail allows. Resolution 1701's Secretary-General is "to report" to
        the Council within a week; the 2024 Lebanon ceasefire's parties "report" any
        violation to the mechanism: z 4.0 against a bar of 3.4 on "report" alone (without
        it, -1.0). Inside a gap, order vouches for the pair and one word may do (the US
        Gaza plan's "Gaza is to be rebuilt" and "Gaza is redeveloped"). On the real cases
        the rule turns down that pair and no other; on generated versions, one of some
        18,000 pairs it was asked about, and F1 does not move."""
        a, b = self.old[i], self.new[j]
        shared = [w * b[t] for t, w in a.items() if t in b]  # weights are positive
        if not shared:
            return True
        rest = (sum(shared) - max(shared)) / (self.norm_old[i] * self.norm_new[j])
        return self.z(rest) < FLOOR

    def confidence(self, s: float, n: int, scale: float = 1.0) -> float:
        """How far ``scale`` times the z-score of ``s`` clears the bar of ``n``, as 0..1."""
        # :meth:`z` written out and each bar worked out once: more than a thousand pairs
        # and bisection steps ask, against a handful of bars.
        least = self._bars.get(n)
        if least is None:
            least = self._bars[n] = bar(n)
        return min(
            round(1.0 / (1.0 + math.exp(-STEEP * (scale * ((s - self.mu) / self.sd) - least))), 6),
            MOST,
        )

    def sure(self, z: float, n: int) -> float:
        """:meth:`confidence` of a z-score (one worked out from several pairs)."""
        least = self._bars.get(n)
        if least is None:
            least = self._bars[n] = bar(n)
        return min(round(1.0 / (1.0 + math.exp(-STEEP * (z - least))), 6), MOST)

    def least(self, n: int, cut: float, scale: float = 1.0) -> float:
        """The least cosine whose confidence (against the bar of ``n``, with ``scale``)
        reaches ``cut``, inf if none does. Confidence grows with the cosine, so a pair
        reaches ``cut`` exactly when its cosine is at least this: one comparison replaces a
        confidence per pair. Found once per bar (by bisection over the floats from 0 to 1,
        the cosines' range), then remembered."""
        key = (n, cut, scale)
        found = self._least.get(key)
        if found is None:
            found = self._least[key] = self._search(n, cut, scale)
        return found

    def _search(self, n: int, cut: float, scale: float) -> float:
        def reaches(bits: int) -> bool:
            try:
                return self.confidence(_float(bits), n, scale) >= cut
            except OverflowError:  # so far below the bar that exp overflows: confidence 0
                return False

        # The bit patterns of non-negative floats sort as the floats do, and confidence
        # never falls as the cosine grows: one float is the first to reach ``cut``, found
        # by bisection between any pattern that does not reach it and one that does.
        lo, hi = _bits(0.0), _bits(1.0)
        if not reaches(hi):
            return math.inf
        if reaches(lo):
            return 0.0
        # Confidence is rounded to six digits: it reaches ``cut`` where the unrounded one
        # reaches ``cut`` less half a millionth. Start there (a few floats off, from
        # rounding) and widen the bracket around it, doubling: some twenty confidences
        # instead of the sixty-odd of a bisection from 0 to 1.
        mid = (lo + hi) // 2
        try:
            edge = 1.0 / (cut - 5e-7) - 1.0
            z = (bar(n) - math.log(edge) / STEEP) / scale
            mid = min(max(_bits(min(max(self.mu + self.sd * z, 0.0), 1.0)), lo + 1), hi - 1)
        except (ValueError, ZeroDivisionError, OverflowError):
            pass  # a cut this close to 0 or 1: bisect from the middle
        step = 8
        if reaches(mid):
            hi = mid
            while hi - lo > step and reaches(hi - step):
                hi, step = hi - step, step * 2
            lo = max(lo, hi - step)
        else:
            lo = mid
            while hi - lo > step and not reaches(lo + step):
                lo, step = lo + step, step * 2
            hi = min(hi, lo + step)
        while hi - lo > 1:  # reaches(hi) and not reaches(lo)
            mid = (lo + hi) // 2
            if reaches(mid):
                hi = mid
            else:
                lo = mid
        return _float(hi)


def _measures(bags: Sequence[Bag], free: Iterable[int]) -> tuple[list[float], list[float]]:
    """The length (:func:`norm`) and mass (sum of weights) of each bag, 0.0 but for the
    ``free`` points' bags that are not empty."""
    norms, masses = [0.0] * len(bags), [0.0] * len(bags)
    for k in free:
        bag = bags[k]
        if bag:
            norms[k], masses[k] = norm(bag), sum(bag.values())
    return norms, masses


def _grid(
    rows: Sequence[Bag],
    row_norms: Sequence[float],
    cols: Sequence[Bag],
    col_norms: Sequence[float],
    strict: int,
) -> list[float]:
    """:func:`cosine` (rounded as :meth:`Scores.cos` rounds it) of each pair of a row and a
    column whose row bag is the one the cosine goes through: no longer than the column's
    with ``strict`` 0 (rows are the old side's), shorter with 1 (rows are the new side's);
    calling it twice with the sides swapped scores every pair once. In no given order (the
    null sorts them).

    The cosine goes through the shorter bag in its order, summing the products of the
    stems the other holds. Here each row's products are gathered per column through an
    index of the columns' stems, in the row's order, and summed as ``cosine`` sums them:
    the same sums, without a comprehension per pair (most of the cost of a pair of short
    points, and the null scores GRID x GRID pairs). The index lists each stem's columns
    longest first, with the stem's weight there: a row goes through a prefix of each list
    (the columns at least as long as it), and a column it shares nothing with is a 0.0,
    counted, not visited."""
    sizes = [len(b) for b in cols]
    holders: dict[str, list[tuple[int, float]]] = {}  # stem -> (column, weight), longest first
    for c in sorted(range(len(cols)), key=sizes.__getitem__, reverse=True):
        for t, v in cols[c].items():
            if t in holders:
                holders[t].append((c, v))
            else:
                holders[t] = [(c, v)]
    ascending = sorted(sizes)
    out = []
    unshared = 0  # pairs that share no stem: cosine's sum of nothing, 0.0
    for row, norm_row in zip(rows, row_norms, strict=True):
        least = len(row) + strict  # the columns this row goes through for: at least as long
        terms: dict[int, list[float]] = {}
        for t, w in row.items():
            for c, v in holders.get(t, ()):
                if sizes[c] < least:
                    break
                if c in terms:
                    terms[c].append(w * v)
                else:
                    terms[c] = [w * v]
        out.extend([round9(sum(found) / (norm_row * col_norms[c])) for c, found in terms.items()])
        unshared += len(cols) - bisect.bisect_left(ascending, least) - len(terms)
    out.extend([0.0] * unshared)
    return out


def held(
    scored: Iterable[tuple[int, int, float]], least: float
) -> tuple[dict[int, int], dict[int, int]]:
    """How many of the ``scored`` pairs reach ``least``, per old and per new point (a
    point none reaches is left out). Plain dictionaries: a Counter is built in Python, and
    there is one per gap."""
    held_old: dict[int, int] = {}
    held_new: dict[int, int] = {}
    for i, j, s in scored:
        if s >= least:
            held_old[i] = held_old.get(i, 0) + 1
            held_new[j] = held_new.get(j, 0) + 1
    return held_old, held_new


def _bits(x: float) -> int:
    """The bit pattern of a non-negative float, as an integer."""
    return int(struct.unpack("<q", struct.pack("<d", x))[0])


def _float(bits: int) -> float:
    """The float of a bit pattern (:func:`_bits` reversed)."""
    return float(struct.unpack("<d", struct.pack("<q", bits))[0])
