"""Points left over that are each other's clear best among the points left over are paired
(:mod:`negotrack.plandiff.leftover`)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotrack as nt
from negotrack.plandiff import leftover, match
from negotrack.plandiff.match import CUT
from negotrack.plandiff.pieces import Found
from tests.support.diffgen import generate
from tests.support.lineage import unkeyed

Left = tuple[set[int], set[int]]


def _paired(diff: nt.PlanDiff) -> dict[str, tuple[str, str, float]]:
    """Each old point's counterpart, what made the pair and how sure it is."""
    return {
        c.old.number: (c.new.number if c.new else "", c.matched_by, c.confidence)
        for c in diff.changes
        if c.old is not None
    }


def test_a_point_whose_first_choice_went_elsewhere_continues_one_left_over() -> None:
    """The Gaza proposal's phase-one withdrawal "from all the populated areas" (1.2)
    resembles most its phase-two withdrawal (the agreement's 2.3, paired with the
    proposal's 2.3), so it was held to half its evidence and left over; among the points
    left over it and the agreement's stage one (1.1, forces pull back "away from the
    populated areas") are each other's clear best. The proposal's hostages (1.3), whose two
    best left over score alike, stay for a person."""
    gaza = unkeyed("gaza-2024-2025.yaml")
    diff = gaza.diff("may-2024", "jan-2025")
    paired = _paired(diff)
    new, via, confidence = paired["1.2"]
    assert (new, via) == ("1.1", "text")
    assert confidence > 0.9
    assert paired["1.3"][0] == ""
    offered = {c.new.number for c in diff.candidates if c.old.number == "1.3"}
    assert {"1.7", "1.8"} <= offered


def test_minsk_decentralisation_continues_as_constitutional_reform() -> None:
    """Minsk I's decentralisation (#3) resembles most Minsk II's special-status law (#5),
    which went to Minsk I's #6; left over, it and Minsk II's constitutional reform with
    decentralisation (#11) are each other's clear best."""
    paired = _paired(unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2"))
    assert paired["3"][:2] == ("11", "text")


def test_without_the_second_look_the_pair_is_only_offered(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule is what pairs them: without it, the Gaza pair is a candidate only."""
    monkeypatch.setattr(match, "left_mutual", lambda *args: (args[-1], args[-2]))
    diff = unkeyed("gaza-2024-2025.yaml").diff("may-2024", "jan-2025")
    assert _paired(diff)["1.2"][0] == ""
    assert any(c.old.number == "1.2" and c.new.number == "1.1" for c in diff.candidates)


def test_the_second_look_reads_the_same_either_way() -> None:
    """Diffing the agreement against the proposal makes the mirrored pair, as sure."""
    gaza = unkeyed("gaza-2024-2025.yaml")
    forward = _paired(gaza.diff("may-2024", "jan-2025"))["1.2"]
    backward = _paired(gaza.diff("jan-2025", "may-2024"))["1.1"]
    assert backward == ("1.2", "text", forward[2])


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from([0.2, 0.4, 0.6]))
def test_the_second_look_only_pairs_points_left_over(seed: int, share: float) -> None:
    """Whatever the versions, the second look keeps every pair and group it is given and
    adds pairs of points they left over, each point once, each pair at least as sure as
    the cut."""
    seen: list[tuple[Found, Found, Left, Left]] = []
    real = leftover.left_mutual

    def spy(*args: Any) -> tuple[Found, Left]:
        out, still = real(*args)
        seen.append((args[-1], out, args[-2], still))
        return out, still

    case = generate(40, seed=seed, share=share)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(match, "left_mutual", spy)
        nt.diff(case.old, case.new)
    assert seen
    for before, after, left, still in seen:
        assert after.groups == before.groups
        assert set(before.pairs) <= set(after.pairs)
        added = set(after.pairs) - set(before.pairs)
        taken_old, taken_new = before.taken()
        assert all(i not in taken_old and j not in taken_new for i, j, _ in added)
        assert len({i for i, _, _ in added}) == len({j for _, j, _ in added}) == len(added)
        assert all(c >= CUT for _, _, c in added)
        assert still == (left[0] - {i for i, _, _ in added}, left[1] - {j for _, j, _ in added})
