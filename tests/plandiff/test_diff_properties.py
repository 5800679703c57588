"""Laws of the plan diff, checked on generated version pairs (hypothesis)."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotrack as nt
from negotrack.plandiff.compare import ChangeKind, PlanDiff, diff

# The ground-truth generator lives with the benchmarks, as a top-level module there.
from tests.support.diffgen import Case, cases, generate, point_text
from tests.support.lineage import text_edges

MIRROR = {
    "added": "deleted",
    "deleted": "added",
    "split": "merged",
    "merged": "split",
}


@st.composite
def versions(draw: st.DrawFn) -> nt.PlanVersion:
    """A version of up to 15 peace-plan-like points, sometimes with repeated texts."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    texts = [point_text(rng) for _ in range(draw(st.integers(0, 15)))]
    repeat: bool = draw(st.booleans())
    if texts and repeat:
        texts.insert(rng.randrange(len(texts) + 1), rng.choice(texts))
    return nt.PlanVersion(
        id="a",
        label="a",
        date="2025-11-20",
        points=[nt.Point(number=str(k + 1), text=t) for k, t in enumerate(texts)],
    )


def _renamed(version: nt.PlanVersion, vid: str, numbers: list[str]) -> nt.PlanVersion:
    return nt.PlanVersion(
        id=vid,
        label=vid,
        date="2025-12-20",
        points=[
            nt.Point(number=n, text=p.text) for n, p in zip(numbers, version.points, strict=True)
        ],
    )


def _kinds(d: PlanDiff) -> set[str]:
    return {c.kind.value for c in d.changes}


@given(versions())
def test_a_version_against_itself_is_unchanged(a: nt.PlanVersion) -> None:
    """diff(a, a) marks every point unchanged, with similarity 1."""
    d = diff(a, a)
    assert len(d.changes) == len(a.points)
    assert all(c.kind is ChangeKind.UNCHANGED and c.similarity == 1.0 for c in d.changes)


@given(cases())
def test_every_point_appears_once_or_in_one_group(case: Case) -> None:
    """Each point of either version is in exactly one change, or in one split/merge group."""
    d = diff(case.old, case.new)
    for side, version in (("old", case.old), ("new", case.new)):
        seen: dict[str, list[int | None]] = defaultdict(list)
        for c in d.changes:
            point = getattr(c, side)
            if point is not None:
                seen[point.number].append(c.group)
        assert set(seen) == {p.number for p in version.points}
        for groups in seen.values():
            assert len(groups) == 1 or (None not in groups and len(set(groups)) == 1)


@given(cases())
def test_a_candidate_always_offers_a_point_left_unpaired(case: Case) -> None:
    """Every candidate the diff leaves for a person joins a point the diff left deleted or
    added to another point, is not one of its pairs, and appears once."""
    d = diff(case.old, case.new)
    pairs = {(c.old.number, c.new.number) for c in d.changes if c.old and c.new}
    deleted = {c.old.number for c in d.changes if c.kind is ChangeKind.DELETED and c.old}
    added = {c.new.number for c in d.changes if c.kind is ChangeKind.ADDED and c.new}
    seen = [(k.old.number, k.new.number) for k in d.candidates]
    assert len(seen) == len(set(seen))
    for old, new in seen:
        assert (old, new) not in pairs
        assert old in deleted or new in added


@settings(max_examples=80)
@given(cases())
def test_reversing_the_diff_mirrors_it(case: Case) -> None:
    """diff(b, a) pairs the same points as diff(a, b), with added<->deleted and
    split<->merged swapped, and as many moves."""
    forward = diff(case.old, case.new)
    backward = diff(case.new, case.old)
    pairs = {(c.old.number, c.new.number) for c in forward.changes if c.old and c.new}
    back = {(c.new.number, c.old.number) for c in backward.changes if c.old and c.new}
    assert pairs == back
    mirrored = {MIRROR.get(kind, kind): n for kind, n in forward.summary.items()}
    assert mirrored == backward.summary


@given(versions(), st.integers(1, 50))
def test_renumbering_alone_gives_only_renumbered(a: nt.PlanVersion, shift: int) -> None:
    """Shifting every number (text and order kept) marks every point renumbered."""
    b = _renamed(a, "b", [str(int(p.number) + shift) for p in a.points])
    d = diff(a, b)
    assert all(c.kind is ChangeKind.RENUMBERED and c.renumbered for c in d.changes)


@given(versions(), st.randoms(use_true_random=False))
def test_a_permutation_gives_moves_and_no_rewording(a: nt.PlanVersion, rng: random.Random) -> None:
    """Shuffling the points gives moves (and kept order elsewhere) but no other change."""
    points = list(a.points)
    rng.shuffle(points)
    b = nt.PlanVersion(id="b", label="b", date="2025-12-20", points=points)
    d = diff(a, b)
    assert _kinds(d) <= {"unchanged", "renumbered", "moved"}
    assert all(c.similarity == 1.0 and not c.words for c in d.changes)
    assert len(d.changes) == len(a.points)


@pytest.mark.parametrize(("seed", "share"), [(2, 0.4), (5, 0.7), (37, 0.7)])
def test_a_lower_loose_threshold_adds_to_a_higher_one(seed: int, share: float) -> None:
    """Two thresholds below the default: the lower pairs all the higher pairs. Each used
    to run its own search among the points the default left over, and the two paired
    them differently (at 0.25 a pair that 0.0625 did not make, on these cases)."""
    case = generate(
        12,
        seed=seed,
        share=share,
        p_reword=0.8,
        p_delete=0.2,
        p_add=0.2,
        p_move=0.2,
        p_split=0.1,
        p_merge=0.1,
    )
    lower = text_edges(diff(case.old, case.new, threshold=0.0625))
    higher = text_edges(diff(case.old, case.new, threshold=0.25))
    assert higher.keys() <= lower.keys()
    assert all(lower[edge] == c for edge, c in higher.items())


@settings(max_examples=60, deadline=None)
@given(cases(), st.floats(0.05, 0.95), st.floats(0.05, 0.95))
def test_a_threshold_only_adds_or_removes_pairs(case: Case, t1: float, t2: float) -> None:
    """Raising ``threshold`` only removes what text matching pairs, lowering it only adds,
    and a pair made at both keeps its confidence (each at least its threshold)."""
    low, high = sorted((t1, t2))
    looser = text_edges(diff(case.old, case.new, threshold=low))
    stricter = text_edges(diff(case.old, case.new, threshold=high))
    assert stricter.keys() <= looser.keys()
    assert all(looser[edge] == c for edge, c in stricter.items())
    assert all(c >= high for c in stricter.values())
    assert all(c >= low for c in looser.values())


@settings(max_examples=60)
@given(cases(), st.randoms(use_true_random=False))
def test_a_pair_turned_down_is_neither_made_nor_offered(case: Case, rng: random.Random) -> None:
    """A distinct link takes one pair the text made (or offered) out of the diff, and
    nothing else breaks: every point still appears once, and the pairs it did not touch
    that involve neither of its points stay."""
    d = diff(case.old, case.new)
    made = sorted((c.old.number, c.new.number) for c in d.changes if c.old and c.new)
    offered = sorted((k.old.number, k.new.number) for k in d.candidates)
    if not made + offered:
        return
    o, n = rng.choice(made + offered)
    down = nt.PointLink(f"{case.old.id}#{o}", f"{case.new.id}#{n}", distinct=True)
    after = diff(case.old, case.new, links=[down])
    pairs = {(c.old.number, c.new.number) for c in after.changes if c.old and c.new}
    assert (o, n) not in pairs
    assert (o, n) not in {(k.old.number, k.new.number) for k in after.candidates}
    for side, version in (("old", case.old), ("new", case.new)):
        seen = [getattr(c, side).number for c in after.changes if getattr(c, side)]
        assert sorted(set(seen)) == sorted(p.number for p in version.points)
    assert not any(c.matched_by == "link" for c in after.changes)
