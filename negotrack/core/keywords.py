"""A wrong keyword to a record class: an error that names the fields the class has.

``Event(date=...)`` would be a bare ``TypeError``; the :func:`keywords` decorator turns it
into a :class:`~negotrack.errors.DossierError` with every field listed and the likely one
suggested (``did you mean 'when'?``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import attrs

from negotrack.errors import DossierError, Problem, did_you_mean

__all__ = ["keywords", "unknown_keyword"]

_R = TypeVar("_R")

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


def keywords(cls: type[_R]) -> type[_R]:
    """Make a wrong keyword to ``cls`` a :class:`DossierError` naming the fields it has."""
    init = cls.__init__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except TypeError:
            error = unknown_keyword(cls, kwargs)
            if error is None:
                raise
            raise error from None

    __init__.__doc__ = init.__doc__
    __init__.__wrapped__ = init  # type: ignore[attr-defined]
    cls.__init__ = __init__  # type: ignore[method-assign]
    return cls
