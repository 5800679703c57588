"""Shared helpers for ``make bench``: timing, peak memory and the result row.

Every benchmark compares negotrack with a *floor* measured in the same run on the same
data, and reports the ratio against negotrack's performance bar. Absolute times are not stable on
a noisy 2-core machine; ratios are.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import attrs


@attrs.frozen
class Row:
    """One line of the benchmark table."""

    case: str
    negotrack: float
    floor: float
    bar: float
    unit: str = "ms"
    lower_is_better: bool = True

    @property
    def ratio(self) -> float:
        return self.negotrack / self.floor if self.floor else float("inf")

    @property
    def ok(self) -> bool:
        return self.ratio <= self.bar if self.lower_is_better else self.ratio >= self.bar


def median_time(fn: Callable[[], Any], *, repeat: int = 5, warmup: int = 1) -> float:
    """The median wall time of ``fn()`` in milliseconds, after ``warmup`` untimed calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def interleaved(
    a: Callable[[], Any], b: Callable[[], Any], *, repeat: int = 5, warmup: int = 1
) -> tuple[float, float]:
    """Median times (ms) of ``a`` and ``b`` run alternately, so load drifts hit both alike."""
    for _ in range(warmup):
        a()
        b()
    ta: list[float] = []
    tb: list[float] = []
    for _ in range(repeat):
        for fn, out in ((a, ta), (b, tb)):
            gc.collect()
            start = time.perf_counter()
            fn()
            out.append((time.perf_counter() - start) * 1000)
    return statistics.median(ta), statistics.median(tb)


def peak_memory(fn: Callable[[], Any]) -> float:
    """Peak memory allocated by Python while ``fn()`` runs, in MiB (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak / (1024 * 1024)


def table(rows: list[Row]) -> str:
    """The printed table: case, negotrack, floor, ratio, bar, verdict."""
    head = f"{'case':<52} {'negotrack':>12} {'floor':>12} {'ratio':>7} {'bar':>7}  ok"
    lines = [head, "-" * len(head)]
    for r in rows:
        cmp = "<=" if r.lower_is_better else ">="
        lines.append(
            f"{r.case:<52} {r.negotrack:>9.2f} {r.unit:<2} {r.floor:>9.2f} {r.unit:<2}"
            f" {r.ratio:>7.3f} {cmp}{r.bar:<5g}  {'yes' if r.ok else 'NO'}"
        )
    return "\n".join(lines)
