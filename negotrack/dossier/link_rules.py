"""What a curated link may say: the rules :meth:`Dossier.link` refuses by and validation
reports, so a hand-edited file and a scripted ``negotrack link`` meet the same rules.

A link joins two versions of one plan, the older first: ``old`` is in the version the
other derives from (directly or through others, by ``derived_from``) or, when neither
derives from the other, the one listed first in the plan (``Plan.versions`` is in order).
Within one version it says nothing a diff could use (``diff(v, v)`` would report a
reworded pair), and backwards it would be read forwards all the same.

Links must not contradict each other: "no successor in V" for a point with a linked
successor in V (or the other way round) leaves a diff to follow one and drop the other
silently; the same holds for "no predecessor", and for a pair linked both as one point and
as ``distinct`` (not the same point). Linking the same pair twice is not a contradiction:
:meth:`Dossier.link` changes its note. A ``distinct`` link names two points: "not this one"
says nothing of a whole version.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from negotrack.core.model import Plan, PointLink
from negotrack.core.refs import PointRef
from negotrack.errors import Problem

__all__ = ["VersionOrder", "check_rules", "conflicts", "describe", "pair_problem"]

Key = tuple[str, str, str]
"""(``"after"`` or ``"before"``, point reference, version id): what a link says of a
point's counterpart in one other version; or (``"pair"``, old reference, new reference):
what it says of a pair of points."""


def describe(link: PointLink) -> str:
    """The link as a person reads it: ``a#1 -> b#2``, or with what a bare version means."""
    text = f"{link.old} -> {link.new}"
    if link.distinct:
        return f"{text} (distinct: not the same point)"
    if not PointRef.names_point(link.new):
        return f"{text} (no successor in {link.new!r})"
    if not PointRef.names_point(link.old):
        return f"{text} (no predecessor in {link.old!r})"
    return text


def _version(end: str) -> str:
    return PointRef.parse(end).version if PointRef.names_point(end) else end


class VersionOrder:
    """Which of two versions of a plan is the older (see the module docstring)."""

    def __init__(self, plan: Plan) -> None:
        self._place = {v.id: k for k, v in enumerate(plan.versions)}
        self._parents = {v.id: v.derived_from for v in plan.versions}

    def _derives(self, child: str, ancestor: str) -> bool:
        """Whether ``child`` derives from ``ancestor``, directly or through others."""
        seen: set[str] = set()
        todo = list(self._parents.get(child, ()))
        while todo:
            v = todo.pop()
            if v == ancestor:
                return True
            if v not in seen:
                seen.add(v)
                todo.extend(self._parents.get(v, ()))
        return False

    def backwards(self, old: str, new: str) -> str | None:
        """Why version ``old`` is the newer of the two, or None when it is the older (or
        ``derived_from`` is a cycle between them, which validation reports apart)."""
        old_from_new, new_from_old = self._derives(old, new), self._derives(new, old)
        if old_from_new and not new_from_old:
            return f"{old!r} derives from {new!r}"
        unrelated = not old_from_new and not new_from_old
        if unrelated and self._place.get(old, 0) > self._place.get(new, 0):
            return f"{old!r} comes after {new!r} in the plan's versions"
        return None


def pair_problem(link: PointLink, order: VersionOrder) -> tuple[str, str, str] | None:
    """Why ``link`` cannot be a link at all (its two ends in one version, or the newer
    version first), as (the end to blame, ``"old"`` or ``"new"``, message, hint); or None.
    Both ends must name known versions of the plan."""
    old, new = _version(link.old), _version(link.new)
    if link.distinct and not (PointRef.names_point(link.old) and PointRef.names_point(link.new)):
        return (
            "old" if not PointRef.names_point(link.old) else "new",
            f"{describe(link)} names a whole version",
            "a distinct link turns down one pair of points (VERSION#NUMBER at both ends); to"
            " say a point has no counterpart in a version, link it to the bare version id"
            " without distinct",
        )
    if old == new:
        return (
            "new",
            f"{describe(link)} joins version {old!r} to itself",
            "a link joins a point to its counterpart in another version of the plan",
        )
    why = order.backwards(old, new)
    if why is not None:
        return (
            "old",
            f"{describe(link)} runs backwards: {why}",
            f"the older version's end comes first: {link.new} -> {link.old}",
        )
    return None


def _keys(link: PointLink) -> Iterator[tuple[Key, bool]]:
    """What ``link`` says of each point's counterpart in the other version, each with
    whether it names one (a pair) or says there is none (a bare version); and of a pair of
    points, whether they are one point (``distinct`` says not, and nothing else)."""
    old_point, new_point = PointRef.names_point(link.old), PointRef.names_point(link.new)
    if old_point and new_point:
        yield ("pair", link.old, link.new), not link.distinct
    if link.distinct:
        return
    if old_point:
        yield ("after", link.old, _version(link.new)), new_point
    if new_point:
        yield ("before", link.new, _version(link.old)), old_point


def conflicts(link: PointLink, links: Iterable[PointLink]) -> list[int]:
    """The indices in ``links`` of the links ``link`` contradicts (a pair where it says
    "none", or "none" where it names a pair), in order."""
    mine = dict(_keys(link))
    return [
        k
        for k, other in enumerate(links)
        if any(mine.get(key, paired) != paired for key, paired in _keys(other))
    ]


def check_rules(plan: Plan, where: str, valid: Iterable[int]) -> list[Problem]:
    """The problems of ``plan``'s links at indices ``valid`` (those whose ends name known
    points and versions of the plan): ends in one version, the newer version first, and
    contradictions, each at the later link (``{where}.links[j]``) naming the earlier one.
    Linear in the number of links."""
    order = VersionOrder(plan)
    problems: list[Problem] = []
    said: dict[tuple[Key, bool], int] = {}  # (key, paired) -> the first link saying it
    for j in valid:
        link = plan.links[j]
        at = f"{where}.links[{j}]"
        bad = pair_problem(link, order)
        if bad is not None:
            problems.append(Problem(bad[1], at, hint=bad[2]))
            continue
        against: list[int] = []
        for key, paired in _keys(link):
            k = said.get((key, not paired))
            if k is not None and k not in against:
                against.append(k)
            said.setdefault((key, paired), j)
        for k in against:
            problems.append(
                Problem(
                    f"{describe(link)} contradicts {where}.links[{k}], {describe(plan.links[k])}",
                    at,
                    hint="keep the one that is right and delete the other",
                )
            )
    return problems
