"""``make bench``: run every ``benchmarks/bench_*.py`` and print one table of the bars.

Each benchmark module has ``run() -> list[Row]``. What a benchmark prints (sizes, notes,
profiles) is collected and shown after the table, so the table stays in one piece. The exit
status is 1 when a bar fails or a benchmark crashes, so ``make bench`` can gate a change.

Usage: ``python -m benchmarks.run [NAME ...]`` where NAME is ``load`` for ``bench_load.py``;
no names runs them all.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from benchmarks._harness import Row, table

HERE = Path(__file__).resolve().parent


def available() -> list[str]:
    """The benchmark names found next to this file, sorted."""
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen benchmarks; 0 when every bar holds, 1 otherwise."""
    names = available()
    parser = argparse.ArgumentParser(description="Run negotrack's performance bars.")
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"any of: {', '.join(names)}")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(names))
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; expected any of {names}")
    rows: list[Row] = []
    notes: list[str] = []
    crashed: list[str] = []
    for name in args.names or names:
        print(f"running bench_{name} ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                module = importlib.import_module(f"benchmarks.bench_{name}")
                rows.extend(module.run())
        except Exception:
            crashed.append(name)
            notes.append(f"bench_{name} crashed:\n{traceback.format_exc()}")
        notes.extend(f"[{name}] {line}" for line in out.getvalue().splitlines())
        print(f"  done in {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    print(table(rows))
    if notes:
        print()
        print("\n".join(notes))
    failed = [r.case for r in rows if not r.ok]
    if failed or crashed:
        print(file=sys.stderr)
        for case in failed:
            print(f"bar failed: {case}", file=sys.stderr)
        for name in crashed:
            print(f"benchmark crashed: bench_{name}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
