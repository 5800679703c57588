"""The notebook tour's questions as a plain Python script.

    python examples/notebook_analysis.py [DOSSIER] [--as-of DATE]

Loads a dossier (default: the December 2025 seed) and prints what an analyst asks first:
what the dossier holds, the status of every point now and as of a date (by both as-of
rules), the history of the points whose status changed, the parties' positions, and what
changed between each plan version and the one it derives from.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import negotrack as nt

SEED = Path(__file__).resolve().parent.parent / "seeds" / "ukraine-2025-12.yaml"


def overview(d: nt.Dossier) -> None:
    """What the dossier holds: events by kind, and plans with their versions."""
    print(f"# {d.title}\n")
    kinds = Counter(e.kind.value for e in d.events)
    print("Events:", ", ".join(f"{n} {kind}" for kind, n in kinds.most_common()))
    timeline = d.filter_events()
    if timeline:
        print(f"From {timeline[0].when.display()} to {timeline[-1].when.display()}")
    for plan in d.plans:
        print(f"\nPlan {plan.title!r}:")
        for v in plan.versions:
            print(f"  {v.id:<12} {v.date.display():<16} {len(v.points):>3} points  {v.label}")


def statuses(d: nt.Dossier, as_of: str) -> None:
    """Every point's status now, and as of ``as_of`` by the settled and possible rules."""
    print(f"\n## Statuses: now, and as of {nt.Moment.of(as_of).display()} (settled / possible)\n")
    for ref in d.refs():
        now = d.status_of(ref)
        settled = d.status_of(ref, as_of=as_of)
        possible = d.status_of(ref, as_of=as_of, rule="possible")
        then = f"{_name(settled)} / {_name(possible)}"
        print(f"  {ref:<14} {_name(now):<10} {then}")


def histories(d: nt.Dossier) -> None:
    """The dated, sourced history of every point whose status changed after it was tabled."""
    print("\n## Status changes\n")
    for ref in d.refs():
        history = d.history(ref)
        if len(history) < 2:
            continue
        print(f"  {ref}: {d.point(ref).text}")
        for change in history:
            word = ", ".join(x for x in (change.source, change.by) if x)
            print(f"    {change.on.display():<16} {change.status.value:<10} ({word})")


def positions(d: nt.Dossier) -> None:
    """Each party's latest recorded stance on each point."""
    print("\n## Positions\n")
    for ref in d.refs():
        stances = d.positions(ref)
        if stances:
            parts = [f"{d.participant(p).name}: {pos.stance.value}" for p, pos in stances.items()]
            print(f"  {ref:<14} " + "; ".join(parts))


def diffs(d: nt.Dossier) -> None:
    """What changed between each version and each version it derives from."""
    for plan in d.plans:
        for v in plan.versions:
            for old in v.derived_from:
                changes = d.diff(old, v.id)
                counts = {kind: n for kind, n in changes.summary.items() if n}
                print(f"\n## {old} → {v.id}: {counts}\n")
                for c in changes.changes:
                    old_no = c.old.number if c.old else "-"
                    new_no = c.new.number if c.new else "-"
                    figures = ", ".join(f"{f.old or '∅'} → {f.new or '∅'}" for f in c.figures)
                    extra = f"  [{figures}]" if figures else ""
                    print(f"  {c.kind.value:<10} {old_no:>5} → {new_no:<5}{extra}")


def _name(status: nt.Status | None) -> str:
    return status.value if status is not None else "-"


def main(argv: list[str] | None = None) -> int:
    """Answer the questions for the dossier named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else "")
    parser.add_argument("dossier", nargs="?", type=Path, default=SEED)
    parser.add_argument("--as-of", default="2025-12-10", help="default: 2025-12-10")
    args = parser.parse_args(argv)
    try:
        d = nt.load(args.dossier)
    except nt.NegotrackError as exc:
        print(exc, file=sys.stderr)
        return 1
    overview(d)
    statuses(d, args.as_of)
    histories(d)
    positions(d)
    diffs(d)
    return 0


if __name__ == "__main__":
    sys.exit(main())
