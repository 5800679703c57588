"""Exports for other tools: TimelineJS JSON, iCalendar, CSV tables.

Each export is a pure function of a :class:`~negotrack.Dossier` returning text (or rows), so
the command line, notebooks and tests share one implementation:

- :func:`to_timelinejs`: the JSON TimelineJS 3 loads; one slide per event plus a title slide,
  dates at the precision they are known, every user string HTML-escaped (TimelineJS treats
  ``headline`` and ``text`` as HTML), links only for http, https and mailto URLs (the
  renderer's own rule, :func:`negotrack._filters.safe_url`).
- :func:`to_ics`: an RFC 5545 calendar of the rounds (or of every event), see
  :mod:`negotrack._ics`.
- :func:`to_csv` and the ``*_rows`` functions: flat tables of events, points and status
  history (the same rows feed :mod:`negotrack.frames`).
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from negotrack._filters import safe_url
from negotrack._ics import name_of, source_of, to_ics
from negotrack.dates import Moment, Precision
from negotrack.errors import DossierError
from negotrack.model import Event

if TYPE_CHECKING:
    from negotrack.dossier import Dossier

__all__ = [
    "TABLES",
    "event_rows",
    "point_rows",
    "status_rows",
    "to_csv",
    "to_ics",
    "to_timelinejs",
]

Table = Literal["events", "points", "status"]
TABLES: tuple[Table, ...] = ("events", "points", "status")
"""The CSV tables :func:`to_csv` can write."""


# -- TimelineJS ------------------------------------------------------------------------


def _tl_date(m: Moment) -> dict[str, Any]:
    v = m.value
    out: dict[str, Any] = {"year": v.year}
    if m.precision >= Precision.MONTH:
        out["month"] = v.month
    if m.precision >= Precision.DAY:
        out["day"] = v.day
    if m.precision >= Precision.MINUTE:
        out["hour"] = v.hour
        out["minute"] = v.minute
    out["display_date"] = m.display()
    return out


def _tl_event(d: Dossier, e: Event) -> dict[str, Any]:
    esc = html.escape
    parts: list[str] = []
    meta = [e.kind.value]
    if e.location:
        meta.append(e.location)
    if e.track:
        meta.append(e.track)
    parts.append(f"<p><em>{esc(' · '.join(meta))}</em></p>")
    if e.summary:
        parts.append(f"<p>{esc(e.summary)}</p>")
    names = [name_of(d, pid) for pid in e.participants]
    if names:
        parts.append(f"<p>With: {esc(', '.join(names))}</p>")
    for q in e.quotes:
        who = f" — {esc(name_of(d, q.speaker))}" if q.speaker else ""
        parts.append(f"<blockquote>{esc(q.text)}{who}</blockquote>")
    links: list[str] = []
    media: dict[str, Any] | None = None
    for sid in e.sources:
        src = source_of(d, sid)
        title = src.title if src is not None else sid
        url = safe_url(src.url) if src is not None else None
        if url:
            links.append(f'<a href="{esc(url)}">{esc(title)}</a>')
            if media is None and not url.startswith("mailto:"):
                media = {"url": url, "caption": esc(title)}
                if src is not None and src.publisher:
                    media["credit"] = esc(src.publisher)
        else:
            links.append(esc(title))
    if links:
        parts.append("<p>Sources: " + "; ".join(links) + "</p>")
    slide: dict[str, Any] = {
        "unique_id": e.id,
        "start_date": _tl_date(e.when),
        "text": {"headline": esc(e.title), "text": "".join(parts)},
    }
    if e.until is not None:
        slide["end_date"] = _tl_date(e.until)
    if e.track:
        slide["group"] = esc(e.track)
    if media is not None:
        slide["media"] = media
    return slide


def to_timelinejs(dossier: Dossier, events: Iterable[Event] | None = None) -> str:
    """The dossier's events (or ``events``) as TimelineJS 3 JSON, with a title slide."""
    chosen = sorted(dossier.events if events is None else events, key=lambda e: e.when.sort_key)
    data: dict[str, Any] = {
        "title": {
            "text": {
                "headline": html.escape(dossier.title),
                "text": f"<p>{html.escape(dossier.description)}</p>" if dossier.description else "",
            }
        },
        "events": [_tl_event(dossier, e) for e in chosen],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


# -- CSV -------------------------------------------------------------------------------


def _iso(m: Moment | None) -> str:
    return "" if m is None else m.isoformat()


def event_rows(dossier: Dossier) -> Iterator[dict[str, str]]:
    """One row per event, in chronological order."""
    for e in sorted(dossier.events, key=lambda e: e.when.sort_key):
        yield {
            "id": e.id,
            "when": e.when.isoformat(),
            "until": _iso(e.until),
            "precision": str(e.when.precision),
            "approximate": "yes" if e.when.approximate else "",
            "kind": e.kind.value,
            "title": e.title,
            "track": e.track or "",
            "location": e.location or "",
            "participants": ";".join(e.participants),
            "sources": ";".join(e.sources),
            "tags": ";".join(e.tags),
            "summary": e.summary or "",
        }


def point_rows(dossier: Dossier, as_of: Moment | str | None = None) -> Iterator[dict[str, str]]:
    """One row per point of every version, with its status as tabled and as of ``as_of``."""
    for plan in dossier.plans:
        for v in plan.versions:
            for p in v.points:
                ref = f"{v.id}#{p.number}"
                now = dossier.status_of(ref, as_of)
                yield {
                    "plan": plan.id,
                    "version": v.id,
                    "number": p.number,
                    "ref": ref,
                    "key": p.key or "",
                    "topic": p.topic or "",
                    "status_tabled": p.status.value,
                    "status": now.value if now is not None else "",
                    "text": p.text,
                    "options": " | ".join(p.options),
                    "sources": ";".join(p.sources),
                }


def status_rows(dossier: Dossier) -> Iterator[dict[str, str]]:
    """One row per point per status entry (as tabled, then each change), in time order."""
    entries = [c for ref in dossier.refs() for c in dossier.history(ref)]
    entries.sort(key=lambda c: c.on.sort_key)
    for c in entries:
        yield {
            "ref": c.ref,
            "status": c.status.value,
            "on": c.on.isoformat(),
            "source": c.source or "",
            "by": c.by or "",
            "note": c.note or "",
        }


def _defuse(cell: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection).
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def to_csv(dossier: Dossier, table: Table | str = "events", *, defuse: bool = True) -> str:
    """A CSV table (``events``, ``points`` or ``status``) with a header row.

    ``defuse`` prefixes cells a spreadsheet would run as formulas with ``'``.
    """
    rows: Iterable[dict[str, str]]
    if table == "events":
        rows = event_rows(dossier)
    elif table == "points":
        rows = point_rows(dossier)
    elif table == "status":
        rows = status_rows(dossier)
    else:
        raise DossierError(f"unknown table {table!r}", hint="expected one of " + ", ".join(TABLES))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=_HEADERS[table], lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _defuse(v) if defuse else v for k, v in row.items()})
    return out.getvalue()


_HEADERS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "events": (
            "id",
            "when",
            "until",
            "precision",
            "approximate",
            "kind",
            "title",
            "track",
            "location",
            "participants",
            "sources",
            "tags",
            "summary",
        ),
        "points": (
            "plan",
            "version",
            "number",
            "ref",
            "key",
            "topic",
            "status_tabled",
            "status",
            "text",
            "options",
            "sources",
        ),
        "status": ("ref", "status", "on", "source", "by", "note"),
    }
)
