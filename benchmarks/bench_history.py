"""The cost of history: recording status changes, as-of queries, loading with the collector.

PRODUCT.md: recording N status changes costs O(N) in all, and an as-of query does not
re-sort a point's history. Each row is a ratio against the same work at a smaller size, so
1.0 means "grows as it should":

- recording: ``time(8N) / (8 x time(N))`` for N = 1,000 changes through
  ``Dossier.set_status`` (spread over 50 points, dated a day apart), medians of runs taken
  alternately with the collector paused; quadratic recording would give about 8.
- as-of queries: the time of one ``status_of(ref, as_of=...)`` on a point with 10,000
  changes over one with 1,000; re-sorting the history on every query would give about 10+.
- loading: ``nt.load`` called with the collector on (as a notebook or a script leaves it)
  over the same load with the caller pausing it; ``nt.load`` pauses it itself, so about 1.
"""

from __future__ import annotations

import gc
import json
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import negotrack as nt
from benchmarks._harness import Row, interleaved, median_time
from benchmarks.bench_load import make_dossier, without_gc

POINTS = 50
N = 1_000
SMALL, LARGE = 1_000, 10_000
QUERIES = 500
LOAD_EVENTS = 20_000


def _dossier() -> nt.Dossier:
    """A dossier with one 50-point version, one source and one participant."""
    return nt.Dossier(
        title="History bench",
        participants=[nt.Participant(id="envoy", name="An envoy")],
        sources=[nt.Source(id="s1", title="A report")],
        plans=[
            nt.Plan(
                id="plan",
                title="A plan",
                versions=[
                    nt.PlanVersion(
                        id="v1",
                        label="Draft",
                        date="2020-01-01",
                        points=[nt.Point(number=str(i), text=f"Point {i}.") for i in range(POINTS)],
                    )
                ],
            )
        ],
    )


_STATUSES = ("disputed", "agreed", "kept", "amended")


def _record(n: int, points: int = POINTS) -> Callable[[], nt.Dossier]:
    """A function that records ``n`` changes into a fresh dossier (dates a day apart)."""
    first = date(2020, 1, 2)
    dates = [(first + timedelta(days=i // points)).isoformat() for i in range(n)]

    def work() -> nt.Dossier:
        d = _dossier()
        for i, on in enumerate(dates):
            d.set_status(f"v1#{i % points}", _STATUSES[i % 4], on=on, source="s1")
        return d

    return work


def _query_time(changes: int) -> float:
    """Milliseconds per ``status_of`` on a point with ``changes`` changes."""
    d = _record(changes, points=1)()
    last = date(2020, 1, 2) + timedelta(days=changes)
    as_of = [
        (date(2020, 1, 2) + timedelta(days=k * changes // QUERIES)).isoformat()
        for k in range(QUERIES)
    ]
    assert d.status_of("v1#0", as_of=last.isoformat()) is not None

    def queries() -> None:
        for q in as_of:
            d.status_of("v1#0", as_of=q)

    return median_time(queries, repeat=5) / QUERIES


def _load_rows(tmp: Path) -> Row:
    path = tmp / "dossier.json"
    path.write_text(json.dumps(make_dossier(LOAD_EVENTS)), encoding="utf-8")

    def caller_paused() -> Any:
        gc.disable()
        try:
            return nt.load(path)
        finally:
            gc.enable()

    def collector_on() -> Any:
        assert gc.isenabled()
        return nt.load(path)

    ours, floor = interleaved(collector_on, caller_paused, repeat=5)
    return Row(f"load {LOAD_EVENTS // 1000}k events, collector on / paused", ours, floor, 1.25)


def run() -> list[Row]:
    """Rows for recording growth, as-of query growth and loading with the collector on."""
    # Both sizes run alternately with the collector paused, as bench_load times its rows:
    # the collector's full passes grow with the heap, which is CPython's cost, not ours.
    small, large = interleaved(without_gc(_record(N)), without_gc(_record(8 * N)), repeat=3)
    print(f"record {N:,} changes: {small:.0f} ms; {8 * N:,} changes: {large:.0f} ms")
    q_small, q_large = _query_time(SMALL), _query_time(LARGE)
    us = (q_small * 1000, q_large * 1000)
    print(f"status_of at {SMALL:,} changes: {us[0]:.1f} us; at {LARGE:,}: {us[1]:.1f} us")
    with tempfile.TemporaryDirectory(prefix="negotrack-bench-history-") as tmp:
        load = _load_rows(Path(tmp))
    return [
        Row(f"record {8 * N // 1000}k / 8 x {N // 1000}k status changes", large, 8 * small, 1.5),
        Row(f"as-of query at {LARGE // 1000}k / {SMALL // 1000}k changes", q_large, q_small, 2.0),
        load,
    ]
