"""How each record type of the dossier file is read: its class, field kinds, required fields.

:mod:`negotrack.io.records` reads files with these specs: a fast path that checks shapes with
set operations, and a careful path that explains each problem field by field.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from negotrack.core.model import (
    Event,
    EventKind,
    Participant,
    ParticipantKind,
    Plan,
    PlanVersion,
    Point,
    PointLink,
    Position,
    Quote,
    Source,
    SourceKind,
    Stance,
    Status,
    StatusChange,
)

__all__ = ["MOMENT", "SPECS", "STR", "STRS", "STR_ONLY", "TEXT_OK", "Spec"]

# Field kinds: "str", "strs" (list of text), "moment", a str enum class, or a nested record.
STR, STRS, MOMENT = "str", "strs", "moment"


class Spec:
    """How one record type is read: its class, field kinds and required fields.

    A plain class rather than attrs: it is built at import, and the command line's start-up
    time is a bar.
    """

    __slots__ = (
        "cls",
        "fields",
        "keys",
        "nested",
        "required",
        "required_texts",
        "text_list_count",
        "text_lists",
        "texts",
    )

    def __init__(self, cls: type[Any], fields: dict[str, Any], required: tuple[str, ...]):
        self.cls = cls
        self.fields = fields
        self.required = required
        self.keys = frozenset(fields)
        self.texts = tuple(k for k, v in fields.items() if v == STR)
        self.nested = tuple(k for k, v in fields.items() if isinstance(v, Spec))
        # Event's references are checked as references by the integrity pass, which also
        # finds items that are not text; its other lists are checked here.
        skip = {"participants", "sources", "versions"} if cls is Event else set()
        names = [k for k, v in fields.items() if v == STRS and k not in skip]
        # One getter for all text lists: a record gives a tuple of its lists (or the list).
        self.text_lists = attrgetter(*names) if names else None
        self.text_list_count = len(names)
        self.required_texts = tuple(k for k in required if fields[k] == STR)


# The types the fast path lets through without a closer look.
TEXT_OK = frozenset((str, type(None)))
STR_ONLY = frozenset((str,))


_QUOTE = Spec(Quote, {"text": STR, "source": STR, "speaker": STR, "note": STR}, ("text", "source"))
SPECS: dict[str, Spec] = {
    "participants": Spec(
        Participant,
        {
            "id": STR,
            "name": STR,
            "kind": ParticipantKind,
            "side": STR,
            "role": STR,
            "aliases": STRS,
            "notes": STR,
        },
        ("id", "name"),
    ),
    "sources": Spec(
        Source,
        {
            "id": STR,
            "title": STR,
            "kind": SourceKind,
            "publisher": STR,
            "url": STR,
            "published": MOMENT,
            "notes": STR,
        },
        ("id", "title"),
    ),
    "events": Spec(
        Event,
        {
            "id": STR,
            "when": MOMENT,
            "until": MOMENT,
            "title": STR,
            "kind": EventKind,
            "track": STR,
            "location": STR,
            "participants": STRS,
            "sources": STRS,
            "summary": STR,
            "quotes": _QUOTE,
            "tags": STRS,
            "versions": STRS,
        },
        ("id", "when", "title"),
    ),
    "points": Spec(
        Point,
        {
            "number": STR,
            "text": STR,
            "key": STR,
            "topic": STR,
            "options": STRS,
            "notes": STR,
            "sources": STRS,
            "status": Status,
        },
        ("number", "text"),
    ),
    "links": Spec(PointLink, {"old": STR, "new": STR, "note": STR}, ("old", "new")),
    "status_log": Spec(
        StatusChange,
        {"ref": STR, "status": Status, "on": MOMENT, "source": STR, "by": STR, "note": STR},
        ("ref", "status", "on"),
    ),
    "position_log": Spec(
        Position,
        {"ref": STR, "party": STR, "stance": Stance, "on": MOMENT, "source": STR, "note": STR},
        ("ref", "party", "stance", "on", "source"),
    ),
}
SPECS["versions"] = Spec(
    PlanVersion,
    {
        "id": STR,
        "label": STR,
        "date": MOMENT,
        "side": STR,
        "summary": STR,
        "derived_from": STRS,
        "sources": STRS,
        "points": SPECS["points"],
    },
    ("id", "label", "date"),
)
SPECS["plans"] = Spec(
    Plan,
    {
        "id": STR,
        "title": STR,
        "summary": STR,
        "links": SPECS["links"],
        "versions": SPECS["versions"],
    },
    ("id", "title"),
)
