"""How the cards of a diff report point at one another: the groups of splits and merges,
and the candidates of a point the matcher left unpaired.

A split or merge is shown as one card per piece, each naming its whole group ("us-28 #5 →
20-point #3, #4"). A group that joins several old points to several new ones (crossed
links: a regrouping) has both merged and split pieces; its cards say it is one group, not
a merger on some cards and a split on others. A deleted or added point names its
candidates: the points the text could not decide it continues or comes from, each with
the pair's confidence and the anchor of its card.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from negotrack.plandiff.compare import PlanDiff, PointChange

__all__ = ["Counterpart", "Group", "counterparts", "groups"]


class Counterpart(NamedTuple):
    """A candidate of a deleted or added point: the other point's reference ("minsk-2
    #11"), the anchor of the card that shows it, and how sure the pair is (0..1, the
    confidence text matching gave it: too low, or tied with a rival)."""

    ref: str
    anchor: str
    confidence: float


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


def counterparts(
    plan_diff: PlanDiff, anchors: Sequence[str], old_id: str, new_id: str
) -> list[tuple[Counterpart, ...]]:
    """For each change of ``plan_diff`` (whose cards have ``anchors``), the candidates of a
    deleted or added point, the most likely first; none for other changes."""
    changes = plan_diff.changes
    # Where each point is shown: the first change holding it.
    at_old: dict[str, str] = {}
    at_new: dict[str, str] = {}
    for at, c in zip(anchors, changes, strict=True):
        if c.old is not None:
            at_old.setdefault(c.old.number, at)
        if c.new is not None:
            at_new.setdefault(c.new.number, at)
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
        out.append(tuple(found))
    return out
