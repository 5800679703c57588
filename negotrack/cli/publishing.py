"""The publishing commands: ``negotrack board`` and ``negotrack site``.

``site`` writes every page a dossier has into one folder, under the names the pages link
to (``timeline.html`` links each version to ``diff-OLD_to_NEW.html``), so the links resolve
wherever the folder is copied.
"""

from __future__ import annotations

import argparse

from negotrack.cli import values

__all__ = ["board", "site"]


def board(args: argparse.Namespace) -> int:
    """``negotrack board FILE [PLAN] [-o OUT] [--format html|md] [--as-of DATE]
    [--locale LANG]``."""
    from negotrack.cli.output import emit
    from negotrack.render.shared import render_board

    locale = values.locale(args.locale)
    threshold = values.cut("--threshold", args.threshold, zero=False)
    d = values.load(args.file)
    if args.plan is not None:
        values.found(("PLAN", d.plan, args.plan))
    as_of = values.moment("--as-of", args.as_of)
    text = render_board(d, args.plan, args.format, as_of=as_of, threshold=threshold, locale=locale)
    emit(text, args.output)
    return 0


def site(args: argparse.Namespace) -> int:
    """``negotrack site FILE -o DIR [--locale LANG]``: the timeline, every diff report and
    every board."""
    from negotrack.cli.output import committed
    from negotrack.core.counts import counted
    from negotrack.publish import render_site

    locale = values.locale(args.locale)
    threshold = values.cut("--threshold", args.threshold, zero=False)
    d = values.load(args.file)
    written = render_site(d, args.output, threshold=threshold, locale=locale)
    committed("\n".join(str(p) for p in written), args.output, counted(len(written), "file"))
    return 0
