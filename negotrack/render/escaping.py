"""The timeline page's fast path: its per-event strings escaped once, before the template.

A 10,000-event page prints some 300,000 user strings. Autoescaping each as it is printed
costs more than the rest of the page together, so the renderer has the per-event records
escaped once, sharing the work where events share values (participant lists, citations,
tracks, dates), and the page's events loop and axis marks print them with autoescape off.
When the renderer builds the view itself, it asks the builder to escape as it goes
(:func:`escaped_view`); a plain :class:`~negotrack.views.timeline.TimelineView` handed to it
is escaped here in one pass (:func:`page_records`). The public view stays plain text; the
escaped records exist only while a page is rendered.

The escaped strings are :class:`markupsafe.Markup`, so a user's ``event_extra`` block, which
autoescapes, prints them unchanged rather than escaping them twice.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, NamedTuple

from markupsafe import Markup

from negotrack.render.htmltext import visible
from negotrack.views.axis import Cluster, Mark
from negotrack.views.i18n import ENGLISH, Interface
from negotrack.views.timeline import (
    EventView,
    MonthView,
    PartyRef,
    QuoteView,
    SourceRef,
    TimelineView,
    VersionLink,
)
from negotrack.views.timeline_builder import Builder

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier
    from negotrack.dossier.selection import EventFilter

__all__ = ["EscapedTimeline", "MarkHtml", "escaped_view", "page_records"]


class MarkHtml(NamedTuple):
    """An axis mark as the page writes it: its attributes joined in advance (they are
    numbers, dates and class names), its user strings escaped."""

    anchor: str
    classes: str
    attributes: str
    """``data-start``, ``data-end``, ``data-c`` (when clustered) and ``style``, joined."""
    lane_key: str
    title: str
    date_text: str


class EscapedTimeline(NamedTuple):
    """The per-event records of a view, every user string escaped for HTML."""

    months: tuple[MonthView, ...]
    marks: tuple[MarkHtml, ...]
    clusters: tuple[Cluster, ...]


def _markup(text: str) -> str:
    # Markup without its Python-level constructor: html.escape does the (C-speed) work;
    # control characters are shown as every page shows them (negotrack.render.htmltext).
    return str.__new__(Markup, html.escape(visible(text), quote=True))


class _Escaper:
    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        # Keyed by the identity of tuples the view holds (events share them); each entry
        # keeps its key alive, so an identity is never reused while the cache lives.
        self.shared: dict[int, tuple[object, tuple[object, ...]]] = {}
        self.sources: dict[int, SourceRef] = {}

    def text(self, s: str) -> str:
        found = self.texts.get(s)
        if found is None:
            found = self.texts[s] = _markup(s)
        return found

    def maybe(self, s: str | None) -> str | None:
        return None if s is None else self.text(s)

    def people(self, refs: tuple[PartyRef, ...]) -> tuple[PartyRef, ...]:
        found = self.shared.get(id(refs))
        if found is None:
            t, m = self.text, self.maybe
            out = tuple([PartyRef(p.id, t(p.name), m(p.side), m(p.role), p.slot) for p in refs])
            found = self.shared[id(refs)] = (refs, out)
        return found[1]  # type: ignore[return-value]

    def source(self, s: SourceRef) -> SourceRef:
        found = self.sources.get(s.number)
        if found is None:
            found = self.sources[s.number] = SourceRef(s.number, s.id, s.anchor, self.text(s.title))
        return found

    def cites(self, refs: tuple[SourceRef, ...]) -> tuple[SourceRef, ...]:
        found = self.shared.get(id(refs))
        if found is None:
            found = self.shared[id(refs)] = (refs, tuple([self.source(s) for s in refs]))
        return found[1]  # type: ignore[return-value]

    def quote(self, q: QuoteView) -> QuoteView:
        m = self.maybe
        source = self.source(q.source) if q.source is not None else None
        return QuoteView(_markup(q.text), m(q.speaker), m(q.speaker_side), source, m(q.note))

    def version(self, v: VersionLink) -> VersionLink:
        m = self.maybe
        return VersionLink(v.id, self.text(v.label), v.old_id, m(v.old_label), m(v.href))

    def event(self, e: EventView) -> EventView:
        t, m = self.text, self.maybe
        return EventView(
            e.id,
            e.anchor,
            _markup(e.title),
            e.kind,
            t(e.kind_label),
            e.kind_index,
            m(e.track),
            e.track_index,
            t(e.date_text),
            e.date_attr,
            e.approximate,
            m(e.until_text),
            e.until_attr,
            e.until_approximate,
            m(e.location),
            _markup(e.summary) if e.summary is not None else None,
            self.people(e.participants),
            self.cites(e.sources),
            tuple([self.quote(q) for q in e.quotes]) if e.quotes else (),
            tuple([t(x) for x in e.tags]) if e.tags else (),
            tuple([self.version(v) for v in e.versions]) if e.versions else (),
            e.side_indices,
            e.party_indices,
        )


def escaped_view(
    dossier: Dossier, chosen: EventFilter, diff_href: str | None, lang: Interface = ENGLISH
) -> TimelineView:
    """The view of ``dossier``'s events that ``chosen`` selects, its user strings escaped
    for HTML as it is built (never handed out: only the renderer's template sees it);
    labels and dates in ``lang``."""
    return Builder(dossier, diff_href, _markup, lang=lang).build(chosen.apply(dossier), chosen)


def page_records(view: TimelineView, *, escaped: bool) -> EscapedTimeline:
    """``view``'s months and axis marks with every user string escaped for HTML;
    ``escaped`` says whether ``view`` came from :func:`escaped_view` already."""
    esc = _Escaper()
    titles: dict[str, str] = {}
    months = []
    if escaped:
        months = list(view.months)
    else:
        for month in view.months:
            events = []
            for e in month.events:
                x = esc.event(e)
                titles[e.anchor] = x.title
                events.append(x)
            months.append(MonthView(month.key, month.heading, month.anchor, tuple(events)))
    marks: tuple[MarkHtml, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    axis = view.axis
    if axis is not None:
        t = _same if escaped else esc.text
        classes: dict[tuple[str, str, str, bool], str] = {}
        out = []
        for m in axis.marks:
            ck = (m.kind, m.shape, m.emphasis, m.cluster >= 0)
            c = classes.get(ck)
            if c is None:
                c = classes[ck] = _classes(m)
            cluster = f' data-c="{m.cluster}"' if m.cluster >= 0 else ""
            out.append(
                MarkHtml(
                    m.anchor,
                    c,
                    f' data-start="{m.start}" data-end="{m.end}"{cluster} style="left:{m.left}%;'
                    f'width:{m.width}%;--l:{m.row};--n:{m.lane}{m.fade}"',
                    t(m.lane_key),
                    titles.get(m.anchor) or t(m.title),
                    t(m.date_text),
                )
            )
        marks = tuple(out)
        clusters = tuple([c._replace(label=t(c.label)) for c in axis.clusters])
    return EscapedTimeline(tuple(months), marks, clusters)


def _same(text: str) -> str:
    return text


def _classes(m: Mark) -> str:
    out = f"nt-mark k-{m.kind} {m.shape}"
    if m.emphasis:
        out += f" e-{m.emphasis}"
    if m.cluster >= 0:
        out += " nt-in"
    return out
