"""Reading plain data into records (negotrack.io.records): every problem, once, in place."""

from __future__ import annotations

import json
from typing import Any

import pytest

import negotrack as nt
from negotrack.io.records import _CHUNK, from_data
from negotrack.io.storage import to_data
from tests.support.dossiers import make_small


def _problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(nt.DossierError) as caught:
        nt.loads(json.dumps({"negotrack": 1, "title": "t", **data}), format="json")
    return [f"{p.path}: {p.message}" for p in caught.value.problems]


_PEOPLE = {
    "participants": [{"id": "witkoff", "name": "Steve Witkoff"}],
    "sources": [{"id": "s1", "title": "A report"}],
}


def test_a_wrong_field_does_not_hide_the_records_other_problems() -> None:
    """A kind typo, a misspelt key and an unknown participant in one event: all three at once."""
    event = {
        "id": "e1",
        "when": "2025-11-23",
        "title": "Talks",
        "kind": "rond",
        "source": ["s1"],
        "participants": ["witkof"],
    }
    found = _problems({**_PEOPLE, "events": [event]})
    assert found == [
        "$.events[0].kind: unknown event kind 'rond'",
        "$.events[0].source: unknown field 'source'",
        "$.events[0].participants[0]: unknown participant 'witkof'",
    ]


def _plan(first_date: str) -> dict[str, Any]:
    return {
        "id": "p",
        "title": "Plan",
        "versions": [
            {
                "id": "v1",
                "label": "V1",
                "date": first_date,
                "points": [{"number": "1", "text": "a"}],
            },
            {
                "id": "v2",
                "label": "V2",
                "date": "2025-12",
                "points": [{"number": "1", "text": "b"}],
            },
        ],
    }


def test_a_bad_date_in_one_version_adds_nothing_about_the_others() -> None:
    """One version's bad date is one problem; its valid sibling is still known to the rest."""
    found = _problems(
        {
            **_PEOPLE,
            "plans": [_plan("2025-13-45")],
            "events": [{"id": "e", "when": "2025-12-02", "title": "T", "versions": ["v2"]}],
            "status_log": [
                {"ref": "v2#1", "status": "agreed", "on": "2025-12-03", "source": "s1"},
                {"ref": "v2#9", "status": "agreed", "on": "2025-12-03", "source": "s1"},
            ],
        }
    )
    assert len(found) == 2
    assert found[0].startswith("$.plans[0].versions[0].date: ")
    assert found[1] == "$.status_log[1].ref: version 'v2' has no point '9'"


def test_problems_after_a_failed_record_keep_the_files_indices() -> None:
    """A record after one that failed is named by its index in the file, not among the built."""
    events = [
        {"id": "e0", "when": "2025-11-01", "title": "ok"},
        {"id": "e1", "when": "never", "title": "bad date"},
        {"id": "e2", "when": "2025-11-03", "title": "unknown person", "participants": ["nobody"]},
    ]
    found = _problems({**_PEOPLE, "events": events})
    assert found[0].startswith("$.events[1].when: ")
    assert found[1:] == ["$.events[2].participants[0]: unknown participant 'nobody'"]


def test_a_faulty_optional_field_brings_no_follow_up_about_the_record() -> None:
    """A status change whose source is not text is one problem, not also "needs a source"."""
    found = _problems(
        {
            **_PEOPLE,
            "plans": [_plan("2025-11")],
            "status_log": [{"ref": "v1#1", "status": "agreed", "on": "2025-12-03", "source": [1]}],
        }
    )
    assert found == ["$.status_log[0].source: expected text, found a list"]


def test_a_file_with_a_status_change_twice_loads_it_once() -> None:
    """On load, repeated status changes are kept once, the first of them, in file order."""
    d = make_small()
    ref = d.refs()[0]
    d.set_status(ref, "disputed", on="2025-12-26", source="s1")
    data = to_data(d)
    entry = data["status_log"][-1]
    data["status_log"] += [dict(entry), dict(entry, note="again"), dict(entry)]
    loaded = from_data(data)
    assert len(loaded.status_log) == len(d.status_log) + 1
    assert loaded.status_log[-1].note == "again"
    assert loaded.status_log[-2] == d.status_log[-1]


def test_problems_in_quotes_and_in_a_later_event_are_each_reported_once() -> None:
    """A faulty quote, then an event that fails: every problem once, at the file's indices,
    whether the events are read all at once (JSON) or one by one (YAML)."""
    events = [
        {
            "id": "e0",
            "when": "2025-11-01",
            "title": "quoted",
            "quotes": [{"text": "ok", "source": "s1"}, {"text": ["x"], "source": "s1", "mood": 1}],
        },
        {"id": "e1", "when": "never", "title": "bad date"},
        {"id": "e2", "when": "2025-11-03", "title": "t", "quotes": [{"text": "t", "source": "s2"}]},
    ]
    text = json.dumps({"negotrack": 1, "title": "t", **_PEOPLE, "events": events})
    expected = [
        "$.events[0].quotes[1].text: expected text, found a list",
        "$.events[0].quotes[1].mood: unknown field 'mood'",
        "$.events[1].when: not a date negotrack understands: 'never'",
        "$.events[2].quotes[0].source: unknown source 's2'",
    ]
    for fmt in ("json", "yaml"):
        with pytest.raises(nt.DossierError) as caught:
            nt.loads(text, format=fmt)
        assert [f"{p.path}: {p.message}" for p in caught.value.problems] == expected, fmt


@pytest.mark.parametrize("broken", [None, _CHUNK + 3])
def test_events_over_several_chunks_report_what_one_by_one_reading_does(
    broken: int | None,
) -> None:
    """Events read a chunk at a time (JSON) and one by one (YAML) give the same problems:
    an id twice across chunks, blank and unknown names, with or without a failed event."""
    events: list[dict[str, Any]] = [
        {"id": f"e{i}", "when": "2025-11-23", "title": "t", "participants": ["witkoff"]}
        for i in range(_CHUNK + 10)
    ]
    events[_CHUNK + 1]["id"] = "e2"
    events[_CHUNK + 2]["id"] = " "
    events[_CHUNK + 4]["sources"] = ["s2"]
    events[5]["participants"] = ["witkof"]
    if broken is not None:
        events[broken]["when"] = "never"
    text = json.dumps({"negotrack": 1, "title": "t", **_PEOPLE, "events": events})
    found = {}
    for fmt in ("json", "yaml"):
        with pytest.raises(nt.DossierError) as caught:
            nt.loads(text, format=fmt)
        found[fmt] = [f"{p.path}: {p.message}" for p in caught.value.problems]
    assert found["json"] == found["yaml"]
    assert [p for p in found["json"] if ".when: " not in p] == [
        f"$.events[{_CHUNK + 1}].id: duplicate event id 'e2'",
        f"$.events[{_CHUNK + 2}].id: an id must be a non-empty string",
        "$.events[5].participants[0]: unknown participant 'witkof'",
        f"$.events[{_CHUNK + 4}].sources[0]: unknown source 's2'",
    ]
