"""Why a curated pair is a pair: the notes of the links that made it.

A curated link may say why its two points are one (``PointLink.note``). A diff pairs the
points of two versions by a link between them, written either way round, or by a chain of
links through versions in between (see :mod:`negotrack.plandiff.align`); a change made so
carries the notes of those links, for the reports to show beside the pair
(:func:`with_notes` puts them on a diff's changes; "no successor" and "no predecessor"
links give theirs to the deleted or added point). A ``distinct`` link says the opposite,
that two points are not one: :func:`distinct_pairs` lists those between the two versions,
with their notes, for the reports to show on both points' cards.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from negotrack.core.model import PlanVersion, PointLink
from negotrack.core.refs import PointRef
from negotrack.plandiff.changes import PointChange
from negotrack.plandiff.pairs_aside import DistinctPair

__all__ = ["alone_notes", "distinct_pairs", "link_notes", "with_notes"]


def distinct_pairs(
    links: Iterable[PointLink], old: PlanVersion, new: PlanVersion
) -> tuple[DistinctPair, ...]:
    """The pairs of a point of ``old`` and one of ``new`` that ``distinct`` links turned
    down (written either way round; they never chain through other versions), each once,
    in old then new reading order; a pair linked twice keeps the first note given."""
    old_at = {p.number: i for i, p in enumerate(old.points)}
    new_at = {p.number: j for j, p in enumerate(new.points)}
    found: dict[tuple[int, int], str | None] = {}
    for link in links:
        a = PointRef.split(link.old) if link.distinct else None
        b = PointRef.split(link.new) if a is not None else None
        if a is None or b is None:  # validation reports a distinct link to a bare version
            continue
        if (a[0], b[0]) == (new.id, old.id):
            a, b = b, a
        if (a[0], b[0]) != (old.id, new.id):
            continue
        # Both points exist: aligning the versions refused a link to a missing one.
        i, j = old_at[a[1]], new_at[b[1]]
        if found.get((i, j)) is None:
            found[(i, j)] = link.note
    return tuple(
        DistinctPair(old.points[i], new.points[j], found[(i, j)]) for i, j in sorted(found)
    )


def link_notes(
    links: Iterable[PointLink], old_id: str, new_id: str, pairs: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """The note of each of ``pairs`` (old and new point numbers of versions ``old_id`` and
    ``new_id``) that curated links explain: the note of the link between the two points,
    or, for a pair linked through other versions, the notes of the shortest chain of links
    joining them, in order, joined by "; ". A pair whose links carry no note is left out."""
    graph: dict[str, list[tuple[str, PointLink]]] = {}
    for link in links:
        if link.distinct or not (PointRef.names_point(link.old) and PointRef.names_point(link.new)):
            continue  # "not the same point", "no successor", "no predecessor": no pair
        a, b = str(PointRef.parse(link.old)), str(PointRef.parse(link.new))
        graph.setdefault(a, []).append((b, link))
        graph.setdefault(b, []).append((a, link))
    out: dict[tuple[str, str], str] = {}
    if not any(link.note for edges in graph.values() for _, link in edges):
        return out
    ends = {old_id, new_id}
    for o, n in pairs:
        chain = _chain(graph, PointRef.format(old_id, o), PointRef.format(new_id, n), ends)
        notes = list(dict.fromkeys(link.note for link in chain if link.note))
        if notes:
            out[(o, n)] = "; ".join(notes)
    return out


def alone_notes(
    links: Iterable[PointLink], old_id: str, new_id: str
) -> dict[tuple[str | None, str | None], str]:
    """The notes of the links saying a point of version ``old_id`` has no successor in
    ``new_id`` (keyed ``(number, None)``) or a point of ``new_id`` no predecessor in
    ``old_id`` (keyed ``(None, number)``)."""
    out: dict[tuple[str | None, str | None], str] = {}
    for link in links:
        if not link.note:
            continue
        if PointRef.names_point(link.old) and link.new == new_id:
            ref = PointRef.parse(link.old)
            if ref.version == old_id:
                out[(ref.number, None)] = link.note
        elif PointRef.names_point(link.new) and link.old == old_id:
            ref = PointRef.parse(link.new)
            if ref.version == new_id:
                out[(None, ref.number)] = link.note
    return out


def with_notes(
    changes: list[PointChange], links: list[PointLink], old_id: str, new_id: str
) -> list[PointChange]:
    """``changes`` with the note of the curated links behind each pair they made."""
    made = [
        (c.old.number, c.new.number)
        for c in changes
        if c.matched_by == "link" and c.old is not None and c.new is not None
    ]
    notes = alone_notes(links, old_id, new_id)  # "no successor", "no predecessor"
    notes.update(link_notes(links, old_id, new_id, made).items())
    if not notes:
        return changes
    out = []
    for c in changes:
        note = None
        if c.matched_by == "link":
            ends = (c.old.number if c.old else None, c.new.number if c.new else None)
            note = notes.get(ends)
        out.append(c if note is None else attrs.evolve(c, note=note))
    return out


def _chain(
    graph: dict[str, list[tuple[str, PointLink]]], start: str, goal: str, ends: set[str]
) -> list[PointLink]:
    """The links of the shortest path from ``start`` to ``goal`` that passes through no
    other point of the two versions (``ends``): none when there is no such path."""
    came: dict[str, tuple[str, PointLink] | None] = {start: None}
    todo = [start]
    while todo:
        later: list[str] = []
        for ref in todo:
            for nxt, link in graph.get(ref, ()):
                if nxt in came:
                    continue
                came[nxt] = (ref, link)
                if nxt == goal:
                    return _back(came, goal)
                if PointRef.parse(nxt).version not in ends:
                    later.append(nxt)
        todo = later
    return []


def _back(came: dict[str, tuple[str, PointLink] | None], goal: str) -> list[PointLink]:
    path: list[PointLink] = []
    step = came[goal]
    while step is not None:
        ref, link = step
        path.append(link)
        step = came[ref]
    path.reverse()
    return path
