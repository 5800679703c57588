"""Publish a dossier as HTML: its timeline, a diff report per plan version, a status board.

    python examples/publish_html.py DOSSIER OUT_DIR [--template-dir DIR]

Writes into OUT_DIR:

- ``timeline.html``: every event, grouped by month, with filters and search;
- ``diff-OLD_to_NEW.html``: for each version, what changed from the version it derives from
  (the names the timeline links to from the events that produced a version);
- ``board-PLAN.html``: for each plan, the status of every point in every version.

Each page is one self-contained file: copy the folder to any web server, or attach a page
to an e-mail. (``nt.render_site`` does the same in one call, and adds a contents page,
``index.html``, and a Markdown copy of each page; this script spells it out with the public
functions.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import negotrack as nt


def publish(d: nt.Dossier, out: Path, template_dir: Path | None = None) -> list[Path]:
    """Write the dossier's pages into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def write(name: str, html: str) -> None:
        path = out / name
        path.write_text(html, encoding="utf-8")
        written.append(path)

    write("timeline.html", nt.render_timeline(d, "html", template_dir=template_dir))
    for plan in d.plans:
        previous: nt.PlanVersion | None = None
        for version in plan.versions:
            # Compare with the version it derives from, else the one recorded before it.
            old = version.derived_from[0] if version.derived_from else None
            if old is None and previous is not None:
                old = previous.id
            previous = version
            if old is None:
                continue
            report = nt.render_diff(d.diff(old, version.id), "html", template_dir=template_dir)
            write(f"diff-{old}_to_{version.id}.html", report)  # the name the timeline links to
        if plan.versions:
            board = nt.render_board(d, plan.id, "html", template_dir=template_dir)
            write(f"board-{plan.id}.html", board)
    return written


def main(argv: list[str] | None = None) -> int:
    """Publish the dossier named on the command line; 1 if it cannot be read."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else "")
    parser.add_argument("dossier", type=Path)
    parser.add_argument("out", type=Path, help="the folder to write into (created if needed)")
    parser.add_argument("--template-dir", type=Path, help="your templates (see the docs)")
    args = parser.parse_args(argv)
    try:
        d = nt.load(args.dossier)
        written = publish(d, args.out, args.template_dir)
    except nt.NegotrackError as exc:
        print(exc, file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
