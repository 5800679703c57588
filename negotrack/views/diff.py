"""The view-model of a diff report: a :class:`PlanDiff` with every label worked out.

The diff engine (:mod:`negotrack.plandiff.compare`) says what happened to each point; this
module says how a reader is told: point references as "us-28 #21", a renumbering as
"us-28 #21 → 20-point #14", split and merge groups with their members, status and position
changes as words. Templates only print these fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from negotrack.core.plans import Point
from negotrack.plandiff.changes import CHECK_BELOW
from negotrack.views.diff_links import (
    Counterpart,
    Group,
    NotSame,
    counterparts,
    groups,
    not_same,
    unique_anchors,
)
from negotrack.views.diff_words import shown_runs
from negotrack.views.formatting import anchor
from negotrack.views.i18n import ENGLISH, Interface
from negotrack.views.options import shown_options

if TYPE_CHECKING:
    from negotrack.plandiff.compare import PlanDiff, PointChange

__all__ = [
    "KIND_ORDER",
    "ChangeView",
    "Counterpart",
    "DiffView",
    "FigureView",
    "NotSame",
    "PositionView",
    "WordView",
]

KIND_ORDER = ("unchanged", "reworded", "renumbered", "moved", "added", "deleted", "split", "merged")
"""The order kinds are counted in, in the summary."""


class WordView(NamedTuple):
    """One run of the inline word diff: ``op`` is "equal", "insert" or "delete"."""

    op: str
    text: str


class FigureView(NamedTuple):
    """A number, sum, percentage or date that changed."""

    old: str
    new: str


class PositionView(NamedTuple):
    """A party's stance on the point, before and after (``party`` is its name)."""

    party: str
    old: str | None
    new: str | None


class ChangeView(NamedTuple):
    """What became of one point (or one member of a split or merge), ready to print."""

    kind: str
    kind_label: str
    anchor: str
    """The card's id, unique in the report: ``p-NEW-NUMBER`` for the first card of a new
    point, ``p-OLD-NUMBER-gone`` for a deleted one; a later piece of the same point adds
    ``-part-2``, ``-part-3``, ..."""
    old_ref: str | None
    """"us-28 #21", or None for an added point."""
    new_ref: str | None
    old_text: str | None
    new_text: str | None
    topic: str | None
    words: tuple[WordView, ...]
    figures: tuple[FigureView, ...]
    renumbered: bool
    similarity: float
    group: int | None
    group_label: str | None
    """For split and merge members: the whole group, e.g. "us-28 #5 → 20-point #3, #4"."""
    status_old: str | None
    status_new: str | None
    status_changed: bool
    """Whether the card says how the status changed: it differs between the versions,
    and was recorded (an added point that is only "proposed" by default has no line)."""
    positions: tuple[PositionView, ...]
    via: str
    """What matched the pair: "link", "key", "exact", "text", "split", "merge" or ""."""
    confidence: float
    """How sure the pairing is, 0..1 (ordinal); 0 for added and deleted points."""
    check: bool
    """Whether a person should check the pair (found by text, with a low confidence)."""
    status_old_key: str | None = None
    """The status value itself (``kept``), for styling; ``status_old`` is its label."""
    status_new_key: str | None = None
    counterparts: tuple[Counterpart, ...] = ()
    """For a deleted or added point: the candidates the matcher left unpaired (the text
    alone could not decide), every one, the most likely first, as
    (reference, anchor, confidence), e.g. ("minsk-2 #11", "p-minsk-2-11", 0.62): where it
    may continue (deleted) or come from (added), and how sure that pair is. For a pair to
    check (:attr:`check`): the other candidates of either of its points."""
    note: str | None = None
    """For a pair a curated link made: why a person linked it (the link's note)."""
    crossed: bool = False
    """For a piece of a split or merge: whether its group joins several old points to
    several new ones (a regrouping, with merged and split pieces both)."""
    old_options: tuple[WordView, ...] = ()
    """The old point's options (the bracketed alternatives it left open), in its order:
    ``op`` "delete" for one the new point dropped, else "equal"."""
    new_options: tuple[WordView, ...] = ()
    """The new point's options, in its order: ``op`` "insert" for one the old point did
    not have, else "equal". An added or deleted point's options are all "equal"."""
    options_changed: bool = False
    """Whether the pair's options changed (in any order, up to spacing): the card shows
    both sides' then, else the options once (:attr:`options`)."""
    options_listed: bool = False
    """Whether the options are shown as a list, one item each (:attr:`option_list`),
    rather than in a line joined by "or": when one of them, on either side, is a sentence
    or long (:func:`negotrack.views.options.listed`)."""
    not_same: tuple[NotSame, ...] = ()
    """The pairs a person turned down (``distinct`` curated links) that hold this card's
    point (either point of a pair), each as (old reference, new reference, anchor of the
    other point's card, whether that point is the new one, note), e.g. ("declaration
    #2.4", "agreement #2.1", "p-agreement-2.1", True, "The mechanism is Article 3's."):
    shown on the first card of each point, whatever became of it."""

    @property
    def curated(self) -> bool:
        """Whether a curated link made the pair."""
        return self.via == "link"

    @property
    def to_check(self) -> bool:
        """Whether a person should look at it: a pair found by text with a low confidence,
        or a deleted or added point with candidates the text could not decide."""
        return self.check or bool(self.counterparts)

    @property
    def heading(self) -> str:
        """ "us-28 #21 → 20-point #14", or the one side that exists."""
        if self.old_ref and self.new_ref:
            return f"{self.old_ref} → {self.new_ref}"
        return self.new_ref or self.old_ref or ""

    @property
    def options(self) -> tuple[WordView, ...]:
        """The options to show once, when they did not change: the new point's, or the
        old one's for a deleted point."""
        return self.new_options or self.old_options

    @property
    def option_list(self) -> tuple[WordView, ...]:
        """The options as one list, when :attr:`options_listed`: those that did not change
        are shown once (:attr:`options`); those that did, as the new point holds them, its
        added ones marked "insert", then the ones it dropped, marked "delete". A sentence
        kept is not written twice, as the line's "old → new" would write it."""
        if not self.options_changed:
            return self.options
        return self.new_options + tuple(w for w in self.old_options if w.op == "delete")

    @property
    def changed_words(self) -> bool:
        """Whether the word diff has anything but equal runs."""
        return any(w.op != "equal" for w in self.words)


@attrs.frozen
class DiffView:
    """A plan diff as the report shows it."""

    old_id: str
    old_label: str
    old_date: str
    new_id: str
    new_label: str
    new_date: str
    summary: tuple[tuple[str, str, int], ...]
    """(kind, label, count) in :data:`KIND_ORDER`, kinds with no change left out."""
    changes: tuple[ChangeView, ...]
    old_count: int
    new_count: int
    lang: Interface = attrs.field(default=ENGLISH, repr=False)
    """The interface language of its labels and dates."""
    content_lang: str | None = None
    """The plan's own language when it differs from the interface's, else None."""
    shows: tuple[tuple[str, str, int], ...] = ()
    """What the page can show alone, as (key, label, count): ``all`` the changes, those
    that ``changed`` (all but unchanged and renumbered points, when both kinds of change
    are there), each kind of :attr:`summary`, and those ``check``
    asks a person to look at (:attr:`ChangeView.to_check`, when any); none when there is
    no change."""
    terms: tuple[str, ...] = ()
    """The measures the report shows, for its legend to explain: ``confidence`` (when a
    pair is marked "check this" or a point has candidates, each with its confidence, or
    when the report sets its own cut, :attr:`threshold`),
    ``check`` (when the page counts changes "to check": pairs marked "check this" and
    points with candidates), ``candidates`` (when a deleted or added point names
    candidates), ``similarity`` (when a text changed), ``options`` (when a point has
    options, the alternatives still open), ``curated`` (when a curated link
    made a pair), ``pieces`` (when a split or merge is listed: its pieces count one each)
    and ``crossed`` (when a group joins several old points to several new ones), in that
    order."""
    check_below: float = CHECK_BELOW
    """The confidence below which a pair found by text is marked "check this"."""
    threshold: float | None = None
    """The cut text matching paired at when one was set for this report, else None."""

    @classmethod
    def build(
        cls,
        plan_diff: PlanDiff,
        *,
        lang: Interface = ENGLISH,
        content_lang: str | None = None,
    ) -> DiffView:
        """The view of ``plan_diff``, labelled in ``lang``; ``content_lang`` is the
        language the plan is written in, when known."""
        old, new = plan_diff.old, plan_diff.new
        changes = plan_diff.changes
        found = groups(changes, old.id, new.id)
        views = unique_anchors(
            [
                _change(
                    c, old.id, new.id, found.get(c.group) if c.group is not None else None, lang
                )
                for c in changes
            ]
        )
        anchors = [v.anchor for v in views] if plan_diff.candidates or plan_diff.distinct else []
        if plan_diff.candidates:
            views = tuple(
                v._replace(counterparts=k) if k else v
                for v, k in zip(
                    views, counterparts(plan_diff, anchors, old.id, new.id), strict=True
                )
            )
        if plan_diff.distinct:
            views = tuple(
                v._replace(not_same=k) if k else v
                for v, k in zip(views, not_same(plan_diff, anchors, old.id, new.id), strict=True)
            )
        counts = dict(plan_diff.summary)
        # KIND_ORDER lists every ChangeKind (a test holds it to that).
        summary = tuple(
            (k, lang.counted("change", k, counts[k]), counts[k])
            for k in KIND_ORDER
            if counts.get(k)
        )
        if content_lang is not None and content_lang.split("-")[0].lower() == lang.code:
            content_lang = None
        return cls(
            old_id=old.id,
            old_label=old.label,
            old_date=lang.plain_date(old.date),
            new_id=new.id,
            new_label=new.label,
            new_date=lang.plain_date(new.date),
            summary=summary,
            shows=_shows(summary, views, lang),
            terms=_terms(views, plan_diff.threshold),
            changes=views,
            old_count=len(old.points),
            new_count=len(new.points),
            lang=lang,
            content_lang=content_lang,
            threshold=plan_diff.threshold,
        )

    @property
    def title(self) -> str:
        """The report's title: "US 28-point draft → 20-point framework"."""
        return f"{self.old_label} → {self.new_label}"


def _shows(
    summary: tuple[tuple[str, str, int], ...], views: Sequence[ChangeView], lang: Interface
) -> tuple[tuple[str, str, int], ...]:
    """:attr:`DiffView.shows`."""
    if not views:
        return ()
    out = [("all", lang.pgettext("changes shown", "all"), len(views))]
    same = sum(1 for v in views if v.kind in ("unchanged", "renumbered"))
    if 0 < same < len(views):
        n = len(views) - same
        out.append(("changed", lang.npgettext("changes shown", "changed", "changed", n), n))
    out.extend(summary)  # one kind alone still says what the changes are
    check = sum(1 for v in views if v.to_check)
    if check:
        out.append(("check", lang.pgettext("changes shown", "to check"), check))
    return tuple(out)


def _terms(views: Sequence[ChangeView], threshold: float | None) -> tuple[str, ...]:
    """:attr:`DiffView.terms` (confidence too when a cut was set: the legend says it)."""
    found = (
        ("confidence", threshold is not None or any(v.check or v.counterparts for v in views)),
        ("check", any(v.to_check for v in views)),
        ("candidates", any(v.counterparts for v in views)),
        ("similarity", any(v.changed_words for v in views)),
        ("options", any(v.old_options or v.new_options for v in views)),
        ("curated", any(v.curated or v.not_same for v in views)),
        ("pieces", any(v.kind in {"split", "merged"} for v in views)),
        ("crossed", any(v.crossed for v in views)),
    )
    return tuple(term for term, used in found if used)


def _value(x: Any) -> str | None:
    if x is None:
        return None
    return str(getattr(x, "value", x))


_DEFAULT_STATUS = str(attrs.fields(Point).status.default)
"""The status a point has when none was written for it ("proposed")."""


def _status_shown(c: PointChange, s_old: str | None, s_new: str | None) -> bool:
    """Whether the card says how the point's status changed: it differs between the two
    versions, and it is not only the default of a new point nobody recorded a status for.
    A point added in the new version had no status before, and is "proposed" as tabled
    unless a status was written or logged for it: "— → proposed" on every added point
    would read as a fact no source gave."""
    if s_new is None or s_old == s_new:
        return False
    if c.old is None and c.new is not None:
        return not (s_new == _DEFAULT_STATUS and str(c.new.status) == _DEFAULT_STATUS)
    return True


def _change(
    c: PointChange, old_id: str, new_id: str, group: Group | None, lang: Interface
) -> ChangeView:
    kind = _value(c.kind) or "unchanged"
    status = c.status
    s_old = _value(status.old) if status is not None else None
    s_new = _value(status.new) if status is not None else None
    if c.new is not None:
        point_anchor = anchor("p", f"{new_id}-{c.new.number}")
    else:
        assert c.old is not None  # a change always has at least one side
        point_anchor = anchor("p", f"{old_id}-{c.old.number}-gone")
    olds, news, options_listed = shown_options(c.old, c.new)
    topic = (c.new.topic if c.new is not None else None) or (
        c.old.topic if c.old is not None else None
    )
    return ChangeView(
        kind=kind,
        kind_label=lang.term("change", kind),
        anchor=point_anchor,
        old_ref=f"{old_id} #{c.old.number}" if c.old is not None else None,
        new_ref=f"{new_id} #{c.new.number}" if c.new is not None else None,
        old_text=c.old.text if c.old is not None else None,
        new_text=c.new.text if c.new is not None else None,
        topic=topic,
        words=tuple(
            [WordView(op, text) for op, text in shown_runs((w.op, w.text) for w in c.words)]
        ),
        figures=tuple([FigureView(f.old, f.new) for f in c.figures]),
        renumbered=bool(c.renumbered),
        similarity=float(c.similarity),
        group=c.group,
        group_label=group.label if group is not None else None,
        status_old=lang.term("status", s_old) if s_old else None,
        status_new=lang.term("status", s_new) if s_new else None,
        status_changed=_status_shown(c, s_old, s_new),
        positions=tuple(
            PositionView(
                str(p.name or p.party),
                lang.term("stance", p.old) if p.old is not None else None,
                lang.term("stance", p.new) if p.new is not None else None,
            )
            for p in c.positions
        ),
        via=str(c.matched_by),
        confidence=float(c.confidence),
        check=bool(c.check),
        status_old_key=s_old,
        status_new_key=s_new,
        note=c.note,
        crossed=group is not None and group.crossed,
        old_options=tuple([WordView(*r) for r in olds]) if olds else (),
        new_options=tuple([WordView(*r) for r in news]) if news else (),
        options_changed=c.options_changed,
        options_listed=options_listed,
    )
