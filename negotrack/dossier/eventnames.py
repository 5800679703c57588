"""What a dossier's events name: their own ids, and the records they refer to.

Events are the bulk of a large dossier (a file may hold 100,000s of them), so the integrity
check (:func:`negotrack.dossier.integrity.check_dossier`) first asks with set operations
whether anything about them is wrong at all: are their ids unique, non-blank text, and does
every participant, source and plan version they name exist? It walks them one by one only
for the trouble it finds.

Gathering those sets reads every id of every event. In a walk of its own, after the events
are built, each id is read afresh from memory, and that took a fifth of loading a
100,000-event file. A loader that builds the events a chunk at a time gathers the sets
chunk by chunk (:meth:`EventNames.add`), while the ids it has just read are still in the
processor's cache, in half the time; a dossier built otherwise gathers them in one walk
(:meth:`EventNames.of`). The check reads the same sets either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from negotrack.core.model import Event

__all__ = ["EventNames"]

_ID = attrgetter("id")
_PARTICIPANTS = attrgetter("participants")
_SOURCES = attrgetter("sources")
_VERSIONS = attrgetter("versions")
_TEXT_ONLY = frozenset((str,)).issuperset


class EventNames:
    """The ids of a sequence of events, and the ids of the participants, sources and plan
    versions they name. Add the events in order, each once."""

    __slots__ = ("count", "gathered", "ids", "participants", "plain", "sources", "versions")

    def __init__(self) -> None:
        self.count = 0
        """How many events were added."""
        self.ids: set[str] = set()
        """Their ids, each once."""
        self.plain = True
        """Whether every id is non-blank text."""
        self.participants: set[Any] = set()
        self.sources: set[Any] = set()
        self.versions: set[Any] = set()
        self.gathered = True
        """Whether every name they refer to was gathered: an unhashable item (a list, a
        mapping) where an id belongs cannot be, and the check then walks every event."""

    @classmethod
    def of(cls, events: Sequence[Event]) -> EventNames:
        """What ``events`` name, in one walk."""
        names = cls()
        names.add(events)
        return names

    def add(self, events: Sequence[Event]) -> None:
        """Gather what ``events`` (the next ones, in order) name."""
        ids = list(map(_ID, events))
        self.count += len(ids)
        self.ids.update(ids)
        self.plain = self.plain and _TEXT_ONLY(map(type, ids)) and all(map(str.strip, ids))
        if self.gathered:
            try:
                self.participants.update(*map(_PARTICIPANTS, events))
                self.sources.update(*map(_SOURCES, events))
                self.versions.update(*map(_VERSIONS, events))
            except TypeError:
                self.gathered = False

    @property
    def unique(self) -> bool:
        """Whether the ids are non-blank text, each given once."""
        return self.plain and len(self.ids) == self.count
