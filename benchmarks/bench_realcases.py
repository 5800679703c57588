"""The real-drafts bar in ``make bench``: on each real case of ``seeds/``, the share of the
curated pairs text matching finds at the default settings (bar: 90%), and the wrong pairs
it makes (bar: none). See :mod:`benchmarks.realcases` for how a case is built and
``python -m benchmarks.realcases`` for what each case misses.
"""

from __future__ import annotations

from benchmarks._harness import Row
from benchmarks.realcases import measure

__all__ = ["run"]


def run() -> list[Row]:
    """Two rows per case (found / curated, and wrong pairs); merges and splits are printed."""
    rows = []
    for r in measure():
        case = f"real {r.dossier.removesuffix('.yaml')}: {r.old}->{r.new}"
        rows.append(Row(f"{case} found", r.found, r.curated, 0.9, unit="", lower_is_better=False))
        # Wrong pairs against the curated pairs: the bar is 0 of them.
        rows.append(Row(f"{case} wrong", r.wrong, max(r.curated, 1), 0.0, unit=""))
        print(
            f"{case}: {r.found}/{r.curated} pairs, {r.wrong} wrong ({r.wrong_unmarked} not "
            f"marked 'check this'), merges found "
            f"{r.merges_found} of {r.merges_truth}, splits found {r.splits_found} of "
            f"{r.splits_truth}; to review: {r.candidates} candidates, {r.candidates_missed} of "
            "them curated pairs it missed"
        )
    return rows
