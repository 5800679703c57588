"""Dossier: the one aggregate users change.

A dossier holds frozen values (participants, sources, events, plans) and two logs: dated,
sourced status changes of points and dated, sourced party positions on points. It checks
its integrity on construction (every problem at once, each with its place) and validates
every change before making it, so a dossier is never half-changed.

Points are referred to as ``VERSION#NUMBER`` ("us-28#12"); version ids are unique within a
dossier. As-of queries follow the rule in :mod:`negotrack.core.dates`: by default a change counts
once it is *settled* (its whole date interval is over by the end of the query date);
:meth:`Dossier.status_report` also says when the answer depends on an order the dates leave
open (see :mod:`negotrack.dossier.asof`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from negotrack.core.dates import MomentLike
from negotrack.core.model import (
    Event,
    EventKind,
    Participant,
    Plan,
    PlanVersion,
    Position,
    Source,
    Stance,
    Status,
    StatusChange,
)
from negotrack.core.refs import PointRef
from negotrack.dossier.arguments import build as _build
from negotrack.dossier.arguments import coerce as _coerce
from negotrack.dossier.asof import AsOfRule, DatedLog
from negotrack.dossier.edit import Corrections
from negotrack.dossier.eventnames import EventNames
from negotrack.dossier.index import RecordIndex
from negotrack.dossier.integrity import check_change, check_dossier
from negotrack.dossier.links import Linking
from negotrack.dossier.queries import Queries
from negotrack.errors import DossierError, Problem

if TYPE_CHECKING:
    from pathlib import Path

    from negotrack.plandiff.compare import PlanDiff

__all__ = ["AsOfRule", "Dossier"]


class Dossier(RecordIndex, Queries, Corrections, Linking):
    """Everything known about one negotiation, and the only thing users change. Build one
    from model values (or mappings of their fields); it raises :class:`DossierError`
    listing every integrity problem with its place."""

    def __init__(
        self,
        title: str,
        participants: Iterable[Participant] = (),
        sources: Iterable[Source] = (),
        events: Iterable[Event] = (),
        plans: Iterable[Plan] = (),
        status_log: Iterable[StatusChange] = (),
        position_log: Iterable[Position] = (),
        description: str | None = None,
        language: str | None = None,
    ) -> None:
        self.title = title
        self.description = description
        self.language = language
        """The language its texts are written in (a BCP 47 tag: "en", "uk"), if declared:
        pages in another interface language mark the dossier's text with it."""
        self._participants = _coerce(Participant, participants, "participants")
        self._sources = _coerce(Source, sources, "sources")
        self._events = _coerce(Event, events, "events")
        self._plans = _coerce(Plan, plans, "plans")
        self._status_log = list(_coerce(StatusChange, status_log, "status_log"))
        self._position_log = list(_coerce(Position, position_log, "position_log"))
        problems = check_dossier(self)
        if problems:
            raise DossierError(problems)
        self._reindex()

    @classmethod
    def _unchecked(
        cls,
        *,
        title: str,
        description: str | None,
        participants: tuple[Participant, ...],
        sources: tuple[Source, ...],
        events: tuple[Event, ...],
        plans: tuple[Plan, ...],
        status_log: tuple[StatusChange, ...],
        position_log: tuple[Position, ...],
        language: str | None = None,
    ) -> Dossier:
        """Built records, not yet checked nor indexed (loaders merge the problems first)."""
        d = object.__new__(cls)
        d.title = title
        d.description = description
        d.language = language
        d._participants = participants
        d._sources = sources
        d._events = events
        d._plans = plans
        d._status_log = list(status_log)
        d._position_log = list(position_log)
        return d

    def _problems(self, named: EventNames | None = None) -> list[Problem]:
        """Every integrity problem; ``named`` is what the events name, if already gathered."""
        return check_dossier(self, named)

    # -- the records ---------------------------------------------------------------------

    @property
    def participants(self) -> tuple[Participant, ...]:
        return self._participants

    @property
    def sources(self) -> tuple[Source, ...]:
        return self._sources

    @property
    def events(self) -> tuple[Event, ...]:
        """Events in the order they were recorded (see :meth:`filter_events` for time order)."""
        return self._events

    @property
    def plans(self) -> tuple[Plan, ...]:
        return self._plans

    @property
    def status_log(self) -> tuple[StatusChange, ...]:
        """Every recorded status change, in the order recorded."""
        return tuple(self._status_log)

    @property
    def position_log(self) -> tuple[Position, ...]:
        """Every recorded party position, in the order recorded."""
        return tuple(self._position_log)

    # -- queries -------------------------------------------------------------------------

    def filter_events(
        self,
        *,
        since: MomentLike | None = None,
        until: MomentLike | None = None,
        kind: str | EventKind | Iterable[str | EventKind] | None = None,
        participant: str | Iterable[str] | None = None,
        side: str | Iterable[str] | None = None,
        track: str | Iterable[str] | None = None,
        tag: str | Iterable[str] | None = None,
    ) -> list[Event]:
        """Events in time order that match every filter given.

        ``since``/``until`` keep events whose interval (with its ``until`` span) overlaps
        the range, by the dates as displayed when the bounds have no time of day (an event
        shown as 30 Nov is within ``until="2025-11"`` whatever its UTC date); the other
        filters take one value or several (any of them matches).
        See :class:`negotrack.dossier.selection.EventFilter`.
        """
        from negotrack.dossier.selection import EventFilter

        return EventFilter(
            since=since,
            until=until,
            kind=kind,
            participant=participant,
            side=side,
            track=track,
            tag=tag,
        ).apply(self)

    def diff(self, old: str, new: str, *, threshold: float | None = None) -> PlanDiff:
        """What became of every point of version ``old`` in version ``new``, with the plans'
        curated links; ``threshold`` overrides the matcher's own bar for text-only pairs."""
        from negotrack.plandiff.compare import diff

        return diff(self.version(old), self.version(new), dossier=self, threshold=threshold)

    # -- changes -------------------------------------------------------------------------

    def set_status(
        self,
        ref: str,
        status: Status | str,
        *,
        on: MomentLike,
        source: str | None = None,
        by: str | None = None,
        note: str | None = None,
    ) -> StatusChange:
        """Record that a point's status changed on a date, on a source's or a person's word."""
        version, point = self.resolve(ref)
        by = self._participant_id(by) if by is not None else None  # a name or alias too
        change: StatusChange = _build(
            lambda: StatusChange(
                ref=PointRef.format(version.id, point.number),
                status=status,
                on=on,
                source=source,
                by=by,
                note=note,
            )
        )
        log = self._changes.get(change.ref)
        known = log.find(change) if log is not None else None
        if known is not None:  # recorded already (a retried run): keep the first
            return known
        self._record(change, "status_log", self._changes)
        return change

    def set_position(
        self,
        ref: str,
        party: str,
        stance: Stance | str,
        *,
        on: MomentLike,
        source: str,
        note: str | None = None,
    ) -> Position:
        """Record a party's stance on a point on a date, with its source."""
        version, point = self.resolve(ref)
        party = self._participant_id(party)
        pos: Position = _build(
            lambda: Position(
                ref=PointRef.format(version.id, point.number),
                party=party,
                stance=stance,
                on=on,
                source=source,
                note=note,
            )
        )
        self._record(pos, "position_log", self._stances)
        return pos

    def add_participant(self, participant: Participant) -> None:
        """Add a participant (its id must be new)."""
        self._apply(participants=(*self._participants, participant))

    def add_source(self, source: Source) -> None:
        """Add a source (its id must be new)."""
        self._apply(sources=(*self._sources, source))

    def add_event(self, event: Event) -> None:
        """Add an event; its participants, sources and versions must exist."""
        self._apply(events=(*self._events, event))

    def add_plan(self, plan: Plan) -> None:
        """Add a plan with its versions."""
        self._apply(plans=(*self._plans, plan))

    def add_version(self, plan_id: str, version: PlanVersion) -> None:
        """Add a version to a plan; its id must be new in the whole dossier."""
        import attrs

        plan = self.plan(plan_id)
        new_plan = attrs.evolve(plan, versions=(*plan.versions, version))
        self._apply(plans=tuple(new_plan if p is plan else p for p in self._plans))

    def _record(self, record: Any, log_name: str, index: dict[str, Any]) -> None:
        """Validate one logged record against what it refers to (not the whole dossier), then
        append it and put it in its point's sorted log: O(1) checks, so N changes cost O(N)."""
        log = getattr(self, "_" + log_name)
        if not isinstance(log, list):  # a caller of _apply may have left a tuple
            log = list(log)
            setattr(self, "_" + log_name, log)
        where = f"$.{log_name}[{len(log)}]"
        problems = check_change(
            record, where, self._by_version, self._by_source, self._by_participant
        )
        if problems:
            raise DossierError(problems)
        log.append(record)
        entry = index.get(record.ref)
        if entry is None:
            entry = index[record.ref] = DatedLog()
        entry.add(record)

    def _apply(self, **fields: tuple[Any, ...]) -> None:
        """Validate the dossier as it would be after the change; change it only if valid."""
        trial = object.__new__(Dossier)
        trial.__dict__.update(self.__dict__)
        for name, value in fields.items():
            setattr(trial, "_" + name, value)
        problems = check_dossier(trial)
        if problems:
            raise DossierError(problems)
        for name, value in fields.items():
            setattr(self, "_" + name, value)
        self._reindex()

    # -- files and display ---------------------------------------------------------------

    def save(self, path: str | Path) -> None:
        """Write the dossier to ``path`` (JSON or YAML by suffix), atomically."""
        from negotrack.io.storage import save

        save(self, path)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dossier):
            return NotImplemented
        return self._state() == other._state()

    __hash__ = None  # type: ignore[assignment]

    def _state(self) -> tuple[Any, ...]:
        return (
            self.title,
            self.description,
            self.language,
            self._participants,
            self._sources,
            self._events,
            self._plans,
            tuple(self._status_log),
            tuple(self._position_log),
        )

    def __repr__(self) -> str:
        versions = sum(len(p.versions) for p in self._plans)
        from negotrack.core.counts import counted

        counts = (
            counted(len(self._participants), "participant"),
            counted(len(self._sources), "source"),
            counted(len(self._events), "event"),
            counted(len(self._plans), "plan"),
            counted(versions, "version"),
            counted(len(self._status_log), "status change"),
        )
        return f"<Dossier {self.title!r}: {', '.join(counts)}>"

    def _repr_html_(self) -> str:
        from negotrack.render.shared import repr_html

        html: str = repr_html(self)
        return html
