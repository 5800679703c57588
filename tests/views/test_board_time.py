"""The status board in time: as it stood on a date, superseded points, the status chart."""

from __future__ import annotations

import re

import negotrack as nt
from negotrack.views.board import BoardView
from tests.support.dossiers import SEED

D = nt.load(SEED)
PLAN = "peace-framework"


def _cells(view: BoardView) -> dict[str, str]:
    return {p.ref: p.status for row in view.rows for cell in row.cells for p in cell}


def test_undecided_points_of_a_superseded_version_read_superseded() -> None:
    """us-28 #7 was never decided on and the 20-point draft followed: "superseded", while
    the newest version's undecided points stay "proposed"."""
    cells = _cells(BoardView.build(D, PLAN))
    assert cells["us-28#7"] == "superseded"
    assert cells["us-28#21a"] == "deleted"
    assert cells["20-point#1"] == "proposed"
    assert "proposed" not in {s for ref, s in cells.items() if ref.startswith("us-28#")}


def test_the_board_as_it_stood_before_the_new_draft() -> None:
    """On 1 Dec 2025 only the US draft existed and nothing had been decided: every point
    is proposed, and the page says which date it shows."""
    view = BoardView.build(D, PLAN, as_of="2025-12-01")
    assert [c.id for c in view.columns] == ["us-28"]
    assert set(_cells(view).values()) == {"proposed"}
    assert view.as_of == "1 Dec 2025"
    page = nt.render_board(D, PLAN, as_of="2025-12-01")
    assert "As it stood: 1 Dec 2025" in page
    assert "20-point" not in re.sub(r"<p class=\"lede\"[^>]*>.*?</p>", "", page)


def test_as_of_counts_only_what_is_settled_by_then() -> None:
    """On 24 Dec the outline of 23 Dec counts; the deletions and the draft dated only to
    December do not yet (December is not over); by 31 Dec they do."""
    view = BoardView.build(D, PLAN, as_of="2025-12-24")
    cells = _cells(view)
    assert cells["us-28#1"] == "kept"
    assert cells["us-28#21a"] == "proposed"
    assert [c.id for c in view.columns] == ["us-28"]
    assert _cells(BoardView.build(D, PLAN, as_of="2025-12-31"))["us-28#21a"] == "deleted"


def test_the_chart_shows_how_statuses_moved() -> None:
    """One bar per date that changed something, in the order the dates are over; the counts
    grow from all-proposed to decided, and each bar's segments add up to its total."""
    chart = BoardView.build(D, PLAN).chart
    assert chart is not None
    # A date counts once it is over: "Dec 2025" after 23 Dec.
    assert [b.date for b in chart.bars] == ["c. 20 Nov 2025", "23 Dec 2025", "Dec 2025"]
    names = [s for s, _ in chart.statuses]
    first, last = chart.bars[0], chart.bars[-1]
    assert dict(zip(names, first.counts, strict=True))["proposed"] == first.total
    assert dict(zip(names, last.counts, strict=True))["deleted"] == 2
    for b in chart.bars:
        assert sum(s.points for s in b.segments) == b.total == sum(b.counts)


def test_the_chart_is_an_image_with_a_table_beside_it() -> None:
    """The SVG has role="img" and a name; the same numbers are in a table."""
    page = nt.render_board(D, PLAN)
    assert re.search(r'<svg class="nt-chart" role="img" aria-labelledby="chart-h chart-d"', page)
    table = page.split('<table class="grid chart-table">', 1)[1].split("</table>", 1)[0]
    assert '<th scope="row">23 Dec 2025</th>' in table
    chart = BoardView.build(D, PLAN).chart
    assert chart is not None
    assert page.count("<rect ") == sum(len(b.segments) for b in chart.bars)


def test_markdown_board_takes_as_of_too() -> None:
    """The Markdown board shows the same date's statuses."""
    md = nt.render_board(D, PLAN, format="md", as_of="2025-12-01")
    assert "superseded" not in md
    assert "20-point" not in md.split("## Points by version", 1)[1]


def test_a_status_the_dates_do_not_settle_is_marked_on_the_board() -> None:
    """The E3 seed's us-28 #26 was disputed on 23 Nov and deleted some day from 23 to 26
    Nov: the order is unknown, so ``status show`` says "disputed?". The board showed a
    plain "disputed"; it now marks the cell "?" (in words for a screen reader) and says
    what the mark means, in HTML and Markdown. A board whose dates settle every status has
    neither."""
    e3 = nt.load(SEED.parent / "ukraine-e3-2025-11.yaml")
    view = BoardView.build(e3)
    doubtful = [p.ref for row in view.rows for cell in row.cells for p in cell if not p.certain]
    assert doubtful == ["us-28#26"]
    assert view.uncertain == 1
    assert not e3.status_report("us-28#26").certain
    html = nt.render_board(e3)
    assert (
        '<span class="st st-disputed">disputed</span><span class="doubt" aria-hidden="true">?'
        '</span><span class="visually-hidden"> (not certain)</span>'
    ) in html
    assert "? marks a status the recorded dates do not settle" in html
    md = nt.render_board(e3, format="md")
    assert "| #26 disputed? |" in md
    assert "? marks a status the recorded dates do not settle" in md
    assert "marks a status" in nt.render_board(e3, locale="fr").replace(
        "signale un statut", "marks a status"
    )
    # On 23 Nov the deletion's days were still running: not certain either.
    assert BoardView.build(e3, as_of="2025-11-23").uncertain == 1
    # The day before, nothing had been recorded yet: certain, no mark.
    assert BoardView.build(e3, as_of="2025-11-22").uncertain == 0
    assert "marks a status" not in nt.render_board(e3, as_of="2025-11-22")
    assert BoardView.build(D, PLAN).uncertain == 0
    assert "marks a status" not in nt.render_board(D, PLAN)


def test_a_row_split_in_its_latest_version_shows_every_piece() -> None:
    """The US draft's reconstruction package (#12) continues as the 20-point draft's #8
    and #9: its row named #9's text alone, so the development package (#8) appeared on the
    board only as a number. The row now gives both, in their order, in HTML and Markdown."""
    d = nt.load(SEED.parent / "ukraine-20-point-2025-12.yaml")
    view = BoardView.build(d)
    row = next(r for r in view.rows if any(p.ref == "us-28#12" for c in r.cells for p in c))
    assert row.ref == "20-point #8"
    assert row.text.startswith("A strong global development package")
    assert [ref for ref, _ in row.also] == ["20-point #9"]
    assert row.also[0][1].startswith("Several funds are set up")
    html = nt.render_board(d)
    assert html.index("A strong global development package") < html.index(
        "Several funds are set up"
    )
    md = nt.render_board(d, format="md")
    assert "covers a wide range of economic areas. 20-point #9: Several funds" in md
    assert all(r.also == () for r in BoardView.build(D, PLAN).rows)
