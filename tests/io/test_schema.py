"""The JSON Schema of the dossier format: valid itself, accepts every seed, rejects breakage."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from ruamel.yaml import YAML

import negotrack as nt
from negotrack.core.fields import doc, documented
from negotrack.io.schema import json_schema, record_schema
from negotrack.io.specs import STR, Spec
from negotrack.io.storage import to_data
from tests.support.dossiers import SEEDS
from tests.support.strategies import dossiers

SEED_FILES = sorted(SEEDS.glob("*.y*ml")) + sorted(SEEDS.glob("*.json"))


def _jsonish(value: Any) -> Any:
    """YAML's implicit timestamps as the ISO text they were written as (JSON has no dates)."""
    if isinstance(value, dict):
        return {k: _jsonish(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonish(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def raw(path: Path) -> Any:
    """A seed file's data as parsed, before negotrack reads it."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return _jsonish(YAML(typ="safe", pure=True).load(text))


def validator() -> jsonschema.Draft202012Validator:
    """A draft 2020-12 validator of the dossier schema."""
    return jsonschema.Draft202012Validator(json_schema())


def test_schema_is_valid_draft_2020_12() -> None:
    """The schema is itself a valid draft 2020-12 schema."""
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_json_schema_returns_a_fresh_copy() -> None:
    """Changing the returned dict does not change the next one."""
    first = json_schema()
    first["$defs"].clear()
    assert json_schema()["$defs"]


def test_there_are_seeds() -> None:
    """The seed folder holds at least one dossier to check the schema against."""
    assert SEED_FILES


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_every_seed_file_is_valid(path: Path) -> None:
    """Each seed dossier, as written, satisfies the schema."""
    errors = [e.message for e in validator().iter_errors(raw(path))]
    assert errors == []


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_every_seed_as_saved_is_valid(path: Path) -> None:
    """Each seed dossier, as negotrack writes it back, satisfies the schema."""
    errors = [e.message for e in validator().iter_errors(to_data(nt.load(path)))]
    assert errors == []


@settings(max_examples=40)
@given(dossiers())
def test_generated_dossiers_are_valid(d: nt.Dossier) -> None:
    """Any consistent dossier negotrack writes satisfies the schema."""
    data = json.loads(json.dumps(to_data(d)))
    assert list(validator().iter_errors(data)) == []


def _breakages() -> list[tuple[str, Any]]:
    """(name, change) pairs, each breaking a valid dossier in one way."""

    def set_in(path: list[Any], value: Any) -> Any:
        def change(data: dict[str, Any]) -> None:
            node: Any = data
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value

        return change

    def drop(key: str) -> Any:
        return lambda data: data.pop(key)

    return [
        ("missing title", drop("title")),
        ("schema version 2", set_in(["negotrack"], 2)),
        ("unknown top-level key", set_in(["participnts"], [])),
        ("events not a list", set_in(["events"], {"id": "x"})),
        ("event without a date", lambda d: d["events"][0].pop("when")),
        ("unknown date form", set_in(["events", 0, "when"], "23 Novembre 2025")),
        ("time without a zone", set_in(["events", 0, "when"], "2025-11-23T14:00")),
        ("unknown event kind", set_in(["events", 0, "kind"], "rond")),
        ("unknown point status", set_in(["plans", 0, "versions", 0, "points", 0, "status"], "x")),
        ("number is a list", set_in(["plans", 0, "versions", 0, "points", 0, "number"], [1])),
        ("unknown field in a point", set_in(["plans", 0, "versions", 0, "points", 0, "txt"], "")),
        (
            "bad reference",
            set_in(
                ["status_log"], [{"ref": "no-hash", "status": "kept", "on": "2025", "source": "s1"}]
            ),
        ),
        (
            "unsourced change",
            set_in(["status_log"], [{"ref": "a#1", "status": "kept", "on": "2025"}]),
        ),
        ("link end with a space", set_in(["plans", 0, "links"], [{"old": "a#1", "new": "b 2"}])),
        ("link end with two #", set_in(["plans", 0, "links"], [{"old": "a#1#2", "new": "b#2"}])),
        ("tags not text", set_in(["events", 0, "tags"], [1, 2])),
        ("participant kind", set_in(["participants", 0, "kind"], "robot")),
    ]


def test_a_bare_version_on_one_end_of_a_link_is_valid() -> None:
    """Links saying "no successor" (a bare new version) or "no predecessor" (a bare old
    one), which ``link`` writes and the loader reads, are valid in the published schema."""
    base = raw(SEED_FILES[0])
    first = base["plans"][0]["versions"][0]
    ref = f"{first['id']}#{first['points'][0]['number']}"
    for link in ({"old": ref, "new": "later"}, {"old": "earlier", "new": ref}):
        data = copy.deepcopy(base)
        data["plans"][0]["links"] = [link]
        assert validator().is_valid(data), link


@pytest.mark.parametrize(
    ("end", "valid"),
    [
        ("treaty#Annex 4 I.1", True),  # a number as printed, with spaces
        ("treaty#5 bis", True),
        ("treaty", True),  # no counterpart there
        ("treaty#", False),
        ("treaty#  ", False),  # a number is more than spaces, as the loader says
        ("treaty 5", False),  # a version and a number written apart
        ("the treaty#5", False),  # a version id holds no space
        ("treaty#5#6", False),
    ],
)
def test_a_point_number_may_hold_spaces_as_the_loader_reads_it(end: str, valid: bool) -> None:
    """A point's number is kept as printed ("Annex 4 I.1", the Dayton framework's annex
    provision): the loader reads a reference to it, and so must the schema, in a link and
    in the status log; neither takes a number of spaces alone."""
    base = raw(SEED_FILES[0])
    version = base["plans"][0]["versions"][0]
    data = copy.deepcopy(base)
    first = f"{version['id']}#{version['points'][0]['number']}"
    data["plans"][0]["links"] = [{"old": first, "new": end}]
    assert validator().is_valid(data) is valid
    if "#" in end:
        data = copy.deepcopy(base)
        data["status_log"] = [{"ref": end, "status": "kept", "on": "2025", "source": "s1"}]
        assert validator().is_valid(data) is valid


@pytest.mark.parametrize(("name", "change"), _breakages(), ids=[n for n, _ in _breakages()])
def test_broken_dossiers_are_rejected(name: str, change: Any) -> None:
    """Each kind of breakage makes a valid seed fail the schema."""
    base = raw(SEED_FILES[0])
    assert validator().is_valid(base)
    broken = copy.deepcopy(base)
    broken.setdefault("participants", [{"id": "p", "name": "P"}])
    broken.setdefault("events", [{"id": "e", "when": "2025", "title": "E"}])
    change(broken)
    assert not validator().is_valid(broken), name


def test_a_field_added_to_a_record_class_reaches_the_schema_and_the_loader() -> None:
    """Adding a documented field to a record class is all it takes: schema and loader see it."""

    @attrs.frozen
    class RegionalSource(nt.Source):
        """A source with the region it was published in."""

        region: str | None = attrs.field(
            default=None, metadata=doc("text", "Where it was published.")
        )

    schema = record_schema(RegionalSource)
    assert schema["description"] == "A source with the region it was published in."
    assert list(schema["properties"])[-1] == "region"
    assert schema["properties"]["region"] == {
        "type": ["string", "null"],
        "description": "Where it was published.",
    }
    assert schema["required"] == ["id", "title"]
    spec = Spec.of(RegionalSource)
    assert spec.fields["region"] == STR
    assert spec.required == ("id", "title")


def test_the_schema_is_derived_from_the_record_classes() -> None:
    """Every record definition of the schema lists exactly its class's documented fields."""
    defs = json_schema()["$defs"]
    classes: dict[str, type] = {
        "participant": nt.Participant,
        "source": nt.Source,
        "event": nt.Event,
        "plan": nt.Plan,
        "version": nt.PlanVersion,
        "point": nt.Point,
    }
    for name, cls in classes.items():
        fields = [a.name for a, _, _ in documented(cls)]
        assert list(defs[name]["properties"]) == fields
        assert defs[name]["properties"]["id" if "id" in fields else "number"]["description"]
