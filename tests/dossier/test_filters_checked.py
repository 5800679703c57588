"""Filters are checked: an unknown value raises with a suggestion; names and aliases find
participants without regard to case; vocabulary words take common spellings."""

from __future__ import annotations

import pytest

import negotrack as nt


def test_unknown_side_track_or_tag_raises_with_a_hint(small: nt.Dossier) -> None:
    """filter_events refuses a value the dossier does not hold, instead of matching nothing."""
    with pytest.raises(nt.UnknownReference, match="did you mean 'diplomacy'"):
        small.filter_events(track="diplomcy")
    with pytest.raises(nt.UnknownReference, match="no side 'Qater'"):
        small.filter_events(side="Qater")
    with pytest.raises(nt.UnknownReference, match="did you mean 'geneva'"):
        small.filter_events(tag="genva")


def test_sides_tracks_and_tags_match_without_regard_to_case(small: nt.Dossier) -> None:
    """ "russia", "MILITARY" and "Geneva" find what "Russia", "military" and "geneva" find."""
    assert [e.id for e in small.filter_events(side="russia")] == ["press"]
    assert [e.id for e in small.filter_events(track="MILITARY")] == ["strike"]
    assert [e.id for e in small.filter_events(tag="Geneva")] == ["geneva"]


def test_participants_by_id_name_or_alias(small: nt.Dossier) -> None:
    """A participant is found by id, name or alias in any case; a typo suggests the id."""
    small.replace(nt.Participant(id="umerov", name="Rustem Umerov", aliases=["Umerow"]))
    assert small.find_participant("UMEROW").id == "umerov"
    assert small.find_participant("steve witkoff").id == "witkoff"
    assert [e.id for e in small.filter_events(participant="Maria Zakharova")] == ["press"]
    with pytest.raises(nt.UnknownReference, match="did you mean 'witkoff'"):
        small.find_participant("witkof")


def test_set_status_by_an_alias_records_the_id(small: nt.Dossier) -> None:
    """``by=`` takes a name or alias and records the participant's id."""
    change = small.set_status("us-28#12", "kept", on="2025-12-01", by="Rustem Umerov")
    assert change.by == "umerov"


@pytest.mark.parametrize(
    ("cls", "word", "member"),
    [
        (nt.ParticipantKind, "organization", nt.ParticipantKind.ORGANISATION),
        (nt.ParticipantKind, "Organizations", nt.ParticipantKind.ORGANISATION),
        (nt.EventKind, "rounds", nt.EventKind.ROUND),
        (nt.Stance, "accepts with reservations", nt.Stance.ACCEPTS_WITH_RESERVATIONS),
    ],
)
def test_vocabulary_takes_common_spellings(
    cls: type[nt.EventKind], word: str, member: object
) -> None:
    """en-US spellings, plurals, spaces and case all find the en-GB vocabulary word."""
    assert cls.coerce(word) is member


def test_a_participant_kind_spelt_the_american_way_loads() -> None:
    """A file saying ``kind: organization`` loads as an organisation."""
    d = nt.loads(
        '{"negotrack": 1, "title": "t", "participants": '
        '[{"id": "un", "name": "United Nations", "kind": "organization"}]}'
    )
    assert d.participant("un").kind is nt.ParticipantKind.ORGANISATION


@pytest.mark.parametrize(
    ("cls", "word", "hint"),
    [
        (nt.Status, "removed", "did you mean 'deleted'?"),
        (nt.Status, "dropped", "did you mean 'deleted'?"),
        (nt.Status, "changed", "did you mean 'amended'?"),
        (nt.Status, "accepted", "did you mean 'agreed'?"),
        (nt.Status, "dispted", "did you mean 'disputed'?"),
        (nt.Status, "deffered", "did you mean 'deferred'?"),
        (nt.Status, "sideways", "expected one of 'proposed', 'kept', 'amended', 'agreed', "),
        (nt.Stance, "opposes", "did you mean 'rejects'?"),
        (nt.EventKind, "rond", "did you mean 'round'?"),
        (nt.ParticipantKind, "country", "did you mean 'state'?"),
    ],
)
def test_a_vocabulary_hint_means_what_was_written(
    cls: type[nt.Status], word: str, hint: str
) -> None:
    """An unknown word is offered the member it means or misspells, never a word merely
    spelt alike with another meaning ("removed" is not "agreed")."""
    with pytest.raises(nt.DossierError) as info:
        cls.coerce(word)
    assert (info.value.problems[0].hint or "").startswith(hint)
