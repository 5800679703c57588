"""Order's and moves' fast paths decide exactly as the plain computations they replace."""

from __future__ import annotations

import bisect
import random

from hypothesis import given
from hypothesis import strategies as st

import negotrack as nt
from negotrack.plandiff.moves import _tie, stable
from negotrack.plandiff.order import _by_gap, _longest_starting, kept_of, uncrossed
from negotrack.plandiff.spacing import same_pair_text


def _version(vid: str, texts: list[str]) -> nt.PlanVersion:
    points = [nt.Point(number=str(k + 1), text=t) for k, t in enumerate(texts)]
    return nt.PlanVersion(id=vid, label=vid, date="2025", points=points)


def _eager_stable(
    old: nt.PlanVersion, new: nt.PlanVersion, pairs: dict[int, tuple[int, str]]
) -> set[int]:
    """:func:`stable` as first written: every pair's checksum in its weight, and the
    heaviest chain of pairs (a block of one pair each), by prefix maxima over the ranks."""
    olds = sorted(pairs)
    n = len(olds)
    unit = (n + 1) * (n + 1)
    span = len(old.points) + len(new.points)
    rank = {j: r for r, j in enumerate(sorted(pairs[i][0] for i in olds))}
    best: list[tuple[int, int]] = []  # per pair: (heaviest chain ending with it, pair)
    back: list[int] = []
    for k, i in enumerate(olds):
        j, via = pairs[i]
        o, p = old.points[i], new.points[j]
        same = same_pair_text(o, p, via)
        kept = unit + (n + 1) * (same and o.number == p.number) + same
        weight = (kept << 80) + ((span - abs(i - j)) << 40) + _tie(o, p)
        # Of equal prefixes the later pair wins, as the tree of prefix maxima has it.
        prev = max(
            [(best[m][0], m) for m in range(k) if rank[pairs[olds[m]][0]] < rank[j]],
            default=(0, -1),
        )
        best.append((prev[0] + weight, k))
        back.append(prev[1])
    keep: set[int] = set()
    m = max(best, default=(0, -1))[1]
    while m != -1:
        keep.add(olds[m])
        m = back[m]
    return keep


@given(
    st.permutations(range(7)),
    st.lists(st.sampled_from(["a", "b", "c"]), min_size=7, max_size=7),
    st.lists(st.sampled_from(["a", "b", "c"]), min_size=7, max_size=7),
    st.lists(st.sampled_from(["exact", "text", "key"]), min_size=7, max_size=7),
    st.sets(st.integers(0, 6)),
)
def test_the_stable_chain_is_the_heaviest_even_when_only_checksums_part_chains(
    order: list[int], old_texts: list[str], new_texts: list[str], vias: list[str], gone: set[int]
) -> None:
    """Weighing chains without their checksums first (and with them only when two chains
    weigh the same) keeps the chain weighing every pair's checksum keeps: swapped points in
    place weigh the same but for their checksums, and the same text and number on both
    sides weigh the same with them too."""
    old, new = _version("a", old_texts), _version("b", new_texts)
    together = enumerate(zip(order, vias, strict=True))
    pairs = {i: (j, via) for i, (j, via) in together if i not in gone}
    assert stable(old, new, pairs) == _eager_stable(old, new, pairs)


def test_of_two_swapped_points_the_checksum_says_which_moved() -> None:
    """Two points swapped in place, unchanged but renumbered alike: every other criterion
    weighs both chains the same, so the checksum decides, and the same point moves
    whichever version is called old."""
    old = _version("a", ["w", "x", "y", "z"])
    new = _version("b", ["w", "y", "x", "z"])
    pairs = {0: (0, "exact"), 1: (2, "exact"), 2: (1, "exact"), 3: (3, "exact")}
    kept = stable(old, new, pairs)
    assert len(kept) == 3
    assert kept == _eager_stable(old, new, pairs)
    mirrored = {j: (i, via) for i, (j, via) in pairs.items()}
    assert {pairs[i][0] for i in kept} == stable(new, old, mirrored)


@given(st.lists(st.integers(0, 30), max_size=40))
def test_longest_starting_is_the_longest_increasing_run_starting_at_each_value(
    values: list[int],
) -> None:
    """Each value gets the length of the longest strictly increasing run starting with it,
    as the quadratic definition gives it (values in order or not, repeated or not)."""
    expected: list[int] = []
    for k in reversed(range(len(values))):
        after = [expected[-1 - m] for m in range(len(expected)) if values[k + 1 + m] > values[k]]
        expected.append(1 + max(after, default=0))
    assert _longest_starting(values) == expected[::-1]


@given(st.permutations(range(10)), st.sets(st.integers(0, 9)), st.randoms())
def test_kept_pairs_are_those_on_every_longest_run(
    order: list[int], gone: set[int], rng: random.Random
) -> None:
    """:func:`uncrossed` keeps exactly the pairs every longest increasing run of pairs
    takes, found by trying every run; :func:`kept_of` does so for anchors in any order and
    pairs made so far together, ordered by their old points alone."""
    pairs = [(i, j) for i, j in enumerate(order) if i not in gone]
    runs = [[p for k, p in enumerate(pairs) if mask >> k & 1] for mask in range(1 << len(pairs))]
    runs = [run for run in runs if [j for _, j in run] == sorted(j for _, j in run)]
    longest = max(map(len, runs))
    every = set(pairs).intersection(*(run for run in runs if len(run) == longest))
    assert uncrossed(pairs) == sorted(every)
    anchors = [p for p in pairs if rng.random() < 0.5]
    rng.shuffle(anchors)
    made = {i: (j, 0.5) for i, j in pairs if (i, j) not in anchors}
    assert kept_of(anchors, made) == sorted(every)


@given(st.sets(st.integers(0, 200)), st.sets(st.integers(0, 200), max_size=60))
def test_points_fall_in_the_gap_bisection_finds_them_in(points: set[int], bounds: set[int]) -> None:
    """Whether the points are few (bisected) or many (walked with the bounds), each lands
    in the gap of the bounds bisection puts it in, and a point on a bound in none."""
    ordered, edges = sorted(points), sorted(bounds)
    expected: dict[int, list[int]] = {}
    for p in ordered:
        if p not in bounds:
            expected.setdefault(bisect.bisect_left(edges, p), []).append(p)
    found = _by_gap(ordered, edges)
    assert found == expected
    assert list(found) == sorted(found)
