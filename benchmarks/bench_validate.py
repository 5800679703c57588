"""The validation growth bar: ``negotrack validate`` on a file with N unknown references.

A JSON dossier with 2,000 sources and N events, each naming a source that does not exist
(a near miss of a real id, so every problem gets a "did you mean" hint), is validated
through the command line, in process, for N and 10N. Validation is linear in the file and
the number of problems when time(10N)/time(N) stays near 10; the bar is 15. (Before hints
were indexed, each hint compared the word with every source: 1,000 unknown references took
19 s and 3,000 took 156 s.)
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import tempfile
from pathlib import Path

from benchmarks._harness import Row, median_time
from negotrack.cli.commands import main

SOURCES = 2_000
SMALL = 500
GROWTH = 10


def make_json(unknown: int) -> str:
    """A dossier whose ``unknown`` events each name a misspelt source id."""
    return json.dumps(
        {
            "negotrack": 1,
            "title": "Validation growth",
            "sources": [{"id": f"src-{i}", "title": f"Source {i}"} for i in range(SOURCES)],
            "events": [
                {
                    "id": f"e{i}",
                    "when": "2025-11-23",
                    "title": f"Event {i}",
                    "sources": [f"srx-{i}"],
                }
                for i in range(unknown)
            ],
        }
    )


def validate(path: Path, expected: int) -> None:
    """Run ``negotrack validate PATH`` and check it found every problem."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["validate", str(path)])
    found = err.getvalue().count("unknown source")
    if code != 1 or found != expected:
        raise RuntimeError(f"validate exited {code} with {found} of {expected} problems")


def run() -> list[Row]:
    """One row: the time of validating 10N unknown references over that of N."""
    with tempfile.TemporaryDirectory(prefix="negotrack-bench-validate-") as tmp:
        times = {}
        for n in (SMALL, SMALL * GROWTH):
            path = Path(tmp) / f"d{n}.json"
            path.write_text(make_json(n), encoding="utf-8")
            times[n] = median_time(functools.partial(validate, path, n), repeat=3)
            print(f"{n:,} unknown references: {times[n]:.0f} ms")
    return [
        Row(
            f"validate growth {SMALL * GROWTH:,}/{SMALL:,} unknown refs",
            times[SMALL * GROWTH],
            times[SMALL],
            15,
        )
    ]
