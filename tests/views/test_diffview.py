"""The diff report's view-model (negotrack.views.diff)."""

from __future__ import annotations

from negotrack.plandiff.compare import ChangeKind
from negotrack.render.renderer import render_diff
from negotrack.views.diff import COUNTERPARTS, KIND_ORDER, DiffView
from tests.support.lineage import unkeyed


def test_kind_order_lists_every_change_kind() -> None:
    """The report's summary order names every kind of change, each once."""
    assert sorted(KIND_ORDER) == sorted(k.value for k in ChangeKind)


def _minsk() -> DiffView:
    """The view of Minsk I -> Minsk II with no curated lineage."""
    return DiffView.build(unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2"))


def test_deleted_and_added_points_show_where_they_may_continue() -> None:
    """Minsk I's local-elections clause and Minsk II's second local-elections point, which
    the text alone cannot pair, name each other (and their anchors) as counterparts; a
    point with a partner names none, and no point names more than COUNTERPARTS."""
    view = _minsk()
    by_ref = {c.new_ref or c.old_ref: c for c in view.changes}
    added = by_ref["minsk-2 #12"]
    assert added.kind == "added"
    assert "minsk-1 #9" in [ref for ref, _ in added.counterparts]
    anchors = {c.anchor for c in view.changes}
    for c in view.changes:
        assert len(c.counterparts) <= COUNTERPARTS
        assert {a for _, a in c.counterparts} <= anchors
        if c.kind not in {"added", "deleted"}:
            assert c.counterparts == ()


def test_reports_say_where_an_unpaired_point_may_continue() -> None:
    """The text, Markdown and HTML reports print the counterparts, with the reason, in
    English and in translated reports."""
    d = unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")
    text = render_diff(d, "text")
    assert "may come from: minsk-1 #9 or minsk-1 #2" in text
    assert "(check: the text alone could not decide)" in text
    markdown = render_diff(d, "md")
    assert "**May continue as**: minsk-2 #9" in markdown
    assert "Peut se poursuivre en" in render_diff(d, "md", locale="fr")
    html = render_diff(d, "html", locale="ar")
    # Links to where the candidates stand, joined as Arabic joins alternatives.
    assert '<a href="#p-minsk-1-3-gone"><bdi dir="ltr">minsk-1 #3</bdi></a> أو' in html
    assert "قد يستمر في" in html
