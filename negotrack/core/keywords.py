"""A wrong keyword or value to a record class: an error that says which field.

``Event(date=...)`` would be a bare ``TypeError``; the :func:`keywords` decorator turns it
into a :class:`~negotrack.errors.DossierError` with every field listed and the likely one
suggested (``did you mean 'when'?``). A value a field cannot take (``on="bad"``) is placed
at its field (``$.on``), with every other field that cannot take its value: a script that
builds records from a spreadsheet row learns which cells to fix, all at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from negotrack.errors import DossierError, NegotrackError, Problem, did_you_mean

__all__ = ["Check", "each", "keywords", "placed", "unknown_keyword"]

_R = TypeVar("_R")

#: A field's converter and the value given for it.
Check = tuple[Callable[..., object], object]

# Words people reach for when a record spells the field otherwise ("date" for an event's
# "when"); a wrong keyword's hint names the field the class has.
_SYNONYMS = {
    "date": ("when", "on", "published"),
    "when": ("date", "on"),
    "on": ("date", "when"),
    "source": ("sources",),
    "sources": ("source",),
    "participant": ("participants",),
    "version": ("versions",),
}


def unknown_keyword(cls: type[Any], kwargs: Mapping[str, Any]) -> DossierError | None:
    """The error for keywords ``cls`` does not take, or None when all are fields."""
    names = [a.alias for a in attrs.fields(cls) if a.init]
    wrong = [k for k in kwargs if k not in names]
    if not wrong:
        return None
    problems = []
    for key in wrong:
        same = [n for n in _SYNONYMS.get(key, ()) if n in names]
        hint = (
            "did you mean " + " or ".join(repr(n) for n in same) + "?"
            if same
            else did_you_mean(key, names)
        )
        problems.append(
            Problem(
                f"{cls.__name__} has no field {key!r} (its fields: {', '.join(names)})",
                f"$.{key}",
                hint=hint,
            )
        )
    return DossierError(problems)


def placed(checks: Mapping[str, Check], error: NegotrackError) -> NegotrackError:
    """``error`` with its problems placed at the fields they are about.

    ``checks`` maps a field's name to its converter and the value given. A constructor stops
    at the first value it cannot convert, and that problem does not say which field it came
    from; only on that (rare) path, every converter runs again on its value, so each field
    that cannot take its value is named (``$.until: not a date ...``). A problem that names
    its own place is kept as it is; ``error`` comes back unchanged when no converter fails
    again (a validator raised it, and placed it itself).
    """
    found: list[Problem] = []
    for name, (convert, value) in checks.items():
        try:
            convert(value)
        except NegotrackError as exc:
            here = f"$.{name}"
            found.extend(p.under(here) if p.path[1:2] in ("", "[") else p for p in exc.problems)
        except Exception:  # only a diagnosis: the error already raised stands
            continue
    return type(error)(found) if found else error


def _missing(
    cls: type[Any], args: tuple[Any, ...], kwargs: Mapping[str, Any]
) -> DossierError | None:
    """The error for required fields of ``cls`` not given, or None when all are."""
    fields = [a for a in attrs.fields(cls) if a.init]
    given = {a.alias for a in fields[: len(args)]} | set(kwargs)
    missing = [a.alias for a in fields if a.default is attrs.NOTHING and a.alias not in given]
    if not missing:
        return None
    return DossierError([Problem(f"missing required field {k!r}", f"$.{k}") for k in missing])


def each(cls: type[_R], values: Iterable[Any]) -> tuple[_R, ...]:
    """``values`` as records of ``cls`` (each one already, or a mapping of its fields); a
    problem with the n-th is placed under ``$[n]``."""
    values = values if values.__class__ is list else list(values)
    try:
        return tuple([v if isinstance(v, cls) else cls(**v) for v in values])
    except NegotrackError:
        pass
    for n, v in enumerate(values):
        try:
            v if isinstance(v, cls) else cls(**v)
        except NegotrackError as exc:
            raise type(exc)([p.under(f"$[{n}]") for p in exc.problems]) from None
    raise AssertionError("unreachable: a record that failed once built")


def _checks(cls: type[Any], args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> dict[str, Check]:
    """The converter of each field of ``cls`` given a value, with that value."""
    fields = [a for a in attrs.fields(cls) if a.init]
    given = dict(zip((a.alias for a in fields), args, strict=False)) | dict(kwargs)
    return {
        a.name: (a.converter, given[a.alias])
        for a in fields
        if callable(a.converter) and a.alias in given
    }


def keywords(cls: type[_R]) -> type[_R]:
    """Make a wrong keyword to ``cls`` a :class:`DossierError` naming the fields it has,
    and a value a field cannot take an error placed at that field (see :func:`placed`)."""
    init = cls.__init__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except TypeError:
            error = unknown_keyword(cls, kwargs) or _missing(cls, args, kwargs)
            if error is None:
                raise
            raise error from None
        except NegotrackError as exc:
            raise placed(_checks(cls, args, kwargs), exc) from None

    __init__.__doc__ = init.__doc__
    __init__.__wrapped__ = init  # type: ignore[attr-defined]
    cls.__init__ = __init__  # type: ignore[method-assign]
    return cls
