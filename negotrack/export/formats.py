"""Exports for other tools: TimelineJS JSON, iCalendar, CSV tables.

Each export is a pure function of a :class:`~negotrack.Dossier` returning text (or rows), so
the command line, notebooks and tests share one implementation:

- :func:`to_timelinejs`: the JSON TimelineJS 3 loads; one slide per event plus a title slide,
  dates at the precision they are known, every user string HTML-escaped (TimelineJS treats
  ``headline`` and ``text`` as HTML), links only for http, https and mailto URLs (the
  renderer's own rule, :func:`negotrack.views.formatting.safe_url`).
- :func:`to_ics`: an RFC 5545 calendar of the rounds (or of every event), see
  :mod:`negotrack.export.ics`.
- :func:`to_csv`: the tables of :mod:`negotrack.export.tables` (events, points, status history,
  positions) as CSV text; :mod:`negotrack.export.frames` gives the same rows to pandas.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from negotrack.core.dates import Moment, Precision
from negotrack.core.datetext import last_unit
from negotrack.core.model import Event
from negotrack.export.ics import name_of, source_of, to_ics
from negotrack.export.tables import COLUMNS, TABLES, Table, rows
from negotrack.views.formatting import safe_url
from negotrack.views.i18n import ENGLISH, Interface

if TYPE_CHECKING:
    from negotrack.core.dates import MomentLike
    from negotrack.dossier.dossier import Dossier

__all__ = [
    "TABLES",
    "to_csv",
    "to_ics",
    "to_timelinejs",
]


# -- TimelineJS ------------------------------------------------------------------------


def _tl_date(m: Moment, lang: Interface, *, last: bool = False) -> dict[str, Any]:
    """``m`` as a TimelineJS date: its first unit, or with ``last`` the last unit of a
    stretch ("Q1 2023" ends in March, "2022-10-25/2022-11-02" on 2 Nov)."""
    v, p = last_unit(m) if last and m.span_end is not None else (m.value, m.precision)
    out: dict[str, Any] = {"year": v.year}
    if p >= Precision.MONTH:
        out["month"] = v.month
    if p >= Precision.DAY:
        out["day"] = v.day
    if p >= Precision.MINUTE:
        out["hour"] = v.hour
        out["minute"] = v.minute
    out["display_date"] = lang.plain_date(m)
    return out


def _tl_event(d: Dossier, e: Event, lang: Interface) -> dict[str, Any]:
    esc = html.escape
    parts: list[str] = []
    meta = [lang.term("event kind", e.kind) if not lang.english else e.kind.value]
    if e.location:
        meta.append(e.location)
    if e.track:
        meta.append(e.track)
    parts.append(f"<p><em>{esc(' · '.join(meta))}</em></p>")
    if e.summary:
        parts.append(f"<p>{esc(e.summary)}</p>")
    names = [name_of(d, pid) for pid in e.participants]
    if names:
        people = ", ".join(names)
        line = f"With: {people}" if lang.english else lang.gettext("with %(people)s")
        parts.append(f"<p>{esc(line % {'people': people} if not lang.english else line)}</p>")
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
        parts.append(f"<p>{esc(lang.gettext('Sources:'))} " + "; ".join(links) + "</p>")
    slide: dict[str, Any] = {
        "unique_id": e.id,
        "start_date": _tl_date(e.when, lang),
        "text": {"headline": esc(e.title), "text": "".join(parts)},
    }
    if e.until is not None:
        slide["end_date"] = _tl_date(e.until, lang, last=True)
    elif e.when.span_end is not None:  # an interval in `when` is a span as much as `until`
        slide["end_date"] = _tl_date(e.when, lang, last=True)
        slide["display_date"] = lang.plain_date(e.when)  # the slide names it once
    if e.track:
        slide["group"] = esc(e.track)
    if media is not None:
        slide["media"] = media
    return slide


def to_timelinejs(
    dossier: Dossier, events: Iterable[Event] | None = None, *, locale: str | None = None
) -> str:
    """The dossier's events (or ``events``) as TimelineJS 3 JSON, with a title slide.

    Dates and the few words the slides add ("Sources:") are in ``locale`` (default
    English), and the JSON says so in its ``language`` key: pass it on as TimelineJS's
    ``language`` option (``new TL.Timeline(el, data, {language: data.language})``).
    """
    lang = ENGLISH
    if locale is not None:
        from negotrack.render.catalogs import interface

        lang = interface(locale)
    chosen = sorted(dossier.events if events is None else events, key=lambda e: e.when.sort_key)
    data: dict[str, Any] = {
        "language": lang.code,
        "title": {
            "text": {
                "headline": html.escape(dossier.title),
                "text": f"<p>{html.escape(dossier.description)}</p>" if dossier.description else "",
            }
        },
        "events": [_tl_event(dossier, e, lang) for e in chosen],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


# -- CSV -------------------------------------------------------------------------------

#: Lists in a CSV cell: ids are joined by ";", alternative wordings by " | ".
_JOINERS = {"options": " | "}


def _cell(column: str, value: Any) -> str:
    """A typed table value (see :mod:`negotrack.export.tables`) as CSV text."""
    if value is None:
        return ""
    if isinstance(value, bool):  # spreadsheets and pandas read these as booleans
        return "true" if value else "false"
    if isinstance(value, list):
        return _JOINERS.get(column, ";").join(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _defuse(cell: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection).
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def to_csv(
    dossier: Dossier,
    table: Table | str = "events",
    *,
    defuse: bool = True,
    as_of: MomentLike | None = None,
    bom: bool = False,
) -> str:
    """A CSV table (``events``, ``points``, ``status`` or ``positions``, see
    :mod:`negotrack.export.tables`) with a header row; instants in UTC ISO form, lists joined
    by ";", booleans ``true``/``false``; ``as_of`` keeps what was known by then.

    ``defuse`` prefixes cells a spreadsheet would run as formulas with ``'``. ``bom`` starts
    the text with a byte-order mark (U+FEFF), which Excel needs to open a double-clicked
    file as UTF-8; Python's ``csv`` would read it into the first column's name (pandas and
    ``encoding="utf-8-sig"`` drop it), so it is off by default.
    """
    records = rows(dossier, table, as_of=as_of)  # refuses an unknown table
    out = io.StringIO()
    if bom:
        out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=COLUMNS[cast(Table, table)], lineterminator="\r\n")
    writer.writeheader()
    for row in records:
        cells = {k: _cell(k, v) for k, v in row.items()}
        writer.writerow({k: _defuse(v) for k, v in cells.items()} if defuse else cells)
    return out.getvalue()
