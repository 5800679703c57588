"""Counts in words that agree in number: "1 event", "2 events", "1 status change"."""

from __future__ import annotations

__all__ = ["counted"]

_IRREGULAR = {"entry": "entries", "person": "people", "party": "parties", "status": "statuses"}


def counted(n: int, noun: str) -> str:
    """``n`` and ``noun``, the last word plural unless ``n`` is 1 ("2 status changes")."""
    if n == 1:
        return f"1 {noun}"
    head, _, last = noun.rpartition(" ")
    plural = _IRREGULAR.get(last, last + "s")
    return f"{n} {head + ' ' if head else ''}{plural}"
