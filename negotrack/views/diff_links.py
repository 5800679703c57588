"""How the cards of a diff report point at one another: the groups of splits and merges,
the candidates of a point the matcher left unpaired, and the pairs a person turned down.

Each card has an anchor of its own (:func:`unique_anchors`): the pieces of a merge stand
at one point, and only the first card keeps the point's anchor. A split or merge is shown
as one card per piece, each naming its whole group ("us-28 #5 → 20-point #3, #4"). A group
that joins several old points to several new ones (crossed links: a regrouping) has both
merged and split pieces; its cards say it is one group, not a merger on some cards and a
split on others. A deleted or added point names its candidates: the points the text could
not decide it continues or comes from, each with the pair's confidence and the anchor of
its card. A point a person said is not the same as a point of the other version (a
``distinct`` link) names that point, with the anchor of its card and the link's note,
whatever became of either."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from negotrack.plandiff.compare import PlanDiff, PointChange
    from negotrack.views.diff import ChangeView

__all__ = [
    "Counterpart",
    "Group",
    "NotSame",
    "counterparts",
    "groups",
    "not_same",
    "unique_anchors",
]


class Counterpart(NamedTuple):
    """A candidate of a deleted or added point, or of a point of a pair to check: the other
    point's reference ("minsk-2 #11"), the anchor of the card that shows it, and how sure
    the pair is (0..1, the confidence text matching gave it: too low, or tied with a
    rival)."""

    ref: str
    anchor: str
    confidence: float


class NotSame(NamedTuple):
    """A pair a person turned down (a ``distinct`` curated link) that holds this card's
    point: both points' references ("declaration #2.4", "agreement #2.1"), the anchor of
    the card that shows the other point, whether that is the new one (``to_new``), and
    the link's note (None when it has none)."""

    old_ref: str
    new_ref: str
    anchor: str
    to_new: bool
    note: str | None


class Group(NamedTuple):
    """A split or merge as its cards name it: ``label``, all its old references → all its
    new ones; ``crossed`` when it has several of each (a regrouping)."""

    label: str
    crossed: bool


def groups(changes: Sequence[PointChange], old_id: str, new_id: str) -> dict[int, Group]:
    """Each split or merge group of ``changes``, by its number."""
    olds: dict[int, list[str]] = {}
    news: dict[int, list[str]] = {}
    for c in changes:
        if c.group is None:
            continue
        if c.old is not None and c.old.number not in olds.setdefault(c.group, []):
            olds[c.group].append(c.old.number)
        if c.new is not None and c.new.number not in news.setdefault(c.group, []):
            news[c.group].append(c.new.number)
    out = {}
    for g in olds.keys() | news.keys():
        left, right = olds.get(g, []), news.get(g, [])
        label = "{} {} → {} {}".format(
            old_id, ", ".join("#" + n for n in left), new_id, ", ".join("#" + n for n in right)
        )
        out[g] = Group(label, len(left) > 1 and len(right) > 1)
    return out


def _shown_at(
    changes: Sequence[PointChange], anchors: Sequence[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Where each old and each new point is shown: the anchor of the first card holding it."""
    at_old: dict[str, str] = {}
    at_new: dict[str, str] = {}
    for at, c in zip(anchors, changes, strict=True):
        if c.old is not None:
            at_old.setdefault(c.old.number, at)
        if c.new is not None:
            at_new.setdefault(c.new.number, at)
    return at_old, at_new


def not_same(
    plan_diff: PlanDiff, anchors: Sequence[str], old_id: str, new_id: str
) -> list[tuple[NotSame, ...]]:
    """For each change of ``plan_diff`` (whose cards have ``anchors``), the points of the
    other version that curated links say its point (or, for a pair, either point) is not,
    in reading order: on the first card of each point only (a piece of a split or merge
    repeats its point)."""
    changes = plan_diff.changes
    at_old, at_new = _shown_at(changes, anchors)
    of_old: dict[str, list[NotSame]] = {}  # old number -> new points it is not
    of_new: dict[str, list[NotSame]] = {}  # new number -> old points it is not
    for p in plan_diff.distinct:
        o, n = p.old.number, p.new.number
        refs = (f"{old_id} #{o}", f"{new_id} #{n}")
        of_old.setdefault(o, []).append(NotSame(*refs, at_new[n], True, p.note))
        of_new.setdefault(n, []).append(NotSame(*refs, at_old[o], False, p.note))
    out: list[tuple[NotSame, ...]] = []
    for at, c in zip(anchors, changes, strict=True):
        found: list[NotSame] = []
        if c.old is not None and at_old[c.old.number] == at:
            found += of_old.get(c.old.number, ())
        if c.new is not None and at_new[c.new.number] == at:
            found += of_new.get(c.new.number, ())
        out.append(tuple(found))
    return out


def counterparts(
    plan_diff: PlanDiff, anchors: Sequence[str], old_id: str, new_id: str
) -> list[tuple[Counterpart, ...]]:
    """For each change of ``plan_diff`` (whose cards have ``anchors``), the candidates of a
    deleted or added point, the most likely first; for a pair a person should check
    (``check``), the other candidates of either of its points (where the text may have
    gone instead: a pair is no surer than its margin over its strongest rival, see
    :mod:`negotrack.plandiff.rivals`), the most likely first; none for other changes."""
    changes = plan_diff.changes
    at_old, at_new = _shown_at(changes, anchors)
    later: dict[str, list[Counterpart]] = {}  # deleted old number -> new candidates
    earlier: dict[str, list[Counterpart]] = {}  # added new number -> old candidates
    for k in sorted(plan_diff.candidates, key=lambda k: -k.confidence):
        ref = f"{new_id} #{k.new.number}"
        later.setdefault(k.old.number, []).append(
            Counterpart(ref, at_new[k.new.number], k.confidence)
        )
        ref = f"{old_id} #{k.old.number}"
        earlier.setdefault(k.new.number, []).append(
            Counterpart(ref, at_old[k.old.number], k.confidence)
        )
    out: list[tuple[Counterpart, ...]] = []
    for c in changes:
        found: list[Counterpart] = []
        if c.new is None and c.old is not None:
            found = later.get(c.old.number, [])
        elif c.old is None and c.new is not None:
            found = earlier.get(c.new.number, [])
        elif c.old is not None and c.new is not None and c.check:
            found = sorted(
                [*later.get(c.old.number, []), *earlier.get(c.new.number, [])],
                key=lambda k: (-k.confidence, k.ref),
            )
        out.append(tuple(found))
    return out


def unique_anchors(views: list[ChangeView]) -> tuple[ChangeView, ...]:
    """``views`` with an anchor each of their own. The pieces of a merge stand at one new
    point (and a many-to-many group's may share an old one): the first card of a point keeps
    the point's anchor, so a link to the point reaches it (and, under a filter that hides
    its kind, ``:target`` shows it), and each later card gets ``-part-2``, ``-part-3``,
    ... after it, never an anchor another card has."""
    taken = {v.anchor for v in views}
    if len(taken) == len(views):  # most diffs: no merge
        return tuple(views)
    given: set[str] = set()
    for i, v in enumerate(views):
        if v.anchor in given:
            n = 2
            while f"{v.anchor}-part-{n}" in taken:
                n += 1
            views[i] = v = v._replace(anchor=f"{v.anchor}-part-{n}")
            taken.add(v.anchor)
        given.add(v.anchor)
    return tuple(views)
