"""The diff bars: speed against an inverted-index floor on short, medium and long points,
near-linear growth, the full HTML report, and the quality of the matching on generated
pairs by share of words changed and by length.

Speed case: two 2,000-point versions with no lineage keys, derived as analysts see them
between drafts: 30% of the points reworded (15% of their words), 5% deleted, 5% added, 5%
moved, 3% split, 3% merged, everything renumbered; points of 5-10 (short), 30-50 (medium)
or 200-400 (long) words. The floor is what every text matcher pays: reading every token of
both versions into an inverted index (``re.findall`` + ``Counter`` + postings lists),
measured in the same run on the same texts. The bars: the diff at most 3x the floor at
every length, time(2,000) / time(200) at most 12, the full HTML report at most 6x. The
points kept word for word (about 60%) anchor the rest, and most reworded points are
paired in place before the candidate index; a note (no bar) gives the diff when every
point is reworded, which has no such anchors.

Quality: every surviving point reworded by a given share of its words (the hardest case
for a given share), precision / recall / F1 of the lineage edges over several seeds. The
bar is 0.97 F1 at 10% and 20% of the words changed (600 points), and at 20% on short,
medium and long points (300 points); ``python -m benchmarks.bench_diff`` also prints how it
degrades beyond. A note (no bar) gives the F1 at 20% by length on 1,000 and 2,000 points
too: it falls as the versions grow, most on short points, whose generated texts are drawn
from a small vocabulary, so that the more points there are, the more look-alikes a reworded
point meets (a point that prefers a look-alike paired elsewhere must clear the bar with half
its evidence, see :mod:`negotrack.plandiff.match`), and the higher the bar of the whole
search.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from benchmarks._harness import Row, interleaved, table
from negotrack.plandiff.compare import diff
from negotrack.render.shared import render_diff
from tests.support.diffgen import Case, Score, edges, generate, score

HERE = Path(__file__).resolve().parent

__all__ = ["curve", "floor", "quality", "run"]

SEEDS = (11, 12, 13)
QUALITY_POINTS = 600
CURVE = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
LENGTHS = {"short": (5, 10), "medium": (30, 50), "long": (200, 400)}
_TOKEN = re.compile(r"\w+")


def _speed_case(n: int, seed: int, words: tuple[int, int] | None = None) -> Case:
    return generate(
        n,
        seed=seed,
        share=0.15,
        p_reword=0.3,
        p_delete=0.05,
        p_add=0.05,
        p_move=0.05,
        words=words,
    )


def floor(old_texts: list[str], new_texts: list[str]) -> dict[str, list[tuple[int, int]]]:
    """An inverted index of both versions: each word's postings (side, point)."""
    postings: dict[str, list[tuple[int, int]]] = {}
    for side, texts in enumerate((old_texts, new_texts)):
        for k, text in enumerate(texts):
            for word in Counter(_TOKEN.findall(text.lower())):
                postings.setdefault(word, []).append((side, k))
    return postings


def quality(
    share: float,
    *,
    n: int = QUALITY_POINTS,
    seeds: tuple[int, ...] = SEEDS,
    words: tuple[int, int] | None = None,
) -> Score:
    """Mean precision, recall and F1 when every surviving point has ``share`` of its words
    changed (plus deletions, additions, moves, splits and merges)."""
    scores = []
    for seed in seeds:
        case = generate(n, seed=seed, share=share, words=words)
        scores.append(score(case.truth, edges(diff(case.old, case.new).changes)))
    return Score(
        statistics.mean(s.precision for s in scores),
        statistics.mean(s.recall for s in scores),
        statistics.mean(s.f1 for s in scores),
    )


def curve() -> list[tuple[float, Score]]:
    """Quality at each share of reworded words in :data:`CURVE`."""
    return [(share, quality(share)) for share in CURVE]


def _diff_of(case: Case) -> Callable[[], object]:
    def run() -> object:
        return diff(case.old, case.new)

    return run


def _report_of(case: Case) -> Callable[[], object]:
    def run() -> object:
        return render_diff(diff(case.old, case.new), "html")

    return run


def _floor_of(texts: tuple[list[str], list[str]]) -> Callable[[], object]:
    def run() -> object:
        return floor(*texts)

    return run


def _f1_row(case: str, q: Score) -> Row:
    return Row(case, q.f1, 1.0, 0.97, unit="", lower_is_better=False)


def run() -> list[Row]:
    """The rows of ``make bench`` for the diff."""
    rows = []
    for name, words in LENGTHS.items():
        big = _speed_case(2000, seed=1, words=words)
        texts = ([p.text for p in big.old.points], [p.text for p in big.new.points])
        t_diff, t_floor = interleaved(_diff_of(big), _floor_of(texts), repeat=5)
        rows.append(Row(f"diff 2,000 {name} points / inverted index", t_diff, t_floor, 3))
        if name == "medium":
            small = _speed_case(200, seed=1, words=words)
            # Both sizes alternately, so that a burst of load on the machine hits both.
            t_big, t_small = interleaved(_diff_of(big), _diff_of(small), repeat=7, warmup=2)
            rows.append(Row("diff growth 2,000/200 medium points", t_big, t_small, 12))
            t_html, t_floor = interleaved(_report_of(big), _floor_of(texts), repeat=3)
            rows.append(Row("diff + HTML report, 2,000 medium points / index", t_html, t_floor, 6))
    _all_reworded()
    _by_size()
    for share in (0.1, 0.2):
        rows.append(_f1_row(f"diff F1, {share:.0%} of each point's words changed", quality(share)))
    for name, words in LENGTHS.items():
        q = quality(0.2, n=300, words=words)
        rows.append(_f1_row(f"diff F1, 20% changed, {name} points", q))
    return rows


def _all_reworded() -> None:
    """Print, without a bar, the diff against the floor when every point is reworded: the
    speed case keeps most points word for word, and those anchors let the matcher pair
    the points reworded in place before its index; without any, every point goes
    through the index."""
    for name, words in LENGTHS.items():
        case = generate(2000, seed=1, share=0.15, words=words)
        texts = ([p.text for p in case.old.points], [p.text for p in case.new.points])
        t_diff, t_floor = interleaved(_diff_of(case), _floor_of(texts), repeat=3)
        print(
            f"every point reworded, 2,000 {name} points: diff {t_diff:.0f} ms, floor"
            f" {t_floor:.0f} ms, {t_diff / t_floor:.1f}x (no bar: no point is kept word for word)"
        )


def _by_size() -> None:
    """Print, without a bar, the F1 at 20% of words changed by length on larger versions
    than the bar's rows (see the module's note)."""
    for name, words in LENGTHS.items():
        f1 = [quality(0.2, n=n, words=words).f1 for n in (300, 1000, 2000)]
        print(
            f"F1, 20% changed, {name} points, on 300 / 1,000 / 2,000 points:"
            f" {f1[0]:.3f} / {f1[1]:.3f} / {f1[2]:.3f} (no bar: the bar's row uses 300)"
        )


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
