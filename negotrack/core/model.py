"""The value model: frozen attrs classes for everything a dossier records.

These classes do no I/O, read no clock and know no template. They accept friendly input
(strings for dates and enums, lists for sequences) and store it normalised (``Moment``,
enum members, tuples), so two equal records compare equal however they were built.

Integrity across records (unknown ids, duplicate numbers, cycles) is checked by
:class:`negotrack.Dossier`, which holds them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from negotrack.core.dates import Moment, MomentLike, _parse, moment_or_none, to_moment
from negotrack.core.keywords import keywords, unknown_keyword
from negotrack.core.kinds import (
    EventKind,
    ParticipantKind,
    SourceKind,
    Stance,
    Status,
    _eventkind,
    _participantkind,
    _sourcekind,
    _stance,
    _status,
)
from negotrack.core.refs import PointRef
from negotrack.errors import DossierError, Problem, UnknownReference, did_you_mean

__all__ = [
    "Event",
    "EventKind",
    "Participant",
    "ParticipantKind",
    "Plan",
    "PlanVersion",
    "Point",
    "PointLink",
    "Position",
    "Quote",
    "Source",
    "SourceKind",
    "Stance",
    "Status",
    "StatusChange",
]


_MISSING: Any = object()  # a required argument of Event not given (its error names it)


def _strs(value: Iterable[Any] | None) -> tuple[str, ...]:
    """Converter for lists of text: a list or tuple, one text alone, or None for none.

    Anything else (a mapping, a number) is refused rather than silently taken apart.
    """
    cls = value.__class__
    if cls is list or cls is tuple:
        return tuple(value)  # type: ignore[arg-type]
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple | frozenset | set):
        return tuple(value)
    raise TypeError(f"expected a list of text, found {type(value).__name__}")


@keywords
@attrs.frozen
class Participant:
    """A person, delegation, state or organisation, acting for a side in a role."""

    id: str
    name: str
    kind: ParticipantKind = attrs.field(default=ParticipantKind.PERSON, converter=_participantkind)
    side: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    notes: str | None = None


@keywords
@attrs.frozen
class Source:
    """Where a fact came from. Nothing is recorded without one."""

    id: str
    title: str
    kind: SourceKind = attrs.field(default=SourceKind.MEDIA_REPORT, converter=_sourcekind)
    publisher: str | None = None
    url: str | None = None
    published: Moment | None = attrs.field(default=None, converter=moment_or_none)
    notes: str | None = None


@keywords
@attrs.frozen
class Quote:
    """Words someone said, with who said them (a participant id, or None) and where."""

    text: str
    source: str
    speaker: str | None = None
    note: str | None = None


def _quotes(value: Iterable[Any] | None) -> tuple[Quote, ...]:
    if not value:
        return ()
    return tuple(q if isinstance(q, Quote) else Quote(**q) for q in value)


@attrs.frozen(init=False)
class Event:
    """Something that happened: a round of talks, a statement, a strike, a publication.

    ``until`` closes a multi-day span; ``versions`` names plan versions tabled or produced
    at this event; ``track`` groups events into parallel strands ("US-Ukraine", "military").
    """

    id: str
    when: Moment
    title: str
    kind: EventKind = EventKind.OTHER
    participants: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    summary: str | None = None
    location: str | None = None
    tags: tuple[str, ...] = ()
    until: Moment | None = None
    track: str | None = None
    quotes: tuple[Quote, ...] = ()
    versions: tuple[str, ...] = ()

    def __init__(
        self,
        id: str = _MISSING,
        when: MomentLike = _MISSING,
        title: str = _MISSING,
        kind: EventKind | str = EventKind.OTHER,
        participants: Iterable[str] = (),
        sources: Iterable[str] = (),
        summary: str | None = None,
        location: str | None = None,
        tags: Iterable[str] = (),
        until: MomentLike | None = None,
        track: str | None = None,
        quotes: Iterable[Quote | Mapping[str, Any]] = (),
        versions: Iterable[str] = (),
        **unknown: Any,
    ) -> None:
        # Written out by hand, unlike the other classes: large dossiers hold 100,000s of
        # events, and the usual input (JSON lists, known kinds, text dates) takes C-level
        # paths here instead of one converter call per field.
        if unknown:
            raise unknown_keyword(Event, unknown) or DossierError("unreachable")
        # Text must be text: the loader relies on this check instead of its own.
        if (
            id.__class__ is not str
            or title.__class__ is not str
            or (summary is not None and summary.__class__ is not str)
            or (location is not None and location.__class__ is not str)
            or (track is not None and track.__class__ is not str)
        ):
            missing = [
                k for k, v in (("id", id), ("when", when), ("title", title)) if v is _MISSING
            ]
            if missing:
                raise DossierError(
                    [Problem(f"missing required field {k!r}", f"$.{k}") for k in missing]
                )
            raise TypeError("id, title, summary, location and track must be text")
        put = object.__setattr__
        put(self, "id", id)
        if when is _MISSING:
            raise DossierError("missing required field 'when'", path="$.when")
        put(self, "when", _parse(when) if when.__class__ is str else to_moment(when))
        put(self, "title", title)
        put(self, "kind", kind if kind.__class__ is EventKind else _eventkind(kind))
        put(
            self,
            "participants",
            tuple(participants) if participants.__class__ is list else _strs(participants),
        )
        put(self, "sources", tuple(sources) if sources.__class__ is list else _strs(sources))
        put(self, "summary", summary)
        put(self, "location", location)
        put(self, "tags", tuple(tags) if tags.__class__ is list else _strs(tags))
        put(self, "until", None if until is None else to_moment(until))  # rare: spans
        put(self, "track", track)
        put(self, "quotes", _quotes(quotes) if quotes else ())
        put(self, "versions", tuple(versions) if versions.__class__ is list else _strs(versions))


def _number_ok(_: Any, __: Any, value: str) -> None:
    why = PointRef.problem("point number", value)
    if why is not None or not value.strip():
        raise DossierError(
            why or "a point number cannot be empty",
            path="$.number",
            hint="'#' separates a version from a point number in references: renumber it"
            if why
            else "a reference names a point by its number (VERSION#NUMBER)",
        )


@keywords
@attrs.frozen
class Point:
    """One numbered point of a plan version.

    ``key`` is a lineage id shared by the same point across versions, however renumbered;
    ``options`` holds alternative wordings (bracketed text); ``status`` is the point's
    status when its version was tabled (later changes live in the dossier's status log).
    """

    number: str = attrs.field(converter=str, validator=_number_ok)
    text: str
    key: str | None = None
    topic: str | None = None
    options: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    notes: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    status: Status = attrs.field(default=Status.PROPOSED, converter=_status)


def _points(value: Iterable[Any]) -> tuple[Point, ...]:
    return tuple(p if isinstance(p, Point) else Point(**p) for p in value)


@keywords
@attrs.frozen
class PlanVersion:
    """One version of a plan: its points in reading order, and what it derives from."""

    id: str
    label: str
    date: Moment = attrs.field(converter=to_moment)
    points: tuple[Point, ...] = attrs.field(default=(), converter=_points)
    derived_from: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    side: str | None = None
    summary: str | None = None
    _index: dict[str, Point] = attrs.field(
        init=False, repr=False, eq=False, hash=False, alias="_index"
    )

    @_index.default
    def _build_index(self) -> dict[str, Point]:
        return {p.number: p for p in self.points}

    def point(self, number: str | int) -> Point:
        """The point numbered ``number``; raises :class:`UnknownReference` with a hint."""
        found = self._index.get(str(number))
        if found is None:
            raise UnknownReference(
                f"version {self.id!r} has no point {str(number)!r}",
                hint=did_you_mean(str(number), self._index) or f"it has {len(self.points)}",
            )
        return found

    def __contains__(self, number: object) -> bool:
        return str(number) in self._index

    def _repr_html_(self) -> str:
        """The notebook display: its points in reading order (rendered by negotrack.render)."""
        from negotrack.render.renderer import repr_html

        html: str = repr_html(self)
        return html


@keywords
@attrs.frozen
class PointLink:
    """Curated lineage: ``old`` (``VERSION#NUMBER``) became ``new``. Curated links win
    over keys and text matching; one old point linked to two new ones is a split."""

    old: str
    new: str
    note: str | None = None


def _versions(value: Iterable[Any]) -> tuple[PlanVersion, ...]:
    return tuple(v if isinstance(v, PlanVersion) else PlanVersion(**v) for v in value)


def _links(value: Iterable[Any] | None) -> tuple[PointLink, ...]:
    if not value:
        return ()
    return tuple(v if isinstance(v, PointLink) else PointLink(**v) for v in value)


@keywords
@attrs.frozen
class Plan:
    """A plan in its versions, plus curated lineage links between their points."""

    id: str
    title: str
    versions: tuple[PlanVersion, ...] = attrs.field(default=(), converter=_versions)
    links: tuple[PointLink, ...] = attrs.field(default=(), converter=_links)
    summary: str | None = None

    def version(self, id: str) -> PlanVersion:
        """The version with this id; raises :class:`UnknownReference` with a hint."""
        for v in self.versions:
            if v.id == id:
                return v
        raise UnknownReference(
            f"plan {self.id!r} has no version {id!r}",
            hint=did_you_mean(id, [v.id for v in self.versions]),
        )


@keywords
@attrs.frozen
class StatusChange:
    """A point's status changed on a date, on someone's word.

    ``ref`` is ``VERSION#NUMBER``; ``source`` a source id; ``by`` the participant who said
    or did it. At least one of ``source`` and ``by`` is required.
    """

    ref: str
    status: Status = attrs.field(converter=_status)
    on: Moment = attrs.field(converter=to_moment)
    source: str | None = None
    by: str | None = None
    note: str | None = None

    @property
    def identity(self) -> tuple[str, Status, Moment, str | None]:
        """What makes two status changes one record: point, status, date and source (a
        dossier keeps the first of changes recorded twice)."""
        return (self.ref, self.status, self.on, self.source)


@keywords
@attrs.frozen
class Position:
    """A party's dated, sourced stance on a point."""

    ref: str
    party: str
    stance: Stance = attrs.field(converter=_stance)
    on: Moment = attrs.field(converter=to_moment)
    source: str
    note: str | None = None
