"""``negotrack validate``: every problem of a dossier in one pass, then its warnings.

Problems make the command fail (exit 1, one line each on standard error). Warnings (valid
but suspicious input, see :mod:`negotrack.dossier.warnings`) are printed after the summary
and leave the exit status 0, unless ``--strict`` makes them problems.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from negotrack.cli import values
from negotrack.errors import Problem

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier

__all__ = ["validate"]


def validate(args: argparse.Namespace) -> int:
    """``negotrack validate FILE [--strict]``: every problem, or a summary and warnings."""
    from negotrack.cli.output import emit, note, printable
    from negotrack.cli.output import error as _error
    from negotrack.core.counts import counted

    d = values.load(args.file)

    warnings = _warnings(d, args.file)
    if warnings and args.strict:
        for p in warnings:
            _error(str(p))
        return 1
    points = sum(len(v.points) for p in d.plans for v in p.versions)
    versions = sum(len(p.versions) for p in d.plans)
    counts = (
        counted(len(d.participants), "participant"),
        counted(len(d.sources), "source"),
        counted(len(d.events), "event"),
        counted(len(d.plans), "plan"),
        counted(versions, "version"),
        counted(points, "point"),
        counted(len(d.status_log), "status change"),
        counted(len(d.position_log), "position"),
    )
    emit(printable(f"{args.file}: ok ({', '.join(counts)})\n"), None)
    for p in warnings:
        note(str(Problem(f"warning: {p.message}", p.path, p.file, p.line, p.hint)))
    return 0


def _warnings(d: Dossier, file: str) -> list[Problem]:
    """The dossier's warnings, placed in ``file`` (with lines)."""
    from negotrack.cli.problems import placed
    from negotrack.dossier.warnings import check_warnings

    return list(placed(check_warnings(d), file))
