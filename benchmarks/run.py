"""``make bench``: run every ``benchmarks/bench_*.py`` and print one table of the bars.

Each benchmark module has ``run() -> list[Row]``. What a benchmark prints (sizes, notes,
profiles) is collected and shown after the table, so the table stays in one piece. The exit
status is 1 when a bar fails or a benchmark crashes, so ``make bench`` can gate a change.

Each benchmark runs in a process of its own, as a command or a fresh notebook would: in one
shared process, what an earlier benchmark left behind skews the later ones (after the
100,000-event load, the interpreter keeps some 370 MiB of fragmented heap, and the 10,000-event
timeline read 2.45x its floor instead of 2.05x).

Usage: ``python -m benchmarks.run [NAME ...]`` where NAME is ``load`` for ``bench_load.py``;
no names runs them all.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import subprocess
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

import attrs

from benchmarks._harness import Row, table

HERE = Path(__file__).resolve().parent


def available() -> list[str]:
    """The benchmark names found next to this file, sorted."""
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def one(name: str) -> int:
    """Run ``bench_NAME`` in this process and print its rows, notes and any crash as JSON."""
    out = io.StringIO()
    rows: list[Row] = []
    error = ""
    try:
        with contextlib.redirect_stdout(out):
            module = importlib.import_module(f"benchmarks.bench_{name}")
            rows = module.run()
    except Exception:
        error = traceback.format_exc()
    payload = {
        "rows": [attrs.asdict(r) for r in rows],
        "notes": out.getvalue().splitlines(),
        "error": error,
    }
    print(json.dumps(payload))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen benchmarks; 0 when every bar holds, 1 otherwise."""
    names = available()
    parser = argparse.ArgumentParser(description="Run negotrack's performance bars.")
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"any of: {', '.join(names)}")
    parser.add_argument("--one", choices=names, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        return one(args.one)
    unknown = sorted(set(args.names) - set(names))
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; expected any of {names}")
    rows: list[Row] = []
    notes: list[str] = []
    crashed: list[str] = []
    for name in args.names or names:
        print(f"running bench_{name} ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.run", "--one", name],
            capture_output=True,
            text=True,
            check=False,
        )
        try:
            payload = json.loads(done.stdout)
        except json.JSONDecodeError:
            payload = {"rows": [], "notes": [], "error": done.stdout + done.stderr}
        rows.extend(Row(**row) for row in payload["rows"])
        notes.extend(f"[{name}] {line}" for line in payload["notes"])
        if payload.get("error"):
            crashed.append(name)
            notes.append(f"bench_{name} crashed:\n{payload['error']}")
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
