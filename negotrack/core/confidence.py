"""Confidences: how sure a pairing of two points is, from 0 to 1 (ordinal: higher is
stronger evidence, not a probability). Said once for the diff, the review loop and the
command line: the range a cut on them may take, and how one is written down.

A confidence is written cut down to its last decimal, never rounded up: 0.9998 is "0.99",
not "1.00" (only a sure pair shows 1), and 0.7996 is "0.79", not "0.80" (a pair marked
"check this", below 0.8, never shows 0.80). So a pair always reaches the cut it is
printed with: ``--min-confidence 0.99`` keeps a pair shown as 0.99.
"""

from __future__ import annotations

import math
import numbers
from decimal import ROUND_FLOOR, Decimal

__all__ = ["cut_down", "out_of_range"]


def out_of_range(value: float, *, zero: bool) -> str | None:
    """Why ``value`` cannot be a cut on confidences, or None: a cut is at most 1, and above
    0 (``zero=False``, a threshold: at 0 every pair of points would pair) or at least 0
    (``zero=True``, a minimum: 0 keeps everything). Not-a-number is no cut, nor is what
    is not a number (a string, ``None``, ``True``)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real | Decimal):
        return f"must be a number, found {type(value).__name__} {value!r}"
    low = value >= 0.0 if zero else value > 0.0
    if low and value <= 1.0:  # False for NaN
        return None
    bounds = "from 0 to 1" if zero else "above 0 and at most 1"
    return f"must be {bounds}, found {value!r}"


def cut_down(x: float, places: int = 2) -> float:
    """``x`` cut down to ``places`` decimals (0.9998 -> 0.99; 0.29 stays 0.29)."""
    if not math.isfinite(x):
        return x
    # The shortest text that reads back as x (its repr), not its binary expansion:
    # 0.29 is 0.28999999999999998 in binary and must not be cut to 0.28.
    step = Decimal(1).scaleb(-places)
    return float(Decimal(repr(float(x))).quantize(step, rounding=ROUND_FLOOR))
