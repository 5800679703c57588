"""Matching quality on generated version pairs of long points."""

from __future__ import annotations

from collections import Counter

from negotrack.plandiff.compare import diff
from tests.support.diffgen import edges, generate, score


def test_reworded_long_points_are_paired() -> None:
    """Long points with a fifth of their words changed are paired with their originals,
    and no unrelated long points are."""
    case = generate(150, seed=11, share=0.2, words=(200, 400))
    result = score(case.truth, edges(diff(case.old, case.new).changes))
    assert result.precision >= 0.99
    assert result.recall >= 0.93


def test_a_generated_split_makes_at_most_three_pieces() -> None:
    """A long point is split into runs of sentences, not into every sentence."""
    case = generate(150, seed=11, share=0.0, p_split=0.2, words=(200, 400))
    pieces = Counter(o for o, _ in case.truth)
    assert max(pieces.values()) == 3
