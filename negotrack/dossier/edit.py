"""Corrections: the record lists a dossier would hold after a replace or a remove.

Kept apart from :mod:`negotrack.dossier.dossier`, which applies what these functions
return through its one validated path (``_apply``): a refused change leaves the dossier as
it was. A removal is refused while anything still refers to the record, with one problem
per referrer placed by its JSON path (``$.events[3].participants[0]``), so the user knows
exactly what to change first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from negotrack.core.model import Event, Participant, Plan, PlanVersion, Point, Source
from negotrack.core.refs import PointRef
from negotrack.errors import DossierError, Problem, UnknownReference, did_you_mean

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier

__all__ = [
    "KINDS",
    "Corrections",
    "find",
    "kind_of",
    "referrers",
    "removed",
    "replaced",
    "versions_with",
]

KINDS = ("participant", "source", "event", "plan", "version", "point")
"""The kinds of record :meth:`Dossier.remove` takes (a point is named ``VERSION#NUMBER``)."""

_ALIASES = {"plan version": "version", "plan_version": "version", "planversion": "version"}
_LISTS = {"participant": "participants", "source": "sources", "event": "events", "plan": "plans"}
_CLASSES: dict[type[Any], str] = {
    Participant: "participant",
    Source: "source",
    Event: "event",
    Plan: "plan",
    PlanVersion: "version",
    Point: "point",
}

Fields = dict[str, tuple[Any, ...]]
"""Record lists by name (``participants``, ``plans``, ...), as ``Dossier._apply`` takes them."""


class Corrections:
    """The correcting half of :class:`~negotrack.Dossier`: replace and remove a record."""

    if TYPE_CHECKING:  # what the dossier provides: its one validated change

        def _apply(self, **fields: tuple[Any, ...]) -> None: ...

    def replace(self, record: Any, *, version: str | None = None) -> Any:
        """Put ``record`` in place of the record with the same id and kind; return the old one.

        Takes a Participant, Source, Event, Plan or PlanVersion; a Point replaces the point
        with its number in ``version``. The dossier is validated as it would be after the
        change (a version that drops a point the status log names is refused) and is left
        unchanged when anything is wrong.
        """
        fields, old = replaced(self, record, version)  # type: ignore[arg-type]
        self._apply(**fields)
        return old

    def remove(self, kind: str, id: str) -> Any:
        """Remove a record and return it; refused while anything refers to it.

        ``kind`` is one of "participant", "source", "event", "plan", "version" or "point"
        (a point is named ``VERSION#NUMBER``). Each reference that stands in the way is one
        problem, placed by its JSON path (``$.events[3].participants[0]``).
        """
        fields, old = removed(self, kind, id)  # type: ignore[arg-type]
        self._apply(**fields)
        return old


def kind_of(kind: str) -> str:
    """The canonical kind for ``kind`` ("event", "Plan version", ...), or a DossierError."""
    word = str(kind).strip().lower()
    word = _ALIASES.get(word, word).removesuffix("s") if word not in KINDS else word
    if word in KINDS:
        return word
    raise DossierError(f"unknown kind of record {kind!r}", hint=did_you_mean(str(kind), KINDS))


def replaced(d: Dossier, record: Any, version: str | None) -> tuple[Fields, Any]:
    """The lists after replacing the record with ``record``'s id and kind, and the old one.

    A :class:`Point` is found by its number in ``version`` (required for points).
    """
    kind = _CLASSES.get(type(record))
    if kind is None:
        names = ", ".join(c.__name__ for c in _CLASSES)
        raise DossierError(f"cannot replace a {type(record).__name__}", hint=f"give one of {names}")
    if kind == "point":
        if version is None:
            ids = versions_with(d, record.number) or ["VERSION"]
            raise DossierError(
                "replacing a point needs the version it is in",
                hint=" or ".join(f"d.replace(point, version={v!r})" for v in ids[:3]),
            )
        old_version = d.version(version)
        old = old_version.point(record.number)
        points = tuple(record if p is old else p for p in old_version.points)
        return _with_version(d, attrs.evolve(old_version, points=points)), old
    if version is not None:
        raise DossierError("version= is only for replacing a point", hint="leave it out")
    if kind == "version":
        return _with_version(d, record), d.version(record.id)
    old = getattr(d, kind)(record.id)  # raises UnknownReference with a hint
    name = _LISTS[kind]
    items = getattr(d, "_" + name)
    return {name: tuple(record if r is old else r for r in items)}, old


def versions_with(d: Dossier, number: str) -> list[str]:
    """The ids of the versions that hold a point ``number``, in the dossier's order: where
    a point to replace may be, for a hint that names this dossier's versions."""
    return [v.id for p in d.plans for v in p.versions if any(q.number == number for q in v.points)]


def _with_version(d: Dossier, new: PlanVersion) -> Fields:
    plan = d.plan_of(new.id)
    old = d.version(new.id)
    versions = tuple(new if v is old else v for v in plan.versions)
    new_plan = attrs.evolve(plan, versions=versions)
    return {"plans": tuple(new_plan if p is plan else p for p in d._plans)}


def removed(d: Dossier, kind: str, id: str) -> tuple[Fields, Any]:
    """The lists after removing the record, and the record; refused while it is referred to."""
    kind = kind_of(kind)
    found = find(d, kind, id)
    problems = [
        Problem(
            f"{_noun(kind)} {id!r} is still referred to here",
            path,
            hint="change or remove this reference first",
        )
        for path in referrers(d, kind, id)
    ]
    if problems:
        raise DossierError(problems)
    if kind in _LISTS:
        name = _LISTS[kind]
        return {name: tuple(r for r in getattr(d, "_" + name) if r is not found)}, found
    if kind == "version":
        plan = d.plan_of(id)
        new_plan = attrs.evolve(plan, versions=tuple(v for v in plan.versions if v is not found))
        return {"plans": tuple(new_plan if p is plan else p for p in d._plans)}, found
    version, point = d.resolve(id)
    points = tuple(p for p in version.points if p is not point)
    return _with_version(d, attrs.evolve(version, points=points)), found


def find(d: Dossier, kind: str, id: str) -> Any:
    """The record of ``kind`` (canonical, see :func:`kind_of`) with ``id`` (a point:
    ``VERSION#NUMBER``), or an UnknownReference that says what there is."""
    if kind == "point":
        return d.resolve(id)[1]
    if kind == "version":
        return d.version(id)
    lookup = getattr(d, kind)
    try:
        return lookup(id)
    except UnknownReference:
        raise
    except TypeError:
        raise UnknownReference(f"no {kind} {id!r} in this dossier") from None


def _noun(kind: str) -> str:
    return "plan version" if kind == "version" else kind


def referrers(d: Dossier, kind: str, id: str) -> list[str]:
    """The JSON paths of every reference to the record (outside the record itself)."""
    kind = kind_of(kind)
    if kind == "participant":
        return list(_participant_refs(d, id))
    if kind == "source":
        return list(_source_refs(d, id))
    if kind == "event":
        return []  # nothing refers to an event
    if kind == "plan":
        own = {v.id for v in d.plan(id).versions}
        return [
            path
            for v in sorted(own)
            for path in _version_refs(d, v)
            if not path.startswith(f"$.plans[{_plan_index(d, id)}]")
        ]
    if kind == "version":
        return list(_version_refs(d, id))
    version, point = d.resolve(id)
    return list(_point_refs(d, PointRef.format(version.id, point.number)))


def _plan_index(d: Dossier, id: str) -> int:
    return next(i for i, p in enumerate(d._plans) if p.id == id)


def _participant_refs(d: Dossier, id: str) -> Iterator[str]:
    for i, e in enumerate(d._events):
        for k, p in enumerate(e.participants):
            if p == id:
                yield f"$.events[{i}].participants[{k}]"
        for k, q in enumerate(e.quotes):
            if q.speaker == id:
                yield f"$.events[{i}].quotes[{k}].speaker"
    for i, c in enumerate(d._status_log):
        if c.by == id:
            yield f"$.status_log[{i}].by"
    for i, pos in enumerate(d._position_log):
        if pos.party == id:
            yield f"$.position_log[{i}].party"


def _source_refs(d: Dossier, id: str) -> Iterator[str]:
    for i, plan in enumerate(d._plans):
        for j, v in enumerate(plan.versions):
            where = f"$.plans[{i}].versions[{j}]"
            yield from (f"{where}.sources[{k}]" for k, s in enumerate(v.sources) if s == id)
            for n, p in enumerate(v.points):
                yield from (
                    f"{where}.points[{n}].sources[{k}]" for k, s in enumerate(p.sources) if s == id
                )
    for i, e in enumerate(d._events):
        yield from (f"$.events[{i}].sources[{k}]" for k, s in enumerate(e.sources) if s == id)
        yield from (
            f"$.events[{i}].quotes[{k}].source" for k, q in enumerate(e.quotes) if q.source == id
        )
    for i, c in enumerate(d._status_log):
        if c.source == id:
            yield f"$.status_log[{i}].source"
    for i, pos in enumerate(d._position_log):
        if pos.source == id:
            yield f"$.position_log[{i}].source"


def _version_refs(d: Dossier, id: str) -> Iterator[str]:
    for i, e in enumerate(d._events):
        yield from (f"$.events[{i}].versions[{k}]" for k, v in enumerate(e.versions) if v == id)
    for i, plan in enumerate(d._plans):
        for j, v in enumerate(plan.versions):
            yield from (
                f"$.plans[{i}].versions[{j}].derived_from[{k}]"
                for k, parent in enumerate(v.derived_from)
                if parent == id
            )
    yield from _point_refs(d, version=id)


def _point_refs(d: Dossier, ref: str | None = None, *, version: str | None = None) -> Iterator[str]:
    """References to the point ``ref``, or to any point of ``version``."""

    def hits(r: str) -> bool:
        if version is None:
            return r == ref
        parsed = PointRef.split(r)
        return parsed is not None and parsed[0] == version

    for i, plan in enumerate(d._plans):
        for j, link in enumerate(plan.links):
            for end in ("old", "new"):
                if hits(getattr(link, end)):
                    yield f"$.plans[{i}].links[{j}].{end}"
    for i, c in enumerate(d._status_log):
        if hits(c.ref):
            yield f"$.status_log[{i}].ref"
    for i, pos in enumerate(d._position_log):
        if hits(pos.ref):
            yield f"$.position_log[{i}].ref"
