"""The status board shows each point's options, as the diff report names and joins them."""

from __future__ import annotations

import re

import negotrack as nt
from negotrack.views.board import BoardView
from tests.support.pagetext import texts_of

ZONE = "The buffer zone is [..] km wide."


def _dossier(*options: str) -> nt.Dossier:
    """One plan of two versions whose one point keeps its text and carries ``options``
    in the newer version (the older one has others)."""
    old = nt.PlanVersion(
        id="v1",
        label="First",
        date="2025-11-20",
        points=[nt.Point(number="1", text=ZONE, key="zone", options=["10 km"])],
    )
    new = nt.PlanVersion(
        id="v2",
        label="Second",
        date="2025-11-30",
        points=[nt.Point(number="1", text=ZONE, key="zone", options=list(options))],
        derived_from=["v1"],
    )
    return nt.Dossier(title="Options", plans=[nt.Plan(id="p", title="Plan", versions=[old, new])])


def _shown(html: str, cls: str) -> list[str]:
    return texts_of(html, cls)


def test_a_row_holds_its_latest_points_options() -> None:
    """The row's options are those of its point in the latest version, in their order."""
    (row,) = BoardView.build(_dossier("40 km", "20 km")).rows
    assert row.options == ("40 km", "20 km")


def test_the_html_board_shows_the_options_as_the_diff_report_does() -> None:
    """Each option in a ``bdi.opt`` after "Options:", joined by "or", as in the diff."""
    d = _dossier("20 km", "40 km")
    board = nt.render_board(d, format="html")
    assert _shown(board, "options") == ["Options: 20 km or 40 km"]
    assert '<bdi class="opt">20 km</bdi> or <bdi class="opt">40 km</bdi>' in board
    report = d.diff("v1", "v2").to_html()
    assert _shown(report, "options")[0].startswith("Options: ")


def test_a_point_without_options_shows_none() -> None:
    """No options, no "Options:" line."""
    board = nt.render_board(_dossier(), format="html")
    assert 'class="options"' not in board
    assert "Options:" not in nt.render_board(_dossier(), format="md")


def test_options_are_escaped_in_html_and_markdown() -> None:
    """An option's markup is text on the page and in the Markdown table (a pipe too)."""
    d = _dossier("<b>20</b> km", "a | b")
    board = nt.render_board(d, format="html")
    assert "<b>20</b>" not in board
    assert _shown(board, "options") == ["Options: <b>20</b> km or a | b"]
    md = nt.render_board(d, format="md")
    (row,) = [line for line in md.splitlines() if line.startswith("| zone")]
    assert "Options: &lt;b&gt;20&lt;/b&gt; km or a \\| b |" in row
    assert len(re.findall(r"(?<!\\)\|", row)) == 4  # the cells: point, two versions


def test_the_options_are_in_the_pages_language() -> None:
    """The label and the "or" come from the locale, as the diff report's do."""
    d = _dossier("20 km", "40 km")
    board = nt.render_board(d, format="html", locale="uk")
    assert _shown(board, "options") == ["Варіанти: 20 km або 40 km"]
    md = nt.render_board(d, format="md", locale="es")
    assert "Opciones: 20 km o 40 km |" in md
