"""The diff report's view-model (negotrack.views.diff)."""

from __future__ import annotations

import re
from pathlib import Path

import attrs

import negotrack
from negotrack.plandiff.compare import ChangeKind, diff
from negotrack.render.catalogs import interface
from negotrack.render.shared import render_diff
from negotrack.views.diff import KIND_ORDER, DiffView
from tests.support.lineage import unkeyed

CSS = Path(negotrack.__file__).parent / "render" / "templates" / "html" / "css"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_kind_order_lists_every_change_kind() -> None:
    """The report's summary order names every kind of change, each once."""
    assert sorted(KIND_ORDER) == sorted(k.value for k in ChangeKind)


def _minsk() -> DiffView:
    """The view of Minsk I -> Minsk II with no curated lineage."""
    return DiffView.build(unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2"))


def test_deleted_and_added_points_show_where_they_may_continue() -> None:
    """Minsk I's local-elections clause and Minsk II's second local-elections point, which
    the text alone cannot pair, name each other (and their anchors) as counterparts; a
    point with a partner the diff is sure of names none. A point names every candidate the
    diff lists for it, the most likely first: Minsk II's ceasefire (#1) most resembles
    Minsk I's withdrawal of heavy weapons (#6, paired with another point), then Minsk I's
    own ceasefire (#1), then the decentralisation point (#3, paired with the
    constitutional reform), which a report showing two would hide."""
    plan_diff = unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")
    view = DiffView.build(plan_diff)
    by_ref = {c.new_ref or c.old_ref: c for c in view.changes}
    added = by_ref["minsk-2 #12"]
    assert added.kind == "added"
    assert "minsk-1 #9" in [k.ref for k in added.counterparts]
    ceasefire = by_ref["minsk-2 #1"].counterparts
    assert [k.ref for k in ceasefire] == ["minsk-1 #6", "minsk-1 #1", "minsk-1 #3"]
    assert [k.confidence for k in ceasefire] == sorted(
        (k.confidence for k in ceasefire), reverse=True
    )
    anchors = {c.anchor for c in view.changes}
    for c in view.changes:
        listed = [
            k
            for k in plan_diff.candidates
            if (c.new_ref is None and c.old_ref == f"minsk-1 #{k.old.number}")
            or (c.old_ref is None and c.new_ref == f"minsk-2 #{k.new.number}")
        ]
        assert len(c.counterparts) == len(listed)
        assert {k.anchor for k in c.counterparts} <= anchors
        if c.kind not in {"added", "deleted"}:
            assert c.counterparts == ()


def test_a_pair_to_check_names_the_other_candidates_of_its_points() -> None:
    """The Dayton framework's Article VII takes the New York pledge of human rights "to
    strengthen the democratic election process" (NY5.1) as a piece, by a hair: the pair
    reads "check this", and its card names where else the text may have gone, the most
    likely first: the election annex's conditions for free elections (the curated pair),
    then Geneva's displaced persons commission and its human rights standards (2.4b, the
    point the curated lineage continues into VII). Pairs the diff is sure of name none. In
    every format and language."""
    d = unkeyed("bosnia-1995.yaml").diff("basic-principles", "general-framework")
    view = DiffView.build(d)
    (card,) = [
        c
        for c in view.changes
        if (c.old_ref, c.new_ref) == ("basic-principles #NY5.1", "general-framework #VII")
    ]
    assert card.check
    assert [k.ref for k in card.counterparts] == [
        "general-framework #Annex 3 I.1",
        "basic-principles #3.1",
        "basic-principles #2.4b",
    ]
    assert all(not c.counterparts for c in view.changes if c.old_ref and c.new_ref and not c.check)
    text = render_diff(d, "text")
    assert re.search(
        r"other candidates: general-framework #Annex 3 I\.1 \(0\.\d\d\), basic-principles"
        r" #3\.1 \(0\.\d\d\), or basic-principles #2\.4b \(0\.\d\d\)",
        text,
    )
    assert "**Other candidates**: general-framework #Annex 3 I.1 (" in render_diff(d, "md")
    html = render_diff(d, "html")
    assert re.search(
        r'Other candidates: <a class="ident" href="#[^"]+"><bdi dir="ltr">'
        r"general-framework #Annex 3 I\.1</bdi></a>",
        html,
    )
    assert "Autres candidats" in render_diff(d, "md", locale="fr")
    assert "Інші кандидати" in render_diff(d, "html", locale="uk")


def test_reports_say_where_an_unpaired_point_may_continue() -> None:
    """The text, Markdown and HTML reports print the counterparts, with the reason, in
    English and in translated reports."""
    d = unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")
    text = render_diff(d, "text")
    assert re.search(r"may come from: minsk-1 #9 \(0\.\d\d\) or minsk-1 #2 \(0\.\d\d\)", text)
    assert "check this: the text alone could not decide" in text
    markdown = render_diff(d, "md")
    assert "**May continue as**: minsk-2 #9 (" in markdown
    assert "Peut se poursuivre en" in render_diff(d, "md", locale="fr")
    html = render_diff(d, "html", locale="ar")
    # Links to where the candidates stand, joined as Arabic joins alternatives: an unpaired
    # one to its own entry, one paired elsewhere to the pair's entry.
    assert re.search(
        '<a class="ident" href="#p-minsk-1-1-gone"><bdi dir="ltr">minsk-1 #1</bdi></a>'
        " \\(0\\.\\d\\d\\) أو",
        html,
    )
    assert '<a class="ident" href="#p-minsk-2-11"><bdi dir="ltr">minsk-1 #3</bdi></a>' in html
    assert "الخلف المحتمل" in html


def test_the_page_can_show_each_kind_what_changed_and_what_to_check() -> None:
    """The counts are choices of what to show: all changes, those that changed (when some
    points are unchanged or renumbered), each kind, and those a person should check (a
    pair found with low confidence, an unpaired point with candidates), with their counts."""
    view = _minsk()
    shows = {key: (label, count) for key, label, count in view.shows}
    kinds = {kind: count for kind, _, count in view.summary}
    assert view.shows[0][0] == "all"
    assert shows["all"] == ("all", len(view.changes))
    for kind, count in kinds.items():
        assert shows[kind][1] == count
    to_check = [c for c in view.changes if c.check or c.counterparts]
    assert to_check
    assert shows["check"] == ("to check", len(to_check))
    same = sum(kinds.get(k, 0) for k in ("unchanged", "renumbered"))
    assert ("changed" in shows) == (0 < same < len(view.changes))
    french = DiffView.build(
        unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2"), lang=interface("fr")
    )
    assert [label for key, label, _ in french.shows if key in ("all", "check")] == [
        "au total",
        "à vérifier",
    ]


def test_a_diff_with_no_change_offers_nothing_to_show() -> None:
    """Two empty versions: no counts, no choice."""
    d = unkeyed("minsk-2014-2015.yaml")
    empty = attrs.evolve(d.version("minsk-1"), points=())
    view = DiffView.build(diff(empty, empty))
    assert view.shows == ()
    assert 'name="show"' not in render_diff(diff(empty, empty), "html")


def test_the_stylesheet_hides_the_other_kinds_for_every_kind() -> None:
    """Every kind of change (and "changed", "check") has its rule in the page's CSS: a new
    kind without one would leave the filter showing everything."""
    css = (CSS / "content.css").read_text("utf-8")
    for kind in KIND_ORDER:
        assert f"main:has(#show-{kind}:checked) .changes > :not(.c-{kind}, :target)" in css
    assert "main:has(#show-check:checked) .changes > :not(.to-check, :target)" in css
    assert "main:has(#show-changed:checked) .changes > .c-unchanged:not(:target)" in css


def test_one_kind_alone_still_says_what_the_changes_are() -> None:
    """A diff whose changes are all of one kind shows that kind's count beside "all"."""
    d = unkeyed("minsk-2014-2015.yaml")
    first = d.version("minsk-1").points[0]
    old = attrs.evolve(d.version("minsk-1"), points=(first,))
    new = attrs.evolve(old, points=(attrs.evolve(first, text=first.text + " At once."),))
    view = DiffView.build(diff(old, new))
    assert [(key, count) for key, _, count in view.shows] == [("all", 1), ("reworded", 1)]


def test_the_json_marks_what_the_reports_count_to_check() -> None:
    """``to_check`` in the JSON (and ``PlanDiff.to_check``) holds exactly the changes the
    reports mark "check
    this": a pair found with a low confidence, or a deleted or added point with candidates
    (which ``check``, the pair's own, leaves false), so a script counts what a reader does."""
    d = unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")
    view = DiffView.build(d)
    changes = d.to_json_data()["changes"]
    assert [c["to_check"] for c in changes] == [v.to_check for v in view.changes]
    assert [c in d.to_check for c in d.changes] == [v.to_check for v in view.changes]
    count = next(n for key, _, n in view.shows if key == "check")
    assert sum(c["to_check"] for c in changes) == count
    assert sum(c["check"] for c in changes) < count  # points left with candidates


def test_the_text_and_markdown_reports_count_what_to_check() -> None:
    """The summary line of the plain reports ends with how many changes a person should
    check, when any, in the report's language."""
    d = unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")
    count = next(n for key, _, n in DiffView.build(d).shows if key == "check")
    assert render_diff(d, "text").splitlines()[2].endswith(f" · {count} to check")
    assert f" · **{count}** to check" in render_diff(d, "md")
    assert f" · {count} à vérifier" in render_diff(d, "text", locale="fr")
    keyed = render_diff(negotrack.load(SEEDS / "gaza-2025.yaml").diff("us-21", "us-20"), "text")
    assert "to check" not in keyed.splitlines()[2]


def _seed_pairs() -> list[tuple[str, DiffView]]:
    out = []
    for path in sorted(SEEDS.glob("*.yaml")):
        d = negotrack.load(path)
        for plan in d.plans:
            for old, new in zip(plan.versions, plan.versions[1:], strict=False):
                out.append(
                    (f"{path.stem} {old.id}->{new.id}", DiffView.build(d.diff(old.id, new.id)))
                )
    return out


def test_every_card_has_an_anchor_of_its_own() -> None:
    """No two changes of any seed's report share an anchor, though merge pieces share their
    new point: the first piece keeps the point's anchor (what links name), the next add
    "-part-2", "-part-3"."""
    for name, view in _seed_pairs():
        anchors = [c.anchor for c in view.changes]
        assert len(anchors) == len(set(anchors)), name
    view = dict(_seed_pairs())["iran-2015 lausanne->jcpoa"]
    pieces = [c for c in view.changes if c.new_ref == "jcpoa #7"]
    assert len(pieces) > 1
    assert [c.anchor for c in pieces] == ["p-jcpoa-7"] + [
        f"p-jcpoa-7-part-{n}" for n in range(2, len(pieces) + 1)
    ]


def test_a_suffix_never_takes_another_points_anchor() -> None:
    """A point numbered like a suffixed piece ("7-part-2") keeps its own anchor; the piece
    goes on to the next free one."""
    old = negotrack.PlanVersion(
        id="a",
        label="A",
        date="2025-01-01",
        points=[
            negotrack.Point("1", "The ceasefire starts at once.", key="x"),
            negotrack.Point("2", "Heavy weapons are pulled back.", key="y"),
        ],
    )
    new = negotrack.PlanVersion(
        id="b",
        label="B",
        date="2025-02-01",
        points=[
            negotrack.Point("7", "The ceasefire starts and heavy weapons are pulled back."),
            negotrack.Point("7-part-2", "Prisoners are exchanged."),
        ],
    )
    links = [negotrack.PointLink("a#1", "b#7"), negotrack.PointLink("a#2", "b#7")]
    view = DiffView.build(diff(old, new, links=links))
    anchors = [c.anchor for c in view.changes]
    assert anchors == ["p-b-7", "p-b-7-part-3", "p-b-7-part-2"]


def test_a_status_line_says_only_what_was_recorded() -> None:
    """An added point nobody recorded a status for (so "proposed" by default) has no
    status line, in any format; one whose status was logged, or written as tabled, has
    one, and so do the pairs and deleted points whose status changed."""
    d = negotrack.load(SEEDS / "iran-2015.yaml")
    view = DiffView.build(d.diff("lausanne", "jcpoa"))
    by_ref = {c.new_ref or c.old_ref: c for c in view.changes}
    added = [c for c in view.changes if c.kind == "added"]
    assert added
    assert not any(c.status_changed for c in added)
    assert by_ref["jcpoa #1"].status_changed  # proposed -> agreed, logged
    assert by_ref["lausanne #6"].status_changed  # proposed -> deleted, logged
    for fmt, line in (("text", "status: (none) → proposed"), ("md", "Status: (none) → proposed")):
        assert line not in render_diff(d.diff("lausanne", "jcpoa"), fmt)
    d.set_status("jcpoa#25", "agreed", on="2015-07-14", source="i4")
    logged = DiffView.build(d.diff("lausanne", "jcpoa"))
    card = next(c for c in logged.changes if c.new_ref == "jcpoa #25")
    assert card.status_changed
    assert card.status_new_key == "agreed"
    plan = d.plans[0]
    versions = tuple(
        attrs.evolve(
            v,
            points=tuple(
                attrs.evolve(p, status="disputed") if (v.id, p.number) == ("jcpoa", "27") else p
                for p in v.points
            ),
        )
        for v in plan.versions
    )
    tabled = negotrack.Dossier(
        title=d.title,
        participants=d.participants,
        sources=d.sources,
        plans=[attrs.evolve(plan, versions=versions)],
    )
    card = next(
        c
        for c in DiffView.build(tabled.diff("lausanne", "jcpoa")).changes
        if c.new_ref == "jcpoa #27"
    )
    assert card.kind == "added"
    assert card.status_changed
    assert card.status_new_key == "disputed"
