"""The timeline's time axis: where each event sits in time, and on which lane.

Positions are percentages of the axis's time range, so the page can zoom by widening the
axis alone. Every event becomes a :class:`Mark` whose extent is everything its date may
mean: a month-precision date covers its month, a span runs from ``when`` to the end of
``until``; an approximate date is drawn over a wider, faded extent (its ``data-start`` /
``data-end`` stay the bounds its date allows). Lanes follow tracks by default; the page's
script can regroup the same marks by side or kind (the filters' options name those lanes). Point
status changes get a lane of their own. Where many short marks crowd one stretch of a lane,
they are counted in a :class:`Cluster` shown at the overview scale instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from negotrack.core.dates import Moment, Precision
from negotrack.views.axis_layout import Geometry, drawn, extent, geometry, place
from negotrack.views.formatting import iso_instant, tick_label
from negotrack.views.i18n import ENGLISH, Interface
from negotrack.views.ticks import gridlines

if TYPE_CHECKING:
    from negotrack.core.model import Event, StatusChange
    from negotrack.views.timeline import EventView

__all__ = ["AxisView", "ChangeMark", "Cluster", "Lane", "Mark", "Tick", "build_axis"]


class Tick(NamedTuple):
    """A labelled gridline of the axis."""

    left: str
    """Its position, a percentage of the axis's width ("12.500")."""
    label: str
    iso: str


class Lane(NamedTuple):
    """A band of the axis: a track, a side or a kind; marks that overlap in time are
    stacked in its rows."""

    number: int
    key: str
    label: str
    row: int
    """Its first row, counted from the top of the axis."""
    rows: int


class Mark(NamedTuple):
    """An event on the axis, linking to its card in the list."""

    anchor: str
    title: str
    date_text: str
    kind: str
    start: str
    """The earliest instant its date allows, ISO 8601 in UTC."""
    end: str
    """The latest instant its date allows (exclusive), ISO 8601 in UTC."""
    lane: int
    lane_key: str
    row: int
    """Its row, counted from the top of the axis (its lane's first row, or one below)."""
    left: str
    width: str
    shape: str
    """"point" (a day or finer), "range" (a month, a year, a span) or "approx"."""
    fade: str
    """For an approximate mark, where its solid part starts and ends within it
    ("--a:20.0%;--b:100.0%"); the rest is drawn faded. Else empty."""
    emphasis: str
    """What makes it stand out: "version" (it tables a plan version), "round", or ""."""
    cluster: int
    """The index of the :class:`Cluster` it is counted in at the overview, else -1."""


class Cluster(NamedTuple):
    """Several marks of one lane too close to tell apart at the overview scale."""

    number: int
    lane: int
    row: int
    left: str
    width: str
    events: int
    label: str
    anchor: str
    """The first event's card."""


class ChangeMark(NamedTuple):
    """A status change of a plan point, on the axis's own lane for them."""

    ref: str
    status: str
    label: str
    left: str
    width: str
    start: str
    end: str
    wide: bool
    """Dated to a month or a year: drawn as a faint stretch under the dated changes."""


@attrs.frozen
class AxisView:
    """The axis above the timeline's list: its range, ticks, lanes and marks."""

    start: str
    end: str
    unit: str
    """The tick unit at the overview: "day", "week", "month" or "year"."""
    ticks: tuple[Tick, ...]
    lanes: tuple[Lane, ...]
    """Lanes by track (the default grouping), in order of first use."""
    marks: tuple[Mark, ...]
    clusters: tuple[Cluster, ...]
    changes: tuple[ChangeMark, ...]
    legend_approximate: bool
    legend_range: bool

    rows: int
    """The rows of all lanes; the status changes' lane is the row after them."""


_NO_TRACK = "(no track)"
_CLUSTER_BIN = 2.0  # percent of the axis: about 25 px at 1280 px
_CLUSTER_MIN = 4
_POINT_WIDTH = 0.8  # marks narrower than this (percent) may be clustered


def build_axis(
    events: Sequence[Event],
    views: Sequence[EventView],
    changes: Sequence[StatusChange],
    h: Callable[[str], str] = str,
    lang: Interface = ENGLISH,
) -> AxisView | None:
    """The axis of ``events`` (in time order, with their views), or None when empty.

    ``h`` is applied to the user strings the axis adds to the views' (track names, point
    references), as the views' builder applies it to theirs; ``lang`` writes its labels."""
    if not events:
        return None
    # Events share dates: each date's bounds and drawing are worked out once, and each
    # event keeps its date's entry (hashing dates again would cost more than the drawing).
    dates: dict[tuple[Moment, Moment | None], list[Any]] = {}
    slots: list[list[Any]] = []
    for e in events:
        k = (e.when, e.until)
        d = dates.get(k)
        if d is None:
            s, t = extent(e.when, e.until)
            d = dates[k] = [k, s, t, *drawn(e, s, t)]
        slots.append(d)
    lo: datetime = min(d[3] for d in dates.values())
    hi: datetime = max(d[4] for d in dates.values())
    for c in changes:
        lo, hi = min(lo, c.on.start), max(hi, c.on.end)
    pad = max((hi - lo) * 0.02, timedelta(hours=12))
    lo, hi = lo - pad, hi + pad
    total = (hi - lo).total_seconds()
    unit, ticks = gridlines(lo, hi)

    def pct(t: datetime) -> float:
        return (t - lo).total_seconds() * 100.0 / total

    for d in dates.values():
        d.append(geometry(d[0][0], d[0][1], d[1], d[2], d[3], d[4], pct))
    lane_of: dict[str, int] = {}
    ends: list[list[float]] = []  # per lane, each row's right edge
    crowd: dict[tuple[int, int], list[int]] = {}
    placed: list[tuple[int, int, Geometry]] = []
    for i, e in enumerate(events):
        key = e.track if e.track is not None else _NO_TRACK
        lane = lane_of.get(key)
        if lane is None:
            lane = lane_of[key] = len(lane_of)
            ends.append([])
        g = slots[i][5]
        placed.append((lane, place(ends[lane], g.left, g.right), g))
        if g.right - g.left < _POINT_WIDTH:
            crowd.setdefault((lane, int((g.left + g.right) / 2 / _CLUSTER_BIN)), []).append(i)
    lanes, first_row = [], 0
    for name, n in lane_of.items():
        rows = max(1, len(ends[n]))
        lanes.append(Lane(n, h(name), h(name), first_row, rows))
        first_row += rows
    clusters, member = _clusters(crowd, placed, views, lanes, lang)
    marks = []
    said: dict[tuple[str, bool, str | None, bool], str] = {}  # events share dates
    for i, (v, (lane, row, g)) in enumerate(zip(views, placed, strict=True)):
        dk = (v.date_text, v.approximate, v.until_text, v.until_approximate)
        text = said.get(dk)
        if text is None:
            text = said[dk] = _date_text(v, lang)
        marks.append(
            Mark(
                v.anchor,
                v.title,
                text,
                v.kind,
                g.start_iso,
                g.end_iso,
                lane,
                lanes[lane].key,
                lanes[lane].row + row,
                g.left_text,
                g.width_text,
                g.shape,
                g.fade,
                "version" if v.versions else "round" if v.kind == "round" else "",
                member.get(i, -1),
            )
        )
    shapes = {d[5].shape for d in dates.values()}
    label = tick_label if lang.english else lang.tick
    change_marks = tuple(
        _change(c, pct, h, lang) for c in sorted(changes, key=lambda c: c.on.sort_key)
    )
    return AxisView(
        start=iso_instant(lo),
        end=iso_instant(hi),
        unit=unit,
        ticks=tuple(Tick(f"{pct(t):.3f}", label(t, unit), iso_instant(t)) for t in ticks),
        lanes=tuple(lanes),
        rows=first_row,
        marks=tuple(marks),
        clusters=clusters,
        changes=change_marks,
        legend_approximate="approx" in shapes,
        legend_range="range" in shapes,
    )


def _date_text(v: EventView, lang: Interface) -> str:
    # str.join, not "+": the renderer's views hold Markup, whose "+" escapes the other side.
    circa = lang.circa + " "
    parts = [circa, v.date_text] if v.approximate else [v.date_text]
    if v.until_text:
        parts += [" – " + circa if v.until_approximate else " – ", v.until_text]
    return "".join(parts)


def _clusters(
    crowd: dict[tuple[int, int], list[int]],
    placed: list[tuple[int, int, Geometry]],
    views: Sequence[EventView],
    lanes: list[Lane],
    lang: Interface = ENGLISH,
) -> tuple[tuple[Cluster, ...], dict[int, int]]:
    """The clusters of crowded stretches, and each clustered event's cluster."""
    out: list[Cluster] = []
    member: dict[int, int] = {}
    runs: list[tuple[int, int, list[int]]] = []  # neighbouring crowded bins join up
    for (lane, slot), found in sorted(crowd.items()):
        if len(found) < _CLUSTER_MIN:
            continue
        if runs and runs[-1][0] == lane and runs[-1][1] == slot - 1:
            runs[-1] = (lane, slot, runs[-1][2] + found)
        else:
            runs.append((lane, slot, list(found)))
    for lane, _, events in runs:
        index = len(out)
        left = min(placed[i][2].left for i in events)
        right = max(placed[i][2].right for i in events)
        first = min(placed[i][2].start for i in events)
        last = max(placed[i][2].end for i in events) - timedelta(microseconds=1)
        for i in events:
            member[i] = index
        out.append(
            Cluster(
                index,
                lane,
                lanes[lane].row,
                f"{left:.3f}",
                f"{max(right - left, _POINT_WIDTH):.3f}",
                len(events),
                lang.cluster(len(events), first, last),  # no user text
                views[events[0]].anchor,
            )
        )
    return tuple(out), member


def _change(
    c: StatusChange,
    pct: Callable[[datetime], float],
    h: Callable[[str], str],
    lang: Interface = ENGLISH,
) -> ChangeMark:
    left = pct(c.on.start)
    width = pct(c.on.end) - left
    status = c.status.value
    word = lang.term("status", status)
    return ChangeMark(
        h(c.ref),
        status,
        h(f"{c.ref.replace('#', ' #')}{lang.colon} {word}{lang.comma}{lang.date(c.on)}"),
        f"{left:.3f}",
        f"{width:.3f}",
        iso_instant(c.on.start),
        iso_instant(c.on.end),
        c.on.precision < Precision.DAY,
    )
