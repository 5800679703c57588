"""Confidences: how sure a pairing of two points is, from 0 to 1 (ordinal: higher is
stronger evidence, not a probability). Said once for the diff, the review loop and the
command line: the range a cut on them may take.
"""

from __future__ import annotations

__all__ = ["out_of_range"]


def out_of_range(value: float, *, zero: bool) -> str | None:
    """Why ``value`` cannot be a cut on confidences, or None: a cut is at most 1, and above
    0 (``zero=False``, a threshold: at 0 every pair of points would pair) or at least 0
    (``zero=True``, a minimum: 0 keeps everything). Not-a-number is no cut."""
    low = value >= 0.0 if zero else value > 0.0
    if low and value <= 1.0:  # False for NaN
        return None
    bounds = "from 0 to 1" if zero else "above 0 and at most 1"
    return f"must be {bounds}, found {value!r}"
