"""Exports that carry a language: TimelineJS's ``language``, iCalendar's ``LANGUAGE``."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar

import negotrack as nt
from negotrack.export import formats as export
from tests.conftest import make_small


def _dossier(language: str | None) -> nt.Dossier:
    d = make_small()
    return nt.Dossier(
        title=d.title,
        participants=d.participants,
        sources=d.sources,
        events=d.events,
        plans=d.plans,
        language=language,
    )


def test_timelinejs_sets_its_language() -> None:
    """The TimelineJS JSON names its language: English by default, the locale when given."""
    d = _dossier(None)
    assert json.loads(export.to_timelinejs(d))["language"] == "en"
    uk = json.loads(export.to_timelinejs(d, locale="uk"))
    assert uk["language"] == "uk"
    texts = " ".join(e["text"]["text"] for e in uk["events"])
    assert "Sources:" not in texts
    assert "Джерела:" in texts


def test_ics_marks_the_dossiers_declared_language() -> None:
    """SUMMARY, LOCATION and DESCRIPTION carry LANGUAGE when the dossier declares one."""
    text = export.to_ics(_dossier("uk"), all_events=True)
    cal = icalendar.Calendar.from_ical(text)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert events
    for ev in events:
        assert ev["SUMMARY"].params["LANGUAGE"] == "uk"
    assert "SUMMARY;LANGUAGE=uk:" in text


def test_ics_without_a_declared_language_claims_none() -> None:
    """A dossier that declares no language gets no LANGUAGE parameter."""
    assert "LANGUAGE" not in export.to_ics(_dossier(None), all_events=True)


def test_language_round_trips_through_files(tmp_path: Path) -> None:
    """A dossier's language is saved and loaded with it."""
    path = tmp_path / "d.json"
    _dossier("ar").save(path)
    assert nt.load(path).language == "ar"
