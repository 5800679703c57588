"""``negotrack link --distinct``: turn a pair down, through the safe update, and say what
became of its two points."""

from __future__ import annotations

from pathlib import Path

import pytest

import negotrack as nt
from tests.support.cli import run
from tests.support.lineage import uncited, unkeyed


@pytest.fixture
def drc(tmp_path: Path) -> Path:
    """The DRC-Rwanda declaration and agreement with no curated lineage, saved as YAML."""
    path = tmp_path / "drc.yaml"
    unkeyed("drc-rwanda-2025.yaml").save(path)
    return path


def test_link_distinct_turns_a_pair_down_and_says_what_became_of_its_points(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The merger piece declaration#2.4 -> agreement#2.1, made by text at 0.99 when 2.1
    does not cite Article 3, turned down: the file keeps the link with ``distinct: true``
    and its note, stdout confirms it as distinct, and stderr says the pair is gone and
    where each point stands now."""
    drc = tmp_path / "drc.yaml"
    uncited().save(drc)
    code, out, err = run(
        capsys,
        "link",
        str(drc),
        "declaration#2.4",
        "agreement#2.1",
        "--distinct",
        "--note",
        "2.1 only names the mechanism",
    )
    assert code == 0
    assert out == "linked declaration#2.4 -> agreement#2.1 as distinct: not the same point\n"
    assert err.splitlines() == [
        "declaration#2.4 was paired by its text with agreement#2.1 (0.99); the link takes"
        " that pair apart",
        "declaration#2.4 is now left unpaired",
        "agreement#2.1 is now paired with declaration#2.3 (0.99)",
    ]
    text = drc.read_text(encoding="utf-8")
    assert (
        "      - old: declaration#2.4\n"
        "        new: agreement#2.1\n"
        "        note: 2.1 only names the mechanism\n"
        "        distinct: true\n"
    ) in text
    assert nt.load(drc).plan("drc-rwanda-peace").links == (
        nt.PointLink(
            "declaration#2.4", "agreement#2.1", "2.1 only names the mechanism", distinct=True
        ),
    )
    code, out, _ = run(capsys, "suggest-links", str(drc), "declaration", "agreement")
    assert code == 0
    assert "declaration#2.4 -> agreement#2.1\t" not in out
    assert "declaration#2.4 -> agreement#3\t0.35\tcandidate" in out


def test_link_distinct_to_a_pair_text_did_not_make_says_nothing_more(
    capsys: pytest.CaptureFixture[str], drc: Path
) -> None:
    """Turning down a candidate (not a pair) takes no pair apart: only the confirmation."""
    code, out, err = run(capsys, "link", str(drc), "declaration#6.1", "agreement#7", "--distinct")
    assert code == 0
    assert out == "linked declaration#6.1 -> agreement#7 as distinct: not the same point\n"
    assert err == ""


def test_link_distinct_to_a_bare_version_is_refused(
    capsys: pytest.CaptureFixture[str], drc: Path
) -> None:
    """A distinct link names two points: the refusal names the argument and what to do,
    and the file is left as it was."""
    before = drc.read_bytes()
    code, out, err = run(capsys, "link", str(drc), "declaration#2.4", "agreement", "--distinct")
    assert code == 1
    assert out == ""
    assert err.startswith(
        f"{drc}: NEW_REF agreement: declaration#2.4 -> agreement (distinct: not the same"
        " point) names a whole version"
    )
    assert "without distinct" in err
    assert drc.read_bytes() == before


def test_the_review_sheet_says_how_to_turn_each_pair_down(
    capsys: pytest.CaptureFixture[str], drc: Path
) -> None:
    """Under the command that pins a pair, the sheet prints the one that turns it down,
    ``--distinct`` before the operands, ready to paste."""
    code, out, _ = run(
        capsys, "suggest-links", str(drc), "declaration", "agreement", "--format", "md"
    )
    assert code == 0
    assert f"`negotrack link {drc} 'declaration#2.4' 'agreement#2.1'`" in out
    assert (
        "If they are not the same point, turn the pair down: "
        f"`negotrack link --distinct {drc} 'declaration#2.4' 'agreement#2.1'`"
    ) in out
