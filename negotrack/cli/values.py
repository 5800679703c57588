"""Command-line values: each checked before any work, and what a bad one raises.

Every subcommand (:mod:`negotrack.cli.commands` and the modules it hands commands to)
loads its dossier and checks its options here, so that a bad value is bad input naming
the option or argument (exit 1), never an empty report. :class:`Failed` carries it to
:func:`negotrack.cli.commands.main`, which prints it. Callers use the module's name
(``values.load``, ``values.locale``): a command's own ``locale`` is a local variable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from negotrack.errors import NegotrackError, Problem

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier

__all__ = ["Failed", "arguments", "checked", "cut", "found", "load", "locale", "moment"]

T = TypeVar("T")


class Failed(Exception):
    """A bad command-line value, reported like a dossier problem (exit 1): each problem
    of ``error`` as ``OPTION: message``, where ``option`` is empty when each problem's
    path names its argument as the usage line does (``OLD_REF``, ``--on``); a path that
    is a place in the file (``$...``) is reported there, as any problem of the file."""

    def __init__(self, option: str, error: NegotrackError, value: object = None) -> None:
        super().__init__(option)
        self.option = option
        self.error = error
        self.value = value  # the value given, when the option's own may be several


def load(path: str) -> Dossier:
    from negotrack.io.storage import load

    return load(path)


def checked(option: str, parse: Callable[[Any], Any], value: Any) -> Any:
    """``parse(value)``, or a :class:`Failed` naming the option."""
    if value is None:
        return None
    try:
        return parse(value)
    except NegotrackError as exc:
        raise Failed(option, exc, value) from None


def arguments(call: Callable[[], T], name: Callable[[str], str | None]) -> T:
    """``call()``, a dossier method given command-line values; each problem it raises at
    a path ``name`` maps to an argument (``old_ref`` -> ``OLD_REF``) is that argument's,
    not a place in the file (the path of a value the command was about to add, or "$")."""
    try:
        return call()
    except NegotrackError as exc:
        named = [(p, name(p.path)) for p in exc.problems]
        if not any(n for _, n in named):
            raise
        problems = [attrs.evolve(p, path=n or p.path) for p, n in named]
        raise Failed("", NegotrackError(problems)) from None


def found(*lookups: tuple[str, Callable[[str], object], str]) -> None:
    """Each ``(ARGUMENT, lookup, value)``: ``lookup(value)`` finds something, or exit 1
    with a line per argument that names nothing (``NEW: no plan version 'nope' ...``)."""
    problems: list[Problem] = []
    for argument, lookup, value in lookups:
        try:
            lookup(value)
        except NegotrackError as exc:
            problems += [attrs.evolve(p, path=argument) for p in exc.problems]
    if problems:
        raise Failed("", NegotrackError(problems))


def locale(value: str | None, fmt: str = "", words: tuple[str, ...] = ()) -> str | None:
    """The ``--locale`` value checked before any work (an unknown one names the known).
    ``words``: the formats of the command's ``--format`` (``fmt``) that have words to
    translate; with another (JSON, a listing for scripts) it is refused, not ignored, as
    export refuses an option of another format."""
    if value is None:
        return None
    if words and fmt not in words:
        named = f"{', '.join(words[:-1])} or {words[-1]}" if len(words) > 1 else words[0]
        raise Failed(
            f"--locale {value}", NegotrackError(f"applies to --format {named}, not --format {fmt}")
        )
    from negotrack.render.catalogs import normalise

    return str(checked("--locale", normalise, value))


def cut(option: str, value: float | None, *, zero: bool) -> float | None:
    """A ``--threshold`` (``zero=False``) or ``--min-confidence`` value checked before any
    work: out of range, it is bad input naming the option, not an empty report."""
    from negotrack.core.confidence import out_of_range

    why = None if value is None else out_of_range(value, zero=zero)
    if why is not None:
        hint = "0 lists every pair" if zero else "leave it out for the matcher's own cut"
        raise Failed(option, NegotrackError(why, hint=hint))
    return value


def moment(option: str, value: str | None) -> Any:
    from negotrack.core.dates import Moment

    return checked(option, Moment.of, value)
