"""Exports for other tools: TimelineJS JSON, iCalendar, CSV tables.

Each export is a pure function of a :class:`~negotrack.Dossier` returning text (or rows), so
the command line, notebooks and tests share one implementation:

- :func:`to_timelinejs`: the JSON TimelineJS 3 loads; one slide per event plus a title slide,
  dates at the precision they are known, every user string HTML-escaped (TimelineJS treats
  ``headline`` and ``text`` as HTML), links only for http, https and mailto URLs.
- :func:`to_ics`: an RFC 5545 calendar of the rounds (or of every event). Day, month and
  year dates become all-day ``VALUE=DATE`` spans; times with an IANA zone keep it as ``TZID``
  with a generated ``VTIMEZONE``; times with a fixed offset are written in UTC. Written by
  hand so that no calendar library is a runtime dependency.
- :func:`to_csv` and the ``*_rows`` functions: flat tables of events, points and status
  history (the same rows feed :mod:`negotrack.frames`).
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo

from negotrack.dates import Moment, Precision
from negotrack.errors import DossierError
from negotrack.model import Event, EventKind

if TYPE_CHECKING:
    from negotrack.dossier import Dossier

__all__ = [
    "TABLES",
    "event_rows",
    "point_rows",
    "safe_url",
    "status_rows",
    "to_csv",
    "to_ics",
    "to_timelinejs",
]

Table = Literal["events", "points", "status"]
TABLES: tuple[Table, ...] = ("events", "points", "status")
"""The CSV tables :func:`to_csv` can write."""


def safe_url(url: str | None) -> str | None:
    """``url`` when it is http, https or mailto (the only schemes that become links)."""
    if not url:
        return None
    scheme = url.strip().split(":", 1)[0].lower()
    return url.strip() if scheme in ("http", "https", "mailto") else None


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
    names = [_name(d, pid) for pid in e.participants]
    if names:
        parts.append(f"<p>With: {esc(', '.join(names))}</p>")
    for q in e.quotes:
        who = f" — {esc(_name(d, q.speaker))}" if q.speaker else ""
        parts.append(f"<blockquote>{esc(q.text)}{who}</blockquote>")
    links: list[str] = []
    media: dict[str, Any] | None = None
    for sid in e.sources:
        src = _source(d, sid)
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


def _name(d: Dossier, pid: str) -> str:
    try:
        return d.participant(pid).name
    except KeyError:
        return pid


def _source(d: Dossier, sid: str) -> Any:
    try:
        return d.source(sid)
    except KeyError:
        return None


# -- iCalendar -------------------------------------------------------------------------


def _ics_text(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 sequence (RFC 5545 3.1)."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    pieces: list[str] = []
    start, limit = 0, 75
    while start < len(raw):
        end = min(start + limit, len(raw))
        while end < len(raw) and (raw[end] & 0xC0) == 0x80:
            end -= 1
        pieces.append(raw[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines start with a space
    return "\r\n ".join(pieces)


def _stamp(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(dt: datetime) -> str:
    return dt.strftime("%Y%m%dT%H%M%S")


def _date_prop(name: str, m: Moment, *, end: bool) -> str:
    """``DTSTART``/``DTEND`` for ``m``; an ``end`` of a coarse moment is exclusive."""
    if m.precision is Precision.MINUTE:
        if m.zone is not None:
            return f"{name};TZID={m.zone}:{_local(m.value)}"
        return f"{name}:{_stamp(m.value)}"
    day = m.end.date() if end else m.value.date()
    return f"{name};VALUE=DATE:{day:%Y%m%d}"


def _transitions(zone: str, first: int, last: int) -> list[tuple[datetime, timedelta, timedelta]]:
    """Offset changes of ``zone`` between the start of ``first`` and the end of ``last``:
    (UTC instant, offset before, offset after), found by a daily scan and a bisection."""
    tz = ZoneInfo(zone)
    out: list[tuple[datetime, timedelta, timedelta]] = []
    t = datetime(first, 1, 1, tzinfo=UTC)
    stop = datetime(last + 1, 1, 1, tzinfo=UTC)
    day = timedelta(days=1)
    prev = t.astimezone(tz).utcoffset()
    while t < stop:
        nxt = t + day
        off = nxt.astimezone(tz).utcoffset()
        if off != prev:
            lo, hi = t, nxt
            while hi - lo > timedelta(minutes=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(second=0, microsecond=0)
                if mid.astimezone(tz).utcoffset() == prev:
                    lo = mid if mid > lo else lo + timedelta(minutes=1)
                else:
                    hi = mid
            assert prev is not None
            assert off is not None
            out.append((hi, prev, off))
            prev = off
        t = nxt
    return out


def _offset(td: timedelta) -> str:
    minutes = int(td.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}{minutes % 60:02d}"


def _vtimezone(zone: str, first: int, last: int) -> list[str]:
    tz = ZoneInfo(zone)
    begin = datetime(first, 1, 1, tzinfo=UTC)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{zone}"]

    def component(at: datetime, before: timedelta, after: timedelta) -> None:
        local = at.astimezone(tz)
        kind = "DAYLIGHT" if local.dst() else "STANDARD"
        lines.extend(
            [
                f"BEGIN:{kind}",
                # DTSTART is local time in the offset in force before the change.
                f"DTSTART:{_local((at + before).replace(tzinfo=None))}",
                f"TZOFFSETFROM:{_offset(before)}",
                f"TZOFFSETTO:{_offset(after)}",
                f"TZNAME:{_ics_text(local.tzname() or zone)}",
                f"END:{kind}",
            ]
        )

    initial = begin.astimezone(tz).utcoffset()
    assert initial is not None
    component(begin, initial, initial)
    for at, before, after in _transitions(zone, first, last):
        component(at, before, after)
    lines.append("END:VTIMEZONE")
    return lines


def to_ics(
    dossier: Dossier,
    *,
    all_events: bool = False,
    kinds: Iterable[EventKind | str] | None = None,
    stamp: datetime | None = None,
) -> str:
    """An iCalendar (RFC 5545) text of the dossier's rounds, or of ``kinds``, or of all events.

    ``stamp`` is the ``DTSTAMP`` of every entry (default: now); pass a fixed one for
    reproducible output.
    """
    if all_events:
        wanted = set(EventKind)
    elif kinds is not None:
        wanted = {EventKind.coerce(k) for k in kinds}
    else:
        wanted = {EventKind.ROUND}
    chosen = sorted((e for e in dossier.events if e.kind in wanted), key=lambda e: e.when.sort_key)
    dtstamp = _stamp(stamp if stamp is not None else datetime.now(UTC))
    zones: dict[str, list[int]] = {}
    for e in chosen:
        for m in (e.when, e.until):
            if m is not None and m.zone is not None:
                zones.setdefault(m.zone, []).append(m.value.year)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//negotrack//negotrack//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_ics_text(dossier.title)}",
    ]
    for zone, years in sorted(zones.items()):
        lines.extend(_vtimezone(zone, min(years), max(years)))
    for e in chosen:
        lines.extend(_vevent(dossier, e, dtstamp))
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _vevent(d: Dossier, e: Event, dtstamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_ics_text(e.id)}@negotrack",
        f"DTSTAMP:{dtstamp}",
        _date_prop("DTSTART", e.when, end=False),
    ]
    until = e.until
    if e.when.precision is Precision.MINUTE:
        if until is not None and until.precision is Precision.MINUTE:
            lines.append(_date_prop("DTEND", until, end=True))
    else:
        last = until if until is not None and until.precision is not Precision.MINUTE else e.when
        lines.append(_date_prop("DTEND", last, end=True))
    lines.append(f"SUMMARY:{_ics_text(e.title)}")
    if e.location:
        lines.append(f"LOCATION:{_ics_text(e.location)}")
    notes: list[str] = []
    if e.summary:
        notes.append(e.summary)
    if e.when.approximate or e.when.precision < Precision.DAY:
        notes.append(f"Date as known: {e.when.display()}.")
    names = [_name(d, p) for p in e.participants]
    if names:
        notes.append("With: " + ", ".join(names) + ".")
    url = None
    for sid in e.sources:
        src = _source(d, sid)
        if src is None:
            continue
        notes.append(f"Source: {src.title}" + (f" <{src.url}>" if src.url else ""))
        url = url or safe_url(src.url)
    if notes:
        lines.append("DESCRIPTION:" + _ics_text("\n".join(notes)))
    if url and not url.startswith("mailto:"):
        lines.append(f"URL:{url}")
    lines.append("CATEGORIES:" + ",".join(_ics_text(c) for c in (e.kind.value, *e.tags)))
    lines.append("END:VEVENT")
    return lines


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
