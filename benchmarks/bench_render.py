"""The render bar: a 10,000-event HTML timeline, at most 2.5x a hand-written
f-string + ``html.escape`` floor producing comparable markup for the same events.

The floor does what any renderer of this page must do: put the events in time order, group
them by month, resolve participants, number the cited sources, format dates at their
precision and escape every user string; it writes the same elements and attributes as the
packaged template (without the constant CSS and script). Both run interleaved on the same
dossier. negotrack's page also carries the time axis above the list (a mark per event),
which the floor does not write. negotrack is timed through a :class:`negotrack.Renderer`
built once (the way a script rendering many pages uses it, and what ``render_timeline``
does through the cached default renderer); one ``render_timeline`` call is reported beside
it, with the page's size per event.
"""

from __future__ import annotations

import html
import time
from pathlib import Path
from typing import Any

import negotrack as nt
from benchmarks._harness import Row, interleaved
from negotrack.core.dates import Precision
from negotrack.render.renderer import Renderer
from negotrack.views.formatting import datetime_attr, display_date
from tests.support.dossiers import big_dossier

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

N = 10_000
BAR = 2.5
_MONTHS = [
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
]


def floor(d: nt.Dossier) -> str:
    """A hand-written timeline: f-strings and html.escape, no view-model, no template."""
    esc = html.escape
    parties = {p.id: p for p in d.participants}
    sources = {s.id: s for s in d.sources}
    cited: dict[str, int] = {}
    side_index: dict[str, int] = {}
    party_index: dict[str, int] = {}
    out: list[str] = []
    month = None
    events = sorted(d.events, key=lambda e: e.when.sort_key)
    for e in events:
        v = e.when.value
        key = (v.year, 0 if e.when.precision is Precision.YEAR else v.month)
        if key != month:
            if month is not None:
                out.append("</ol></section>")
            month = key
            head = f"{_MONTHS[v.month - 1]} {v.year}" if key[1] else str(v.year)
            out.append(f'<section class="month"><h2 id="m-{v.year}-{v.month:02d}">{head}</h2><ol>')
        eid = esc(e.id)
        sides = {
            side_index.setdefault(parties[pid].side or "", len(side_index)): None
            for pid in e.participants
        }
        people = [party_index.setdefault(pid, len(party_index)) for pid in e.participants]
        approx = '<abbr title="circa">c.</abbr> ' if e.when.approximate else ""
        parts = [
            f'<li class="event k-{e.kind.value}" id="ev-{eid}" data-k="{e.kind.value}" '
            f'data-t="{esc(e.track or "")}" data-s=" {" ".join(map(str, sides))} " '
            f'data-p=" {" ".join(map(str, people))} "><p class="when"><time datetime="'
            f'{datetime_attr(e.when)}">{approx}{display_date(e.when)}</time></p>'
            f'<h3><a href="#ev-{eid}">{esc(e.title)}</a></h3><ul class="meta"><li>'
            f"{e.kind.value}</li>"
        ]
        if e.track:
            parts.append(f"<li>track: {esc(e.track)}</li>")
        if e.location:
            parts.append(f"<li>{esc(e.location)}</li>")
        parts.append("</ul>")
        if e.summary:
            parts.append(f'<p class="summary">{esc(e.summary)}</p>')
        if e.participants:
            parts.append('<ul class="people">')
            for pid in e.participants:
                p = parties[pid]
                side = f'<span class="side">{esc(p.side)}</span>' if p.side else ""
                parts.append(f"<li>{esc(p.name)}{side}</li>")
            parts.append("</ul>")
        for q in e.quotes:
            n = cited.setdefault(q.source, len(cited) + 1)
            who = esc(parties[q.speaker].name) if q.speaker else "unattributed"
            parts.append(
                f'<figure class="quote"><blockquote>{esc(q.text)}</blockquote><figcaption>'
                f'— {who} <a href="#src-{n}">[{n}]</a></figcaption></figure>'
            )
        if e.tags:
            parts.append(
                '<ul class="tags">' + "".join(f"<li>{esc(t)}</li>" for t in e.tags) + "</ul>"
            )
        if e.sources:
            links = []
            for sid in e.sources:
                n = cited.setdefault(sid, len(cited) + 1)
                links.append(f'<a href="#src-{n}" title="{esc(sources[sid].title)}">[{n}]</a>')
            parts.append('<p class="cites">Sources: ' + " ".join(links) + "</p>")
        parts.append("</li>")
        out.append("".join(parts))
    if month is not None:
        out.append("</ol></section>")
    out.append('<ol class="source-list">')
    for sid, n in cited.items():
        s = sources[sid]
        out.append(f'<li id="src-{n}"><a href="{esc(s.url or "")}">{esc(s.title)}</a></li>')
    out.append("</ol>")
    return "\n".join(out)


def run() -> list[Row]:
    """The render row: negotrack's timeline vs the floor, 10,000 events."""
    d = big_dossier(N)
    renderer = Renderer()
    ours = renderer.timeline(d)
    theirs = floor(d)
    size = len(ours.encode("utf-8"))
    print(
        f"{N} events: negotrack page {size / 1e6:.2f} MB ({size // N} bytes per event, "
        f"axis included), floor {len(theirs) / 1e6:.2f} MB"
    )
    t_ours, t_floor = interleaved(lambda: renderer.timeline(d), lambda: floor(d), repeat=7)
    start = time.perf_counter()
    nt.render_timeline(d)
    cold = (time.perf_counter() - start) * 1000
    print(f"render_timeline (the cached default renderer): {cold:.1f} ms (one call)")
    _profile_split(renderer, d)
    return [Row(f"render a {N:,}-event HTML timeline", t_ours, t_floor, BAR)]


def _profile_split(renderer: Renderer, d: Any) -> None:
    from negotrack.views.timeline import TimelineView

    start = time.perf_counter()
    view = TimelineView.build(d)
    built = time.perf_counter()
    renderer.timeline_view(view)
    done = time.perf_counter()
    print(
        f"a public TimelineView: built in {1000 * (built - start):.1f} ms, "
        f"rendered (escaped in one pass, then the template) in {1000 * (done - built):.1f} ms"
    )


if __name__ == "__main__":
    from benchmarks._harness import table

    print(table(run()))
