"""The shapes of the JSON outputs the product names (PRODUCT.md), in order."""

from __future__ import annotations

DIFF_KEYS = ("old", "new", "summary", "changes", "candidates", "distinct")
"""``diff --format json``: its top-level keys."""
CHANGE_KEYS = (
    "kind",
    "old",
    "new",
    "similarity",
    "confidence",
    "matched_by",
    "note",
    "check",
    "to_check",
    "options_changed",
    "options",
)
"""Each change of ``diff --format json``: the product's four keys, then what the review
loop reads, then the points' options (whether they changed, and each side's)."""
