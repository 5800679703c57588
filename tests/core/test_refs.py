"""Point references (negotrack.core.refs) and lineage groups (negotrack.core.groups)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotrack as nt
from negotrack.core.groups import components
from negotrack.core.refs import PointRef
from tests.support.dossiers import seed_dossier

_PART = st.text(st.characters(blacklist_characters="#"), min_size=1, max_size=12)


@given(_PART, _PART)
def test_a_reference_round_trips(version: str, number: str) -> None:
    """Formatting a version and number and parsing the text gives them back."""
    text = PointRef.format(version, number)
    assert str(PointRef(version, number)) == text
    assert PointRef.parse(text) == PointRef(version, number)


@pytest.mark.parametrize("text", ["us-28", "#12", "us-28#", "a#b#c", "", "us-28##12"])
def test_a_malformed_reference_is_refused_with_the_form(text: str) -> None:
    """Text that is not VERSION#NUMBER is refused with the form to write."""
    with pytest.raises(nt.UnknownReference, match="VERSION#NUMBER"):
        PointRef.parse(text)
    assert PointRef.split(text) is None


@pytest.mark.parametrize(
    ("text", "meant"), [("minsk-1 7", "minsk-1#7"), (" us-28\t12 ", "us-28#12")]
)
def test_a_version_and_number_apart_are_offered_as_a_reference(text: str, meant: str) -> None:
    """A version and a number written apart ("minsk-1 7") get the reference they seem to
    mean as a hint, not only the form."""
    with pytest.raises(nt.UnknownReference) as caught:
        PointRef.parse(text)
    assert f"did you mean '{meant}'?" in str(caught.value)
    with pytest.raises(nt.UnknownReference) as caught:
        PointRef.parse("minsk 1 7")
    assert "did you mean" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("us-28 #6", "us-28#6"),
        ("us-28# 6", "us-28#6"),
        ("us-28 6", "us-28#6"),
        ("us-28#6", None),
        ("us-28", None),
        ("us 28 #6", None),
    ],
)
def test_a_point_as_the_reports_print_it_is_read_as_meant(text: str, meant: str | None) -> None:
    """The reports print a point "us-28 #6": pasted back as a reference, it names no
    version 'us-28 ', and the error offers 'us-28#6' instead of versions like it."""
    assert PointRef.meant(text) == meant
    d = seed_dossier()
    if meant is not None:
        with pytest.raises(nt.UnknownReference, match=f"did you mean '{meant}'\\?"):
            d.status_of(text)


def test_a_point_number_with_a_hash_is_refused_at_the_point() -> None:
    """A point number containing '#' is refused where it is written, with its path."""
    with pytest.raises(nt.DossierError) as caught:
        nt.Point(number="3#a", text="x")
    (problem,) = caught.value.problems
    assert problem.path == "$.number"
    assert "cannot contain '#'" in problem.message


def test_a_point_number_with_a_hash_is_located_on_load() -> None:
    """Loading a file whose point number contains '#' names the point's JSON path."""
    data = {
        "negotrack": 1,
        "title": "t",
        "plans": [
            {
                "id": "p",
                "title": "P",
                "versions": [
                    {
                        "id": "v1",
                        "label": "V1",
                        "date": "2025",
                        "points": [{"number": "1#2", "text": "x"}],
                    }
                ],
            }
        ],
    }
    with pytest.raises(nt.DossierError) as caught:
        nt.loads(json.dumps(data), format="json")
    paths = [p.path for p in caught.value.problems]
    assert paths == ["$.plans[0].versions[0].points[0].number"]


def test_components_group_linked_nodes_in_first_seen_order() -> None:
    """Nodes joined by pairs, directly or through others, form one group; the rest stand alone."""
    groups = components(["a", "b", "c", "d", "e"], [("b", "d"), ("d", "e"), ("x", "a")])
    assert groups == [["a", "x"], ["b", "d", "e"], ["c"]]


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), max_size=40))
def test_components_partition_and_respect_every_pair(pairs: list[tuple[int, int]]) -> None:
    """Every node is in exactly one group, and both ends of every pair share a group."""
    groups = components(range(21), pairs)
    where = {n: i for i, g in enumerate(groups) for n in g}
    assert sorted(where) == list(range(21))
    assert sum(map(len, groups)) == 21
    assert all(where[a] == where[b] for a, b in pairs)
