"""The status board says what it depends on: the date it stands at and a cut of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

import negotrack as nt
from tests.support.cli import run

SEED = Path(__file__).resolve().parents[2] / "seeds" / "minsk-2014-2015.yaml"
CUT = "a cut set for this board instead of the matcher's own"


@pytest.mark.parametrize("format", ["html", "md"])
def test_a_board_made_at_a_cut_of_its_own_says_so(format: str) -> None:
    """Rows are lined up by the diffs between versions: a board made with ``threshold``
    says the cut in both formats (its rows depend on it); the matcher's own says nothing."""
    d = nt.load(SEED)
    assert CUT not in nt.render_board(d, format=format)
    page = nt.render_board(d, format=format, threshold=0.3)
    assert f"by their text at a confidence of 0.30 or more, {CUT}." in page
    french = nt.render_board(d, format=format, threshold=0.3, locale="fr")
    assert "à partir d’une confiance de 0,30" in french


def test_a_markdown_board_says_the_date_it_stands_at() -> None:
    """``board --as-of --format md`` says the date, as the HTML board does; the record as
    it stands today says none."""
    d = nt.load(SEED)
    assert "As it stood" not in nt.render_board(d, format="md")
    assert "*As it stood: 1 Jan 2015*" in nt.render_board(d, format="md", as_of="2015-01-01")


def test_board_threshold_on_the_command_line_is_stated(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``negotrack board --threshold`` passes its cut to the page, which states it."""
    code, out, _ = run(capsys, "board", str(SEED), "--format", "md", "--threshold", "0.3")
    assert code == 0
    assert CUT in out
