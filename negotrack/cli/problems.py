"""How the command line reports a problem: naming the file, the argument and the value
given (``d.yaml: REF us-28#41: ...``), and the line of a place in the file."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from negotrack.errors import FormatError, NegotrackError, Problem, by_line

__all__ = ["LINED_BYTES", "given", "lined", "placed"]


def given(args: argparse.Namespace, option: str, value: object) -> str:
    """``OPTION VALUE`` as the command line had it (``REF us-28#41``, ``--source s2``), so
    that a log of many runs says which one failed; the option alone when it stands for two
    (``OLD_REF NEW_REF``) or its value is not one text."""
    if value is None and " " not in option:
        value = getattr(args, option.lstrip("-").replace("-", "_").lower(), None)
    if isinstance(value, list) and len(value) == 1:  # --track diplomcy (a repeatable option)
        value = value[0]
    return f"{option} {value}" if isinstance(value, str) and value else option


LINED_BYTES = 8 << 20
"""The largest file whose problems get lines after a refused change: finding them reads the
file again with ruamel.yaml's round-trip loader, slow on a large file."""


def lined(exc: NegotrackError, file: str | None) -> Sequence[Problem]:
    """``exc``'s problems, placed in ``file`` (:func:`placed`): a refused change (``remove``)
    names places in the file as it is. A file that does not read (:class:`FormatError`: bad
    syntax, an alias bomb) is not read again: its reader placed what it could."""
    if isinstance(exc, FormatError) or file is None:
        return exc.problems
    return placed(exc.problems, file)


def placed(problems: Sequence[Problem], file: str) -> Sequence[Problem]:
    """``problems``, each place in ``file`` (``$.events[2].sources[0]``) with its line, as
    ``validate`` gives it, YAML or JSON (on files up to LINED_BYTES), in the file's order
    (:func:`~negotrack.errors.by_line`)."""
    if not any(p.line is None and p.path[:2] in ("$.", "$[") for p in problems):
        return by_line(p.at(file) for p in problems)
    from negotrack.io.files import read_text
    from negotrack.io.yaml import line_index, line_of

    try:
        if os.path.getsize(file) > LINED_BYTES:
            return problems
        lines = line_index(read_text(file))
    except (NegotrackError, OSError):
        return problems
    return by_line(
        p.at(file, line_of(p.path, lines)) if p.file in (None, file) else p for p in problems
    )
