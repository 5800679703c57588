"""iCalendar (RFC 5545) export of a dossier's rounds, written by hand.

Day dates become all-day ``VALUE=DATE`` spans (through ``until``). A date known only to the
month, quarter or year (or a span ending so) becomes one all-day, non-blocking entry on the
first day it allows, its description saying the date as known ("c. Dec 2025 – 2026"): a
13-month block would fill a calendar with what is only vagueness. Each ``UID`` is the event
id at a domain digested from the dossier's title, unique across dossiers. Times with an IANA
zone keep it as ``TZID`` with a ``VTIMEZONE`` generated from the zone's real offset changes
over the years used; times with a fixed offset are written in UTC. Text is escaped and lines
are folded at 75 octets. Written by hand so that no calendar library is a runtime
dependency; the test suite parses the output with the ``icalendar`` package.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from negotrack.core.dates import Moment, Precision
from negotrack.core.model import Event, EventKind, Source
from negotrack.views.formatting import safe_url

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier

__all__ = ["name_of", "source_of", "to_ics"]


def name_of(d: Dossier, pid: str) -> str:
    """A participant's name, or the id itself when it names no one."""
    try:
        return d.participant(pid).name
    except KeyError:
        return pid


def source_of(d: Dossier, sid: str) -> Source | None:
    """The source with this id, or None."""
    try:
        return d.source(sid)
    except KeyError:
        return None


def _ics_text(text: str) -> str:
    """``text`` as an iCalendar TEXT value: escaped, each line break as ``\\n``, and any
    other control character (which RFC 5545 3.3.11 does not allow) as U+FFFD."""
    escaped = (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )
    return _CONTROL.sub("\ufffd", escaped)


_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
"""Control characters but the tab: CONTROL in RFC 5545's grammar, and the C1 ones."""


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


def _domain(d: Dossier) -> str:
    """The UID domain of a dossier's events: a stable digest of its title, so that two
    dossiers' events with the same id stay distinct in one calendar."""
    return hashlib.sha256(d.title.encode("utf-8")).hexdigest()[:12] + ".negotrack"


def _vevent(d: Dossier, e: Event, dtstamp: str) -> list[str]:
    # The dossier's declared language, on each property that carries its text (RFC 5545
    # LANGUAGE parameter), so a calendar can pick the right voice or spelling checker.
    lang = f";LANGUAGE={d.language}" if d.language else ""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_ics_text(e.id)}@{_domain(d)}",
        f"DTSTAMP:{dtstamp}",
        _date_prop("DTSTART", e.when, end=False),
    ]
    until = e.until
    vague = e.when.precision < Precision.DAY or (
        until is not None and until.precision < Precision.DAY
    )
    if e.when.precision is Precision.MINUTE:
        if until is not None and until.precision is Precision.MINUTE:
            lines.append(_date_prop("DTEND", until, end=True))
    elif vague:
        # "c. Dec 2025 - 2026" is not a 13-month event: one all-day entry on the first day
        # the date allows, which does not block the calendar; the description says the rest.
        lines.append(f"DTEND;VALUE=DATE:{e.when.value.date() + timedelta(days=1):%Y%m%d}")
        lines.append("TRANSP:TRANSPARENT")
    else:
        last = until if until is not None and until.precision is not Precision.MINUTE else e.when
        lines.append(_date_prop("DTEND", last, end=True))
    lines.append(f"SUMMARY{lang}:{_ics_text(e.title)}")
    if e.location:
        lines.append(f"LOCATION{lang}:{_ics_text(e.location)}")
    notes: list[str] = []
    if e.summary:
        notes.append(e.summary)
    if vague:
        known = e.when.display() + (f" – {until.display()}" if until is not None else "")
        notes.append(f"Date as known: {known} (shown on its first possible day).")
    elif e.when.approximate:
        notes.append(f"Date as known: {e.when.display()}.")
    names = [name_of(d, p) for p in e.participants]
    if names:
        notes.append("With: " + ", ".join(names) + ".")
    url = None
    for sid in e.sources:
        src = source_of(d, sid)
        if src is None:
            continue
        notes.append(f"Source: {src.title}" + (f" <{src.url}>" if src.url else ""))
        url = url or safe_url(src.url)
    if notes:
        lines.append(f"DESCRIPTION{lang}:" + _ics_text("\n".join(notes)))
    if url and not url.startswith("mailto:"):
        lines.append(f"URL:{url}")
    lines.append("CATEGORIES:" + ",".join(_ics_text(c) for c in (e.kind.value, *e.tags)))
    lines.append("END:VEVENT")
    return lines
