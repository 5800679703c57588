"""Integrity checks across a dossier's records, each problem placed by its JSON path.

Kept apart from :mod:`negotrack.dossier.dossier` so the aggregate reads as its API, and because
the paths here mirror the file format exactly (``$.events[3].participants[1]``).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from negotrack.core.refs import PointRef
from negotrack.dossier.eventnames import EventNames
from negotrack.dossier.link_rules import check_rules
from negotrack.errors import Problem, Suggestions

if TYPE_CHECKING:
    from negotrack.core.dates import Moment
    from negotrack.core.model import PlanVersion, Position, StatusChange
    from negotrack.dossier.dossier import Dossier

__all__ = ["check_dossier"]


def check_dossier(d: Dossier, named: EventNames | None = None) -> list[Problem]:
    """Every integrity problem of ``d``: duplicate ids, dangling references, cycles, dates;
    ``named`` is what its events name, when the caller gathered it (a loader does)."""
    problems: list[Problem] = []
    add = problems.append
    hints = _Hints()

    participants = _unique(d._participants, "participants", "participant", problems)
    sources = _unique(d._sources, "sources", "source", problems)
    if named is None:
        named = EventNames.of(d._events)
    if not named.unique:
        _unique(d._events, "events", "event", problems)
    _unique(d._plans, "plans", "plan", problems)

    versions: dict[str, PlanVersion] = {}
    twice: set[str] = set()  # duplicated ids: which version a reference means is unknown
    for i, plan in enumerate(d._plans):
        for j, v in enumerate(plan.versions):
            where = f"$.plans[{i}].versions[{j}]"
            if v.id in versions:
                twice.add(v.id)
                add(
                    Problem(
                        f"duplicate version id {v.id!r}",
                        f"{where}.id",
                        hint="version ids must be unique in the whole dossier",
                    )
                )
            elif PointRef.problem("version id", v.id) or not v.id.strip():
                add(
                    Problem(
                        f"version id {v.id!r} cannot be empty or contain '#'",
                        f"{where}.id",
                        hint="'#' separates a version from a point number in references",
                    )
                )
            versions[v.id] = v
            _refs(v.sources, sources, f"{where}.sources", "source", problems, hints)
            seen: set[str] = set()
            for k, p in enumerate(v.points):
                if p.number in seen:
                    add(
                        Problem(
                            f"duplicate point number {p.number!r} in version {v.id!r}",
                            f"{where}.points[{k}].number",
                        )
                    )
                seen.add(p.number)
                _refs(p.sources, sources, f"{where}.points[{k}].sources", "source", problems, hints)

    for i, plan in enumerate(d._plans):
        own = {v.id for v in plan.versions}
        for j, v in enumerate(plan.versions):
            for k, parent in enumerate(v.derived_from):
                if parent not in own:
                    add(
                        Problem(
                            f"unknown version {parent!r}",
                            f"$.plans[{i}].versions[{j}].derived_from[{k}]",
                            hint=hints.hint(parent, own)
                            or "a version derives from versions of the same plan",
                        )
                    )
        if own & twice:  # a cycle, a link's end: each would be of one version of the two
            continue
        cycle = _cycle({v.id: v.derived_from for v in plan.versions})
        if cycle:
            add(
                Problem(
                    "derived_from forms a cycle: " + " -> ".join(cycle), f"$.plans[{i}].versions"
                )
            )
        valid: list[int] = []  # the links whose ends are sound, for the rules below
        start = len(problems)
        for j, link in enumerate(plan.links):
            bare = [e for e in ("old", "new") if not PointRef.names_point(getattr(link, e))]
            if len(bare) == 2:
                need = "a link needs a point (VERSION#NUMBER) on at least one side"
                add(Problem(need, f"$.plans[{i}].links[{j}]"))
                continue
            found = len(problems)
            for end in ("old", "new"):
                ref = getattr(link, end)
                if end in bare:  # no successor / no predecessor in that version
                    if ref not in own:
                        unknown = (
                            f"unknown plan version {ref!r} (a bare version id: no point there)"
                        )
                        add(Problem(unknown, f"$.plans[{i}].links[{j}].{end}"))
                    continue
                why = _bad_ref(ref, versions)
                if why:
                    add(Problem(why, f"$.plans[{i}].links[{j}].{end}"))
                elif PointRef.parse(ref).version not in own:
                    add(Problem(f"{ref!r} is in another plan", f"$.plans[{i}].links[{j}].{end}"))
            if len(problems) == found:
                valid.append(j)
        if valid and not cycle:
            problems.extend(check_rules(plan, f"$.plans[{i}]", valid))
        # In the order of the links, as a person reads the file (the rules' problems came
        # after every link's own).
        problems[start:] = sorted(problems[start:], key=_link_index)

    # Events are the bulk of a large dossier: find out first, with set operations, whether
    # anything is wrong at all, and walk event by event only for the kinds of trouble found.
    events = d._events
    refs_ok = (
        named.gathered
        and named.participants.issubset(participants)
        and named.sources.issubset(sources)
        and named.versions.issubset(versions)
    )
    spans = [i for i, e in enumerate(events) if e.until is not None]
    quoted = [i for i, e in enumerate(events) if e.quotes]
    for i in range(len(events)) if not refs_ok else sorted({*spans, *quoted}):
        e = events[i]
        where = f"$.events[{i}]"
        if not refs_ok:
            _refs(
                e.participants,
                participants,
                f"{where}.participants",
                "participant",
                problems,
                hints,
            )
            _refs(e.sources, sources, f"{where}.sources", "source", problems, hints)
            _refs(
                e.versions,
                versions,
                f"{where}.versions",
                "plan version",
                problems,
                hints,
                _ADD_PLAN,
            )
        if e.until is not None and e.until.end <= e.when.start:
            add(Problem(f"the span ends ({e.until}) before it starts ({e.when})", f"{where}.until"))
        for k, q in enumerate(e.quotes):
            if q.source not in sources:
                add(_unknown(q.source, sources, f"{where}.quotes[{k}].source", "source", hints))
            if q.speaker is not None and q.speaker not in participants:
                add(
                    _unknown(
                        q.speaker,
                        participants,
                        f"{where}.quotes[{k}].speaker",
                        "participant",
                        hints,
                    )
                )

    known = (versions, sources, participants, problems, hints)
    for i, c in enumerate(d._status_log):
        if _version_of(c.ref) not in twice:  # else which version's point is meant is unknown
            _check_status_change(c, f"$.status_log[{i}]", *known)
    for i, pos in enumerate(d._position_log):
        if _version_of(pos.ref) not in twice:
            _check_position(pos, f"$.position_log[{i}]", *known)
    return problems


def check_change(
    record: StatusChange | Position,
    where: str,
    versions: Mapping[str, tuple[Any, PlanVersion]],
    sources: Container[str],
    participants: Container[str],
) -> list[Problem]:
    """The problems of one new status change or position, checked against the records it
    names only (so recording N changes costs O(N), not O(N^2))."""
    from negotrack.core.model import StatusChange

    version_id = _version_of(record.ref)
    found = versions.get(version_id)
    known = {version_id: found[1]} if found is not None else {}
    problems: list[Problem] = []
    hints = _Hints()
    if isinstance(record, StatusChange):
        _check_status_change(record, where, known, sources, participants, problems, hints)
    else:
        _check_position(record, where, known, sources, participants, problems, hints)
    return problems


def _check_status_change(
    c: StatusChange,
    where: str,
    versions: dict[str, PlanVersion],
    sources: Container[str],
    participants: Container[str],
    problems: list[Problem],
    hints: _Hints,
) -> None:
    _check_logged(c.ref, c.on, where, versions, problems, hints)
    if c.source is None and c.by is None:
        problems.append(
            Problem(
                "a status change needs a source or the participant who said it",
                where,
                hint="give source: ID (or by: PARTICIPANT for an on-record word)",
            )
        )
    if c.source is not None and c.source not in sources:
        problems.append(_unknown(c.source, sources, f"{where}.source", "source", hints))
    if c.by is not None and c.by not in participants:
        problems.append(_unknown(c.by, participants, f"{where}.by", "participant", hints))


def _check_position(
    pos: Position,
    where: str,
    versions: dict[str, PlanVersion],
    sources: Container[str],
    participants: Container[str],
    problems: list[Problem],
    hints: _Hints,
) -> None:
    _check_logged(pos.ref, pos.on, where, versions, problems, hints)
    if pos.party not in participants:
        problems.append(_unknown(pos.party, participants, f"{where}.party", "participant", hints))
    if pos.source not in sources:
        problems.append(_unknown(pos.source, sources, f"{where}.source", "source", hints))


_ID = attrgetter("id")


def _check_logged(
    ref: str,
    on: Moment,
    where: str,
    versions: dict[str, PlanVersion],
    problems: list[Problem],
    hints: _Hints,
) -> None:
    """A logged change's point exists, and its date is not wholly before its version's."""
    why = _bad_ref(ref, versions)
    if why:
        problems.append(Problem(why, f"{where}.ref", hint=_ref_hint(ref, versions, hints)))
        return
    v = versions[PointRef.parse(ref).version]
    if on.end <= v.date.start:
        problems.append(
            Problem(f"dated {on} but version {v.id!r} only exists from {v.date}", f"{where}.on")
        )


def _unique(items: Iterable[Any], name: str, noun: str, problems: list[Problem]) -> set[str]:
    """The ids of ``items``; duplicate and empty ids are problems."""
    ids = list(map(_ID, items))
    known = set(ids)
    if len(known) == len(ids) and {str}.issuperset(map(type, ids)) and all(map(str.strip, ids)):
        return known  # the usual case, checked at C speed
    seen: set[str] = set()
    for i, id in enumerate(ids):
        if id in seen:
            problems.append(Problem(f"duplicate {noun} id {id!r}", f"$.{name}[{i}].id"))
        elif not isinstance(id, str) or not id.strip():
            problems.append(Problem("an id must be a non-empty string", f"$.{name}[{i}].id"))
        seen.add(id)
    return known


_ADD_PLAN = (
    "an event can name only a version already in the dossier: add the plan (or the "
    "version) first, then the event"
)


class _Hints:
    """One :class:`Suggestions` per set of known names, built when first needed, so that
    thousands of unknown names cost linear time."""

    def __init__(self) -> None:
        # Keyed by id(); the set itself is kept too, so its id cannot be reused meanwhile.
        self._built: dict[int, tuple[Any, Suggestions]] = {}

    def hint(self, word: str, known: Any) -> str | None:
        entry = self._built.get(id(known))
        if entry is None:
            entry = self._built[id(known)] = (known, Suggestions(known))
        return entry[1].hint(str(word))


def _refs(
    ids: Iterable[Any],
    known: Any,
    where: str,
    noun: str,
    problems: list[Problem],
    hints: _Hints,
    otherwise: str | None = None,
) -> None:
    for k, ref in enumerate(ids):
        if not isinstance(ref, str):
            problems.append(Problem(f"expected a {noun}'s id, found {ref!r}", f"{where}[{k}]"))
        elif ref not in known:
            problems.append(_unknown(ref, known, f"{where}[{k}]", noun, hints, otherwise))


def _link_index(problem: Problem) -> int:
    """Which link of its plan a problem is placed at (``$.plans[i].links[j]...``)."""
    found = _LINK_AT.search(problem.path)
    return int(found.group(1)) if found else -1


_LINK_AT = re.compile(r"\.links\[(\d+)\]")


def _unknown(
    ref: str, known: Any, where: str, noun: str, hints: _Hints, otherwise: str | None = None
) -> Problem:
    """An unknown reference, with a did-you-mean or else the ``otherwise`` advice."""
    found = [h for h in (hints.hint(ref, known), otherwise) if h]
    return Problem(f"unknown {noun} {ref!r}", where, hint="; ".join(found) or None)


def _version_of(ref: str) -> str:
    return (PointRef.split(ref) or ("",))[0]


def _bad_ref(ref: str, versions: dict[str, PlanVersion]) -> str | None:
    parsed = PointRef.split(ref)
    if parsed is None:
        return f"{ref!r} is not a point reference (write VERSION#NUMBER)"
    version_id, number = parsed
    v = versions.get(version_id)
    if v is None:
        return f"unknown plan version {version_id!r} in {ref!r}"
    if number not in v:
        return f"version {version_id!r} has no point {number!r}"
    return None


def _ref_hint(ref: str, versions: dict[str, PlanVersion], hints: _Hints) -> str | None:
    version_id, number = PointRef.split(ref) or ("", "")
    v = versions.get(version_id)
    if v is None:
        return hints.hint(version_id, versions)
    return hints.hint(number, v._index)


def _cycle(graph: dict[str, tuple[str, ...]]) -> list[str] | None:
    """A cycle in ``graph`` as a list of ids (first repeated at the end), or None.

    Iterative depth-first search: a chain of thousands of versions must not exhaust
    Python's recursion limit.
    """
    state: dict[str, int] = {}
    for root in graph:
        if root in state:
            continue
        state[root] = 1
        path = [root]
        todo = [iter(graph.get(root, ()))]
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                todo.pop()
                state[path.pop()] = 2
                continue
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if state.get(nxt) is None:
                state[nxt] = 1
                path.append(nxt)
                todo.append(iter(graph.get(nxt, ())))
    return None
