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

from typing import Any

from negotrack.core.dateparse import DATE_DESCRIPTION, DATE_PATTERN

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = "https://negotrack.invalid/schema/dossier-1.json"
"""The ``$id`` of the schema: a stable name, not a URL anything is fetched from."""

# The text forms negotrack.core.dateparse accepts, described and matched in one place there.
_DATE_PATTERN = DATE_PATTERN

_STATUS = ["proposed", "kept", "amended", "agreed", "disputed", "deferred", "deleted"]
_STANCE = ["supports", "accepts_with_reservations", "rejects", "undecided"]
_EVENT_KIND = [
    "round",
    "meeting",
    "call",
    "statement",
    "publication",
    "military",
    "incident",
    "personnel",
    "other",
]
_SOURCE_KIND = [
    "official_text",
    "on_record",
    "anonymous_official",
    "leak",
    "media_report",
    "state_media",
]
_PARTICIPANT_KIND = ["person", "delegation", "state", "organisation"]


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


def _ids(description: str) -> dict[str, Any]:
    return {"type": "array", "items": {"$ref": "#/$defs/id"}, "description": description}


def _build() -> dict[str, Any]:
    defs: dict[str, Any] = {
        "id": {"type": "string", "minLength": 1, "description": "An id, unique in its kind."},
        "moment": {
            "description": DATE_DESCRIPTION,
            "anyOf": [
                {"type": "string", "pattern": _DATE_PATTERN},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ],
        },
        "ref": {
            "type": "string",
            "pattern": r"^[^#\s]+#[^#\s]+$",
            "description": "A point reference: VERSION#NUMBER.",
        },
        "number": {
            "description": "A point's number as printed (12, 3a, 'Preamble').",
            "anyOf": [{"type": "string", "minLength": 1}, {"type": "integer"}],
        },
        "strings": {"type": "array", "items": {"type": "string"}},
        "participant": _obj(
            ["id", "name"],
            {
                "id": {"$ref": "#/$defs/id"},
                "name": _text("The name readers see."),
                "kind": {"enum": _PARTICIPANT_KIND, "default": "person"},
                "side": _opt_text("The side acted for: US, Ukraine, Russia, E3, ..."),
                "role": _opt_text("Envoy, chief negotiator, spokesperson, mediator, ..."),
                "aliases": {"$ref": "#/$defs/strings"},
                "notes": _opt_text("Free notes."),
            },
            "A person, delegation, state or organisation.",
        ),
        "source": _obj(
            ["id", "title"],
            {
                "id": {"$ref": "#/$defs/id"},
                "title": _text("The source's title or headline."),
                "kind": {"enum": _SOURCE_KIND, "default": "media_report"},
                "publisher": _opt_text("Who published it."),
                "url": _opt_text("Where to read it."),
                "published": {"anyOf": [{"$ref": "#/$defs/moment"}, {"type": "null"}]},
                "notes": _opt_text("Free notes."),
            },
            "Where a fact came from.",
        ),
        "quote": _obj(
            ["text", "source"],
            {
                "text": _text("The words quoted."),
                "source": {"$ref": "#/$defs/id"},
                "speaker": {"anyOf": [{"$ref": "#/$defs/id"}, {"type": "null"}]},
                "note": _opt_text("Context."),
            },
            "Words someone said, and where they were reported.",
        ),
        "event": _obj(
            ["id", "when", "title"],
            {
                "id": {"$ref": "#/$defs/id"},
                "when": {"$ref": "#/$defs/moment"},
                "until": {"anyOf": [{"$ref": "#/$defs/moment"}, {"type": "null"}]},
                "title": _text("A one-line title."),
                "kind": {"enum": _EVENT_KIND, "default": "other"},
                "track": _opt_text("A strand of events: US-Ukraine, military, ..."),
                "location": _opt_text("Where it happened."),
                "participants": _ids("Participant ids."),
                "sources": _ids("Source ids."),
                "summary": _opt_text("What happened."),
                "quotes": {"type": "array", "items": {"$ref": "#/$defs/quote"}},
                "tags": {"$ref": "#/$defs/strings"},
                "versions": _ids("Plan versions tabled or produced at this event."),
            },
            "Something that happened: a round, a statement, a strike, a publication.",
        ),
        "point": _obj(
            ["number", "text"],
            {
                "number": {"$ref": "#/$defs/number"},
                "text": _text("What the point says."),
                "key": _opt_text("A lineage id shared by the same point across versions."),
                "topic": _opt_text("A topic for grouping."),
                "options": {"$ref": "#/$defs/strings"},
                "notes": _opt_text("Free notes."),
                "sources": _ids("Source ids."),
                "status": {"enum": _STATUS, "default": "proposed"},
            },
            "One numbered point of a plan version.",
        ),
        "version": _obj(
            ["id", "label", "date"],
            {
                "id": {"$ref": "#/$defs/id"},
                "label": _text("How readers name this version."),
                "date": {"$ref": "#/$defs/moment"},
                "side": _opt_text("Who drafted it."),
                "summary": _opt_text("What it is."),
                "derived_from": _ids("Version ids this one derives from."),
                "sources": _ids("Source ids."),
                "points": {"type": "array", "items": {"$ref": "#/$defs/point"}},
            },
            "One version of a plan.",
        ),
        "link": _obj(
            ["old", "new"],
            {
                "old": {"$ref": "#/$defs/ref"},
                "new": {"$ref": "#/$defs/ref"},
                "note": _opt_text("Why these are the same point."),
            },
            "Curated lineage: the old point became the new one.",
        ),
        "plan": _obj(
            ["id", "title"],
            {
                "id": {"$ref": "#/$defs/id"},
                "title": _text("The plan's title."),
                "summary": _opt_text("What it is."),
                "links": {"type": "array", "items": {"$ref": "#/$defs/link"}},
                "versions": {"type": "array", "items": {"$ref": "#/$defs/version"}},
            },
            "A plan in its versions.",
        ),
        "status_change": _obj(
            ["ref", "status", "on"],
            {
                "ref": {"$ref": "#/$defs/ref"},
                "status": {"enum": _STATUS},
                "on": {"$ref": "#/$defs/moment"},
                "source": {"anyOf": [{"$ref": "#/$defs/id"}, {"type": "null"}]},
                "by": {"anyOf": [{"$ref": "#/$defs/id"}, {"type": "null"}]},
                "note": _opt_text("Context."),
            },
            "A point's status changed on a date, on someone's word (source or by).",
        ),
        "position": _obj(
            ["ref", "party", "stance", "on", "source"],
            {
                "ref": {"$ref": "#/$defs/ref"},
                "party": {"$ref": "#/$defs/id"},
                "stance": {"enum": _STANCE},
                "on": {"$ref": "#/$defs/moment"},
                "source": {"$ref": "#/$defs/id"},
                "note": _opt_text("Context."),
            },
            "A party's dated, sourced stance on a point.",
        ),
    }
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
        "required": ["negotrack", "title"],
        "properties": {
            "negotrack": {"const": 1, "description": "The format version."},
            "title": _text("The dossier's title."),
            "description": _opt_text("What the dossier covers."),
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
