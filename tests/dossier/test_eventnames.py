"""What a dossier's events name, gathered in chunks or in one walk, is the same."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import negotrack as nt
from negotrack.dossier.eventnames import EventNames
from negotrack.dossier.integrity import check_dossier

_IDS = st.sampled_from(["e1", "e2", "e3", " ", ""])
_NAMES = st.lists(st.sampled_from(["p1", "p2", "s1", "s2", "v1", "nobody"]), max_size=3)


@st.composite
def _events(draw: st.DrawFn) -> list[nt.Event]:
    return [
        nt.Event(
            id=draw(_IDS),
            when="2025-11-23",
            title="t",
            participants=draw(_NAMES),
            sources=draw(_NAMES),
            versions=draw(_NAMES),
        )
        for _ in range(draw(st.integers(0, 8)))
    ]


def _state(names: EventNames) -> tuple[object, ...]:
    return (
        names.count,
        names.ids,
        names.plain,
        names.unique,
        names.participants,
        names.sources,
        names.versions,
        names.gathered,
    )


@given(_events(), st.integers(1, 4))
def test_chunks_gather_what_one_walk_does(events: list[nt.Event], size: int) -> None:
    """Events added a few at a time, in order, name what the same events name at once."""
    chunked = EventNames()
    for first in range(0, len(events), size):
        chunked.add(events[first : first + size])
    assert _state(chunked) == _state(EventNames.of(events))


def test_ids_are_unique_only_once_each_and_not_blank() -> None:
    """Repeated or blank ids make the gathered ids not unique (the check then walks them)."""
    assert EventNames.of([nt.Event(id="a", when="2025", title="t")]).unique
    assert not EventNames.of([nt.Event(id="a", when="2025", title="t")] * 2).unique
    assert not EventNames.of([nt.Event(id=" ", when="2025", title="t")]).unique


def test_an_unhashable_reference_is_not_gathered_and_still_reported() -> None:
    """A list where a participant's id belongs cannot be gathered: the check walks the
    events and reports it at its place, as without gathered names."""
    d = nt.Dossier(title="t", participants=[nt.Participant(id="p1", name="P")])
    bad = nt.Event(id="e1", when="2025", title="t", participants=[["p1"]])  # type: ignore[list-item]
    names = EventNames.of([bad])
    assert not names.gathered
    d._events = (bad,)
    found = [f"{p.path}: {p.message}" for p in check_dossier(d, names)]
    assert found == ["$.events[0].participants[0]: expected a participant's id, found ['p1']"]
    assert found == [f"{p.path}: {p.message}" for p in check_dossier(d)]
