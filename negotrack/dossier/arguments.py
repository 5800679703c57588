"""Turning what a caller hands the dossier into records, with errors that name the place.

The dossier's constructor takes model values or mappings of their fields; its change methods
build one value from keyword arguments. Both turn a bad argument into a
:class:`~negotrack.errors.DossierError` rather than a bare ``TypeError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from negotrack.errors import DossierError, NegotrackError, Problem

__all__ = ["build", "coerce"]


def coerce(cls: type[Any], items: Iterable[Any], name: str) -> tuple[Any, ...]:
    """``items`` as ``cls`` values; mappings are built with their fields as keywords."""
    out = []
    for i, item in enumerate(items):
        if isinstance(item, cls):
            out.append(item)
        elif isinstance(item, Mapping):
            try:
                out.append(cls(**item))
            except TypeError as exc:
                raise DossierError(str(exc), path=f"$.{name}[{i}]") from None
        else:
            raise DossierError(
                f"expected a {cls.__name__}, found {type(item).__name__}", path=f"$.{name}[{i}]"
            )
    return tuple(out)


def build(make: Any) -> Any:
    """Build a value, turning a bad argument into a DossierError that names it."""
    try:
        return make()
    except NegotrackError:
        raise
    except (TypeError, ValueError) as exc:
        raise DossierError(Problem(str(exc))) from None
