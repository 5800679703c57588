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
from negotrack.core.fields import doc, strs
from negotrack.core.keywords import Check, each, keywords, placed, unknown_keyword
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
from negotrack.core.plans import Plan, PlanVersion, Point, PointLink
from negotrack.errors import DossierError, NegotrackError, Problem

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


@keywords
@attrs.frozen
class Participant:
    """A person, delegation, state or organisation, acting for a side in a role."""

    id: str = attrs.field(
        metadata=doc("id", "Unique among participants; used by events, quotes, by and party.")
    )
    name: str = attrs.field(metadata=doc("text", "The name readers see."))
    kind: ParticipantKind = attrs.field(
        default=ParticipantKind.PERSON,
        converter=_participantkind,
        metadata=doc(ParticipantKind, "What the participant is."),
    )
    side: str | None = attrs.field(
        default=None, metadata=doc("text", "The side acted for: US, Ukraine, Russia, E3, ...")
    )
    role: str | None = attrs.field(
        default=None, metadata=doc("text", "Envoy, chief negotiator, spokesperson, mediator, ...")
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=strs, metadata=doc("texts", "Other spellings and names.")
    )
    notes: str | None = attrs.field(default=None, metadata=doc("text", "Free notes."))


@keywords
@attrs.frozen
class Source:
    """Where a fact came from. Nothing is recorded without one."""

    id: str = attrs.field(metadata=doc("id", "Unique among sources."))
    title: str = attrs.field(metadata=doc("text", "The source's title or headline."))
    kind: SourceKind = attrs.field(
        default=SourceKind.MEDIA_REPORT,
        converter=_sourcekind,
        metadata=doc(SourceKind, "How the source knows what it says."),
    )
    publisher: str | None = attrs.field(default=None, metadata=doc("text", "Who published it."))
    url: str | None = attrs.field(default=None, metadata=doc("text", "Where to read it."))
    published: Moment | None = attrs.field(
        default=None,
        converter=moment_or_none,
        metadata=doc("date", "When it was published, at the precision known."),
    )
    notes: str | None = attrs.field(default=None, metadata=doc("text", "Free notes."))


@keywords
@attrs.frozen
class Quote:
    """Words someone said, with who said them (a participant id, or None) and where."""

    text: str = attrs.field(metadata=doc("text", "The words quoted."))
    source: str = attrs.field(metadata=doc("id", "The source that reports them."))
    speaker: str | None = attrs.field(
        default=None, metadata=doc("id", "The participant who said them, if known.")
    )
    note: str | None = attrs.field(default=None, metadata=doc("text", "Context."))


def _quotes(value: Iterable[Any] | None) -> tuple[Quote, ...]:
    if not value:
        return ()
    return each(Quote, value)


_SETATTR = object.__setattr__.__get__
"""``object.__setattr__`` bound to an instance: one field set is then one call of two
arguments."""


@attrs.frozen(init=False)
class Event:
    """Something that happened: a round of talks, a statement, a strike, a publication.

    ``until`` closes a multi-day span; ``versions`` names plan versions tabled or produced
    at this event; ``track`` groups events into parallel strands ("US-Ukraine", "military").
    """

    # The defaults here document the format; __init__ below is written by hand.
    id: str = attrs.field(metadata=doc("id", "Unique among events."))
    when: Moment = attrs.field(metadata=doc("date", "When it happened, or began."))
    title: str = attrs.field(metadata=doc("text", "A one-line title."))
    kind: EventKind = attrs.field(
        default=EventKind.OTHER, metadata=doc(EventKind, "What sort of thing happened.")
    )
    participants: tuple[str, ...] = attrs.field(default=(), metadata=doc("ids", "Participant ids."))
    sources: tuple[str, ...] = attrs.field(default=(), metadata=doc("ids", "Source ids."))
    summary: str | None = attrs.field(default=None, metadata=doc("text", "What happened."))
    location: str | None = attrs.field(default=None, metadata=doc("text", "Where it happened."))
    tags: tuple[str, ...] = attrs.field(default=(), metadata=doc("texts", "Free labels."))
    until: Moment | None = attrs.field(
        default=None, metadata=doc("date", "The end of a multi-day span (inclusive).")
    )
    track: str | None = attrs.field(
        default=None, metadata=doc("text", "A strand of events: US-Ukraine, military, ...")
    )
    quotes: tuple[Quote, ...] = attrs.field(
        default=(), metadata=doc(Quote, "Words said, with speaker and source.")
    )
    versions: tuple[str, ...] = attrs.field(
        default=(), metadata=doc("ids", "Plan versions tabled or produced at this event.")
    )

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
        put = _SETATTR(self)  # bound once, as attrs' own frozen __init__ does
        put("id", id)
        if when is _MISSING:
            raise DossierError("missing required field 'when'", path="$.when")
        try:
            put("when", _parse(when) if when.__class__ is str else to_moment(when))
            put("kind", kind if kind.__class__ is EventKind else _eventkind(kind))
            put("until", None if until is None else to_moment(until))  # rare: spans
            put("quotes", _quotes(quotes) if quotes else ())
        except NegotrackError as exc:
            checks: dict[str, Check] = {"when": (to_moment, when), "kind": (_eventkind, kind)}
            checks |= {"until": (moment_or_none, until), "quotes": (_quotes, quotes)}
            raise placed(checks, exc) from None
        put("title", title)
        put(
            "participants",
            tuple(participants) if participants.__class__ is list else strs(participants),
        )
        put("sources", tuple(sources) if sources.__class__ is list else strs(sources))
        put("summary", summary)
        put("location", location)
        put("tags", tuple(tags) if tags.__class__ is list else strs(tags))
        put("track", track)
        put("versions", tuple(versions) if versions.__class__ is list else strs(versions))


@keywords
@attrs.frozen
class StatusChange:
    """A point's status changed on a date, on someone's word.

    ``ref`` is ``VERSION#NUMBER``; ``source`` a source id; ``by`` the participant who said
    or did it. At least one of ``source`` and ``by`` is required.
    """

    ref: str = attrs.field(metadata=doc("ref", "The point, VERSION#NUMBER."))
    status: Status = attrs.field(converter=_status, metadata=doc(Status, "The new status."))
    on: Moment = attrs.field(
        converter=to_moment, metadata=doc("date", "When, at the precision known.")
    )
    source: str | None = attrs.field(default=None, metadata=doc("id", "The source it rests on."))
    by: str | None = attrs.field(
        default=None, metadata=doc("id", "The participant who said or did it.")
    )
    note: str | None = attrs.field(default=None, metadata=doc("text", "Context."))


@keywords
@attrs.frozen
class Position:
    """A party's dated, sourced stance on a point."""

    ref: str = attrs.field(metadata=doc("ref", "The point, VERSION#NUMBER."))
    party: str = attrs.field(metadata=doc("id", "The participant taking the stance."))
    stance: Stance = attrs.field(converter=_stance, metadata=doc(Stance, "The stance."))
    on: Moment = attrs.field(
        converter=to_moment, metadata=doc("date", "When it was taken or reported.")
    )
    source: str = attrs.field(metadata=doc("id", "The source it rests on."))
    note: str | None = attrs.field(default=None, metadata=doc("text", "Context."))
