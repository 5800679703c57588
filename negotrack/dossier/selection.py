"""EventFilter: which events a timeline or a query shows.

A filter is a value: build it once from keyword arguments (one value or several for each
criterion), apply it to any dossier. Criteria combine with AND; several values for one
criterion combine with OR. Dates keep every event whose interval, including a multi-day
``until`` span, overlaps the range.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from negotrack.core.dates import Moment, moment_or_none
from negotrack.core.model import Event, EventKind

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier

__all__ = ["EventFilter"]


def _set(value: Any) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return frozenset((value,))
    return frozenset(str(v) for v in value)


def _kinds(value: Any) -> frozenset[EventKind] | None:
    names = _set(value)
    return None if names is None else frozenset(EventKind.coerce(k) for k in names)


@attrs.frozen
class EventFilter:
    """Criteria for events; None means "any"."""

    since: Moment | None = attrs.field(default=None, converter=moment_or_none)
    until: Moment | None = attrs.field(default=None, converter=moment_or_none)
    kind: frozenset[EventKind] | None = attrs.field(default=None, converter=_kinds)
    participant: frozenset[str] | None = attrs.field(default=None, converter=_set)
    side: frozenset[str] | None = attrs.field(default=None, converter=_set)
    track: frozenset[str] | None = attrs.field(default=None, converter=_set)
    tag: frozenset[str] | None = attrs.field(default=None, converter=_set)

    def apply(self, dossier: Dossier) -> list[Event]:
        """The dossier's matching events in time order (unknown participants raise)."""
        for pid in self.participant or ():
            dossier.participant(pid)
        on_side = None
        if self.side is not None:
            on_side = {p.id for p in dossier.participants if p.side in self.side}
        lo = self.since.start if self.since is not None else None
        hi = self.until.end if self.until is not None else None
        out = [
            e
            for e in dossier.events
            if (self.kind is None or e.kind in self.kind)
            and (self.track is None or e.track in self.track)
            and (self.tag is None or not self.tag.isdisjoint(e.tags))
            and (self.participant is None or not self.participant.isdisjoint(e.participants))
            and (on_side is None or not on_side.isdisjoint(e.participants))
            and (lo is None or (e.until or e.when).end > lo)
            and (hi is None or e.when.start < hi)
        ]
        out.sort(key=_when)
        return out


def _when(e: Event) -> tuple[float, int, bool]:
    return e.when.sort_key
