"""What became of every point between two versions of a plan.

:func:`diff` aligns the points of an old and a new :class:`~negotrack.PlanVersion` and
classifies each: unchanged, renumbered, reworded, moved, added, deleted, split or merged.
Alignment goes from the most to the least trusted evidence:

1. curated links (``links=``, and the plan's own links when a dossier is given): the
   curated truth always wins, even over keys; one old point linked to several new ones is
   a split, several old points linked to one new one a merge;
2. shared lineage ``key``\\ s (one point's key on several of the other version: a split);
3. exact duplicate texts (up to spacing), never of two points a person kept apart (placed
   on different lines, :func:`~negotrack.plandiff.align.placed`, or a ``distinct`` link's
   pair), which text matching keeps apart too;
4. text similarity: stems weighted by rarity, each pair judged against what unrelated
   points of the same two versions score, mutual best pairs first, then the points facing
   each other between pairs that keep their order, then the pieces of splits and merges
   (see :mod:`negotrack.plandiff.match`).

Each change says what matched it (``matched_by``) and how sure that is (``confidence``).

A matched pair is *moved* when it is not on the longest increasing subsequence of matched
pairs (so one insertion does not mark everything after it as moved). A pair with the same
text but other options (bracketed alternatives) is reworded (:mod:`.options`); options
never decide the pairing. Reworded pairs carry an inline word diff and the figures that
changed; with a dossier, every change also carries the point's status as of each version's
date and the parties' changed positions.

The result is a frozen :class:`PlanDiff`; rendering it is :mod:`negotrack.render.renderer`'s job.
"""

from __future__ import annotations

import itertools
import operator
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

import attrs

from negotrack.core.collector import collector_paused
from negotrack.core.confidence import out_of_range
from negotrack.core.model import PlanVersion, Point, PointLink, Status
from negotrack.core.refs import PointRef
from negotrack.errors import DossierError, Problem
from negotrack.plandiff import align as _align
from negotrack.plandiff import moves as _moves
from negotrack.plandiff.changes import (
    CHECK_BELOW,
    DEFAULT_THRESHOLD,
    Candidate,
    ChangeKind,
    DistinctPair,
    FigureChange,
    GroupFigures,
    MatchedBy,
    PlanDiff,
    PointChange,
    PositionDelta,
    StatusDelta,
)
from negotrack.plandiff.figure_words import figure_language
from negotrack.plandiff.link_notes import distinct_pairs, with_notes
from negotrack.plandiff.options import same_options
from negotrack.plandiff.spacing import same_pair_text
from negotrack.plandiff.tokens import WordOp, words

if TYPE_CHECKING:
    from collections.abc import Mapping

    from negotrack.core.dates import Moment
    from negotrack.core.model import Participant, Plan, Position

__all__ = [
    "CHECK_BELOW",
    "DEFAULT_THRESHOLD",
    "Candidate",
    "ChangeKind",
    "DistinctPair",
    "DossierLike",
    "FigureChange",
    "MatchedBy",
    "PlanDiff",
    "PointChange",
    "PositionDelta",
    "StatusDelta",
    "WordOp",
    "diff",
]


class DossierLike(Protocol):
    """What :func:`diff` needs of a dossier: the plan a version belongs to, a point's status
    and the parties' positions as of a date, and participants' names.
    :class:`negotrack.Dossier` is one; the diff engine imports nothing above its layer."""

    def plan_of(self, version_id: str) -> Plan: ...

    def status_of(self, ref: str, as_of: Moment | None = None) -> Status | None: ...

    def positions(self, ref: str, as_of: Moment | None = None) -> Mapping[str, Position]: ...

    def participant(self, id: str) -> Participant: ...

    @property
    def language(self) -> str | None:
        """The language the dossier is written in, a language tag, or None."""


# -- building the changes -----------------------------------------------------------------


def _contained_share(piece: Sequence[str], whole: Sequence[str]) -> float:
    """The share of ``piece``'s words (with repeats) that occur in ``whole``."""
    if not piece:
        return 1.0
    distinct = set(piece)
    if len(distinct) == len(piece):  # no word twice (most pieces): each counts once if held
        return len(distinct.intersection(whole)) / len(piece)
    mine, held = Counter(piece), Counter(whole)
    kept: int = sum(map(min, mine.values(), map(held.get, mine, itertools.repeat(0))))
    return kept / len(piece)


def _pair_change(
    o: Point, n: Point, via: str, on_lis: bool, confidence: float, language: str | None
) -> PointChange:
    renumbered = o.number != n.number
    # The fields up to ``confidence`` are given by position (group None): keywords cost a
    # fifth of a change's making, and a pair is made for most points.
    if same_pair_text(o, n, via):
        if not same_options(o.options, n.options):
            # Other alternatives still open are another wording under negotiation: the
            # point changed, though its text did not (options never decide the pairing).
            kind = ChangeKind.REWORDED if on_lis else ChangeKind.MOVED
        elif not on_lis:
            kind = ChangeKind.MOVED
        else:
            kind = ChangeKind.RENUMBERED if renumbered else ChangeKind.UNCHANGED
        return PointChange(kind, o, n, 1.0, None, renumbered, via, confidence)
    kind = ChangeKind.REWORDED if on_lis else ChangeKind.MOVED
    if language is None:
        change = PointChange(kind, o, n, 0.0, None, renumbered, via, confidence)
    else:
        change = PointChange(kind, o, n, 0.0, None, renumbered, via, confidence, language=language)
    change.measure_later()  # the share of words kept, when first read
    return change


def _piece(
    kind: ChangeKind,
    o: Point,
    n: Point,
    via: str,
    group: int,
    confidence: float,
    tokens: tuple[Sequence[str] | None, Sequence[str] | None],
    figures: GroupFigures,
    language: str | None,
) -> PointChange:
    """One member of a split or merge; ``tokens`` are the old and new points' words, when
    text matching has them already; ``figures``, the group's changed figures."""
    ws = (
        words(o.text) if tokens[0] is None else tokens[0],
        words(n.text) if tokens[1] is None else tokens[1],
    )
    piece, whole = (ws[1], ws[0]) if kind is ChangeKind.SPLIT else ws
    share = _contained_share(piece, whole)
    return PointChange(
        kind,
        o,
        n,
        share,
        group=group,
        renumbered=o.number != n.number,
        matched_by=via,
        confidence=confidence,
        group_figures=figures,
        language=language,
    )


def _members(
    olds: tuple[int, ...], news: tuple[int, ...], crossed: tuple[tuple[int, int], ...] | None
) -> list[tuple[ChangeKind, int, int]]:
    """A group's members as (kind, old, new): a merge's pieces into their whole, a split's
    whole into its pieces. A many-to-many group of curated links (``crossed``) has those
    links as its members, each part of a merger where its new point has more than one old
    point in the group, else part of a split: a reader sees the lineage that was linked,
    not a whole and pieces the links never said."""
    if crossed is not None:
        into = Counter(j for _, j in crossed)
        return [(ChangeKind.MERGED if into[j] > 1 else ChangeKind.SPLIT, i, j) for i, j in crossed]
    if len(news) == 1:
        return [(ChangeKind.MERGED, i, news[0]) for i in olds]
    return [(ChangeKind.SPLIT, olds[0], j) for j in news]


def _versions(**given: object) -> None:
    """Refuse what is not a version, naming what to pass: a version id given here (as
    ``Dossier.diff`` takes them) failed deep inside as a bare ``AttributeError``."""
    problems = [
        Problem(
            f"must be a PlanVersion, found {type(value).__name__} {value!r}",
            name,
            hint=(
                f"give the version itself, d.version({value!r}), or diff by id: d.diff(OLD, NEW)"
                if isinstance(value, str)
                else "give the version itself, d.version(ID)"
            ),
        )
        for name, value in given.items()
        if not isinstance(value, PlanVersion)
    ]
    if problems:
        raise DossierError(problems)


def diff(
    old: PlanVersion,
    new: PlanVersion,
    *,
    links: Iterable[PointLink] = (),
    dossier: DossierLike | None = None,
    threshold: float | None = None,
    language: str | None = None,
) -> PlanDiff:
    """What became of every point of ``old`` in ``new``.

    ``links`` adds curated lineage (``PointLink("us-28#12", "geneva#9")``); with a
    ``dossier``, the plan's own links are used too, and every change carries the point's
    status and the parties' positions as of each version's date.

    ``threshold`` (above 0, at most 1), when given, is the least ``confidence`` at which
    text matching pairs two points, instead of the default cut (:data:`DEFAULT_THRESHOLD`),
    which the matcher calibrates on the two versions at hand. A stricter one only takes
    pairs away (they become ``candidates``), a looser one only adds pairs among the points
    the default leaves over; a pair made at both has the same confidence.

    ``language`` (a language tag, "es") is the language the points are written in: text
    matching stems words by its rules (Snowball's, for the languages it has; English
    otherwise). It defaults to the ``dossier``'s declared language.
    """
    _versions(old=old, new=new)
    why = None if threshold is None else out_of_range(threshold, zero=False)
    if why is not None:
        raise DossierError(f"threshold {why}", hint=f"the default is {DEFAULT_THRESHOLD}")
    curated = list(links)
    if dossier is not None:
        plans = {dossier.plan_of(old.id).id: dossier.plan_of(old.id)}
        plans.setdefault(dossier.plan_of(new.id).id, dossier.plan_of(new.id))
        for plan in plans.values():
            curated.extend(plan.links)
    # Matching makes tens of thousands of small objects and no cycles: the cyclic collector
    # would walk them again and again (some 5-8% of a 2,000-point diff).
    with collector_paused():
        if language is None and dossier is not None:
            language = dossier.language
        alignment = _align.align(old, new, curated, threshold, language)
        changes = _arrange(old, new, alignment, figure_language(language))
        if curated:
            changes = with_notes(changes, curated, old.id, new.id)
        doubts = alignment.doubts
        # The alignment's thousands of tuples (pairs, words) are let go while the collector
        # is still paused: freed later, they would all be walked by its first collection.
        del alignment
        if dossier is not None:
            changes = [_with_dossier(c, old, new, dossier) for c in changes]
    unsure = tuple(
        Candidate(old.points[i], new.points[j], confidence) for i, j, confidence in doubts
    )
    distinct = distinct_pairs(curated, old, new) if curated else ()
    return PlanDiff(old, new, tuple(changes), unsure, threshold, distinct)


def _unpaired(kind: ChangeKind, o: Point | None, n: Point | None, linked: bool) -> PointChange:
    """A deleted or added point: curated (a link says it has no counterpart, as sure as
    any link) or only left over by matching."""
    if linked:
        return PointChange(kind, o, n, 0.0, matched_by="link", confidence=1.0)
    return PointChange(kind, o, n, 0.0, matched_by="", confidence=0.0)


def _arrange(
    old: PlanVersion, new: PlanVersion, align: _align.Alignment, language: str | None
) -> list[PointChange]:
    """Every change, in the new version's reading order, deletions where they stood;
    ``language``, that of the texts' figures when not English's alone."""
    ops, nps = old.points, new.points
    stable = _moves.stable(old, new, align.pairs, align.groups)
    # What stands at each new point: its pair's change (most points), or the changes of
    # its group's members (several for a merge, by old index), else it was added; then
    # the deletions that followed it in the old version, in old order.
    paired: list[PointChange | None] = [None] * len(nps)
    members: dict[int, list[tuple[int, int, PointChange]]] = {}
    after: dict[int, list[PointChange]] = {}
    anchor: dict[int, int] = {}  # old index -> new index it stands at now, if not moved
    sure = align.confidence.get  # align.sure written out: a call fewer per pair
    for i, (j, via) in align.pairs.items():
        kept = i in stable
        paired[j] = _pair_change(ops[i], nps[j], via, kept, sure((i, j), 1.0), language)
        if kept:
            anchor[i] = j
    known = align.words
    # Groups are numbered 1, 2, ... in order of first appearance, which is known now: a
    # group first appears at its first new point, where no pair and no other group stands
    # (only deletions, placed after its pieces).
    first = sorted(range(len(align.groups)), key=lambda g: min(align.groups[g][1]))
    numbers = {g: number for number, g in enumerate(first, start=1)}
    for g, (olds, news, via) in enumerate(align.groups):
        # A group's pieces stand together where its first new point stands, even when the
        # new version put its pieces apart (a curated split into #4 and #12): a reader sees
        # one split, not two halves with other points, deleted ones among them, between.
        at = min(news)
        parts = _members(olds, news, align.crossed.get(g))
        figures = GroupFigures([(ops[i], nps[j]) for _, i, j in parts], language)
        for kind, i, j in parts:
            tokens = (known.get(ops[i].text), known.get(nps[j].text))
            confidence = sure((i, j), 1.0)
            change = _piece(
                kind, ops[i], nps[j], via, numbers[g], confidence, tokens, figures, language
            )
            members.setdefault(at, []).append((j, i, change))
        for i in olds:
            # after the pieces: nothing deleted stands between a split's pieces
            anchor[i] = at
    grouped_new = {j for _, news, _ in align.groups for j in news}
    out: list[PointChange] = []  # the deletions before any point kept, then in new order
    last = -1
    for i, point in enumerate(ops):
        if i in anchor:
            last = anchor[i]
        elif i not in align.pairs and i not in align.grouped_old:
            change = _unpaired(ChangeKind.DELETED, point, None, i in align.alone_old)
            if last < 0:
                out.append(change)
            else:
                after.setdefault(last, []).append(change)
    for j, pair in enumerate(paired):
        if pair is not None:
            out.append(pair)
        elif j in members:
            out += [c for _, _, c in sorted(members[j], key=operator.itemgetter(0, 1))]
        elif j in grouped_new:
            pass  # a later piece of a group, listed with its first
        else:
            out.append(_unpaired(ChangeKind.ADDED, None, nps[j], j in align.alone_new))
        if j in after:
            out += after[j]
    return out


def _with_dossier(
    change: PointChange, old: PlanVersion, new: PlanVersion, dossier: DossierLike
) -> PointChange:
    """``change`` with the point's status and the parties' positions as of each version's
    date (positions only where a party's stance differs)."""
    old_ref = PointRef.format(old.id, change.old.number) if change.old is not None else None
    new_ref = PointRef.format(new.id, change.new.number) if change.new is not None else None
    # A point the new version dropped keeps a status of its own (often "deleted"): show
    # the old point's status as of the new version's date.
    later_ref = new_ref or old_ref
    status = StatusDelta(
        dossier.status_of(old_ref, as_of=old.date) if old_ref else None,
        dossier.status_of(later_ref, as_of=new.date) if later_ref else None,
    )
    before = dossier.positions(old_ref, as_of=old.date) if old_ref else {}
    after = dossier.positions(new_ref, as_of=new.date) if new_ref else {}
    deltas = []
    for party in sorted(before.keys() | after.keys()):
        a = before[party].stance if party in before else None
        b = after[party].stance if party in after else None
        if a != b:
            deltas.append(PositionDelta(party, a, b, _name(dossier, party)))
    return attrs.evolve(change, status=status, positions=tuple(deltas))


def _name(dossier: DossierLike, party: str) -> str | None:
    try:
        return dossier.participant(party).name
    except KeyError:
        return None
