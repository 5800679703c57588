"""How each record type of the dossier file is read: its class, field kinds, required fields.

Derived from the record classes' field documentation (:mod:`negotrack.core.fields`), so the
format is said once. :mod:`negotrack.io.records` reads files with these specs: a fast path
that checks shapes with set operations, and a careful path that explains each problem field
by field.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

import attrs

from negotrack.core.fields import documented, is_vocabulary
from negotrack.core.model import (
    Event,
    Participant,
    Plan,
    Position,
    Source,
    StatusChange,
)

__all__ = ["FLAG", "MOMENT", "SPECS", "STR", "STRS", "STR_ONLY", "TEXT_OK", "Spec"]

# How a field is read: "str", "strs" (list of text), "moment", "flag" (true or false), a str
# enum class, or the Spec of a nested record.
STR, STRS, MOMENT, FLAG = "str", "strs", "moment", "flag"
_READ = {
    "id": STR,
    "text": STR,
    "ref": STR,
    "end": STR,
    "number": STR,
    "ids": STRS,
    "texts": STRS,
    "date": MOMENT,
    "flag": FLAG,
}


class Spec:
    """How one record type is read: its class, field kinds and required fields.

    A plain class rather than attrs: it is built at import, and the command line's start-up
    time is a bar.
    """

    __slots__ = (
        "checks_itself",
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
        # Event refuses unknown fields and text fields that are not text itself (it is the
        # class large files hold most of); the loader need not check them first.
        self.checks_itself = cls is Event

    @classmethod
    def of(cls, record: type[Any]) -> Spec:
        """The spec of a record class, from its documented fields: a field without a
        default is required; a field whose kind is a record class is a list of those."""
        fields: dict[str, Any] = {}
        required: list[str] = []
        for a, kind, _ in documented(record):
            if isinstance(kind, str):
                fields[a.name] = _READ[kind]
            elif is_vocabulary(kind):
                fields[a.name] = kind
            else:
                fields[a.name] = cls.of(kind)
            if a.default is attrs.NOTHING:
                required.append(a.name)
        return cls(record, fields, tuple(required))


# The types the fast path lets through without a closer look.
TEXT_OK = frozenset((str, type(None)))
STR_ONLY = frozenset((str,))

#: The spec of each top-level list of a dossier file.
SPECS: dict[str, Spec] = {
    "participants": Spec.of(Participant),
    "sources": Spec.of(Source),
    "events": Spec.of(Event),
    "plans": Spec.of(Plan),
    "status_log": Spec.of(StatusChange),
    "position_log": Spec.of(Position),
}
