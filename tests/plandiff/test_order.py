"""Order in text matching: pairs in their place, and points the index missed."""

from __future__ import annotations

from collections import Counter

from negotrack.plandiff.compare import diff
from negotrack.plandiff.order import placed, uncrossed
from tests.support.diffgen import edges, generate


def test_placed_means_between_two_consecutive_kept_pairs() -> None:
    """A pair is in its place when it lies between the kept pairs around its old point."""
    between = placed([(0, 0), (3, 5), (6, 9)])
    inside = [(1, 2), (2, 4), (4, 8), (7, 20), (3, 5)]
    outside = [(1, 5), (4, 2), (7, 9), (3, 6)]
    assert [between(i, j) for i, j in inside] == [True] * len(inside)
    assert [between(i, j) for i, j in outside] == [False] * len(outside)


def test_uncrossed_drops_a_pair_that_crosses_the_others() -> None:
    """A moved point and the points it jumped over cross each other; the pairs around
    them are kept."""
    assert uncrossed([(0, 0), (1, 3), (2, 1), (3, 2), (4, 4)]) == [(0, 0), (4, 4)]


def test_reworded_points_find_their_partner_past_look_alikes() -> None:
    """With a fifth of every point's words changed, nearly every one-to-one pair is found:
    the index's misses get a second look and a look-alike elsewhere does not win."""
    case = generate(600, seed=12, share=0.2)
    found = edges(diff(case.old, case.new).changes)
    per_old = Counter(o for o, _ in case.truth)
    per_new = Counter(n for _, n in case.truth)
    one = {(o, n) for o, n in case.truth if per_old[o] == 1 and per_new[n] == 1}
    assert len(one & found) / len(one) >= 0.98
    assert len(found - case.truth) <= 5
