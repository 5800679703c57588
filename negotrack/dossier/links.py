"""The review loop: the matcher proposes, a person decides, the dossier remembers.

:meth:`Linking.suggest_links` lists the pairs text matching found between two versions
that no curated link, key or identical text vouches for, least sure first, so a person
checks the doubtful ones before the rest. :meth:`Linking.link` pins a pair as a curated
:class:`~negotrack.core.model.PointLink` of the plan (curated links win over everything
in every diff); :meth:`Linking.unlink` removes it. :meth:`Linking.accept_suggestions`
pins at once what text matching paired at a given confidence, each split or merge whole
or not at all. A link keeps the rules of :mod:`negotrack.dossier.link_rules` (two
versions, the older first, no contradiction), or is refused.

"No successor" and "no predecessor" are links too: a *bare version id* on one side says
the point has no counterpart in that version. ``d.link("us-28#21a", "20-point")`` pins
us-28 #21a as deleted in 20-point; ``d.link("us-28", "20-point#7")`` pins 20-point #7 as
added. Text matching leaves such points alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from negotrack.core.confidence import cut_down, out_of_range
from negotrack.core.model import Plan, PlanVersion, Point, PointLink
from negotrack.core.refs import PointRef
from negotrack.dossier.link_rules import VersionOrder, conflicts, describe, pair_problem
from negotrack.dossier.suggestions import (
    CANDIDATE,
    FOUND_BY_TEXT,
    LinkSuggestion,
    Suggestions,
)
from negotrack.errors import DossierError, NegotrackError, Problem

if TYPE_CHECKING:
    from collections.abc import Sequence

    from negotrack.plandiff.compare import PlanDiff

__all__ = ["CANDIDATE", "FOUND_BY_TEXT", "LinkSuggestion", "Linking", "Suggestions"]


class _Host(Protocol):
    """What the mixin needs of the dossier it is part of."""

    @property
    def plans(self) -> tuple[Plan, ...]: ...

    @property
    def language(self) -> str | None: ...

    def diff(self, old: str, new: str, *, threshold: float | None = None) -> PlanDiff: ...

    def plan_of(self, version_id: str) -> Plan: ...

    def version(self, id: str) -> PlanVersion: ...

    def resolve(self, ref: str) -> tuple[PlanVersion, Point]: ...

    def link_end(self, end: str) -> PlanVersion: ...

    def _apply(self, **fields: tuple[Any, ...]) -> None: ...


class Linking:
    """The review loop's methods of :class:`negotrack.Dossier` (a mixin: it uses the
    dossier's lookups and its validated ``_apply``)."""

    def suggest_links(
        self: _Host,
        old: str,
        new: str,
        *,
        min_confidence: float = 0.0,
        threshold: float | None = None,
    ) -> Suggestions:
        """The pairs between versions ``old`` and ``new`` that only text matching vouches
        for, and the candidates it left unpaired (``matched_by="candidate"``: a deleted or
        added point's best candidates, which the text alone could not decide, and the best
        of those facing it in its place), at least
        ``min_confidence`` sure, least sure first (ties in the new version's reading order,
        candidates in the old version's), as a list (:class:`Suggestions`, which a
        notebook shows with both texts of each pair). ``min_confidence`` is from 0 to 1 (a
        :class:`~negotrack.DossierError` otherwise); ``threshold`` is passed to the diff
        (see :func:`negotrack.diff`)."""
        why = out_of_range(min_confidence, zero=True)
        if why is not None:
            raise DossierError(
                [Problem(why, "min_confidence", hint="0 lists every pair and candidate")]
            )
        _linkable(self, old, new, "suggested")
        d = self.diff(old, new, threshold=threshold)
        # (old point, new point, confidence, matched_by), in the diff's order, candidates last
        found = [
            (c.old, c.new, c.confidence, c.matched_by)
            for c in d.changes
            if c.old is not None and c.new is not None and c.matched_by in FOUND_BY_TEXT
        ]
        found += [(k.old, k.new, k.confidence, CANDIDATE) for k in d.candidates]
        every = [
            LinkSuggestion(
                PointRef.format(old, o.number), PointRef.format(new, n.number), sure, matched_by
            )
            for o, n, sure, matched_by in found
        ]
        # Each point text matching paired, with its pairs: what pinning a candidate undoes.
        taken: dict[str, list[LinkSuggestion]] = {}
        for s in every:
            if s.paired:
                taken.setdefault(s.old, []).append(s)
                taken.setdefault(s.new, []).append(s)
        # Each point a link pairs with a point: pinning a candidate that names it too makes
        # a split or a merger (the link stays).
        linked: dict[str, list[str]] = {}
        for c in d.changes:
            if c.matched_by == "link" and c.old is not None and c.new is not None:
                ends = (PointRef.format(old, c.old.number), PointRef.format(new, c.new.number))
                linked.setdefault(ends[0], []).append(ends[1])
                linked.setdefault(ends[1], []).append(ends[0])
        # The points text matching left alone, with nothing to offer, that no link settled.
        offered = {s.old for s in every} | {s.new for s in every}
        deleted = [c.old.number for c in d.changes if c.old and not c.new and not c.matched_by]
        added = [c.new.number for c in d.changes if c.new and not c.old and not c.matched_by]
        left = (
            tuple(r for n in deleted if (r := PointRef.format(old, n)) not in offered),
            tuple(r for n in added if (r := PointRef.format(new, n)) not in offered),
        )
        out = sorted(
            ((s.confidence, k, s) for k, s in enumerate(every) if s.confidence >= min_confidence),
            key=lambda t: t[:2],
        )
        return Suggestions(
            (s for _, _, s in out),
            old=d.old,
            new=d.new,
            language=self.language,
            taken={ref: tuple(pairs) for ref, pairs in taken.items()},
            linked={ref: tuple(others) for ref, others in linked.items()},
            left=left,
        )

    def accept_suggestions(
        self: _Host,
        old: str,
        new: str,
        *,
        min_confidence: float = 0.0,
        threshold: float | None = None,
    ) -> list[PointLink]:
        """Pin the pairs text matching made from version ``old`` to ``new`` (the older
        first) that are at least ``min_confidence`` sure, as curated links noted
        "accepted suggestion (KIND, CONFIDENCE)"; return them, least sure first.

        A split or merge found by text is pinned whole or not at all: all its pieces when
        every piece reaches ``min_confidence``, none otherwise, since half of one pinned
        would turn the rest into a curated reworded pair and an added (or deleted) point.
        Candidates the matcher left unpaired are never pinned: decide those with
        :meth:`link`. All the links are added in one validated change."""
        why = out_of_range(min_confidence, zero=True)
        if why is not None:
            raise DossierError([Problem(why, "min_confidence", hint="0 accepts every pair")])
        plan = _linkable(self, old, new, "accepted")
        d = self.diff(old, new, threshold=threshold)
        # (old point, new point, confidence, matched_by, group), in the diff's order
        found = [
            (c.old, c.new, c.confidence, c.matched_by, c.group)
            for c in d.changes
            if c.old is not None and c.new is not None and c.matched_by in FOUND_BY_TEXT
        ]
        weakest: dict[int | None, float] = {}  # a split's or merge's least sure piece
        for *_, confidence, _, group in found:
            if group is not None:
                weakest[group] = min(confidence, weakest.get(group, 1.0))
        chosen = sorted(
            (confidence, k, o, n, matched_by)
            for k, (o, n, confidence, matched_by, group) in enumerate(found)
            if weakest.get(group, confidence) >= min_confidence
        )
        links = [
            PointLink(
                PointRef.format(old, o.number),
                PointRef.format(new, n.number),
                f"accepted suggestion ({matched_by}, {cut_down(confidence):.2f})",
            )
            for confidence, _, o, n, matched_by in chosen
        ]
        if links:
            _replace(self, plan, attrs.evolve(plan, links=(*plan.links, *links)))
        return links

    def link(
        self: _Host,
        old_ref: str,
        new_ref: str,
        note: str | None = None,
        *,
        distinct: bool = False,
    ) -> PointLink:
        """Pin ``old_ref`` -> ``new_ref`` as curated lineage (a bare version id on one side:
        no successor or no predecessor there). Linking a pair already linked changes only
        its note: to ``note`` when one is given, none when it is empty (``""``); without
        ``note`` the link keeps the one it has (a person's reasons are not dropped by
        linking again).

        With ``distinct=True`` the link turns the pair down instead: the two points are
        not the same point, and text matching neither pairs them nor offers one for the
        other (a candidate that is wrong, when the right counterpart is not known yet).
        Both ends must name points.

        Refused (:class:`~negotrack.DossierError`, the dossier unchanged) when an end names
        nothing (the problem's path is ``old_ref`` or ``new_ref``), when both ends are in
        one version or ``old_ref`` is in the newer one (see
        :mod:`negotrack.dossier.link_rules`), and when a link of the plan contradicts it:
        "no successor" for a point linked to one there, or the other way round, or the
        pair linked both ways, as one point and as distinct (the problem is placed at that
        link, ``$.plans[i].links[k]``: unlink it first if the new link is right)."""
        _texts(old_ref=old_ref, new_ref=new_ref, note=note)
        link = PointLink(old_ref, new_ref, note or None, distinct=distinct)
        plan = _plan_of_ends(self, link)
        bad = pair_problem(link, VersionOrder(plan))
        if bad is not None:
            end, message, hint = bad
            raise DossierError([Problem(message, f"{end}_ref", hint=hint)])
        i = self.plans.index(plan)
        against = conflicts(link, plan.links)
        if against:
            unlink = "if the new link is right, remove this one first: `negotrack unlink`,"
            unlink += " Dossier.unlink, or"
            raise DossierError(
                [
                    Problem(
                        f"{describe(plan.links[k])} contradicts the new link {describe(link)}",
                        f"$.plans[{i}].links[{k}]",
                        hint=f"{unlink} delete it from the file",
                    )
                    for k in against
                ]
            )
        same = [k for k, had in enumerate(plan.links) if (had.old, had.new) == (old_ref, new_ref)]
        if not same:
            _replace(self, plan, attrs.evolve(plan, links=(*plan.links, link)))
            return link
        if note is None:  # keep the note, or a copy's written by hand after it
            noted = [plan.links[k] for k in same if plan.links[k].note is not None]
            link = noted[0] if noted else plan.links[same[0]]
        # Linked again: the link stays where it was in the file (copies written by hand
        # after it go).
        links = [
            link if k == same[0] else had
            for k, had in enumerate(plan.links)
            if k == same[0] or k not in same
        ]
        _replace(self, plan, attrs.evolve(plan, links=links))
        return link

    def unlink(self: _Host, old_ref: str, new_ref: str) -> PointLink:
        """Remove the curated link ``old_ref`` -> ``new_ref`` (a pair, a distinct pair,
        or "no successor" / "no predecessor"); it must exist. Refused as
        :meth:`link` refuses its ends (a :class:`~negotrack.DossierError` at ``old_ref`` or
        ``new_ref``: an end that names nothing, ends in two plans), else at the plan's
        links, naming the links at its points."""
        _texts(old_ref=old_ref, new_ref=new_ref)
        link = PointLink(old_ref, new_ref)
        plan = _plan_of_ends(self, link)
        found = [k for k in plan.links if (k.old, k.new) == (old_ref, new_ref)]
        if not found:
            raise DossierError(
                [
                    Problem(
                        f"no curated link {old_ref} -> {new_ref} in plan {plan.id!r}",
                        f"$.plans[{self.plans.index(plan)}].links",
                        hint=_links_near(plan.links, old_ref, new_ref),
                    )
                ]
            )
        kept = tuple(k for k in plan.links if (k.old, k.new) != (old_ref, new_ref))
        _replace(self, plan, attrs.evolve(plan, links=kept))
        return found[0]


_LISTED = 6
"""Up to this many links, a link that is not there is answered with all of them."""


def _links_near(links: Sequence[PointLink], *ends: str) -> str:
    """What to unlink instead: the links at the points given (a number mistyped, the
    other end misremembered), else every link when there are few, else how many there
    are (a plan of fifty links listed in one line helps no one)."""
    points = [end for end in ends if PointRef.names_point(end)]
    at = " or ".join(points)
    near = [k for k in links if k.old in points or k.new in points]
    if near:
        return f"the links at {at}: " + ", ".join(f"{k.old} -> {k.new}" for k in near)
    if len(links) <= _LISTED:
        return "its links: " + (", ".join(f"{k.old} -> {k.new}" for k in links) or "none")
    return f"none of its {len(links)} links is at {at}"


def _texts(**given: object) -> None:
    """Refuse arguments that must be text (``None`` allowed for a note) and are not: a
    note stored as a number would be saved, and break every diff of the plan after."""
    problems = [
        Problem(f"must be text, found {type(value).__name__} {value!r}", name)
        for name, value in given.items()
        if not isinstance(value, str) and not (name == "note" and value is None)
    ]
    problems += [
        Problem(f"is not valid Unicode text (a lone surrogate): {value!r}", name)
        for name, value in given.items()
        if isinstance(value, str) and _SURROGATE.search(value)
    ]
    if problems:
        raise DossierError(problems)


_SURROGATE = re.compile("[\ud800-\udfff]")
"""Half of a UTF-16 pair, alone: no file can hold it."""


def _linkable(host: _Host, old: str, new: str, what: str) -> Plan:
    """The plan of versions ``old`` and ``new`` when links may join them (two versions of
    one plan, the older first); else a :class:`~negotrack.DossierError`: suggestions for
    them could never be pinned."""
    plan = host.plan_of(old)
    backwards = VersionOrder(plan).backwards(old, new)
    if plan is not host.plan_of(new) or backwards is not None or old == new:
        if old == new:
            why = "that is one version twice"
        else:
            why = backwards or "they are not two versions of one plan"
        raise DossierError(
            [
                Problem(
                    f"no links can be {what} from {old!r} to {new!r}: {why}",
                    "old",
                    hint="give the older version of the plan first, then the newer",
                )
            ]
        )
    return plan


def _needs_point(link: PointLink) -> None:
    if not PointRef.names_point(link.old) and not PointRef.names_point(link.new):
        raise DossierError(
            f"a link needs a point on at least one side, found {link.old!r} -> {link.new!r}",
            hint="write points as VERSION#NUMBER, like 'us-28#12'",
        )


def _plan_of_ends(host: _Host, link: PointLink) -> Plan:
    """The plan both ends of ``link`` are in; each end that names no point or version of
    it is a problem placed at its argument (``old_ref``, ``new_ref``)."""
    _needs_point(link)
    problems: list[Problem] = []
    plans: list[Plan] = []
    for name, ref in (("old_ref", link.old), ("new_ref", link.new)):
        try:
            plans.append(host.plan_of(host.link_end(ref).id))
        except NegotrackError as exc:
            problems.extend(Problem(p.message, name, hint=p.hint) for p in exc.problems)
    if problems:
        raise DossierError(problems)
    old_plan, new_plan = plans
    if old_plan is not new_plan:
        raise DossierError(
            [
                Problem(
                    f"{link.new!r} is in plan {new_plan.id!r}, {link.old!r} in {old_plan.id!r}",
                    "new_ref",
                    hint="a link joins versions of one plan",
                )
            ]
        )
    return old_plan


def _replace(host: _Host, plan: Plan, new_plan: Plan) -> None:
    host._apply(plans=tuple(new_plan if p is plan else p for p in host.plans))
