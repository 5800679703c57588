"""A pair a curated link made carries the link's note (why a person linked it)."""

from __future__ import annotations

import json

import negotrack as nt
from negotrack.plandiff.compare import diff
from tests.support.dossiers import SEEDS


def _version(vid: str, *texts: str) -> nt.PlanVersion:
    points = [nt.Point(str(i), t) for i, t in enumerate(texts, start=1)]
    return nt.PlanVersion(id=vid, label=vid.upper(), date="2025-01-01", points=points)


A = _version("a", "Troops withdraw within 30 days.", "Elections follow within a year.")
B = _version("b", "Forces leave in a month.", "A vote is held.")
C = _version("c", "Everyone goes home soon.", "Voting happens.")


def test_a_linked_pair_carries_the_links_note_either_way_round() -> None:
    """The note of the link between two points goes on their change, whichever way the
    link is written; a link with no note, and a pair matched otherwise, carry none."""
    links = [
        nt.PointLink("a#1", "b#1", note="Same withdrawal, rewritten."),
        nt.PointLink("b#2", "a#2"),
    ]
    by_old = {c.old.number: c for c in diff(A, B, links=links).changes if c.old}
    assert by_old["1"].matched_by == "link"
    assert by_old["1"].note == "Same withdrawal, rewritten."
    assert by_old["2"].matched_by == "link"
    assert by_old["2"].note is None
    back = [nt.PointLink("b#1", "a#1", note="Written backwards.")]
    (first,) = [c for c in diff(A, B, links=back).changes if c.old and c.old.number == "1"]
    assert first.note == "Written backwards."
    assert all(c.note is None for c in diff(A, B).changes)


def test_a_pair_linked_through_a_version_in_between_carries_the_chains_notes() -> None:
    """a#1 -> b#1 -> c#1: the diff of a and c pairs a#1 with c#1 and gives both notes, in
    the chain's order."""
    links = [
        nt.PointLink("b#1", "c#1", note="Then shortened."),
        nt.PointLink("a#1", "b#1", note="First reworded."),
    ]
    (pair,) = [c for c in diff(A, C, links=links).changes if c.old and c.old.number == "1"]
    assert pair.matched_by == "link"
    assert pair.note == "First reworded.; Then shortened."


def test_the_json_output_and_the_seed_merges_carry_the_notes() -> None:
    """Each piece of the Iran seed's merges carries its own link's note, in the changes and
    in the JSON of ``negotrack diff --format json``."""
    d = nt.load(SEEDS / "iran-2015.yaml")
    pd = d.diff("lausanne", "jcpoa")
    pieces = [c for c in pd.changes if c.new is not None and c.new.number == "1"]
    assert [c.old.number for c in pieces if c.old] == ["1", "10"]
    assert pieces[0].note is not None
    assert pieces[0].note.startswith("The 5,060-machine cap becomes one provision")
    assert pieces[1].note is not None
    assert pieces[1].note.startswith("Natanz as the only enrichment site")
    data = json.loads(json.dumps(pd.to_json_data()))
    assert data["changes"][0]["note"] == pieces[0].note
    assert all(c["note"] is None for c in data["changes"] if c["matched_by"] != "link")
