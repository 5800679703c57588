"""merge(): two analysts' dossiers of the same talks, united into one.

Records are matched by kind and id. A record both dossiers hold identically appears once; a
record that differs under one id is a conflict, and every conflict is reported at once,
placed in both dossiers (``$.events[3]`` in the first, ``$.events[1]`` in the second) with
the fields that differ, so the analysts can settle them and merge again. Plans unite
version by version (each analyst may have added a version); status and position logs unite
without duplicates, in the order recorded (the first dossier's entries first).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from negotrack.core.model import Plan
from negotrack.errors import DossierError, Problem

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier

__all__ = ["merge"]


def merge(a: Dossier, b: Dossier, *, names: tuple[str, str] | None = None) -> Dossier:
    """One dossier holding every record of ``a`` and of ``b``; conflicts are refused.

    The title and description are ``a``'s (``b``'s description when ``a`` has none).
    ``names`` (for example the two files' names) label the dossiers in conflict messages;
    by default "the first" and "the second". Raises :class:`DossierError` with one problem
    per conflicting record, and the integrity problems of the united dossier, if any.
    """
    from negotrack.dossier.dossier import Dossier

    first, second = names if names is not None else (None, None)
    label = second if second is not None else "the second dossier"
    problems: list[Problem] = []

    def unite(name: str, noun: str, xs: Sequence[Any], ys: Sequence[Any], where: str) -> list[Any]:
        out = list(xs)
        at = {x.id: i for i, x in enumerate(xs)}
        for j, y in enumerate(ys):
            i = at.get(y.id)
            if i is None:
                at[y.id] = len(out)
                out.append(y)
            elif out[i] != y:
                if isinstance(y, Plan):
                    merged = _plan(
                        out[i], y, f"{where}.{name}[{i}]", f"{name}[{j}]", label, problems
                    )
                    if merged is not None:
                        out[i] = merged
                        continue
                fields = _differing(out[i], y)
                problems.append(
                    Problem(
                        f"{noun} {y.id!r} differs ({', '.join(fields)}) from "
                        f"{label}'s $.{name}[{j}]",
                        f"{where}.{name}[{i}]",
                        file=first,
                        hint="make the two records the same in one dossier, then merge again",
                    )
                )
        return out

    parts = {
        name: unite(name, noun, getattr(a, name), getattr(b, name), "$")
        for name, noun in (
            ("participants", "participant"),
            ("sources", "source"),
            ("events", "event"),
            ("plans", "plan"),
        )
    }
    if problems:
        raise DossierError([p.at(first) for p in problems])
    return Dossier(
        title=a.title,
        description=a.description if a.description is not None else b.description,
        language=a.language if a.language is not None else b.language,
        participants=parts["participants"],
        sources=parts["sources"],
        events=parts["events"],
        plans=parts["plans"],
        status_log=_once(a.status_log, b.status_log),
        position_log=_once(a.position_log, b.position_log),
    )


def _plan(
    x: Plan, y: Plan, where: str, other: str, label: str, problems: list[Problem]
) -> Plan | None:
    """``x`` and ``y`` united version by version, or None when they differ otherwise."""
    if (x.title, x.summary) != (y.title, y.summary):
        return None
    versions = list(x.versions)
    at = {v.id: i for i, v in enumerate(versions)}
    for j, v in enumerate(y.versions):
        i = at.get(v.id)
        if i is None:
            at[v.id] = len(versions)
            versions.append(v)
        elif versions[i] != v:
            problems.append(
                Problem(
                    f"plan version {v.id!r} differs ({', '.join(_differing(versions[i], v))}) "
                    f"from {label}'s $.{other}.versions[{j}]",
                    f"{where}.versions[{i}]",
                    hint="make the two versions the same in one dossier, then merge again",
                )
            )
    return attrs.evolve(x, versions=versions, links=_once(x.links, y.links))


def _differing(x: Any, y: Any) -> list[str]:
    return [
        f.name for f in attrs.fields(type(x)) if f.eq and getattr(x, f.name) != getattr(y, f.name)
    ]


def _once(xs: Sequence[Any], ys: Sequence[Any]) -> tuple[Any, ...]:
    """``xs`` then the items of ``ys`` not already there (the records are hashable values)."""
    seen = set(xs)
    out = list(xs)
    for y in ys:
        if y not in seen:
            seen.add(y)
            out.append(y)
    return tuple(out)
