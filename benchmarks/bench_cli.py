"""The command-line bar: ``negotrack status set`` on a 1,000-event JSON dossier.

The bar: at most 1.6x the wall time of ``python -c "import attrs, pendulum"``, both run
as fresh processes, medians of interleaved runs. The floor is what any Python tool built on
negotrack's runtime dependencies pays just to start; negotrack also parses its arguments,
takes the dossier's lock, reads and validates the whole dossier, records the change, and
writes the file atomically (temporary file, fsync, rename, directory fsync).

The dossier is the load benchmark's generator at 1,000 events plus a 28-point plan, so
the command has real points to change.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks._harness import Row, interleaved
from benchmarks.bench_load import make_dossier

EVENTS = 1_000
#: The installed ``negotrack`` command, as users run it (``python -m negotrack`` would add
#: runpy's start-up to what is measured).
COMMAND = str(Path(sys.executable).with_name("negotrack"))
REPEAT = 21


def write_dossier(path: Path, events: int = EVENTS) -> None:
    """A generated dossier with ``events`` events and one 28-point plan version."""
    data = make_dossier(events)
    data["plans"] = [
        {
            "id": "plan",
            "title": "A peace plan",
            "versions": [
                {
                    "id": "v28",
                    "label": "28-point draft",
                    "date": "2025-11-20",
                    "sources": ["s0"],
                    "points": [
                        {"number": str(n), "text": f"Point {n} of the draft."} for n in range(1, 29)
                    ],
                }
            ],
        }
    ]
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")


def compile_package() -> None:
    """Write negotrack's bytecode, as ``pip install`` does for a wheel.

    The floor's attrs and pendulum were installed from wheels, so their bytecode is on
    disk; negotrack here is an editable install, and with ``PYTHONDONTWRITEBYTECODE`` set
    (as on these machines) every run would compile its sources afresh, which no installed
    copy does. Compiling once puts both sides on the same footing.
    """
    import negotrack

    package = str(Path(negotrack.__file__).parent)
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True)


YAML_REPEAT = 7


def yaml_note(json_path: Path, path: Path, floor: Callable[[], None], env: dict[str, str]) -> None:
    """Print ``status set`` on the same dossier as YAML, against the same floor.

    A note, not a bar (the bar is measured on JSON); YAML is what hand-kept dossiers are
    written in. The dossier already has a status log (the JSON runs wrote it), so each
    run appends to it, as a scripted update of a kept dossier does.
    """
    from negotrack.io.storage import dumps, load

    path.write_text(dumps(load(json_path), "yaml"), encoding="utf-8")
    count = iter(range(10**6))

    def status_set() -> None:
        n = next(count)
        subprocess.run(
            [COMMAND, "status", "set", str(path), f"v28#{1 + n % 28}", "disputed",
             "--on", f"2026-02-{1 + n % 28:02d}", "--source", "s1"],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip

    ours, base = interleaved(status_set, floor, repeat=YAML_REPEAT, warmup=1)
    size = path.stat().st_size
    print(
        f"bench_cli: status set on the same dossier as {size / 1024:.0f} KiB of YAML: "
        f"{ours:.0f} ms, {ours / base:.1f}x the floor ({base:.0f} ms), median of "
        f"{YAML_REPEAT} interleaved runs (a note: the bar is measured on JSON)"
    )


def run() -> list[Row]:
    """Time ``status set`` against the interpreter-plus-dependencies floor."""
    compile_package()
    env = {**os.environ, "NO_COLOR": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.json"
        write_dossier(path)
        count = iter(range(10**6))

        def status_set() -> None:
            n = next(count)
            subprocess.run(
                [COMMAND, "status", "set", str(path),
                 f"v28#{1 + n % 28}", ("disputed", "kept", "amended")[n % 3],
                 "--on", f"2026-01-{1 + n % 28:02d}", "--source", "s1"],
                check=True,
                env=env,
                stdout=subprocess.DEVNULL,
            )  # fmt: skip

        def floor() -> None:
            subprocess.run([sys.executable, "-c", "import attrs, pendulum"], check=True, env=env)

        ours, base = interleaved(status_set, floor, repeat=REPEAT, warmup=2)
        size = path.stat().st_size
        print(f"bench_cli: {EVENTS} events, {size / 1024:.0f} KiB JSON, {REPEAT} interleaved runs")
        yaml_note(path, Path(tmp) / "bench.yaml", floor, env)
    return [
        Row(
            case=f"status set, {EVENTS:,}-event JSON (vs import attrs, pendulum)",
            negotrack=ours,
            floor=base,
            bar=1.6,
        )
    ]


if __name__ == "__main__":
    from benchmarks._harness import table

    print(table(run()))
