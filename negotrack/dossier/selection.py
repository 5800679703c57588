"""EventFilter: which events a timeline or a query shows.

A filter is a value: build it once from keyword arguments (one value or several for each
criterion), apply it to any dossier. Criteria combine with AND; several values for one
criterion combine with OR. Dates keep every event whose interval, including a multi-day
``until`` span, overlaps the range.

The range is read as it is written. A date without a time (``--until 2025-11``) is a stretch
of the calendar, and events are compared with it by their dates as displayed: a call "30 Nov
2025, 23:30 UTC-05:00" is in November, though it is 1 Dec in UTC. A bound with a time of day
is an instant, and events are compared with it as instants.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs

from negotrack.core.dates import Moment, SortKey, moment_or_none
from negotrack.core.model import Event, EventKind
from negotrack.errors import UnknownReference, did_you_mean

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier

__all__ = ["EventFilter", "known", "values"]


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

    @property
    def active(self) -> dict[str, str]:
        """The criteria in use, as readable text by name (for page headers)."""
        out: dict[str, str] = {}
        for a in attrs.fields(EventFilter):
            value = getattr(self, a.name)
            if value is None:
                continue
            out[a.name] = str(value) if isinstance(value, Moment) else ", ".join(sorted(value))
        return out

    def apply(self, dossier: Dossier) -> list[Event]:
        """The dossier's matching events in time order.

        A participant is found by id, name or alias; sides, tracks and tags without regard
        to case. A value the dossier does not know raises :class:`UnknownReference` with a
        suggestion: a misspelt filter must not pass for "no events".
        """
        participant = self.participant
        if participant is not None:
            participant = frozenset(dossier.find_participant(w).id for w in participant)
        side = known(dossier, "side", self.side)
        track = known(dossier, "track", self.track)
        tag = known(dossier, "tag", self.tag)
        on_side = None
        if side is not None:
            on_side = {p.id for p in dossier.participants if p.side in side}
        lo, lo_shown = _bound(self.since, first=True)
        hi, hi_shown = _bound(self.until, first=False)
        out = [
            e
            for e in dossier.events
            if (self.kind is None or e.kind in self.kind)
            and (track is None or e.track in track)
            and (tag is None or not tag.isdisjoint(e.tags))
            and (participant is None or not participant.isdisjoint(e.participants))
            and (on_side is None or not on_side.isdisjoint(e.participants))
            and (lo is None or _last(e, lo_shown) > lo)
            and (hi is None or _first(e, hi_shown) < hi)
        ]
        out.sort(key=_when)
        return out


def values(dossier: Dossier, name: str) -> set[str]:
    """The values of a filter criterion ("side", "track" or "tag") the dossier holds."""
    if name == "side":
        return {p.side for p in dossier.participants if p.side}
    if name == "track":
        return {e.track for e in dossier.events if e.track}
    return {t for e in dossier.events for t in e.tags}


def known(dossier: Dossier, name: str, wanted: Iterable[str] | None) -> frozenset[str] | None:
    """``wanted`` as the dossier spells them (any case); an unknown one raises with a hint."""
    if wanted is None:
        return None
    have = values(dossier, name)
    by_case = {v.casefold(): v for v in have}
    out = set()
    for w in wanted:
        found = w if w in have else by_case.get(str(w).casefold())
        if found is None:
            raise UnknownReference(
                f"no {name} {w!r} in this dossier",
                hint=did_you_mean(str(w), have) or f"it has no {name}s",
            )
        out.add(found)
    return frozenset(out)


def _bound(m: Moment | None, *, first: bool) -> tuple[datetime | None, bool]:
    """A range's bound (the start of ``since``, the end of ``until``), and whether it is on
    the calendar as displayed (a date without a time) rather than an instant."""
    if m is None:
        return None, False
    if m.value.tzinfo is None:
        return (m.local_start if first else m.local_end), True
    return (m.start if first else m.end), False


def _first(e: Event, shown: bool) -> datetime:
    return e.when.local_start if shown else e.when.start


def _last(e: Event, shown: bool) -> datetime:
    last = e.until or e.when
    return last.local_end if shown else last.end


def _when(e: Event) -> SortKey:
    return e.when.sort_key
