"""The status board marks the rows text matching joined with a low confidence, as the diff
report marks the pair "check this"."""

from __future__ import annotations

import pytest

import negotrack as nt
from negotrack.views.board import BoardView
from tests.support.dossiers import SEEDS
from tests.support.lineage import unkeyed

LEGEND = "marks a point that text matching joined to its row with a confidence below 0.80"


def test_a_cell_joined_by_an_unsure_pair_carries_its_confidence() -> None:
    """Without its lineage, the JCPOA's #19 (a procurement working group that reviews each
    transfer for ten years) is joined to the Lausanne fact sheet's #15 (a dedicated
    procurement channel) at 0.65, and its #4 (the centrifuges above the cap stored in Hall
    B) to the fact sheet's #4 at 0.5, since the fact sheet's #11 (the IR-2M centrifuges
    kept in storage), which #4 merges with, scores as high: pairs the diff marks "check
    this" (right ones: the reader is asked, not told they are wrong). Their cells say so;
    the cells of pairs the diff is sure of say nothing."""
    d = unkeyed("iran-2015.yaml")
    unsure = {
        c.new.number: c.confidence
        for c in d.diff("lausanne", "jcpoa").changes
        if c.old is not None and c.new is not None and c.check
    }
    assert unsure.keys() == {"4", "19"}
    view = BoardView.build(d)
    marked = {p.number: p.check for row in view.rows for p in row.cells[1] if p.check is not None}
    assert marked == unsure
    assert view.unsure == 2
    assert all(p.check is None for row in view.rows for p in row.cells[0])


@pytest.mark.parametrize("format", ["html", "md"])
def test_the_board_marks_unsure_rows_and_says_what_the_mark_means(format: str) -> None:
    """Both formats show "check this" with the confidence and explain it once; a board
    whose rows come from keys and links (the seed as curated) shows neither."""
    d = unkeyed("iran-2015.yaml")
    page = nt.render_board(d, format=format)
    assert LEGEND in page
    assert ("check this (0.65)" if format == "html" else "#19 proposed (check this: 0.65)") in page
    french = nt.render_board(d, format=format, locale="fr")
    assert "rattaché à sa ligne avec une confiance inférieure à 0,80" in french
    curated = nt.render_board(nt.load(SEEDS / "iran-2015.yaml"), format=format)
    assert LEGEND not in curated
    assert "check this" not in curated
