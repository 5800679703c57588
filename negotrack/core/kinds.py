"""The vocabularies of the model: statuses, stances, and kinds of events, sources and
participants.

Each is a str enum whose members are their values (``Status.KEPT == "kept"``), and whose
``coerce`` forgives case, spaces and hyphens and suggests the closest spelling when a
value is unknown. The ``_status``-style converters are what the model's fields use: a
dict lookup for the usual spelling, ``coerce`` only when that misses.
"""

from __future__ import annotations

import enum
from typing import Any, TypeVar

from negotrack.errors import DossierError

__all__ = ["EventKind", "ParticipantKind", "SourceKind", "Stance", "Status"]


class _StrEnum(enum.StrEnum):
    """A str enum whose members print as their value and that suggests a fix when wrong."""

    @classmethod
    def coerce(cls: type[_E], value: Any) -> _E:
        """The member for ``value`` (a member, its value, or its name in any case)."""
        if value.__class__ is cls:
            return value  # type: ignore[no-any-return,unused-ignore]
        try:
            return cls(value)
        except ValueError:
            pass
        if isinstance(value, str):
            norm = value.strip().lower().replace(" ", "_").replace("-", "_")
            # Common spellings: en-US for en-GB ("organization"), and a plural ("rounds").
            forms = (norm, norm.removesuffix("s"))
            spellings = {*forms, *map(_british, forms)}
            for member in cls:
                if member.value in spellings or member.name.lower() in spellings:
                    return member
        noun = _NOUNS.get(cls.__name__, cls.__name__)
        raise DossierError(f"unknown {noun} {value!r}", hint=_hint(cls, str(value)))


def _hint(cls: type[_StrEnum], word: str) -> str | None:
    """The members ``word`` means (a synonym: "removed" is ``deleted``) or misspells (at
    most one edit, two in a long word); else every member.

    Never a word that is merely spelt alike, as difflib would offer: "removed" is not
    "agreed", nor "dropped" "proposed", and a reporter following the hint would record
    the opposite of what they meant.
    """
    norm = word.strip().lower().replace(" ", "_").replace("-", "_")
    synonyms = _SYNONYMS.get(cls.__name__, {})
    meant = [m for m in cls if norm in synonyms.get(m.value, ())]
    if not meant:
        for m in cls:
            spellings = (m.value, *(w for w in synonyms.get(m.value, ()) if len(w) >= 5))
            if any(_edits(norm, w) <= (1 if len(w) < 8 else 2) for w in spellings):
                meant.append(m)
    if meant:
        return "did you mean " + " or ".join(repr(m.value) for m in meant) + "?"
    return "expected one of " + ", ".join(repr(m.value) for m in cls)


def _edits(a: str, b: str) -> int:
    """The edits (insert, delete, replace, swap two neighbours) from ``a`` to ``b``."""
    if abs(len(a) - len(b)) > 2:
        return 3  # more than any hint allows
    before, row = None, list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        new = [i]
        for j, y in enumerate(b, 1):
            cost = min(row[j] + 1, new[j - 1] + 1, row[j - 1] + (x != y))
            if before is not None and i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, before[j - 2] + 1)
            new.append(cost)
        before, row = row, new
    return row[-1]


def _british(word: str) -> str:
    """``word`` with en-US endings in their en-GB form (the vocabularies are en-GB)."""
    for us, gb in (("ization", "isation"), ("izing", "ising"), ("ize", "ise"), ("or", "our")):
        if word.endswith(us):
            return word[: -len(us)] + gb
        if us + "_" in word:
            word = word.replace(us + "_", gb + "_")
    return word


_E = TypeVar("_E", bound=_StrEnum)
_NOUNS = {
    "Status": "status",
    "Stance": "stance",
    "EventKind": "event kind",
    "SourceKind": "source kind",
    "ParticipantKind": "participant kind",
}


_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "Status": {
        "proposed": ("propose", "suggested", "offered", "put_forward", "new", "draft"),
        "kept": ("keep", "retained", "maintained", "unchanged", "same", "stays", "remains"),
        "amended": ("amend", "changed", "modified", "revised", "reworded", "edited", "altered"),
        "agreed": ("agree", "accepted", "approved", "settled", "resolved", "signed"),
        "disputed": ("dispute", "contested", "contentious", "challenged", "in_dispute"),
        "deferred": ("defer", "postponed", "delayed", "shelved", "parked", "on_hold"),
        "deleted": (
            "delete",
            "removed",
            "remove",
            "dropped",
            "drop",
            "struck",
            "cut",
            "omitted",
            "scrapped",
            "withdrawn",
            "eliminated",
        ),
    },
    "Stance": {
        "supports": ("support", "backs", "endorses", "favours", "favors", "in_favour"),
        "accepts_with_reservations": ("accepts", "reservations", "conditional", "qualified"),
        "rejects": ("reject", "opposes", "refuses", "declines", "against"),
        "undecided": ("neutral", "unclear", "uncommitted", "abstains", "unknown"),
    },
    "EventKind": {
        "round": ("talks", "negotiation", "session"),
        "meeting": ("meet", "summit", "visit"),
        "call": ("phone", "phone_call", "telephone", "video_call"),
        "statement": ("speech", "remarks", "announcement", "declaration", "interview"),
        "publication": ("report", "article", "release", "published"),
        "military": ("strike", "attack", "offensive", "shelling"),
        "incident": ("accident",),
        "personnel": ("appointment", "resignation", "dismissal"),
    },
    "SourceKind": {
        "official_text": ("official", "document", "treaty"),
        "on_record": ("record", "quote", "quoted"),
        "anonymous_official": ("anonymous", "unnamed", "background"),
        "leak": ("leaked",),
        "media_report": ("media", "news", "press", "report"),
    },
    "ParticipantKind": {
        "person": ("individual", "people"),
        "delegation": ("team",),
        "state": ("country", "nation", "government"),
        "organisation": ("org", "ngo", "institution", "body"),
    },
}
"""For each vocabulary, the words people write for each member: a hint, never read as it."""


class Status(_StrEnum):
    """What has become of a point. Spelled as in the contract: ``kept``, ``deleted``, ..."""

    PROPOSED = "proposed"
    KEPT = "kept"
    AMENDED = "amended"
    AGREED = "agreed"
    DISPUTED = "disputed"
    DEFERRED = "deferred"
    DELETED = "deleted"


class Stance(_StrEnum):
    """A party's position on a point."""

    SUPPORTS = "supports"
    ACCEPTS_WITH_RESERVATIONS = "accepts_with_reservations"
    REJECTS = "rejects"
    UNDECIDED = "undecided"


class EventKind(_StrEnum):
    """What sort of thing happened."""

    ROUND = "round"
    MEETING = "meeting"
    CALL = "call"
    STATEMENT = "statement"
    PUBLICATION = "publication"
    MILITARY = "military"
    INCIDENT = "incident"
    PERSONNEL = "personnel"
    OTHER = "other"


class SourceKind(_StrEnum):
    """How a source knows what it says; readers weigh them differently."""

    OFFICIAL_TEXT = "official_text"
    ON_RECORD = "on_record"
    ANONYMOUS_OFFICIAL = "anonymous_official"
    LEAK = "leak"
    MEDIA_REPORT = "media_report"
    STATE_MEDIA = "state_media"


class ParticipantKind(_StrEnum):
    """What a participant is."""

    PERSON = "person"
    DELEGATION = "delegation"
    STATE = "state"
    ORGANISATION = "organisation"


# Converters: a dict lookup for the usual spelling (a str enum member hashes as its value),
# the forgiving coerce() only when that misses. They run once per field of every record
# loaded, so they are kept to the bone.
_PARTICIPANT_KINDS: dict[Any, ParticipantKind] = dict(ParticipantKind._value2member_map_)
_SOURCE_KINDS: dict[Any, SourceKind] = dict(SourceKind._value2member_map_)
_EVENT_KINDS: dict[Any, EventKind] = dict(EventKind._value2member_map_)
_STATUSES: dict[Any, Status] = dict(Status._value2member_map_)
_STANCES: dict[Any, Stance] = dict(Stance._value2member_map_)


def _participantkind(value: Any) -> ParticipantKind:
    try:
        return _PARTICIPANT_KINDS[value]
    except (KeyError, TypeError):
        return ParticipantKind.coerce(value)


def _sourcekind(value: Any) -> SourceKind:
    try:
        return _SOURCE_KINDS[value]
    except (KeyError, TypeError):
        return SourceKind.coerce(value)


def _eventkind(value: Any) -> EventKind:
    try:
        return _EVENT_KINDS[value]
    except (KeyError, TypeError):
        return EventKind.coerce(value)


def _status(value: Any) -> Status:
    try:
        return _STATUSES[value]
    except (KeyError, TypeError):
        return Status.coerce(value)


def _stance(value: Any) -> Stance:
    try:
        return _STANCES[value]
    except (KeyError, TypeError):
        return Stance.coerce(value)
