"""Typed view-models for the timeline: what the templates see instead of raw records.

:meth:`TimelineView.build` filters a dossier's events (as :meth:`Dossier.filter_events`),
resolves every id once (participants, sources, plan versions), numbers the cited sources in
order of first citation, groups events by month and precomputes each display string. The
templates then only print fields, in one pass, which keeps a 10,000-event page fast.

Hot per-event records are ``NamedTuple`` values: they are built ten thousand times per page
and a tuple is the cheapest typed record Python has.

A plan version tabled at an event links to its diff report. By default the link is the
sibling file ``diff-OLD-NEW.html`` (unusual characters in ids become "_"), which is what
:func:`negotrack.render.render_site` writes; pass ``diff_href`` to change the convention or
``None`` to link nothing.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs
from markupsafe import Markup

from negotrack._filters import anchor, datetime_attr, display_date, file_part, label, safe_url
from negotrack.dates import Precision
from negotrack.model import Event, Participant, PlanVersion

if TYPE_CHECKING:
    from negotrack.dossier import Dossier

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
    "predecessor",
]

DEFAULT_DIFF_HREF = "diff-{old}-{new}.html"
"""The file name of the diff report between two versions, relative to the timeline."""

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


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
    """The events of one month (or of a year, for events known only to the year)."""

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
    escaped: bool = True
    """Whether the per-event strings are escaped HTML (Markup) or plain text."""

    @classmethod
    def build(
        cls,
        dossier: Dossier,
        *,
        diff_href: str | None = DEFAULT_DIFF_HREF,
        escaped: bool = True,
        **filters: Any,
    ) -> TimelineView:
        """The view of ``dossier``'s events matching ``filters`` (see ``filter_events``).

        With ``escaped`` (the default, for HTML) every user string of the per-event records
        is already escaped, as :class:`markupsafe.Markup`: it prints safely in any HTML
        template, autoescaped or not. ``escaped=False`` keeps plain text (Markdown, text).
        """
        events = dossier.filter_events(**filters)
        return _Builder(dossier, diff_href, escaped).build(events, filters)

    @property
    def events(self) -> tuple[EventView, ...]:
        """Every event shown, in time order."""
        return tuple(e for m in self.months for e in m.events)

    def _repr_html_(self) -> str:
        from negotrack.render import repr_html

        return repr_html(self)


@attrs.define
class _Group:
    """A participant list as events show it, and how many events share it."""

    people: tuple[PartyRef, ...]
    sides: tuple[str, ...]
    side_indices: str
    party_indices: str
    count: int = 0


class _Builder:
    """Resolves ids once per page and turns events into :class:`EventView` records."""

    def __init__(self, dossier: Dossier, diff_href: str | None, escape: bool) -> None:
        self.dossier = dossier
        self.diff_href = diff_href
        self.h: Callable[[str], str] = _escape if escape else _same
        self.escaped = escape
        self.texts: dict[str, str] = {}  # escaped tracks, locations, tags: they repeat
        self.groups: dict[tuple[str, ...], _Group] = {}
        self.dates: dict[tuple[Any, ...], tuple[str, str]] = {}
        self.cites: dict[tuple[str, ...], tuple[SourceRef, ...]] = {}
        self.parties = {p.id: p for p in dossier.participants}
        self.sources = {s.id: s for s in dossier.sources}
        self.cited: dict[str, SourceRef] = {}
        self.party_refs: dict[str, PartyRef] = {}
        self.plain_names: dict[str, str] = {}
        self.party_count: dict[str, int] = {}
        self.side_index: dict[str, int] = {}
        self.side_count: dict[str, int] = {}
        self.kind_index: dict[str, int] = {}
        self.kind_count: dict[str, int] = {}
        self.track_index: dict[str, int] = {}
        self.track_count: dict[str, int] = {}
        self.version_links: dict[str, VersionLink] = {}

    def build(self, events: list[Event], filters: Mapping[str, Any]) -> TimelineView:
        months: list[MonthView] = []
        current_key = ""
        bucket: list[EventView] = []
        heading = ""
        for e in events:
            v = e.when.value
            if e.when.precision is Precision.YEAR:
                key = f"{v.year:04d}"
                head = f"{v.year} (month not known)"
            else:
                key = f"{v.year:04d}-{v.month:02d}"
                head = f"{_MONTH_NAMES[v.month - 1]} {v.year}"
            if key != current_key:
                if bucket:
                    months.append(
                        MonthView(current_key, heading, "m-" + current_key, tuple(bucket))
                    )
                current_key, heading, bucket = key, head, []
            bucket.append(self.event(e))
        if bucket:
            months.append(MonthView(current_key, heading, "m-" + current_key, tuple(bucket)))
        self.counts()
        d = self.dossier
        return TimelineView(
            title=d.title,
            description=d.description,
            months=tuple(months),
            sources=tuple(self.source_view(ref) for ref in self.cited.values()),
            kinds=_options(self.kind_index, self.kind_count, label),
            tracks=_options(self.track_index, self.track_count, str),
            sides=_options(self.side_index, self.side_count, str),
            participants=tuple(
                FilterOption(str(r.slot), self.plain_names[pid], self.party_count[pid])
                for pid, r in sorted(self.party_refs.items(), key=lambda kv: kv[1].name.lower())
                if pid in self.party_count
            ),
            filters=tuple((k, _filter_text(v)) for k, v in filters.items() if v is not None),
            total=len(events),
            escaped=self.escaped,
        )

    def event(self, e: Event) -> EventView:
        kind = e.kind.value
        k = self.kind_index.get(kind)
        if k is None:
            k = self.kind_index[kind] = len(self.kind_index)
            self.kind_count[kind] = 0
        self.kind_count[kind] += 1
        track_index = ""
        if e.track is not None:
            t = self.track_index.get(e.track)
            if t is None:
                t = self.track_index[e.track] = len(self.track_index)
                self.track_count[e.track] = 0
            self.track_count[e.track] += 1
            track_index = str(t)
        # Events share participant lists, sources and dates: each is worked out once.
        group = self.groups.get(e.participants)
        if group is None:
            group = self.groups[e.participants] = self.group(e.participants)
        group.count += 1
        when = e.when
        day = self.dates.get((when.value, when.precision, when.approximate))
        if day is None:
            day = self.dates[(when.value, when.precision, when.approximate)] = (
                self.h(display_date(when)),
                datetime_attr(when),
            )
        cites = self.cites.get(e.sources)
        if cites is None:
            cites = self.cites[e.sources] = tuple([self.cite(sid) for sid in e.sources])
        until = e.until
        h = self.h
        texts = self.texts
        return EventView(
            e.id,
            anchor("ev", e.id),
            h(e.title),
            kind,
            label(kind),
            k,
            _cached(texts, e.track, h),
            track_index,
            day[0],
            day[1],
            when.approximate,
            h(display_date(until)) if until is not None else None,
            datetime_attr(until) if until is not None else None,
            until.approximate if until is not None else False,
            _cached(texts, e.location, h),
            h(e.summary) if e.summary is not None else None,
            group.people,
            cites,
            tuple([self.quote(q.text, q.speaker, q.source, q.note) for q in e.quotes])
            if e.quotes
            else (),
            tuple([texts.get(t) or _cached_text(texts, t, h) for t in e.tags]) if e.tags else (),
            tuple([self.version(vid) for vid in e.versions]) if e.versions else (),
            group.side_indices,
            group.party_indices,
        )

    def group(self, ids: tuple[str, ...]) -> _Group:
        people = tuple([self.party(pid) for pid in ids])
        sides: dict[str, int] = {}
        for pid in ids:
            p = self.parties.get(pid)
            if p is not None and p.side is not None and p.side not in sides:
                s = self.side_index.get(p.side)
                if s is None:
                    s = self.side_index[p.side] = len(self.side_index)
                sides[p.side] = s
        return _Group(
            people,
            tuple(sides),
            _indices(sides.values()),
            _indices(dict.fromkeys(p.slot for p in people)),
        )

    def counts(self) -> None:
        """Fold the per-group counts into per-participant and per-side counts."""
        for group in self.groups.values():
            for p in dict.fromkeys(group.people):
                self.party_count[p.id] = self.party_count.get(p.id, 0) + group.count
            for side in group.sides:
                self.side_count[side] = self.side_count.get(side, 0) + group.count

    def party(self, pid: str) -> PartyRef:
        ref = self.party_refs.get(pid)
        if ref is None:
            p: Participant | None = self.parties.get(pid)
            self.plain_names[pid] = p.name if p is not None else pid
            index = len(self.party_refs)
            h = self.h
            if p is None:  # an unknown id is shown as itself rather than lost
                ref = PartyRef(pid, h(pid), None, None, index)
            else:
                side = h(p.side) if p.side is not None else None
                role = h(p.role) if p.role is not None else None
                ref = PartyRef(pid, h(p.name), side, role, index)
            self.party_refs[pid] = ref
        return ref

    def cite(self, sid: str) -> SourceRef:
        ref = self.cited.get(sid)
        if ref is None:
            src = self.sources.get(sid)
            number = len(self.cited) + 1
            ref = SourceRef(number, sid, f"src-{number}", self.h(src.title if src else sid))
            self.cited[sid] = ref
        return ref

    def quote(self, text: str, speaker: str | None, source: str, note: str | None) -> QuoteView:
        who = self.party(speaker) if speaker is not None else None
        h = self.h
        return QuoteView(
            h(text),
            who.name if who else None,
            who.side if who else None,
            self.cite(source) if source else None,
            h(note) if note is not None else None,
        )

    def version(self, vid: str) -> VersionLink:
        link = self.version_links.get(vid)
        if link is None:
            try:
                v = self.dossier.version(vid)
            except KeyError:
                link = VersionLink(vid, self.h(vid), None, None, None)
            else:
                old = predecessor(self.dossier, v)
                href = None
                if old is not None and self.diff_href is not None:
                    href = self.diff_href.format(old=file_part(old.id), new=file_part(v.id))
                h = self.h
                link = VersionLink(
                    v.id,
                    h(v.label),
                    old.id if old else None,
                    h(old.label) if old else None,
                    h(href) if href is not None else None,
                )
            self.version_links[vid] = link
        return link

    def source_view(self, ref: SourceRef) -> SourceView:
        src = self.sources.get(ref.id)
        if src is None:
            return SourceView(
                ref.number, ref.id, ref.anchor, ref.id, "", None, None, None, "", None
            )
        url = safe_url(src.url)
        return SourceView(
            ref.number,
            src.id,
            ref.anchor,
            src.title,
            label(src.kind.value),
            src.publisher,
            url,
            src.url if url is None and src.url else None,
            display_date(src.published) if src.published else "",
            datetime_attr(src.published) if src.published else None,
        )


def _escape(text: str) -> str:
    # A Markup built without markupsafe's Python-level constructor: the escaping is
    # html.escape's (C-speed replaces), and the result prints unescaped-again anywhere.
    return str.__new__(Markup, html.escape(text, quote=True))


def _same(text: str) -> str:
    return text


def _cached(cache: dict[str, str], text: str | None, h: Callable[[str], str]) -> str | None:
    return None if text is None else _cached_text(cache, text, h)


def _cached_text(cache: dict[str, str], text: str, h: Callable[[str], str]) -> str:
    found = cache.get(text)
    if found is None:
        found = cache[text] = h(text)
    return found


def _indices(values: Iterable[int]) -> str:
    text = " ".join(str(i) for i in values)
    return f" {text} " if text else ""


def _options(
    index: Mapping[str, int], count: Mapping[str, int], show: Any
) -> tuple[FilterOption, ...]:
    return tuple(
        FilterOption(str(i), show(name), count.get(name, 0))
        for name, i in sorted(index.items(), key=lambda kv: str(kv[0]).lower())
    )


def _filter_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, Iterable):
        return ", ".join(str(v) for v in value)
    return str(value)
