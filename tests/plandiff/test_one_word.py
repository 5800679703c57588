"""A pair of points that rests on one word is offered to a person, not made, outside a gap
between two pairs in order (:meth:`negotrack.plandiff.scores.Scores.one_word`)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotrack as nt
from negotrack.plandiff.scores import Scores
from tests.support.lineage import unkeyed


def _scores(old: list[list[str]], new: list[list[str]]) -> Scores:
    """The scores of two versions given as stem lists, every point free, with the null."""
    free = (list(range(len(old))), list(range(len(new))))
    sc = Scores(old, new, *free)
    sc.null(*free)
    return sc


def _lebanon() -> nt.PlanDiff:
    return unkeyed("lebanon-2006-2024.yaml").diff("unscr-1701", "ceasefire-2024")


def _pairs(diff: nt.PlanDiff) -> dict[str, str]:
    return {c.old.number: c.new.number for c in diff.changes if c.old and c.new}


def test_the_report_of_1701_is_offered_not_paired_with_the_report_of_violations() -> None:
    """Resolution 1701's Secretary-General is "to report" to the Council within a week; the
    2024 ceasefire's parties "report" any violation to the mechanism. The two share that
    word and almost nothing else (z 4.0 against a bar of 3.4; without it, -1.0): the pair
    is a candidate for a person, not a pair."""
    diff = _lebanon()
    assert "17" not in _pairs(diff)
    assert ("17", "9") in {(c.old.number, c.new.number) for c in diff.candidates}


def test_without_the_rule_the_one_word_pair_is_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule is what keeps them apart: asked of no pair, text pairs 17 with 9 and
    nothing else changes."""
    before = _pairs(_lebanon())
    monkeypatch.setattr(Scores, "one_word", lambda self, i, j: False)
    after = _pairs(_lebanon())
    assert after == {**before, "17": "9"}


def test_in_a_gap_order_vouches_and_one_word_may_do(monkeypatch: pytest.MonkeyPatch) -> None:
    """The US Gaza plan's "Gaza is to be rebuilt" (#2) and "Gaza is redeveloped" (#2 of the
    20 points) rest on "Gaza" alone, but they stand in the same gap, rewritten in place:
    they are paired as before."""
    seen: list[Scores] = []
    real_init = Scores.__init__

    def spy(self: Scores, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        seen.append(self)

    monkeypatch.setattr(Scores, "__init__", spy)
    gaza = unkeyed("gaza-2025.yaml")
    diff = gaza.diff("us-21", "us-20")
    assert _pairs(diff)["2"] == "2"
    numbers = [p.number for p in gaza.plans[0].version("us-21").points]
    new_numbers = [p.number for p in gaza.plans[0].version("us-20").points]
    assert seen[-1].one_word(numbers.index("2"), new_numbers.index("2"))


def test_two_rare_words_are_more_than_one() -> None:
    """Sharing nothing or one stem rests on at most one word; two rare stems do not."""
    old = [["report", "council", "week"], ["artilleri", "withdraw", "line"], ["amnesti", "fighter"]]
    new = [["violat", "report", "mechan"], ["artilleri", "line", "kilometr"], ["bank", "servic"]]
    sc = _scores(old, new)
    assert sc.one_word(0, 0)  # "report" alone
    assert sc.one_word(2, 2)  # nothing shared
    assert not sc.one_word(1, 1)  # "artillery" and "line"


stems = st.lists(st.sampled_from("abcdefghijklmnop"), min_size=1, max_size=8)


@given(st.lists(stems, min_size=2, max_size=6), st.lists(stems, min_size=2, max_size=6))
def test_a_pair_sharing_at_most_one_stem_rests_on_one_word(
    old: list[list[str]], new: list[list[str]]
) -> None:
    """Whatever the versions, a pair sharing no more than one distinct stem rests on one
    word, and the answer does not depend on which version is called old."""
    sc, mirror = _scores(old, new), _scores(new, old)
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            if len(set(a) & set(b)) <= 1:
                assert sc.one_word(i, j)
            assert sc.one_word(i, j) == mirror.one_word(j, i)
