"""A key twice in one JSON object is refused at its place, as the YAML reader refuses it;
JSON readers would keep only the last value and lose the other without a word."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotrack as nt
from negotrack.io import jsonkeys
from negotrack.io.jsonkeys import DuplicateKey, first_duplicate, unique_pairs

TWICE = '{"negotrack": 1, "title": "A",\n "title": "B"}\n'
NESTED = (
    '{"negotrack": 1, "title": "T", "events": [\n'
    '  {"id": "a", "when": "2025", "title": "x"},\n'
    '  {"id": "b", "when": "2025", "title": "{\\"id\\": [1, 2]}", "tags": ["id", "id"],\n'
    '   "id": "c"}]}\n'
)


def test_a_key_twice_is_refused_at_its_line() -> None:
    """The problem names the key, the object and the line of its second occurrence."""
    with pytest.raises(nt.FormatError) as caught:
        nt.loads(TWICE, "json", file="d.json")
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.path) == ("d.json", 2, "$")
    assert 'the key "title" appears twice in one object' in problem.message


def test_the_place_is_found_past_strings_that_look_like_json() -> None:
    """Braces, brackets, quotes and repeated words inside strings and lists of strings are
    text, not structure: the duplicate is the second event's id, on line 4."""
    with pytest.raises(nt.FormatError) as caught:
        nt.loads(NESTED, "json")
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == ("$.events[1]", 4)


def test_a_text_past_the_checked_length_is_read_as_json_reads_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A text longer than CHECKED_CHARS (a program's output: 8 MiB, where hand-kept
    dossiers are kilobytes) is read without the check, the last value kept; the load of
    a 100,000-event file is a bar."""
    monkeypatch.setattr(jsonkeys, "CHECKED_CHARS", len(TWICE) - 1)
    assert nt.loads(TWICE, "json").title == "B"
    monkeypatch.setattr(jsonkeys, "CHECKED_CHARS", len(TWICE))
    with pytest.raises(nt.FormatError):
        nt.loads(TWICE, "json")


def test_the_same_key_in_different_objects_is_fine() -> None:
    """Every record has its own ``id``: only a key twice in one object is refused."""
    d = nt.loads(NESTED.replace(',\n   "id": "c"', ""), "json")
    assert [e.id for e in d.events] == ["a", "b"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=12,
)


@given(json_values, st.sampled_from([0, 2, None]))
def test_first_duplicate_finds_exactly_the_repeated_key(value: object, indent: int | None) -> None:
    """On any JSON text without repeats, no duplicate; with one object's first key written
    again at its end, that key, in that object."""
    text = json.dumps(value, indent=indent)
    assert first_duplicate(text) is None
    if isinstance(value, dict) and value:
        key = next(iter(value))
        doubled = text[: text.rindex("}")] + f", {json.dumps(key)}: 0}}"
        with pytest.raises(DuplicateKey):
            json.loads(doubled, object_pairs_hook=unique_pairs)
        found = first_duplicate(doubled)
        assert found is not None
        assert (found[0], found[1]) == (key, "$")
