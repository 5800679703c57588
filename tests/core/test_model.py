"""The value model: friendly input, normalised storage, frozen values, helpful errors."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given

import negotrack as nt
from tests.support.strategies import participants, sources


def test_contract_names_construct() -> None:
    """The documented constructors of the record classes work as written."""
    p = nt.Participant(
        id="witkoff", name="Steve Witkoff", kind="person", side="US", role="Special envoy"
    )
    s = nt.Source(id="s1", title="...", url="https://...", publisher="...", published="2025-11-20")
    e = nt.Event(
        id="geneva",
        when="2025-11-23",
        title="...",
        kind="round",
        participants=["witkoff", "umerov"],
        sources=["s1"],
        summary=None,
        location=None,
        tags=(),
    )
    pt = nt.Point(number="12", text="...", key=None, topic=None)
    v = nt.PlanVersion(
        id="us-28",
        label="US 28-point draft",
        date="2025-11-20",
        points=[pt],
        derived_from=(),
        sources=(),
    )
    plan = nt.Plan(id="peace-plan", title="...", versions=[v])
    assert p.kind is nt.ParticipantKind.PERSON
    assert s.published == nt.Moment.of("2025-11-20")
    assert e.participants == ("witkoff", "umerov")
    assert plan.version("us-28").point("12") is pt
    assert plan.version("us-28").point(12) is pt


def test_status_spellings() -> None:
    """Status is a str enum with the contract's spellings."""
    assert nt.Status("kept") == "kept"
    assert str(nt.Status.DELETED) == "deleted"
    assert nt.Status.DISPUTED.value == "disputed"
    assert {s.value for s in nt.Status} >= {
        "proposed",
        "kept",
        "amended",
        "agreed",
        "disputed",
        "deleted",
        "deferred",
    }


def test_values_are_frozen() -> None:
    """Model values cannot be changed in place."""
    p = nt.Point(number="1", text="a")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        p.text = "b"  # type: ignore[misc]


def test_unknown_enum_value_suggests_a_fix() -> None:
    """A misspelt status names the closest spelling."""
    with pytest.raises(nt.DossierError, match="did you mean 'disputed'"):
        nt.Point(number="1", text="a", status="dispted")


def test_unknown_point_and_version_suggest_fixes() -> None:
    """Looking up a missing point or version raises UnknownReference (a KeyError) with a hint."""
    v = nt.PlanVersion(id="us-28", label="x", date="2025", points=[nt.Point(number="12", text="a")])
    with pytest.raises(KeyError, match="expected one of '12'"):
        v.point("13")
    with pytest.raises(nt.UnknownReference, match="did you mean 'us-28'"):
        nt.Plan(id="p", title="t", versions=[v]).version("us-29")


@given(participants())
def test_participants_are_equal_when_rebuilt(p: nt.Participant) -> None:
    """A participant rebuilt from its fields equals the original."""
    assert nt.Participant(**attrs.asdict(p, recurse=False)) == p


@given(sources())
def test_sources_are_equal_when_rebuilt(s: nt.Source) -> None:
    """A source rebuilt from its fields equals the original and hashes alike."""
    again = nt.Source(**attrs.asdict(s, recurse=False))
    assert again == s
    assert hash(again) == hash(s)


@pytest.mark.parametrize(
    ("cls", "kwargs", "field", "suggested"),
    [
        (nt.Event, {"id": "e", "date": "2025", "title": "t"}, "date", "when"),
        (nt.PlanVersion, {"id": "v", "label": "V", "when": "2025"}, "when", "date"),
        (nt.Point, {"numbr": "1", "text": "t"}, "numbr", "number"),
        (nt.StatusChange, {"ref": "v#1", "status": "kept", "date": "2025"}, "date", "on"),
    ],
)
def test_a_wrong_keyword_names_the_fields_that_exist(
    cls: type[Any], kwargs: dict[str, Any], field: str, suggested: str
) -> None:
    """A misspelt keyword is a DossierError listing the class's fields, with a suggestion."""
    with pytest.raises(nt.DossierError) as caught:
        cls(**kwargs)
    (problem,) = caught.value.problems
    assert problem.path == f"$.{field}"
    assert "its fields: " in problem.message
    assert problem.hint is not None
    assert repr(suggested) in problem.hint


def test_an_event_without_its_date_says_which_field_is_missing() -> None:
    """Leaving out an event's ``when`` names the missing field."""
    with pytest.raises(nt.DossierError, match="missing required field 'when'"):
        nt.Event(id="e", title="t")


@pytest.mark.parametrize(
    ("build", "paths"),
    [
        (
            lambda: nt.Event(id="e", when="", title="t", until="2014-19-10", kind="rnd"),
            ["$.when", "$.kind", "$.until"],
        ),
        (lambda: nt.StatusChange("v#1", "kep", "soon", source="s1"), ["$.status", "$.on"]),
        (lambda: nt.Source(id="s", title="t", published="9/12/2019"), ["$.published"]),
        (lambda: nt.Participant(id="p", name="P", kind="persn"), ["$.kind"]),
        (
            lambda: nt.PlanVersion(id="v", label="V", date="x", points=[{"number": "1"}]),
            ["$.date", "$.points[0].text"],
        ),
        (
            lambda: nt.Event(id="e", when="2025", title="t", quotes=[{"text": "x"}]),
            ["$.quotes[0].source"],
        ),
        (lambda: nt.Point(number="1"), ["$.text"]),  # type: ignore[call-arg]
    ],
)
def test_a_value_a_field_cannot_take_names_the_field(build: Any, paths: list[str]) -> None:
    """A record built in code (a spreadsheet row, say) names each field whose value it
    cannot take, all at once, so a script can say which cell to fix."""
    with pytest.raises(nt.NegotrackError) as caught:
        build()
    assert [p.path for p in caught.value.problems] == paths
