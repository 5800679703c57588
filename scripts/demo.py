"""``make demo``: summarise every seed dossier and render what can be rendered.

For each ``seeds/*.yaml`` (or the dossiers named on the command line) this prints a readable
summary (participants by side, events by month, plans with their versions and point counts,
current point statuses) and writes into ``out/<dossier-stem>/`` (with
:func:`negotrack.render_site`):

- ``index.html`` and ``index.md``: the contents page, the place to start;
- ``timeline.html`` and ``timeline.md``: the whole timeline;
- ``board-<PLAN>.html``: each plan's status board;
- ``diff-<OLD>_to_<NEW>.html`` and ``.md``: a report for each version that has a predecessor
  (the timeline links to these names).

It is a tour of the public API as much as a demo, so it uses only ``negotrack``'s public
names.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

import negotrack as nt
from negotrack.core.dates import Precision

ROOT = Path(__file__).resolve().parent.parent


START = "ukraine-2025-12"
"""The seed dossier built from the source article: where a reader starts."""


def main(argv: Sequence[str] | None = None) -> int:
    """Summarise and render each dossier; 1 when a dossier is bad, 0 otherwise."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("dossiers", nargs="*", type=Path, help="default: seeds/*.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "out", help="default: out/")
    args = parser.parse_args(argv)
    paths: list[Path] = args.dossiers or sorted((ROOT / "seeds").glob("*.yaml"))
    if not paths:
        print("no dossiers found in seeds/*.yaml", file=sys.stderr)
        return 1
    status = 0
    for path in paths:
        try:
            dossier = nt.load(path)
        except nt.NegotrackError as exc:
            for problem in exc.problems:
                print(problem if problem.file else f"{path}: {problem}", file=sys.stderr)
            status = 1
            continue
        print("\n".join(summary(dossier, path)))
        written = render(dossier, args.out / path.stem)
        if written:
            print(f"\nWritten to {_shown(args.out / path.stem)}/:")
            for file in written:
                print(f"  {_shown(file)}")
        print()
    if status == 0:
        # Start at the dossier built from the source article, when it was rendered.
        start = next((p for p in paths if p.stem == START), paths[0])
        print(f"Open {_shown(args.out / start.stem / 'index.html')} in a browser to start", end="")
        print(" (each dossier's pages begin at its index.html)." if len(paths) > 1 else ".")
    return status


def summary(d: nt.Dossier, path: Path) -> Iterator[str]:
    """Readable lines describing the dossier: who, when, which plans, where points stand."""
    yield f"== {d.title}  ({_shown(path)})"
    if d.description:
        yield d.description.strip()

    yield f"\nParticipants ({len(d.participants)}), by side:"
    by_side: dict[str, list[str]] = defaultdict(list)
    for p in d.participants:
        by_side[p.side or "(no side)"].append(f"{p.name} ({p.role})" if p.role else p.name)
    for side in sorted(by_side):
        yield f"  {side}: {', '.join(by_side[side])}"

    yield f"\nEvents ({len(d.events)}), by month:"
    by_month: dict[str, list[nt.Event]] = defaultdict(list)
    for e in d.filter_events():
        by_month[_month(e.when)].append(e)
    for month, events in by_month.items():
        kinds = Counter(str(e.kind) for e in events)
        detail = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())
        yield f"  {month:<10} {len(events):>3}  ({detail})"

    yield f"\nPlans ({len(d.plans)}):"
    for plan in d.plans:
        yield f"  {plan.title} [{plan.id}]"
        for v in plan.versions:
            origin = f", from {', '.join(v.derived_from)}" if v.derived_from else ""
            yield (
                f"    {v.id:<14} {v.date.display():<14} {len(v.points):>3} points"
                f"  {v.label}{origin}"
            )
            reports = [d.status_report(f"{v.id}#{p.number}") for p in v.points]
            # A status the dates cannot settle (changes of unknown order) is marked "?",
            # as the board marks it.
            statuses = Counter(f"{r.status}{'' if r.certain else '?'}" for r in reports)
            if statuses:
                counts = ", ".join(f"{n} {s}" for s, n in statuses.most_common())
                doubt = "  (?: not certain, see the board)" if "?" in counts else ""
                yield f"    {'':<14} now: {counts}{doubt}"
    changes = len(d.status_log)
    yield f"\nStatus changes recorded: {changes}; positions recorded: {len(d.position_log)}"


def render(d: nt.Dossier, out: Path) -> list[Path]:
    """Write the timeline, the status boards and the diff reports into ``out``."""
    return nt.render_site(d, out)


def _month(when: nt.Moment) -> str:
    if when.precision is Precision.YEAR:
        return f"{when.value.year} (month unknown)"
    return when.value.strftime("%Y-%m")


def _exists(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _shown(path: Path) -> str:
    """The path relative to the working directory when it is inside it, for short output."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    raise SystemExit(main())
