"""Corrections: replace and remove records, never leaving a dangling reference."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import negotrack as nt
from tests.support.strategies import dossiers


def test_replace_corrects_an_event_and_returns_the_old_one(small: nt.Dossier) -> None:
    """An event's date and title are corrected in place, by id; the old record comes back."""
    new = attrs.evolve(small.event("geneva"), title="Geneva round", when="2025-11-22")
    old = small.replace(new)
    assert old.title == "Geneva talks"
    assert small.event("geneva") == new
    assert [e.id for e in small.events] == ["geneva", "strike", "press"]


@pytest.mark.parametrize("kind", ["participant", "source", "plan", "version"])
def test_replace_works_for_every_record_kind(small: nt.Dossier, kind: str) -> None:
    """Participants, sources, plans and versions are each replaced by id and kind."""
    records: dict[str, Any] = {
        "participant": attrs.evolve(small.participant("witkoff"), role="Envoy"),
        "source": attrs.evolve(small.source("s1"), title="A corrected report"),
        "plan": attrs.evolve(small.plan("peace-plan"), title="The peace plan"),
        "version": attrs.evolve(small.version("us-28"), label="US draft"),
    }
    record = records[kind]
    small.replace(record)
    found = small.version(record.id) if kind == "version" else getattr(small, kind)(record.id)
    assert found == record


def test_replace_a_point_by_number_in_its_version(small: nt.Dossier) -> None:
    """A point's typo is fixed by giving the corrected point and the version it is in."""
    with pytest.raises(nt.DossierError, match="needs the version") as refused:
        small.replace(nt.Point(number="12", text="Fixed."))
    assert refused.value.problems[0].hint == "d.replace(point, version='us-28')"
    with pytest.raises(nt.DossierError) as refused:
        small.replace(nt.Point(number="9", text="Fixed."))
    assert refused.value.problems[0].hint == "d.replace(point, version='geneva-19')"
    small.replace(nt.Point(number="12", text="Fixed.", key="army"), version="us-28")
    assert small.point("us-28#12").text == "Fixed."
    assert small.point("geneva-19#9").text == "The army is capped at 800,000."


def test_replace_an_unknown_id_suggests_the_right_one(small: nt.Dossier) -> None:
    """Replacing a record that does not exist names the id and suggests a close one."""
    with pytest.raises(nt.UnknownReference, match="did you mean 'geneva'"):
        small.replace(nt.Event(id="genva", when="2025-11-23", title="x"))


def test_a_refused_replace_leaves_the_dossier_unchanged(small: nt.Dossier) -> None:
    """A version that drops a point the status log names is refused, and nothing changes."""
    small.set_status("us-28#12", "disputed", on="2025-12-26", source="s2")
    before = repr(small), small.version("us-28")
    v = small.version("us-28")
    with pytest.raises(nt.DossierError, match=r"status_log\[0\]\.ref"):
        small.replace(attrs.evolve(v, points=v.points[:1]))
    assert (repr(small), small.version("us-28")) == before


def test_remove_refuses_naming_every_referrer(small: nt.Dossier) -> None:
    """A source still cited is not removed; each citation is one problem with its path."""
    with pytest.raises(nt.DossierError) as info:
        small.remove("source", "s1")
    paths = [p.path for p in info.value.problems]
    assert paths == [
        "$.plans[0].versions[0].sources[0]",
        "$.events[0].sources[0]",
        "$.events[1].sources[0]",
    ]
    assert "source 's1' is still referred to" in str(info.value)
    assert small.source("s1").title == "A report"


def test_remove_a_participant_after_removing_its_references(small: nt.Dossier) -> None:
    """Once the events citing a participant are corrected, the participant can go."""
    with pytest.raises(nt.DossierError, match=r"\$\.events\[2\]\.quotes\[0\]\.speaker"):
        small.remove("participant", "zakharova")
    small.remove("event", "press")
    removed = small.remove("participant", "zakharova")
    assert removed.name == "Maria Zakharova"
    assert [p.id for p in small.participants] == ["witkoff", "umerov"]


def test_remove_versions_points_and_plans(small: nt.Dossier) -> None:
    """A version is held by its successors and events; a point by the logs; then both go."""
    with pytest.raises(nt.DossierError) as info:
        small.remove("version", "us-28")
    assert [p.path for p in info.value.problems] == ["$.plans[0].versions[1].derived_from[0]"]
    small.set_status("us-28#12", "deleted", on="2025-11-23", source="s1")
    with pytest.raises(nt.DossierError, match=r"status_log\[0\]\.ref"):
        small.remove("point", "us-28#12")
    small.remove("point", "us-28#1")
    assert [p.number for p in small.version("us-28").points] == ["12"]
    with pytest.raises(nt.DossierError, match=r"events\[0\]\.versions\[0\]"):
        small.remove("plan", "peace-plan")


def test_remove_an_unknown_kind_or_id_suggests(small: nt.Dossier) -> None:
    """A misspelt kind or id is refused with a suggestion."""
    with pytest.raises(nt.DossierError, match="did you mean 'event'"):
        small.remove("evnt", "geneva")
    with pytest.raises(nt.UnknownReference, match="did you mean 'strike'"):
        small.remove("event", "strik")


def test_an_event_naming_a_missing_version_says_to_add_the_plan_first() -> None:
    """Adding an event before the plan it names explains the order to follow."""
    d = nt.Dossier(title="t")
    with pytest.raises(nt.DossierError, match=r"add the plan .* first"):
        d.add_event(nt.Event(id="e", when="2025-01-01", title="x", versions=["us-28"]))


@given(dossiers(), st.data())
def test_removing_an_unreferenced_event_then_re_adding_restores_the_events(
    d: nt.Dossier, data: st.DataObject
) -> None:
    """Removing any event (nothing refers to events) and adding it back keeps the same set."""
    assume(d.events)
    event = data.draw(st.sampled_from(d.events))
    before = set(d.events)
    assert d.remove("event", event.id) == event
    assert event not in d.events
    d.add_event(event)
    assert set(d.events) == before
