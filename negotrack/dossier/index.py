"""RecordIndex: a dossier's records by id, and the lookups that use them.

Kept apart from :mod:`negotrack.dossier.dossier` so that the aggregate reads as its queries and
changes. Every lookup raises :class:`UnknownReference` (a ``KeyError``) with a hint.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

from negotrack.core.model import (
    Event,
    Participant,
    Plan,
    PlanVersion,
    Point,
    Position,
    Source,
    StatusChange,
)
from negotrack.core.refs import PointRef
from negotrack.dossier.asof import DatedLog
from negotrack.errors import UnknownReference, did_you_mean

__all__ = ["RecordIndex"]


class RecordIndex:
    """Lookups by id over the records a subclass keeps in ``_participants`` and friends."""

    _participants: tuple[Participant, ...]
    _sources: tuple[Source, ...]
    _events: tuple[Event, ...]
    _plans: tuple[Plan, ...]
    _status_log: Sequence[StatusChange]
    _position_log: Sequence[Position]
    _by_participant: dict[str, Participant]
    _by_source: dict[str, Source]
    _by_event: dict[str, Event] | None
    _by_plan: dict[str, Plan]
    _by_version: dict[str, tuple[Plan, PlanVersion]]
    _changes: dict[str, DatedLog[StatusChange]]
    _stances: dict[str, DatedLog[Position]]

    def _reindex(self) -> None:
        self._by_participant = {p.id: p for p in self._participants}
        self._by_source = {s.id: s for s in self._sources}
        self._by_event = None  # built on first use: a large dossier may never need it
        self._by_plan = {p.id: p for p in self._plans}
        self._by_version = {v.id: (p, v) for p in self._plans for v in p.versions}
        # Each point's log is sorted here, once; changes then go in at their place.
        changes: dict[str, list[StatusChange]] = {}
        for c in self._status_log:
            changes.setdefault(c.ref, []).append(c)
        self._changes = {ref: DatedLog.of(items) for ref, items in changes.items()}
        stances: dict[str, list[Position]] = {}
        for pos in self._position_log:
            stances.setdefault(pos.ref, []).append(pos)
        self._stances = {ref: DatedLog.of(items) for ref, items in stances.items()}

    # -- lookups -------------------------------------------------------------------------

    def participant(self, id: str) -> Participant:
        """The participant with this id."""
        return _lookup(self._by_participant, id, "participant")

    def find_participant(self, word: str) -> Participant:
        """The participant whose id, name or alias is ``word``, without regard to case."""
        found = self._by_participant.get(word)
        if found is not None:
            return found
        key = str(word).strip().casefold()
        matches = {
            p.id: p
            for p in self._participants
            if key in {p.id.casefold(), p.name.casefold(), *(a.casefold() for a in p.aliases)}
        }
        if len(matches) == 1:
            return next(iter(matches.values()))
        if matches:
            raise UnknownReference(
                f"{word!r} names several participants: {', '.join(sorted(matches))}",
                hint="give the id",
            )
        words = [w for p in self._participants for w in (p.id, p.name, *p.aliases)]
        raise UnknownReference(
            f"no participant {word!r} in this dossier", hint=did_you_mean(str(word), words)
        )

    def _participant_id(self, word: str) -> str:
        """The id of the participant ``word`` names, or ``word`` (the checks report it)."""
        try:
            return self.find_participant(word).id
        except UnknownReference:
            return word

    def source(self, id: str) -> Source:
        """The source with this id."""
        return _lookup(self._by_source, id, "source")

    def event(self, id: str) -> Event:
        """The event with this id."""
        if self._by_event is None:
            self._by_event = {e.id: e for e in self._events}
        return _lookup(self._by_event, id, "event")

    def plan(self, id: str) -> Plan:
        """The plan with this id."""
        return _lookup(self._by_plan, id, "plan")

    def version(self, id: str) -> PlanVersion:
        """The plan version with this id, in whichever plan it is."""
        return _lookup(self._by_version, id, "plan version")[1]

    def plan_of(self, version_id: str) -> Plan:
        """The plan that holds the version ``version_id``."""
        return _lookup(self._by_version, version_id, "plan version")[0]

    def resolve(self, ref: str) -> tuple[PlanVersion, Point]:
        """The version and point a ``VERSION#NUMBER`` reference names."""
        parsed = PointRef.parse(ref)
        try:
            version = self.version(parsed.version)
            return version, version.point(parsed.number)
        except UnknownReference:
            if PointRef.meant(ref) is None:
                raise
            # "us-28 #12", copied from a report: the reference it means, not a version id.
            raise PointRef.refusal(ref) from None

    def link_end(self, end: str) -> PlanVersion:
        """The version one end of a curated link is in: a point's (``VERSION#NUMBER``), or
        the version a bare id names (no counterpart there). An end that writes a version
        id and a number apart ("us-28 12") is read as the point it seems to mean, so the
        error says so."""
        if PointRef.names_point(end) or (
            PointRef.meant(end) is not None and end not in self._by_version
        ):
            return self.resolve(end)[0]
        return self.version(end)

    def point(self, ref: str) -> Point:
        """The point a ``VERSION#NUMBER`` reference names."""
        return self.resolve(ref)[1]

    def refs(self) -> list[str]:
        """Every point reference, plan by plan and version by version, in reading order."""
        return [
            PointRef.format(v.id, p.number)
            for plan in self._plans
            for v in plan.versions
            for p in v.points
        ]


_T = TypeVar("_T")


def _lookup(index: Mapping[str, _T], id: str, noun: str) -> _T:
    try:
        return index[id]
    except (KeyError, TypeError):
        raise UnknownReference(
            f"no {noun} {id!r} in this dossier", hint=did_you_mean(str(id), index)
        ) from None
