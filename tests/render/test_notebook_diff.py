"""A plan diff displayed in a notebook says what the review loop needs: which pairs to
check, which a person pinned and why, the candidates of an unpaired point, and the options."""

from __future__ import annotations

import re

import negotrack as nt
from negotrack.core.confidence import cut_down
from negotrack.render.shared import repr_html
from negotrack.views.diff import DiffView
from tests.support.lineage import unkeyed

UNKEYED = unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")


def _rows(html: str) -> dict[str, str]:
    """Each change's table row by its heading ("minsk-1 #2 → minsk-2 #3"), without the
    <bdi> that isolate its names and notes."""
    html = re.sub(r"</?bdi[^>]*>", "", html)
    rows = re.findall(
        r'<tr><td>[^<]*</td><td class="nt-num" dir="ltr">([^<]*)</td>(.*?)</tr>', html
    )
    return {heading.replace("&gt;", ">"): row for heading, row in rows}


def test_the_display_marks_pairs_to_check_and_names_candidates() -> None:
    """Minsk without its lineage: a pair found with a low confidence reads "check this" with
    that confidence, a deleted or added point with candidates reads "check this" and names
    each candidate with its confidence, and the counts say how many changes to check, as
    the reports do."""
    view = DiffView.build(UNKEYED)
    html = UNKEYED._repr_html_()
    rows = _rows(html)
    checked = [c for c in view.changes if c.check]
    undecided = [c for c in view.changes if c.counterparts]
    assert checked
    assert undecided
    for c in checked:
        assert (
            f"check this: matched by its text with a low confidence ({cut_down(c.confidence):.2f})"
            in rows[c.heading]
        )
    for c in undecided:
        row = rows[c.heading]
        assert "check this: the text alone could not decide" in row
        said = "may continue as:" if c.kind == "deleted" else "may come from:"
        assert said in row
        for k in c.counterparts:
            assert f"{k.ref} ({cut_down(k.confidence):.2f})" in row
    count = sum(1 for c in view.changes if c.to_check)
    assert f"<li><b>{count}</b> to check</li>" in html
    plain = [c for c in view.changes if not c.to_check]
    assert plain
    assert all("check this" not in rows[c.heading] for c in plain)


def test_the_display_shows_a_curated_link_and_its_note_escaped() -> None:
    """A pair a person pinned reads "curated link" with the link's note, escaped."""
    old = nt.PlanVersion(
        id="a", label="A", date="2025-01-01", points=[nt.Point("1", "Troops withdraw.")]
    )
    new = nt.PlanVersion(
        id="b", label="B", date="2025-02-01", points=[nt.Point("1", "Forces leave.")]
    )
    note = "<b>checked</b> against both texts"
    pd = nt.diff(old, new, links=[nt.PointLink("a#1", "b#1", note=note)])
    row = _rows(repr_html(pd))["a #1 → b #1"]
    assert "curated link: &lt;b&gt;checked&lt;/b&gt; against both texts" in row
    assert "<b>checked" not in row


def test_the_display_keeps_a_space_between_a_deletion_and_the_insertion_after_it() -> None:
    """ "Illegal" became "All foreign": the struck and the inserted words do not run
    together ("IllegalAll foreign"), as in the report pages."""
    pd = nt.load("seeds/minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")
    text = re.sub(r'<span class="nt-vh">[^<]*</span>', "", repr_html(pd))
    assert "<del>Illegal</del> <ins>All foreign</ins> armed" in text


def test_the_display_shows_each_points_options() -> None:
    """A point's options (bracketed alternatives) are shown, dropped and added ones marked."""
    old = nt.PlanVersion(
        id="a",
        label="A",
        date="2025-01-01",
        points=[nt.Point("1", "Elections are held.", options=("in 100 days", "in a year"))],
    )
    new = nt.PlanVersion(
        id="b",
        label="B",
        date="2025-02-01",
        points=[nt.Point("1", "Elections are held.", options=("in 100 days", "in two years"))],
    )
    row = _rows(repr_html(nt.diff(old, new)))["a #1 → b #1"]
    assert "options:" in row
    assert "in 100 days" in row
    assert re.search(r"<del>(<span[^>]*>[^<]*</span>)?in a year", row)
    assert re.search(r"<ins>(<span[^>]*>[^<]*</span>)?in two years", row)


def test_a_plan_displays_its_versions_and_curated_links() -> None:
    """A plan in a notebook (``d.plan("minsk")``) shows its versions (label, id, date,
    points, what each derives from) and its curated links with their notes, escaped; it
    printed the attrs repr of every point of every version."""
    d = nt.load("seeds/minsk-2014-2015.yaml")
    d.link("minsk-1#12", "minsk-2", note="<i>dropped</i> in 2015")
    plan = d.plan("minsk")
    html = plan._repr_html_()
    assert html.startswith('<div class="negotrack-repr nt-p')
    assert "The Minsk agreements" in html
    assert (
        "<bdi>Minsk Protocol</bdi> <code>minsk-1</code> · <bdi>5 Sep 2014</bdi> · 12 points" in html
    )
    assert "<code>minsk-2</code> · <bdi>12 Feb 2015</bdi> · 13 points · from minsk-1" in html
    count = len(plan.links)
    assert f"{count} curated links" in html
    assert "minsk-1#9 → minsk-2#4" in re.sub(r"</?bdi[^>]*>", "", html)
    # A bare version id says what it means, as the diff reports do.
    assert (
        "minsk-1#12 → minsk-2 · no successor, per a curated link: &lt;i&gt;dropped&lt;/i&gt;"
        " in 2015" in re.sub(r"</?bdi[^>]*>", "", html)
    )
    d.link("minsk-1", "minsk-2#13")
    assert "minsk-1 → minsk-2#13 · no predecessor, per a curated link</li>" in re.sub(
        r"</?bdi[^>]*>", "", d.plan("minsk")._repr_html_()
    )
    d.link("minsk-1#1", "minsk-2#2", note="weapons pulled back", distinct=True)
    assert (
        "minsk-1#1 → minsk-2#2 · not the same point, per a curated link: weapons pulled back"
        in re.sub(r"</?bdi[^>]*>", "", d.plan("minsk")._repr_html_())
    )
    assert "<i>dropped" not in html
    assert len(html) < 8000
    french = repr_html(plan, locale="fr")
    assert "liens manuels" in french
