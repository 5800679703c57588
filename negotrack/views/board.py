"""View-models of the status board and of the compact notebook displays.

The board is a plan's lineage × versions grid: one row per point as it travels through the
versions (linked by the plan's curated links, lineage keys and the diff engine), one column
per version, the point's current status in each cell; and, per row, a matrix of each party's
latest position. :class:`VersionView` and :class:`DossierSummary` feed the ``_repr_html_``
displays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import attrs

from negotrack.core.dates import Moment, MomentLike
from negotrack.core.groups import components
from negotrack.core.model import PlanVersion, Position
from negotrack.core.refs import PointRef
from negotrack.errors import UnknownReference, did_you_mean
from negotrack.plandiff.changes import CHECK_BELOW
from negotrack.views.board_chart import (
    SUPERSEDED,
    UNKNOWN,
    StatusChart,
    build_chart,
    by_status_order,
    status_cell,
    superseded_by,
)
from negotrack.views.dated_labels import date_after_label
from negotrack.views.formatting import anchor, content_language
from negotrack.views.i18n import ENGLISH, Interface
from negotrack.views.options import listed
from negotrack.views.timeline import predecessor

if TYPE_CHECKING:
    from negotrack.core.dates import MomentLike
    from negotrack.dossier.dossier import Dossier

__all__ = [
    "BoardView",
    "CellPoint",
    "Column",
    "DossierSummary",
    "EventLine",
    "PartyColumn",
    "PointLine",
    "Row",
    "VersionView",
]


class Column(NamedTuple):
    """One version of the plan, a column of the board."""

    id: str
    label: str
    date: str
    """The version's date as the board writes it under its label, or "" when the label
    already states it ("Peace Agreement (27 June 2025)";
    :func:`negotrack.views.dated_labels.date_after_label`)."""


class PartyColumn(NamedTuple):
    """A party that took a position on some point, a column of the positions matrix."""

    id: str
    name: str


class CellPoint(NamedTuple):
    """A point in a cell: its number and its current status."""

    ref: str
    number: str
    status: str
    status_label: str
    certain: bool = True
    """Whether the recorded dates settle the status: False when changes of unknown order
    (overlapping imprecise dates), or a date still running, leave it open. The board marks
    such a cell "?", as ``negotrack status show`` does."""
    check: float | None = None
    """When text matching joined the point to its row with a low confidence (a pair the
    diff report marks "check this", from a point of the version before): the lowest such
    confidence; else None. The board marks the cell as the report marks the pair."""


class Row(NamedTuple):
    """One lineage: the same point through the versions, and the parties' stances on it."""

    label: str
    """The point's topic or lineage key, else its reference."""
    ref: str
    """The point's latest reference, "20-point #4"."""
    text: str
    anchor: str
    cells: tuple[tuple[CellPoint, ...], ...]
    """One tuple per column; empty where the point is not in that version."""
    stances: tuple[str | None, ...]
    """One per party column: the latest stance's label, or None."""
    options: tuple[str, ...] = ()
    """The point's options (the bracketed alternatives it leaves open) in its latest
    version, in its order, shown with its text as the diff report shows them."""
    options_listed: bool = False
    """Whether the options are shown as a list, one item each, rather than in a line joined
    by "or": when one of them is a sentence or long (:func:`negotrack.views.options.listed`)."""
    also: tuple[tuple[str, str], ...] = ()
    """The other points of the row in its latest version, ``(reference, text)`` in their
    order, when a split left it several (``ref`` and ``text`` are the first's)."""


@attrs.frozen
class BoardView:
    """A plan's status board: columns (versions), rows (lineages), parties (positions)."""

    plan_id: str
    title: str
    summary: str | None
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    parties: tuple[PartyColumn, ...]
    statuses: tuple[tuple[str, str, int], ...]
    """(status, label, count of cells) for the legend."""
    as_of: str | None = None
    """The date the board stands at, as text, when it is not today's record."""
    chart: StatusChart | None = None
    """How the points' statuses moved over time (None with fewer than two dates)."""
    lang: Interface = attrs.field(default=ENGLISH, repr=False)
    """The interface language of its labels and dates."""
    content_lang: str | None = None
    """The dossier's own language when it differs from the interface's, else None."""
    threshold: float | None = None
    """The cut text matching lined the versions' points up at, when one was set for this
    board (the page says so: its rows depend on it), else None."""
    uncertain: int = 0
    """How many cells show a status the recorded dates do not settle (marked "?")."""
    unsure: int = 0
    """How many cells text matching joined to their row with a low confidence (marked
    "check this")."""
    check_below: float = CHECK_BELOW
    """The confidence below which a pair found by text is marked "check this"."""

    @property
    def superseded(self) -> str | None:
        """How the page names "superseded" when some cell reads it (the page then says
        what it means), else None."""
        return next((text for value, text, _ in self.statuses if value == SUPERSEDED), None)

    @classmethod
    def build(
        cls,
        dossier: Dossier,
        plan_id: str | None = None,
        *,
        as_of: MomentLike | None = None,
        threshold: float | None = None,
        lang: Interface = ENGLISH,
    ) -> BoardView:
        """The board of plan ``plan_id`` (the dossier's first plan when None), as it stood
        on ``as_of``: versions not tabled by then are left out, statuses are those of that
        date (a date counts once its whole interval is over, as in ``Dossier.status_of``).
        An undecided point of a version that a newer one followed reads "superseded".
        ``threshold`` goes to the diffs that line the versions' points up. Labels and dates
        are in ``lang``."""
        if plan_id is None:
            if not dossier.plans:
                raise UnknownReference("this dossier has no plan to show", hint="add a plan")
            plan = dossier.plans[0]
        else:
            try:
                plan = dossier.plan(plan_id)
            except KeyError:
                raise UnknownReference(
                    f"no plan {plan_id!r} in this dossier",
                    hint=did_you_mean(plan_id, [p.id for p in dossier.plans]),
                ) from None
        when = Moment.of(as_of) if as_of is not None else None
        versions = tuple(v for v in plan.versions if when is None or v.date.settled_by(when))
        later = superseded_by(dossier, plan, when)
        col = {v.id: i for i, v in enumerate(versions)}
        order: dict[str, tuple[int, int]] = {}
        for i, v in enumerate(versions):
            for j, p in enumerate(v.points):
                order[PointRef.format(v.id, p.number)] = (i, j)
        same: list[tuple[str, str]] = []
        check: dict[str, float] = {}  # a newer point -> its least sure "check this" pair
        for v in versions:
            old = predecessor(dossier, v)
            if old is None or old.id not in col:
                continue
            for c in dossier.diff(old.id, v.id, threshold=threshold).changes:
                if c.old is not None and c.new is not None:
                    new_ref = PointRef.format(v.id, c.new.number)
                    same.append((PointRef.format(old.id, c.old.number), new_ref))
                    if c.check:
                        check[new_ref] = min(c.confidence, check.get(new_ref, 1.0))
        party_names = {p.id: p.name for p in dossier.participants}
        stances_by_row: list[dict[str, Position]] = []
        parties: dict[str, str] = {}
        rows_raw = sorted(components(order, same), key=lambda refs: min(order[r] for r in refs))
        status_count: dict[str, int] = {}
        doubts = 0
        rows: list[Row] = []
        for refs in rows_raw:
            latest: dict[str, Position] = {}
            for ref in refs:
                for party, pos in dossier.positions(ref, when).items():
                    if party not in latest or latest[party].on.sort_key <= pos.on.sort_key:
                        latest[party] = pos
                    parties.setdefault(party, party_names.get(party, party))
            stances_by_row.append(latest)
            cells: list[list[CellPoint]] = [[] for _ in versions]
            for ref in refs:
                parsed = PointRef.parse(ref)
                version = versions[col[parsed.version]]
                found, certain = status_cell(dossier, version, parsed.number, when, later)
                value = found or UNKNOWN
                status_count[value] = status_count.get(value, 0) + 1
                doubts += not certain
                cells[col[parsed.version]].append(
                    CellPoint(
                        ref,
                        parsed.number,
                        value,
                        lang.term("status", value),
                        certain,
                        check.get(ref),
                    )
                )
            newest = max(order[r][0] for r in refs)
            in_newest = sorted((r for r in refs if order[r][0] == newest), key=lambda r: order[r])
            last = in_newest[0]
            point = dossier.point(last)
            shown = _shown(last)
            rows.append(
                Row(
                    label=point.topic or point.key or shown,
                    ref=shown,
                    text=point.text,
                    anchor=anchor("row", refs[0]),
                    cells=tuple(tuple(c) for c in cells),
                    stances=(),
                    options=point.options,
                    options_listed=listed(point.options),
                    also=tuple((_shown(r), dossier.point(r).text) for r in in_newest[1:]),
                )
            )
        party_cols = tuple(
            PartyColumn(pid, name) for pid, name in sorted(parties.items(), key=lambda kv: kv[1])
        )
        rows = [
            r._replace(
                stances=tuple(
                    lang.term("stance", s[p.id].stance) if p.id in s else None for p in party_cols
                )
            )
            for r, s in zip(rows, stances_by_row, strict=True)
        ]
        return cls(
            plan_id=plan.id,
            title=plan.title,
            summary=plan.summary,
            columns=tuple(
                Column(v.id, v.label, date_after_label(v.label, v.date, lang, dossier.language))
                for v in versions
            ),
            rows=tuple(rows),
            parties=party_cols,
            statuses=tuple(
                (s, lang.term("status", s), n)
                for s, n in sorted(status_count.items(), key=lambda kv: by_status_order(kv[0]))
            ),
            as_of=lang.plain_date(when) if when is not None else None,
            chart=build_chart(dossier, plan, when, lang),
            lang=lang,
            content_lang=content_language(dossier, lang),
            threshold=threshold,
            uncertain=doubts,
            unsure=len(check.keys() & order.keys()),
        )


class PointLine(NamedTuple):
    """A point in the compact display of a version."""

    number: str
    text: str
    topic: str | None
    status: str
    options: tuple[str, ...]


@attrs.frozen
class VersionView:
    """A plan version for its notebook display."""

    id: str
    label: str
    date: str
    side: str | None
    summary: str | None
    derived_from: tuple[str, ...]
    points: tuple[PointLine, ...]

    @classmethod
    def build(cls, version: PlanVersion, *, lang: Interface = ENGLISH) -> VersionView:
        """The view of ``version`` (statuses as tabled: a version knows no later changes)."""
        return cls(
            id=version.id,
            label=version.label,
            date=lang.plain_date(version.date),
            side=version.side,
            summary=version.summary,
            derived_from=version.derived_from,
            points=tuple(
                PointLine(p.number, p.text, p.topic, lang.term("status", p.status), p.options)
                for p in version.points
            ),
        )


class EventLine(NamedTuple):
    """An event in the compact display of a dossier."""

    date: str
    title: str
    kind: str


@attrs.frozen
class DossierSummary:
    """A dossier in a glance: counts, time span, plans and versions, latest events."""

    title: str
    description: str | None
    counts: tuple[tuple[str, int], ...]
    first: str | None
    last: str | None
    plans: tuple[tuple[str, tuple[str, ...]], ...]
    latest: tuple[EventLine, ...]

    @classmethod
    def build(
        cls, dossier: Dossier, *, latest: int = 5, lang: Interface = ENGLISH
    ) -> DossierSummary:
        """The summary of ``dossier`` with its ``latest`` most recent events, in ``lang``."""
        events = sorted(dossier.events, key=lambda e: e.when.sort_key)
        return cls(
            title=dossier.title,
            description=dossier.description,
            counts=(
                ("participants", len(dossier.participants)),
                ("sources", len(dossier.sources)),
                ("events", len(dossier.events)),
                ("plans", len(dossier.plans)),
                ("versions", sum(len(p.versions) for p in dossier.plans)),
                ("status changes", len(dossier.status_log)),
            ),
            first=lang.plain_date(events[0].when) if events else None,
            last=lang.plain_date(events[-1].when) if events else None,
            plans=tuple((p.title, tuple(v.label for v in p.versions)) for p in dossier.plans),
            latest=tuple(
                EventLine(lang.plain_date(e.when), e.title, lang.term("event kind", e.kind))
                for e in events[-latest:][::-1]
            ),
        )


def _shown(ref: str) -> str:
    """A reference as readers see it: "us-28 #12"."""
    parsed = PointRef.parse(ref)
    return f"{parsed.version} #{parsed.number}"
