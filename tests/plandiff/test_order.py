"""Order in text matching: pairs in their place, and points the index missed."""

from __future__ import annotations

import bisect
import itertools
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotrack.plandiff import candidates as candidates_module
from negotrack.plandiff import match as match_module
from negotrack.plandiff.candidates import candidates
from negotrack.plandiff.compare import diff
from negotrack.plandiff.features import Normaliser
from negotrack.plandiff.order import (
    GAP,
    _longest_ending,
    gaps,
    kept_of,
    pair_facing,
    placed,
    uncrossed,
)
from negotrack.plandiff.pieces import adjacent, beside
from negotrack.plandiff.scores import Scores
from tests.support.diffgen import edges, generate, point_text


def test_placed_means_between_two_consecutive_kept_pairs() -> None:
    """A pair is in its place when it lies between the kept pairs around its old point."""
    between = placed([(0, 0), (3, 5), (6, 9)])
    inside = [(1, 2), (2, 4), (4, 8), (7, 20), (3, 5)]
    outside = [(1, 5), (4, 2), (7, 9), (3, 6)]
    assert [between(i, j) for i, j in inside] == [True] * len(inside)
    assert [between(i, j) for i, j in outside] == [False] * len(outside)


def test_uncrossed_drops_the_moved_pair_and_keeps_those_it_jumped_over() -> None:
    """A point moved far down crosses the points it jumped over; it leaves the longest
    run in order and they stay on it (before, one long move unsettled them all)."""
    assert uncrossed([(0, 0), (1, 4), (2, 1), (3, 2), (4, 3), (5, 5)]) == [
        (0, 0),
        (2, 1),
        (3, 2),
        (4, 3),
        (5, 5),
    ]


def test_uncrossed_keeps_only_pairs_on_every_longest_run() -> None:
    """Two swapped points: either could be the one that moved, so neither is certain."""
    assert uncrossed([(0, 0), (1, 2), (2, 1), (3, 3)]) == [(0, 0), (3, 3)]


def test_uncrossed_is_the_same_whichever_version_is_old() -> None:
    """Swapping the sides of every pair keeps the same pairs, swapped."""
    pairs = [(0, 3), (1, 0), (2, 1), (3, 5), (4, 2), (5, 4), (6, 6), (7, 8), (8, 7)]
    mirrored = sorted((j, i) for i, j in pairs)
    assert sorted((j, i) for i, j in uncrossed(pairs)) == uncrossed(mirrored)


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


@given(st.permutations(range(12)))
def test_uncrossed_pairs_keep_their_order_on_both_sides_from_either_side(
    news: list[int],
) -> None:
    """For any one-to-one pairing, the kept pairs increase on both sides, keeping them
    again changes nothing, and mirroring the pairs mirrors them."""
    pairs = list(enumerate(news))
    kept = uncrossed(pairs)
    assert [j for _, j in kept] == sorted(j for _, j in kept)
    mirrored = sorted((j, i) for i, j in pairs)
    assert sorted((j, i) for i, j in uncrossed(mirrored)) == kept
    assert uncrossed(sorted(kept)) == kept


def test_a_point_left_over_is_offered_its_neighbours_partners() -> None:
    """A point left over is compared with the partners of its nearest paired neighbours on
    either side (where a merge or split would have put its whole), unless already offered:
    old 1 (between old 0 and 2) with new 1, old 3 (after old 2) with new 1, and new 2
    (after new 1) with old 2."""
    anchors = [(0, 0)]
    pairs = {2: (1, 0.9)}
    extra = beside([(1, 0)], anchors, pairs, [1, 2, 3], [1, 2], {2}, {1})
    assert sorted(extra) == [(1, 1), (2, 2), (3, 1)]


def _plain_gaps(
    kept: list[tuple[int, int]], rest_old: list[int], rest_new: list[int]
) -> list[tuple[list[int], list[int]]]:
    """The gaps as first written: every pair of consecutive kept pairs, sliced by bisection."""
    ends = [(-1, -1), *kept, (max(rest_old) + 1, max(rest_new) + 1)]
    out = []
    for (lo_i, lo_j), (hi_i, hi_j) in itertools.pairwise(ends):
        a = rest_old[bisect.bisect_right(rest_old, lo_i) : bisect.bisect_left(rest_old, hi_i)]
        b = rest_new[bisect.bisect_right(rest_new, lo_j) : bisect.bisect_left(rest_new, hi_j)]
        if a and b and len(a) <= GAP and len(b) <= GAP:
            out.append((a, b))
    return out


@given(st.permutations(range(30)), st.sets(st.integers(0, 29)), st.sets(st.integers(0, 29)))
def test_gaps_are_the_free_points_between_consecutive_kept_pairs(
    order: list[int], taken: set[int], free_new_taken: set[int]
) -> None:
    """Free points are grouped by the kept pairs around them, as slicing between every two
    consecutive kept pairs groups them."""
    anchors = sorted((i, j) for i, j in enumerate(order) if i in taken)
    used_new = {j for _, j in anchors}
    free_old = [i for i in range(30) if i not in taken]
    free_new = [j for j in range(30) if j not in used_new and j not in free_new_taken]
    found = gaps(kept_of(anchors, {}), free_old, free_new, set(), set())
    if free_old and free_new:
        assert found == _plain_gaps(uncrossed(anchors), free_old, free_new)
    else:
        assert found == []


@given(st.lists(st.integers(0, 30), max_size=40))
def test_longest_ending_is_the_longest_increasing_run_ending_at_each_value(
    values: list[int],
) -> None:
    """Each value gets the length of the longest strictly increasing run ending with it,
    as the quadratic definition gives it (values in order or not, repeated or not)."""
    expected: list[int] = []
    for k, v in enumerate(values):
        before = [expected[m] for m in range(k) if values[m] < v]
        expected.append(1 + max(before, default=0))
    assert _longest_ending(values) == expected
    assert _longest_ending(sorted(set(values))) == list(range(1, len(set(values)) + 1))


def test_a_point_reworded_in_place_is_paired_before_the_index(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Between two points kept word for word, one point facing one and clearing the bar of
    every pair searched is paired first: the inverted index, the costliest stage, never
    sees it; a pair facing in the same way but unrelated is left to the later stages."""
    rng = random.Random(7)
    n = 400
    old = [point_text(rng, words=(30, 50)) for _ in range(n)]
    new = list(old)
    odd = range(1, n, 2)  # every odd point is replaced, so each faces one between anchors
    for k in odd:
        new[k] = point_text(rng, words=(30, 50))
    reworded = 201
    tokens = old[reworded].split()
    tokens[3] = "promptly"
    new[reworded] = " ".join(tokens)
    normal = Normaliser()
    stems_old = [normal.text(t) for t in old]
    stems_new = [normal.text(t) for t in new]
    anchors = [(k, k) for k in range(0, n, 2)]
    offered: list[int] = []
    real = candidates

    def spy(
        a: Mapping[int, Sequence[str]], b: Mapping[int, Sequence[str]], **kw: bool
    ) -> set[tuple[int, int]]:
        offered.extend(a)
        return real(a, b)

    monkeypatch.setattr(candidates_module, "candidates", spy)
    found = match_module.match(stems_old, stems_new, list(odd), list(odd), anchors, None)
    assert (reworded, reworded) in {(i, j) for i, j, _ in found.pairs}
    assert offered, "the versions are large enough for the index"
    assert reworded not in offered
    assert len(offered) == len(odd) - 1


def test_a_merge_facing_its_whole_is_grouped_before_the_index(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two points facing their merger between anchors are not paired early, one of them
    with the whole: the whole holds both, so they are grouped as a merge, before the
    inverted index (which never sees them)."""
    rng = random.Random(11)
    n = 400
    old = [point_text(rng, words=(30, 50)) for _ in range(n)]
    new = list(old)
    odd = list(range(1, n, 2))
    for k in odd:
        new[k] = point_text(rng, words=(30, 50))
    new[202] = point_text(rng, words=(30, 50))  # no longer an anchor
    new[201] = f"{old[201]} {old[202]}"
    normal = Normaliser()
    stems_old = [normal.text(t) for t in old]
    stems_new = [normal.text(t) for t in new]
    anchors = [(k, k) for k in range(0, n, 2) if k != 202]
    free = sorted([*odd, 202])
    offered: tuple[list[int], list[int]] = ([], [])
    real = candidates

    def spy(
        a: Mapping[int, Sequence[str]], b: Mapping[int, Sequence[str]], **kw: bool
    ) -> set[tuple[int, int]]:
        offered[0].extend(a)
        offered[1].extend(b)
        return real(a, b)

    monkeypatch.setattr(candidates_module, "candidates", spy)
    found = match_module.match(stems_old, stems_new, free, free, anchors, None)
    assert ((201, 202), (201,)) in [(olds, news) for olds, news, _ in found.groups]
    assert 201 not in {i for i, _, _ in found.pairs}
    assert offered[0], "the versions are large enough for the index"
    assert not {201, 202} & set(offered[0])  # the merged points
    assert 201 not in offered[1]  # their merger
    assert 202 in offered[1]  # the new point unrelated to anything is the index's


def test_the_neighbours_of_a_piece_are_offered_to_its_whole() -> None:
    """A close pair whose point is lighter than its partner (a piece and its whole) brings
    the piece's free neighbours, lighter than the whole too, to the groups; a pair of
    points of one weight (a rewording) brings none, nor does a pair the pool has or one
    not close."""
    piece, other, same = ["ceasefir", "monitor"], ["prison", "exchang"], ["a", "b", "c", "d"]
    old = [piece, other, same, ["x", "y"], ["z"]]
    new = [[*piece, *other, "q"], ["x", "y", "w"], same]
    sc = Scores(old, new, range(len(old)), range(len(new)))
    rated = [(0, 0, 0.6, 3.0), (3, 1, 0.1, 1.0), (2, 2, 1.0, 9.0)]
    free_old, free_new = range(len(old)), range(len(new))
    assert adjacent(sc, rated, free_old, free_new) == [(1, 0)]
    # With (1, 0) in the pool, it is old 1's other neighbour that comes: old 2.
    more = [*rated, (1, 0, 0.5, 2.0)]
    assert adjacent(sc, more, free_old, free_new) == [(2, 0)]
    assert adjacent(sc, more, [0, 1, 3, 4], free_new) == []  # old 2 is taken
    # A split: new 1 is a piece of old 0, and brings its neighbours new 0 and new 2.
    whole = [["a", "b", "c", "d", "e", "f"], ["g"]]
    parts = [["a", "b"], ["c", "d"], ["e", "f"], ["h"]]
    sc = Scores(whole, parts, range(2), range(4))
    assert adjacent(sc, [(0, 1, 0.5, 2.0)], range(2), range(4)) == [(0, 0), (0, 2)]


def test_pairing_in_place_first_keeps_the_diff_a_mirror(monkeypatch: pytest.MonkeyPatch) -> None:
    """A revision large enough for the index, most points kept or reworded in place:
    points are paired in place first, and diff(b, a) is still diff(a, b) mirrored."""
    case = generate(
        400,
        seed=5,
        share=0.15,
        p_reword=0.3,
        p_delete=0.05,
        p_add=0.05,
        p_move=0.05,
        words=(30, 50),
    )
    early: list[int] = []
    real = pair_facing

    def spy(*args: Any) -> dict[int, tuple[int, float]]:
        found = real(*args)
        early.append(len(found))
        return found

    monkeypatch.setattr(match_module, "pair_facing", spy)
    forward = set(edges(diff(case.old, case.new).changes))
    backward = {(a, b) for b, a in edges(diff(case.new, case.old).changes)}
    assert early[0] > 50
    assert early[0] == early[1]
    assert forward == backward
