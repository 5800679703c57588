"""The matcher's fast paths decide exactly as the plain computations they replace."""

from __future__ import annotations

import bisect
import math
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from negotrack.plandiff.features import Bag, bags
from negotrack.plandiff.scores import Scores

_COSINE = st.floats(min_value=0.0, max_value=1.0).map(lambda s: round(s, 9))


def _scores(mu: float, sd: float) -> Scores:
    sc = Scores([["a"]], [["a"]], [0], [0])
    sc.mu, sc.sd = mu, sd
    return sc


@given(
    st.floats(min_value=0.0, max_value=0.5),
    st.floats(min_value=1e-3, max_value=0.5),
    st.integers(min_value=1, max_value=10_000_000),
    st.floats(min_value=0.01, max_value=1.0),
    st.sampled_from([1.0, 0.5]),
    st.lists(_COSINE, min_size=1, max_size=40),
)
def test_the_least_cosine_of_a_bar_splits_the_cosines_as_their_confidences_do(
    mu: float, sd: float, n: int, cut: float, scale: float, values: list[float]
) -> None:
    """A cosine is at least ``least`` exactly when its confidence reaches the cut, and
    ``least`` picks the same pairs as the least of the sorted cosines that reaches it."""
    sc = _scores(mu, sd)
    least = sc.least(n, cut, scale)
    for s in values:
        assert (s >= least) == (sc.confidence(s, n, scale) >= cut)
    ordered = sorted(set(values))
    k = bisect.bisect_left(ordered, True, key=lambda s: sc.confidence(s, n, scale) >= cut)
    per_values = ordered[k] if k < len(ordered) else math.inf
    assert [s >= least for s in values] == [s >= per_values for s in values]


def test_a_bar_no_cosine_reaches_has_no_least_cosine() -> None:
    """When even a cosine of 1 falls short of the cut, no pair reaches it (inf)."""
    sc = _scores(0.9, 1.0)
    assert sc.least(10**6, 0.99) == math.inf
    assert sc.least(1, 0.01) == 0.0  # every cosine reaches so low a cut


def _plain_bags(docs: list[list[str]], wanted: set[int]) -> list[Bag]:
    counts = [Counter(d) for d in docs]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    idf = {t: math.log(len(docs) / d) for t, d in df.items() if d < len(docs)}
    return [
        {t: (1.0 + math.log(m)) * idf[t] for t, m in c.items() if t in idf} if k in wanted else {}
        for k, c in enumerate(counts)
    ]


@given(
    st.lists(st.lists(st.sampled_from("abcdefg"), max_size=9), min_size=1, max_size=12),
    st.sets(st.integers(min_value=0, max_value=11)),
)
def test_bags_weigh_as_counting_each_document_does(docs: list[list[str]], wanted: set[int]) -> None:
    """Counting only the wanted documents' stems (the others' distinct stems only) gives
    the very weights, in the very order, of counting every document."""
    got = bags(docs, wanted)
    plain = _plain_bags(docs, wanted)
    assert got == plain
    assert [list(b) for b in got] == [list(b) for b in plain]
