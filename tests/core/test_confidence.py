"""Confidences: the range of a cut, and how a confidence is written down."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotrack.core.confidence import cut_down, out_of_range


@pytest.mark.parametrize(
    ("x", "places", "shown"),
    [
        (0.9998, 2, 0.99),
        (0.99999, 4, 0.9999),
        (0.7996, 2, 0.79),
        (0.29, 2, 0.29),
        (0.57, 2, 0.57),
        (1.0, 2, 1.0),
        (0.0, 2, 0.0),
    ],
)
def test_cut_down_never_rounds_up(x: float, places: int, shown: float) -> None:
    """0.9998 is 0.99 (not 1.00), 0.7996 is 0.79 (not the 0.80 "check this" stops at), and
    a value already on the grid stays, though its binary form lies just below it."""
    assert cut_down(x, places) == shown


@given(st.floats(min_value=0.0, max_value=1.0), st.integers(min_value=1, max_value=6))
def test_cut_down_is_at_most_the_value_and_within_one_step(x: float, places: int) -> None:
    """What is shown is never more than the confidence, less by under one last decimal,
    and 1 only for 1."""
    shown = cut_down(x, places)
    assert shown <= x
    assert x - shown < 10**-places + 1e-12
    assert (shown == 1.0) == (x == 1.0)


@pytest.mark.parametrize(
    ("value", "zero", "ok"),
    [
        (0.0, True, True),
        (1.0, True, True),
        (0.0, False, False),
        (1e-9, False, True),
        (1.0, False, True),
        (1.0001, True, False),
        (-0.1, True, False),
        (math.nan, True, False),
        (math.nan, False, False),
        (math.inf, False, False),
    ],
)
def test_out_of_range(value: float, zero: bool, ok: bool) -> None:
    """A minimum may be 0 to 1, a threshold above 0 to 1; NaN is neither."""
    assert (out_of_range(value, zero=zero) is None) == ok
