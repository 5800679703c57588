"""The diff bars: speed against rapidfuzz's all-pairs ``cdist``, near-linear
growth, and the quality of the matching against generated ground truth.

Speed case: two 2,000-point versions with no lineage keys, derived as analysts see them
between drafts: 30% of the points reworded (15% of their words), 5% deleted, 5% added, 5%
moved, 3% split, 3% merged, everything renumbered. The floor is
``rapidfuzz.process.cdist(old_texts, new_texts, scorer=fuzz.ratio)`` on the same texts, in
the same run (one thread), and the bar is 0.1x of it.

Quality: every surviving point reworded by a given share of its words (the hardest case for
a given share), precision / recall / F1 of the lineage edges over several seeds. The bar is
0.97 F1 up to a fifth of the words changed; ``python -m benchmarks.bench_diff`` also prints
how it degrades beyond.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from benchmarks._harness import Row, interleaved, table
from negotrack.plandiff.compare import diff
from tests.support.diffgen import Case, Score, edges, generate, score

HERE = Path(__file__).resolve().parent

__all__ = ["curve", "quality", "run"]

SEEDS = (11, 12, 13)
QUALITY_POINTS = 600
CURVE = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)


def _speed_case(n: int, seed: int) -> Case:
    return generate(n, seed=seed, share=0.15, p_reword=0.3, p_delete=0.05, p_add=0.05, p_move=0.05)


def quality(share: float, *, n: int = QUALITY_POINTS, seeds: tuple[int, ...] = SEEDS) -> Score:
    """Mean precision, recall and F1 when every surviving point has ``share`` of its words
    changed (plus deletions, additions, moves, splits and merges)."""
    scores = []
    for seed in seeds:
        case = generate(n, seed=seed, share=share)
        scores.append(score(case.truth, edges(diff(case.old, case.new).changes)))
    return Score(
        statistics.mean(s.precision for s in scores),
        statistics.mean(s.recall for s in scores),
        statistics.mean(s.f1 for s in scores),
    )


def curve() -> list[tuple[float, Score]]:
    """Quality at each share of reworded words in :data:`CURVE`."""
    return [(share, quality(share)) for share in CURVE]


def run() -> list[Row]:
    """The rows of ``make bench`` for the diff."""
    from rapidfuzz import fuzz, process

    big = _speed_case(2000, seed=1)
    small = _speed_case(200, seed=1)
    texts_old = [p.text for p in big.old.points]
    texts_new = [p.text for p in big.new.points]

    def floor() -> object:
        return process.cdist(texts_old, texts_new, scorer=fuzz.ratio, workers=1)

    def diff_big() -> object:
        return diff(big.old, big.new)

    def diff_small() -> object:
        return diff(small.old, small.new)

    t_diff, t_cdist = interleaved(diff_big, floor, repeat=7)
    # Growth: both sizes alternately, so that a burst of load on the machine hits both.
    t_big, t_small = interleaved(diff_big, diff_small, repeat=15, warmup=2)
    rows = [
        Row("diff 2,000 vs 2,000 points", t_diff, t_cdist, 0.1),
        Row("diff growth 2,000/200", t_big, t_small, 15),
    ]
    for share in (0.1, 0.2):
        q = quality(share)
        rows.append(
            Row(
                f"diff F1, {share:.0%} of each point's words changed",
                q.f1,
                1.0,
                0.97,
                unit="",
                lower_is_better=False,
            )
        )
    return rows


def main() -> None:
    """Print the rows and the degradation curve."""
    print(table(run()))
    print()
    print("degradation (every surviving point reworded; mean of seeds", SEEDS, ")")
    print(f"{'words changed':>14} {'precision':>10} {'recall':>8} {'F1':>7}")
    for share, s in curve():
        print(f"{share:>14.0%} {s.precision:>10.3f} {s.recall:>8.3f} {s.f1:>7.3f}")


if __name__ == "__main__":
    main()
