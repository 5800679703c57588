"""Typed view-models for the timeline: what the templates see instead of raw records.

:meth:`TimelineView.build` filters a dossier's events (as :meth:`Dossier.filter_events`),
resolves every id once (participants, sources, plan versions), numbers the cited sources in
order of first citation, files events under headings (a month as shown, a year, or a
stretch of months; see :mod:`negotrack.views.timeline_order`) and precomputes each display
string. The
templates then only print fields, in one pass, which keeps a 10,000-event page fast.

Hot per-event records are ``NamedTuple`` values: they are built ten thousand times per page
and a tuple is the cheapest typed record Python has.

A plan version tabled at an event links to its diff report. By default the link is the
sibling file ``diff-OLD_to_NEW.html`` (ids through ``file_part``, one-to-one), which is what
:func:`negotrack.publish.render_site` writes; pass ``diff_href`` to change the convention or
``None`` to link nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

import attrs

from negotrack.core.dates import MomentLike
from negotrack.core.model import EventKind, PlanVersion
from negotrack.dossier.selection import EventFilter
from negotrack.views.axis import AxisView
from negotrack.views.i18n import ENGLISH, Interface

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier

__all__ = [
    "DEFAULT_DIFF_HREF",
    "EventView",
    "FilterOption",
    "MonthView",
    "PartyRef",
    "QuoteView",
    "SourceRef",
    "SourceView",
    "TimelineView",
    "VersionLink",
    "event_filter",
    "predecessor",
]

DEFAULT_DIFF_HREF = "diff-{old}_to_{new}.html"
"""The file name of the diff report between two versions, relative to the timeline.

With the ids through :func:`negotrack.views.formatting.file_part`, whose output never holds
``_to_``, two pairs of versions never share a name (``diff-a-b-c`` could be either)."""


class PartyRef(NamedTuple):
    """A participant as an event shows it: name, side, role, and its filter index."""

    id: str
    name: str
    side: str | None
    role: str | None
    slot: int
    """Its index in the participant filter (what ``data-p`` lists)."""


class SourceRef(NamedTuple):
    """A numbered citation of a source, pointing at its entry in the page's source list."""

    number: int
    id: str
    anchor: str
    title: str


class SourceView(NamedTuple):
    """One entry of the page's numbered source list."""

    number: int
    id: str
    anchor: str
    title: str
    kind: str
    publisher: str | None
    url: str | None
    """The URL when it may become a link (http, https, mailto), else None."""
    unsafe_url: str | None
    """A URL that must be shown as text only, else None."""
    published: str
    published_attr: str | None


class QuoteView(NamedTuple):
    """A quote with its speaker (resolved when known) and its numbered source."""

    text: str
    speaker: str | None
    speaker_side: str | None
    source: SourceRef | None
    note: str | None


class VersionLink(NamedTuple):
    """A plan version tabled or produced at an event, and the link to its diff report."""

    id: str
    label: str
    old_id: str | None
    old_label: str | None
    href: str | None


class EventView(NamedTuple):
    """One event, every display string computed: the template prints, it never formats."""

    id: str
    anchor: str
    title: str
    kind: str
    kind_label: str
    kind_index: int
    track: str | None
    track_index: str
    date_text: str
    date_attr: str
    approximate: bool
    until_text: str | None
    until_attr: str | None
    until_approximate: bool
    location: str | None
    summary: str | None
    participants: tuple[PartyRef, ...]
    sources: tuple[SourceRef, ...]
    quotes: tuple[QuoteView, ...]
    tags: tuple[str, ...]
    versions: tuple[VersionLink, ...]
    side_indices: str
    """Space-delimited filter indices (`` 0 3 ``) of the sides present, for the script."""
    party_indices: str
    """Space-delimited filter indices of the participants, for the script."""


class MonthView(NamedTuple):
    """The events under one heading: a month as shown, a year (events known only to the
    year), or a stretch of months or years ("Q4 2025", for events known no better).

    ``key`` is the heading's date in its stored form ("2025-11", "2025", "2025-10/2025-12"),
    ``anchor`` its element id ("m-2025-10-to-2025-12"); both are unique within a page."""

    key: str
    heading: str
    anchor: str
    events: tuple[EventView, ...]


class FilterOption(NamedTuple):
    """One choice of a filter menu: the index the script compares, and its label."""

    value: str
    label: str
    events: int
    """How many events shown carry this value."""
    key: str
    """The value itself (a kind, a track, a side, a participant id), as the page's address
    names it (``#kind=round``)."""


def event_filter(select: EventFilter | None = None, **criteria: object) -> EventFilter:
    """``select`` with the keyword ``criteria`` given (not None) added to it."""
    given = {k: v for k, v in criteria.items() if v is not None}
    base = select if select is not None else EventFilter()
    return attrs.evolve(base, **given) if given else base


def predecessor(dossier: Dossier, version: PlanVersion) -> PlanVersion | None:
    """The version ``version`` is best compared with: its first ``derived_from`` that exists,
    else the version before it in its plan, else None."""
    for vid in version.derived_from:
        try:
            return dossier.version(vid)
        except KeyError:
            continue
    plan = dossier.plan_of(version.id)
    previous = None
    for v in plan.versions:
        if v.id == version.id:
            return previous
        previous = v
    return None  # pragma: no cover - a version is always in its plan


@attrs.frozen
class TimelineView:
    """A dossier's events as the timeline shows them: grouped, resolved and numbered.

    ``filters`` records the filters applied (name, value) so pages can say what they show.
    """

    title: str
    description: str | None
    months: tuple[MonthView, ...]
    sources: tuple[SourceView, ...]
    kinds: tuple[FilterOption, ...]
    tracks: tuple[FilterOption, ...]
    sides: tuple[FilterOption, ...]
    participants: tuple[FilterOption, ...]
    filters: tuple[tuple[str, str], ...]
    total: int
    """Events shown; the dossier may hold more when filters were applied."""
    axis: AxisView | None
    """The time axis drawn above the list (None when no event is shown)."""
    lang: Interface = attrs.field(default=ENGLISH, repr=False)
    """The interface language its labels and dates were written in."""
    content_lang: str | None = None
    """The dossier's own language when it differs from the interface's (marked ``lang=``
    on the user's text), else None."""

    @property
    def approximate(self) -> bool:
        """Whether a date in the list is approximate: the page explains the mark only then."""
        return any(e.approximate or e.until_approximate for m in self.months for e in m.events)

    @classmethod
    def build(
        cls,
        dossier: Dossier,
        *,
        select: EventFilter | None = None,
        since: MomentLike | None = None,
        until: MomentLike | None = None,
        kind: str | EventKind | Iterable[str | EventKind] | None = None,
        participant: str | Iterable[str] | None = None,
        side: str | Iterable[str] | None = None,
        track: str | Iterable[str] | None = None,
        tag: str | Iterable[str] | None = None,
        diff_href: str | None = DEFAULT_DIFF_HREF,
        lang: Interface = ENGLISH,
    ) -> TimelineView:
        """The view of ``dossier``'s events that match ``select`` and the criteria given as
        keywords (see :meth:`Dossier.filter_events`); every string is plain text. ``lang``
        is the interface language of labels and dates (English by default)."""
        from negotrack.views.timeline_builder import Builder

        chosen = event_filter(
            select,
            since=since,
            until=until,
            kind=kind,
            participant=participant,
            side=side,
            track=track,
            tag=tag,
        )
        return Builder(dossier, diff_href, lang=lang).build(chosen.apply(dossier), chosen)

    @property
    def events(self) -> tuple[EventView, ...]:
        """Every event shown, in the list's order (calendar order as displayed)."""
        return tuple(e for m in self.months for e in m.events)

    def _repr_html_(self) -> str:
        from negotrack.render.shared import repr_html

        return repr_html(self)
