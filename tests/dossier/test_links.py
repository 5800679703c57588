"""The review loop on a dossier: suggest_links, link (also "no successor"), unlink."""

from __future__ import annotations

import pytest

import negotrack as nt
from tests.support.lineage import unkeyed


@pytest.fixture
def colombia() -> nt.Dossier:
    """Colombia's August and November 2016 texts, with no curated lineage."""
    return unkeyed("colombia-2016.yaml")


def test_suggestions_are_text_pairs_least_sure_first(colombia: nt.Dossier) -> None:
    """suggest_links lists the pairs found by text, as references, least sure first."""
    found = colombia.suggest_links("final-aug", "final-nov")
    assert len(found) >= 20
    assert all(isinstance(s, nt.LinkSuggestion) for s in found)
    assert all(s.old.startswith("final-aug#") and s.new.startswith("final-nov#") for s in found)
    assert all(s.matched_by in {"text", "split", "merge", "candidate"} for s in found)
    confidences = [s.confidence for s in found]
    assert confidences == sorted(confidences)
    sure = colombia.suggest_links("final-aug", "final-nov", min_confidence=0.99)
    assert 0 < len(sure) < len(found)
    assert all(s.confidence >= 0.99 for s in sure)


def test_candidates_the_text_could_not_decide_are_suggested_unpaired() -> None:
    """On Minsk with no curated lineage, the decentralisation point and the local elections
    the matcher left unpaired are suggested as candidates (least sure first, with the
    pairs), and a candidate is never a pair of the diff."""
    minsk = unkeyed("minsk-2014-2015.yaml")
    found = minsk.suggest_links("minsk-1", "minsk-2")
    candidates = [s for s in found if s.matched_by == "candidate"]
    refs = {(s.old, s.new) for s in candidates}
    assert {("minsk-1#3", "minsk-2#11"), ("minsk-1#9", "minsk-2#12")} <= refs
    assert not any(s.paired for s in candidates)
    assert all(s.paired for s in found if s.matched_by != "candidate")
    diff = minsk.diff("minsk-1", "minsk-2")
    pairs = {
        (f"minsk-1#{c.old.number}", f"minsk-2#{c.new.number}")
        for c in diff.changes
        if c.old is not None and c.new is not None
    }
    assert not refs & pairs
    assert [s.confidence for s in found] == sorted(s.confidence for s in found)


def test_a_linked_pair_is_curated_in_every_diff(colombia: nt.Dossier) -> None:
    """link() pins a pair: the diff shows it matched by "link", and it is no longer suggested."""
    first = colombia.suggest_links("final-aug", "final-nov")[0]
    link = colombia.link(first.old, first.new, note="checked against the text")
    assert link == nt.PointLink(first.old, first.new, "checked against the text")
    assert link in colombia.plan("final-agreement").links
    pinned = [
        c
        for c in colombia.diff("final-aug", "final-nov").changes
        if c.old is not None and f"final-aug#{c.old.number}" == first.old
    ]
    assert {(c.matched_by, c.confidence) for c in pinned} == {("link", 1.0)}
    assert first not in colombia.suggest_links("final-aug", "final-nov")


def test_a_bare_version_pins_no_successor_and_no_predecessor(colombia: nt.Dossier) -> None:
    """link(point, version) pins a deletion; link(version, point) pins an addition."""
    first = colombia.suggest_links("final-aug", "final-nov")[-1]
    colombia.link(first.old, "final-nov")
    colombia.link("final-aug", first.new)
    d = colombia.diff("final-aug", "final-nov")
    old_no, new_no = first.old.partition("#")[2], first.new.partition("#")[2]
    kinds = {
        (c.kind.value, c.old and c.old.number, c.new and c.new.number)
        for c in d.changes
        if (c.old and c.old.number == old_no) or (c.new and c.new.number == new_no)
    }
    assert kinds == {("deleted", old_no, None), ("added", None, new_no)}


def test_unlink_removes_and_refuses_what_is_not_there(colombia: nt.Dossier) -> None:
    """unlink() removes a link; removing it twice names the plan's links."""
    plan_links = colombia.plan("final-agreement").links
    colombia.link("final-aug#1.1", "final-nov#1.1")
    colombia.unlink("final-aug#1.1", "final-nov#1.1")
    assert colombia.plan("final-agreement").links == plan_links
    with pytest.raises(nt.DossierError, match=r"no curated link final-aug#1.1 -> final-nov#1.1"):
        colombia.unlink("final-aug#1.1", "final-nov#1.1")


@pytest.mark.parametrize(
    ("old_ref", "new_ref", "message"),
    [
        ("final-aug#99", "final-nov#1.1", "no point"),
        ("final-aug", "final-nov", "a point on at least one side"),
        ("final-aug#1.1", "nowhere", "unknown plan version"),
    ],
)
def test_bad_links_are_refused_and_change_nothing(
    colombia: nt.Dossier, old_ref: str, new_ref: str, message: str
) -> None:
    """A link to a missing point or version is refused, and the dossier is unchanged."""
    before = colombia.plan("final-agreement")
    with pytest.raises(nt.DossierError, match=message):
        colombia.link(old_ref, new_ref)
    assert colombia.plan("final-agreement") == before


@pytest.mark.parametrize(
    "name", ["iran-2015.yaml", "colombia-2016.yaml", "cyprus-annan-2003-2004.yaml"]
)
def test_pinning_the_pairs_found_by_text_changes_nothing_else(name: str) -> None:
    """Accepting every pair text matching made, then diffing again, makes no new pair: a
    link vouches for its own pair, and the points it takes out of the search still count
    in its size and null (on Iran, the bar of the eight points left over fell, and two
    wrong pairs appeared: Lausanne #11 -> JCPOA #8 and #24 -> #20)."""
    d = unkeyed(name)
    old, new = (v.id for v in d.plans[0].versions[:2])

    def pairs() -> set[tuple[str, str]]:
        return {
            (c.old.number, c.new.number)
            for c in d.diff(old, new).changes
            if c.old is not None and c.new is not None
        }

    before = pairs()
    for s in d.suggest_links(old, new):
        if s.paired:
            d.link(s.old, s.new, note="checked")
    assert pairs() == before
    assert all(c.matched_by == "link" for c in d.diff(old, new).changes if c.old and c.new)
