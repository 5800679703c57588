"""Turning a pair down: a ``distinct`` link says two points are not the same point, and
text matching neither pairs them nor offers one for the other."""

from __future__ import annotations

import json

import pytest

import negotrack as nt
from negotrack.io.schema import json_schema
from negotrack.io.storage import dumps, loads
from tests.support.lineage import uncited, unkeyed

DECL, AGR = "declaration", "agreement"


@pytest.fixture
def drc() -> nt.Dossier:
    """The DRC-Rwanda declaration and agreement of 2025, with no curated lineage."""
    return unkeyed("drc-rwanda-2025.yaml")


def _listed(d: nt.Dossier, old: str, new: str) -> dict[tuple[str, str], str]:
    """What ``suggest_links`` lists: each pair and how it was found."""
    return {(s.old, s.new): s.matched_by for s in d.suggest_links(old, new)}


def test_turning_a_wrong_merger_piece_down_offers_the_right_counterpart() -> None:
    """Without its citation, agreement 2.1 reads "the Joint Security Coordination Mechanism
    monitors it" as its own matter: text makes declaration 2.4 (explore such a mechanism)
    a piece of a merger into 2.1, sure of it. Turned down, 2.4 is left unpaired, with
    Article 3, where it went, its candidate; 2.3 stays 2.1's predecessor, and nothing
    else changes. (With the citation, text leaves 2.4 so by itself: test_citations.)"""
    drc = uncited()
    before = _listed(drc, DECL, AGR)
    assert before[("declaration#2.4", "agreement#2.1")] == "merge"
    assert before[("declaration#2.4", "agreement#3")] == "candidate"
    link = drc.link(
        "declaration#2.4", "agreement#2.1", note="2.1 only names the mechanism", distinct=True
    )
    assert link == nt.PointLink(
        "declaration#2.4", "agreement#2.1", "2.1 only names the mechanism", distinct=True
    )
    after = _listed(drc, DECL, AGR)
    assert ("declaration#2.4", "agreement#2.1") not in after
    assert after[("declaration#2.3", "agreement#2.1")] == "text"
    assert after[("declaration#2.4", "agreement#3")] == "candidate"
    made = {k: v for k, v in before.items() if v != "candidate"}
    made_after = {k: v for k, v in after.items() if v != "candidate"}
    changed = {k for k in set(made) | set(made_after) if made.get(k) != made_after.get(k)}
    assert changed == {
        ("declaration#2.4", "agreement#2.1"),
        ("declaration#2.3", "agreement#2.1"),  # a piece of the merger, now a pair
    }
    d = drc.diff(DECL, AGR)
    gone = [c for c in d.changes if c.old is not None and c.old.number == "2.4"]
    assert [(c.kind, c.matched_by) for c in gone] == [(nt.ChangeKind.DELETED, "")]


def test_a_candidate_turned_down_leaves_the_other_to_the_text() -> None:
    """Minsk I's "both sides stop using weapons" is offered Minsk II's heavy-weapons
    pull-back (#2, the stronger) and its ceasefire (#1), and text cannot decide between
    them. Turning #2 down leaves #1, which text then pairs with it: the right pair."""
    minsk = unkeyed("minsk-2014-2015.yaml")
    before = _listed(minsk, "minsk-1", "minsk-2")
    assert before[("minsk-1#1", "minsk-2#2")] == "candidate"
    assert before[("minsk-1#1", "minsk-2#1")] == "candidate"
    minsk.link("minsk-1#1", "minsk-2#2", distinct=True)
    after = _listed(minsk, "minsk-1", "minsk-2")
    assert ("minsk-1#1", "minsk-2#2") not in after
    assert after[("minsk-1#1", "minsk-2#1")] == "text"


def _two(old_texts: list[str], new_texts: list[str], keys: bool = False) -> nt.Plan:
    def version(vid: str, texts: list[str], date: str) -> nt.PlanVersion:
        return nt.PlanVersion(
            id=vid,
            label=vid,
            date=date,
            points=[
                nt.Point(str(k + 1), t, key=f"k{t}" if keys else None) for k, t in enumerate(texts)
            ],
        )

    return nt.Plan(
        id="p",
        title="P",
        versions=[version("a", old_texts, "2025-01-01"), version("b", new_texts, "2025-02-01")],
    )


def _pairs(plan: nt.Plan, *links: nt.PointLink) -> set[tuple[str, str, str]]:
    d = nt.diff(plan.version("a"), plan.version("b"), links=links)
    return {(c.old.number, c.new.number, c.matched_by) for c in d.changes if c.old and c.new}


def test_a_distinct_link_wins_over_the_same_text_and_a_shared_key() -> None:
    """The same text twice pairs copy with copy; turned down, the first old copy takes the
    second new one. A shared key is overruled the same way."""
    texts = ["The parties exchange all prisoners.", "Elections are held within 100 days."]
    plan = _two([texts[0], texts[0]], [texts[0], texts[0]])
    assert _pairs(plan) == {("1", "1", "exact"), ("2", "2", "exact")}
    down = nt.PointLink("a#1", "b#1", distinct=True)
    assert ("1", "1", "exact") not in _pairs(plan, down)
    assert ("1", "2", "exact") in _pairs(plan, down)
    keyed = _two(texts, list(reversed(texts)), keys=True)
    assert _pairs(keyed) == {("1", "2", "key"), ("2", "1", "key")}
    assert _pairs(keyed, nt.PointLink("a#1", "b#2", distinct=True)) == {("2", "1", "key")}


def test_a_distinct_link_does_not_chain_through_versions() -> None:
    """a#1 is not b#1, and b#1 became c#1: that says nothing of a#1 and c#1, which keep
    their text pair (a link that pairs chains; one that turns a pair down does not)."""
    text = "Both sides withdraw heavy weapons from the line of contact."
    plan = nt.Plan(
        id="p",
        title="P",
        versions=[
            nt.PlanVersion(id=v, label=v, date=f"2025-0{k + 1}-01", points=[nt.Point("1", text)])
            for k, v in enumerate("abc")
        ],
        links=[
            nt.PointLink("a#1", "b#1", distinct=True),
            nt.PointLink("b#1", "c#1"),
        ],
    )
    d = nt.diff(plan.version("a"), plan.version("c"), links=plan.links)
    assert [(c.kind, c.matched_by) for c in d.changes] == [(nt.ChangeKind.UNCHANGED, "exact")]


def test_linking_a_pair_both_ways_is_refused(drc: nt.Dossier) -> None:
    """A pair cannot be one point and two: the second link is refused at the first."""
    drc.link("declaration#2.4", "agreement#3")
    with pytest.raises(nt.DossierError, match="contradicts the new link") as caught:
        drc.link("declaration#2.4", "agreement#3", distinct=True)
    (problem,) = caught.value.problems
    assert problem.path == "$.plans[0].links[0]"
    assert problem.message == (
        "declaration#2.4 -> agreement#3 contradicts the new link "
        "declaration#2.4 -> agreement#3 (distinct: not the same point)"
    )
    drc.unlink("declaration#2.4", "agreement#3")
    drc.link("declaration#2.4", "agreement#3", distinct=True)
    assert [k.distinct for k in drc.plan("drc-rwanda-peace").links] == [True]
    drc.unlink("declaration#2.4", "agreement#3")  # unlink takes a distinct link back
    assert drc.plan("drc-rwanda-peace").links == ()


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [("declaration#2.4", "agreement", "new_ref"), ("declaration", "agreement#3", "old_ref")],
)
def test_a_distinct_link_names_two_points(drc: nt.Dossier, old: str, new: str, where: str) -> None:
    """Turning down a whole version means nothing: "no successor" says that, so the
    refusal names it."""
    with pytest.raises(nt.DossierError) as caught:
        drc.link(old, new, distinct=True)
    (problem,) = caught.value.problems
    assert problem.path == where
    assert problem.message == f"{old} -> {new} (distinct: not the same point) names a whole version"
    assert problem.hint is not None
    assert "without distinct" in problem.hint
    assert drc.plan("drc-rwanda-peace").links == ()


def test_a_file_is_checked_for_distinct_links_as_link_checks_them() -> None:
    """Validation reports a distinct link to a bare version, and a pair linked both ways,
    at the later link."""
    d = unkeyed("drc-rwanda-2025.yaml")
    data = json.loads(dumps(d))
    data["plans"][0]["links"] = [
        {"old": "declaration#2.4", "new": "agreement#3"},
        {"old": "declaration#2.4", "new": "agreement#3", "distinct": True},
        {"old": "declaration#1.4", "new": "agreement", "distinct": True},
    ]
    with pytest.raises(nt.NegotrackError) as caught:
        loads(json.dumps(data), "json")
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "$.plans[0].links[1]",
            "declaration#2.4 -> agreement#3 (distinct: not the same point) contradicts "
            "$.plans[0].links[0], declaration#2.4 -> agreement#3",
        ),
        (
            "$.plans[0].links[2]",
            "declaration#1.4 -> agreement (distinct: not the same point) names a whole version",
        ),
    ]


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_distinct_is_written_only_when_true_and_read_back(drc: nt.Dossier, fmt: str) -> None:
    """A file keeps ``distinct: true`` and writes nothing for the usual link; both load back
    as they were."""
    drc.link("declaration#2.4", "agreement#2.1", distinct=True)
    drc.link("declaration#2.4", "agreement#3")
    text = dumps(drc, fmt)  # type: ignore[arg-type]
    assert text.count("distinct") == 1
    again = loads(text, fmt)  # type: ignore[arg-type]
    assert again.plan("drc-rwanda-peace").links == drc.plan("drc-rwanda-peace").links
    link = json_schema()["$defs"]["link"]["properties"]["distinct"]
    assert (link["type"], link["default"]) == ("boolean", False)


@pytest.mark.parametrize("value", ["yes", "true", 1, None, [True]])
def test_distinct_must_be_true_or_false(drc: nt.Dossier, value: object) -> None:
    """A file's ``distinct`` that is not true or false is placed at the field."""
    data = json.loads(dumps(drc))
    data["plans"][0]["links"] = [
        {"old": "declaration#2.4", "new": "agreement#2.1", "distinct": value}
    ]
    if value is None:  # YAML's ~: the field left out
        assert loads(json.dumps(data), "json").plan("drc-rwanda-peace").links[0].distinct is False
        return
    with pytest.raises(nt.NegotrackError) as caught:
        loads(json.dumps(data), "json")
    (problem,) = caught.value.problems
    assert problem.path == "$.plans[0].links[0].distinct"
    assert problem.message.startswith("expected true or false, found ")
    with pytest.raises(nt.DossierError, match=r"\$\.distinct: expected true or false"):
        nt.PointLink("a#1", "b#1", distinct=value)  # type: ignore[arg-type]


def test_a_distinct_link_holds_in_a_diff_read_backwards() -> None:
    """Diffing the agreement (without its citation) against the declaration reads the
    link the other way round: the split of 2.1 into 2.3 and 2.4 loses its 2.4 piece."""
    plan = uncited().plan("drc-rwanda-peace")
    new, old = plan.version(AGR), plan.version(DECL)
    down = nt.PointLink("declaration#2.4", "agreement#2.1", distinct=True)

    def at(d: nt.PlanDiff) -> list[tuple[str, str | None, str | None]]:
        return [
            (c.kind.value, c.old.number if c.old else None, c.new.number if c.new else None)
            for c in d.changes
            if (c.old and c.old.number == "2.1") or (c.new and c.new.number == "2.4")
        ]

    assert at(nt.diff(new, old)) == [("split", "2.1", "2.3"), ("split", "2.1", "2.4")]
    assert at(nt.diff(new, old, links=[down])) == [
        ("reworded", "2.1", "2.3"),
        ("added", None, "2.4"),
    ]
