"""How a :class:`negotrack.views.timeline.TimelineView` is built, fast.

Kept apart from the view-model's definition: this is the hot path of a 10,000-event page.
Each id is resolved once per page; participant lists, source lists, dates, tracks,
locations and tags that events share are assembled once; counts for the filter menus are
folded in at the end, and the time axis is laid out from the same events.

:meth:`TimelineView.build` gets plain text. The HTML renderer alone passes an ``escape``
function (see :mod:`negotrack.render.escaping`): escaping while building, where shared
strings are escaped once, is what keeps a 10,000-event page fast; that view never leaves
the renderer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from negotrack.core.dates import Moment
from negotrack.core.model import Event, Participant, StatusChange
from negotrack.dossier.selection import EventFilter
from negotrack.views.axis import build_axis
from negotrack.views.formatting import (
    anchor,
    content_language,
    datetime_attr,
    file_part,
    safe_url,
)
from negotrack.views.i18n import ENGLISH, Interface
from negotrack.views.timeline import (
    EventView,
    FilterOption,
    MonthView,
    PartyRef,
    QuoteView,
    SourceRef,
    SourceView,
    TimelineView,
    VersionLink,
    predecessor,
)
from negotrack.views.timeline_order import (
    Place,
    heading_anchor,
    heading_key,
    heading_of,
    place,
)

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier

__all__ = ["Builder"]


@attrs.define
class _Group:
    """A participant list as events show it, and how many events share it."""

    people: tuple[PartyRef, ...]
    sides: tuple[str, ...]
    side_indices: str
    party_indices: str
    count: int = 0


class Builder:
    """Resolves ids once per page and turns events into :class:`EventView` records."""

    def __init__(
        self,
        dossier: Dossier,
        diff_href: str | None,
        escape: Callable[[str], str] | None = None,
        *,
        lang: Interface = ENGLISH,
    ) -> None:
        self.dossier = dossier
        self.lang = lang
        self.diff_href = diff_href
        self.h: Callable[[str], str] = escape or _same
        self.texts: dict[str, str] = {}  # tracks, locations, tags: they repeat
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

    def build(self, events: list[Event], chosen: EventFilter) -> TimelineView:
        """The view of ``events`` (in time order, as :meth:`EventFilter.apply` gives them):
        the list filed and ordered by the dates as displayed (see
        :mod:`negotrack.views.timeline_order`), the axis by instants."""
        months: list[MonthView] = []
        bucket: list[EventView] = []
        lang = self.lang
        # Events share dates: each date's place and heading are worked out once, and each
        # heading is one object, so that a change of heading is a test of identity.
        places: dict[Moment, tuple[Place, Moment]] = {}
        heads: dict[Moment, Moment] = {}
        for e in events:
            if e.when not in places:
                filed = heading_of(e.when)
                places[e.when] = (place(e.when), heads.setdefault(filed, filed))
        order = sorted(range(len(events)), key=lambda i: places[events[i].when][0])
        every: list[EventView | None] = [None] * len(events)  # the axis's order
        head: Moment | None = None
        for i in order:
            e = events[i]
            filed = places[e.when][1]
            if filed is not head:
                if bucket:
                    months.append(self.month(head, tuple(bucket)))
                head, bucket = filed, []
            view = every[i] = self.event(e)
            bucket.append(view)
        if bucket:
            months.append(self.month(head, tuple(bucket)))
        self.counts()
        d = self.dossier
        return TimelineView(
            title=d.title,
            description=d.description,
            months=tuple(months),
            sources=tuple(self.source_view(ref) for ref in self.cited.values()),
            kinds=_options(self.kind_index, self.kind_count, lambda k: lang.term("event kind", k)),
            tracks=_options(self.track_index, self.track_count, str),
            sides=_options(self.side_index, self.side_count, str),
            participants=tuple(
                FilterOption(str(r.slot), self.plain_names[pid], self.party_count[pid], pid)
                for pid, r in sorted(self.party_refs.items(), key=lambda kv: kv[1].name.lower())
                if pid in self.party_count
            ),
            filters=tuple(chosen.active.items()),
            total=len(events),
            axis=build_axis(
                events, [v for v in every if v is not None], self.changes(events), self.h, lang
            ),
            lang=lang,
            content_lang=content_language(d, lang),
        )

    def changes(self, events: list[Event]) -> list[StatusChange]:
        """The status changes the axis shows: those within the events' time range."""
        log = self.dossier.status_log
        if not log or not events:
            return []
        lo = min(e.when.start for e in events)
        hi = max((e.until or e.when).end for e in events)
        return [c for c in log if c.on.end > lo and c.on.start < hi]

    def month(self, head: Moment | None, events: tuple[EventView, ...]) -> MonthView:
        """The heading ``head`` (a month, a year or a stretch) over its ``events``."""
        assert head is not None
        key = heading_key(head)
        return MonthView(key, self.lang.month_heading(head), heading_anchor(key), events)

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
        key = (when.value, when.precision, when.approximate, when.uncertain, when.span_end)
        day = self.dates.get(key)
        if day is None:
            day = self.dates[key] = (
                self.h(self.lang.date(when)),
                datetime_attr(when),
            )
        cites = self.cites.get(e.sources)
        if cites is None:
            cites = self.cites[e.sources] = tuple([self.cite(sid) for sid in e.sources])
        until = e.until
        h = self.h
        texts = self.texts
        if until is not None:
            # Two exact days read as one interval: "7–12 Nov 2022", "23–24 лист. 2025 р.".
            span = self.lang.span(when, until)
            if span is not None:
                day = (h(span), day[1])
                until = None
        return EventView(
            e.id,
            anchor("ev", e.id),
            h(e.title),
            kind,
            self.kind_label(kind),
            k,
            _cached(texts, e.track, h),
            track_index,
            day[0],
            day[1],
            when.approximate,
            h(self.lang.date(until)) if until is not None else None,
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

    def kind_label(self, kind: str) -> str:
        found = self.texts.get("\0" + kind)
        if found is None:
            found = self.texts["\0" + kind] = self.lang.term("event kind", kind)
        return found

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
            self.lang.term("source kind", src.kind),
            src.publisher,
            url,
            src.url if url is None and src.url else None,
            self.lang.plain_date(src.published) if src.published else "",  # keeps "c."
            datetime_attr(src.published) if src.published else None,
        )


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
        FilterOption(str(i), show(name), count.get(name, 0), name)
        for name, i in sorted(index.items(), key=lambda kv: str(kv[0]).lower())
    )
