"""A point that cites another point of its version by number: its name there is not the
citing point's matter (:mod:`negotrack.plandiff.citations`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotrack as nt
from negotrack.plandiff.citations import naming
from tests.support.lineage import uncited, unkeyed

NUMBERS = [str(k) for k in range(1, 21)] + ["2.1", "21a"]

DRC_2_1 = (
    "The Parties are to end, immediately and unconditionally, any state support to"
    " non-state armed groups, except as needed to carry out this Agreement; the Joint"
    " Security Coordination Mechanism (Article 3) monitors it."
)


@pytest.mark.parametrize(
    ("text", "own", "want"),
    [
        # The clause around the citation, with the numbers it cites.
        (DRC_2_1, "2.1", [(" the Joint Security Coordination Mechanism ( ) monitors it.", ("3",))]),
        (
            "a settlement by the end of 2015, provided point 11 is implemented, in consultation",
            "9",
            [(" provided   is implemented", ("11",))],
        ),
        ("as articles 3, 4 and 5 say", "9", [("as   say", ("3", "4", "5"))]),
        ("points 11-14 apply", "1", [("  apply", ("11", "12", "13", "14"))]),
        ("points 2.1 and 21a", "1", [(" ", ("2.1", "21a"))]),
        (
            "los artículos 3 y 4 del presente Acuerdo",
            "9",
            [("los   del presente Acuerdo", ("3", "4"))],
        ),
        ("Article 5 of this Agreement holds", "9", [("  of this Agreement holds", ("5",))]),
        ("under Article 3. Then more.", "9", [("under  ", ("3",))]),
        # Another text's part, the point itself, and numbers the version has not.
        ("a guarantee modelled on NATO's Article 5", "9", []),
        ("Article 5 of the North Atlantic Treaty", "9", []),
        ("el artículo 3 de la Constitución", "9", []),
        ("as Article 7 says", "7", []),
        ("resolution 2231 and Article 40", "7", []),
        ("no number here", "7", []),
    ],
)
def test_a_citation_and_its_clause(text: str, own: str, want: list[object]) -> None:
    """A citation is a word naming a part of a text, then numbers of other points of the
    version; the possessive or "of the ..." make it another text's part."""
    assert naming(NUMBERS, text, own) == want


@given(
    st.lists(
        st.sampled_from(["Article", "points", "of the Treaty", "of this", ",", "and"])
        | st.integers(0, 30).map(str),
        max_size=12,
    ).map(" ".join),
    st.sampled_from(NUMBERS),
)
def test_a_citation_names_other_points_of_the_version(text: str, own: str) -> None:
    """Whatever the text, every number cited is a point of the version other than the
    citing one, and each clause is text of the point."""
    for clause, numbers in naming(NUMBERS, text, own):
        assert numbers
        assert all(n in NUMBERS and n != own for n in numbers)
        assert all(word in text for word in clause.split())


def _pairs(d: nt.Dossier) -> dict[str, tuple[str, str]]:
    """Each declaration point's counterpart in the agreement, and what made it."""
    diff = d.diff("declaration", "agreement")
    return {
        c.old.number: (c.new.number if c.new else "", c.matched_by)
        for c in diff.changes
        if c.old is not None
    }


def test_a_point_that_names_another_does_not_draw_its_matter() -> None:
    """The DRC-Rwanda agreement's 2.1 (no state support to non-state armed groups) ends
    "the Joint Security Coordination Mechanism (Article 3) monitors it". Read as its
    matter, those words drew the declaration's 2.4 (explore such a mechanism) into a
    merger with 2.1, at 0.99, where the curated lineage sends it to Article 3. Read as
    Article 3's name, they do not: 2.1 pairs with the declaration's 2.3 alone, and 2.4,
    unpaired, is offered Article 3 for a person to pin."""
    drc = unkeyed("drc-rwanda-2025.yaml")
    pairs = _pairs(drc)
    assert pairs["2.3"] == ("2.1", "text")
    assert pairs["2.4"] == ("", "")
    offered = {(s.old, s.new) for s in drc.suggest_links("declaration", "agreement")}
    assert ("declaration#2.4", "agreement#3") in offered
    # The same text without its citation: the mechanism's words are 2.1's own again.
    wrong = _pairs(uncited())
    assert wrong["2.4"] == ("2.1", "merge")
    assert wrong["2.3"] == ("2.1", "merge")


def test_citations_leave_the_word_diff_and_similarity_as_they_were() -> None:
    """Only matching reads a citation: the pair's similarity and inline word diff still
    hold every word of the citing point."""
    drc = unkeyed("drc-rwanda-2025.yaml")
    change = next(
        c for c in drc.diff("declaration", "agreement").changes if c.new and c.new.number == "2.1"
    )
    assert "Joint Security Coordination Mechanism" in "".join(w.text for w in change.words)
    assert 0 < change.similarity < 1
