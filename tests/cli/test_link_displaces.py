"""``negotrack link`` says which pair made by text the new link broke.

The review sheet shows each pair alone: a person pinning a candidate ("us-28#17 ->
20-point#11", 0.99 on the keyless 20-point texts) does not see that text matching had
paired 20-point#11 with us-28#18 at 0.99. The link wins, so us-28#18 is left unpaired (or
paired anew); ``link`` says so on stderr, after ``linked OLD -> NEW``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import negotrack as nt
from tests.support.cli import run
from tests.support.dossiers import two_versions
from tests.support.lineage import unkeyed


@pytest.fixture
def plan20(tmp_path: Path) -> Path:
    """The US 28 points and the 20-point framework with no curated lineage."""
    path = tmp_path / "u.yaml"
    unkeyed("ukraine-20-point-2025-12.yaml").save(path)
    return path


def _text_pair(path: Path, new_number: str) -> tuple[str, float]:
    """The old point text matching pairs with 20-point #``new_number``, and how sure."""
    found = nt.load(path).diff("us-28", "20-point")
    (c,) = [c for c in found.changes if c.new is not None and c.new.number == new_number]
    assert c.old is not None
    assert c.matched_by == "text"
    return c.old.number, c.confidence


def test_a_link_that_breaks_a_pair_made_by_text_says_so(
    capsys: pytest.CaptureFixture[str], plan20: Path
) -> None:
    """The point the link took is named with its former partner and what became of it."""
    old, sure = _text_pair(plan20, "11")
    assert old == "18"
    assert sure >= 0.99
    code, out, err = run(capsys, "link", str(plan20), "us-28#17", "20-point#11")
    assert code == 0
    assert out == "linked us-28#17 -> 20-point#11\n"
    changes = nt.load(plan20).diff("us-28", "20-point").changes
    (left,) = [c for c in changes if c.old is not None and c.old.number == "18"]
    assert left.new is None  # nothing else takes it
    assert err == (
        "20-point#11 was paired by its text with us-28#18 (0.99); the link takes 20-point#11,"
        " and us-28#18 is now left unpaired\n"
    )


def test_pinning_the_pair_text_matching_made_says_nothing_more(
    capsys: pytest.CaptureFixture[str], plan20: Path
) -> None:
    """Pinning what text matching found breaks nothing: only ``linked`` is printed."""
    old, _ = _text_pair(plan20, "11")
    code, out, err = run(capsys, "link", str(plan20), f"us-28#{old}", "20-point#11")
    assert (code, out, err) == (0, f"linked us-28#{old} -> 20-point#11\n", "")


def test_a_point_paired_anew_is_named_with_its_new_partner(
    capsys: pytest.CaptureFixture[str], plan20: Path
) -> None:
    """When the point left finds another partner by its text, that partner is named."""
    found = nt.load(plan20).diff("us-28", "20-point")
    pairs = {
        c.old.number: c.new.number
        for c in found.changes
        if c.matched_by == "text" and c.old is not None and c.new is not None
    }
    # Swap two pairs made by text: linking us-28 A to B's partner takes it from B, and B
    # is then free to pair with A's former partner (or nothing, which the message says).
    a, b = sorted(pairs)[:2]
    code, _, err = run(capsys, "link", str(plan20), f"us-28#{a}", f"20-point#{pairs[b]}")
    assert code == 0
    lines = err.splitlines()
    assert lines[0].startswith(f"us-28#{a} was paired by its text with 20-point#{pairs[a]} (")
    assert lines[1].startswith(f"20-point#{pairs[b]} was paired by its text with us-28#{b} (")
    after = {
        c.old.number: c.new.number
        for c in nt.load(plan20).diff("us-28", "20-point").changes
        if c.matched_by == "text" and c.old is not None and c.new is not None
    }
    fate = f"now paired with 20-point#{after[b]} (" if b in after else "now left unpaired"
    assert f"and us-28#{b} is {fate}" in lines[1]


@pytest.fixture
def minsk(tmp_path: Path) -> Path:
    """The Minsk seed with its lineage keys (and no curated links between the versions
    that matter here)."""
    path = tmp_path / "m.yaml"
    nt.load(Path(__file__).parents[2] / "seeds" / "minsk-2014-2015.yaml").save(path)
    return path


def test_a_link_that_breaks_a_pair_made_by_a_key_says_so(
    capsys: pytest.CaptureFixture[str], minsk: Path
) -> None:
    """A link wins over a shared key: relinking Minsk I's OSCE monitoring (keyed to Minsk
    II #3) to #5 (keyed to Minsk I #6) undoes both key pairs, and ``link`` names each key
    and the point it leaves unpaired."""
    code, out, err = run(capsys, "link", str(minsk), "minsk-1#2", "minsk-2#5")
    assert code == 0
    assert out == "linked minsk-1#2 -> minsk-2#5\n"
    assert err == (
        "minsk-1#2 was paired with minsk-2#3 by the key 'osce-monitoring'; the link takes"
        " minsk-1#2, and minsk-2#3 is now left unpaired\n"
        "minsk-2#5 was paired with minsk-1#6 by the key 'amnesty'; the link takes minsk-2#5,"
        " and minsk-1#6 is now left unpaired\n"
    )
    changes = nt.load(minsk).diff("minsk-1", "minsk-2").changes
    gone = {c.old.number for c in changes if c.old is not None and c.new is None}
    assert {"6"} <= gone


def test_turning_down_a_pair_made_by_a_key_says_so(
    capsys: pytest.CaptureFixture[str], minsk: Path
) -> None:
    """A distinct link on two points of one key takes that pair apart, and says so."""
    code, out, err = run(capsys, "link", str(minsk), "minsk-1#1", "minsk-2#1", "--distinct")
    assert code == 0
    assert out == "linked minsk-1#1 -> minsk-2#1 as distinct: not the same point\n"
    assert err == (
        "minsk-1#1 was paired with minsk-2#1 by the key 'ceasefire'; the link takes that pair"
        " apart\nminsk-1#1 is now left unpaired\nminsk-2#1 is now left unpaired\n"
    )


def test_a_link_that_breaks_a_pair_of_identical_texts_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Identical texts pair without a key; a link taking one of them says how it was paired."""
    d = two_versions(
        [nt.Point(number="1", text="the same words here"), nt.Point(number="2", text="other")],
        [nt.Point(number="1", text="the same words here")],
    )
    path = tmp_path / "same.yaml"
    d.save(path)
    code, _, err = run(capsys, "link", str(path), "a#2", "b#1")
    assert code == 0
    assert err == (
        "b#1 was paired with a#1 by identical text; the link takes b#1, and a#1 is now left"
        " unpaired\n"
    )
