"""The JSON Schema (draft 2020-12) of the dossier file format.

One schema serves JSON and YAML dossiers alike (they share one shape). It lets people who
never run Python check a dossier (editors with schema support, CI in another language) and
documents the format in a machine-readable way. ``negotrack export FILE --to json-schema``
prints it.

The schema checks shape (keys, types, enum values, the form of dates and point references);
cross-record integrity (unknown ids, duplicate point numbers, cycles in ``derived_from``) is
beyond JSON Schema and is checked by :class:`negotrack.Dossier` when a file is loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from negotrack.core.dateparse import DATE_DESCRIPTION, DATE_PATTERN
from negotrack.core.fields import documented, is_vocabulary
from negotrack.core.model import (
    Event,
    Participant,
    Plan,
    PlanVersion,
    Point,
    PointLink,
    Position,
    Quote,
    Source,
    StatusChange,
)
from negotrack.core.refs import END_PATTERN, REF_PATTERN

__all__ = ["SCHEMA_ID", "json_schema", "record_schema"]

SCHEMA_ID = "https://negotrack.invalid/schema/dossier-1.json"
"""The ``$id`` of the schema: a stable name, not a URL anything is fetched from."""

#: The name under ``$defs`` of each record class's schema.
_DEFS: dict[type, str] = {
    Participant: "participant",
    Source: "source",
    Quote: "quote",
    Event: "event",
    Point: "point",
    PlanVersion: "version",
    PointLink: "link",
    Plan: "plan",
    StatusChange: "status_change",
    Position: "position",
}
# The shared definitions each kind of field refers to.
_REFS = {
    "id": "#/$defs/id",
    "date": "#/$defs/moment",
    "ref": "#/$defs/ref",
    "end": "#/$defs/end",
    "number": "#/$defs/number",
    "texts": "#/$defs/strings",
}


def _obj(required: list[str], properties: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "required": required,
        "properties": properties,
        "additionalProperties": False,
    }


def _text(description: str) -> dict[str, Any]:
    return {"type": "string", "description": description}


def _opt_text(description: str) -> dict[str, Any]:
    return {"type": ["string", "null"], "description": description}


def record_schema(cls: type, names: Mapping[type, str] = _DEFS) -> dict[str, Any]:
    """The schema of one record class, from its documented fields (:mod:`negotrack.core.fields`).

    A field without a default is required; ``names`` gives the ``$defs`` name of each record
    class a field may hold a list of.
    """
    properties: dict[str, Any] = {}
    required: list[str] = []
    for a, kind, meaning in documented(cls):
        optional = a.default is not attrs.NOTHING
        if not optional:
            required.append(a.name)
        prop: dict[str, Any]
        if kind == "text":
            prop = _opt_text(meaning) if optional else _text(meaning)
        elif kind == "ids":
            prop = {"type": "array", "items": {"$ref": _REFS["id"]}}
        elif kind == "flag":
            prop = {"type": "boolean", "default": a.default}
        elif isinstance(kind, str):
            prop = {"$ref": _REFS[kind]}
            if optional and a.default is None:
                prop = {"anyOf": [prop, {"type": "null"}]}
        elif is_vocabulary(kind):
            vocabulary: Any = kind
            default: Any = a.default
            prop = {"enum": [m.value for m in vocabulary]}
            if optional:
                prop["default"] = default.value
        else:
            prop = {"type": "array", "items": {"$ref": f"#/$defs/{names[kind]}"}}
        prop.setdefault("description", meaning)
        properties[a.name] = prop
    summary = " ".join((cls.__doc__ or "").split("\n\n")[0].split())
    return _obj(required, properties, summary)


def _build() -> dict[str, Any]:
    defs: dict[str, Any] = {
        "id": {"type": "string", "minLength": 1, "description": "An id, unique in its kind."},
        "moment": {
            "description": DATE_DESCRIPTION,
            "anyOf": [
                {"type": "string", "pattern": DATE_PATTERN},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ],
        },
        "ref": {
            "type": "string",
            "pattern": REF_PATTERN,
            "description": "A point reference: VERSION#NUMBER.",
        },
        "end": {
            "type": "string",
            "pattern": END_PATTERN,
            "description": (
                "One end of a curated link: VERSION#NUMBER, or a bare VERSION id (no"
                " counterpart in that version)."
            ),
        },
        "number": {
            "description": "A point's number as printed (12, 3a, 'Preamble').",
            "anyOf": [{"type": "string", "minLength": 1}, {"type": "integer"}],
        },
        "strings": {"type": "array", "items": {"type": "string"}},
    }
    defs.update((name, record_schema(cls)) for cls, name in _DEFS.items())
    # A status change needs a source or a participant to say it.
    defs["status_change"]["anyOf"] = [
        {"required": ["source"], "properties": {"source": {"type": "string"}}},
        {"required": ["by"], "properties": {"by": {"type": "string"}}},
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "negotrack dossier",
        "description": (
            "A negotiation dossier: participants, sources, events, plans in versions, and "
            "the dated, sourced status and position history of their points."
        ),
        "type": "object",
        "required": ["title"],
        "properties": {
            "negotrack": {
                "const": 1,
                "description": "The format version (1 when left out; negotrack writes it).",
            },
            "title": _text("The dossier's title."),
            "description": _opt_text("What the dossier covers."),
            "language": {
                "type": ["string", "null"],
                "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                "description": "The language the dossier's texts are written in (BCP 47).",
            },
            "participants": {"type": "array", "items": {"$ref": "#/$defs/participant"}},
            "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}},
            "events": {"type": "array", "items": {"$ref": "#/$defs/event"}},
            "plans": {"type": "array", "items": {"$ref": "#/$defs/plan"}},
            "status_log": {"type": "array", "items": {"$ref": "#/$defs/status_change"}},
            "position_log": {"type": "array", "items": {"$ref": "#/$defs/position"}},
        },
        "additionalProperties": False,
        "$defs": defs,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the dossier format, as a fresh dict the caller may change.

    It is built on each call (it is cheap) so that no module-level dict can be mutated.
    """
    return _build()
