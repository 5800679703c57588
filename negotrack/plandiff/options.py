"""A point's options (the bracketed alternatives still open) compared between two versions.

Options never decide which points are paired (matching reads the texts alone); once a pair
is made, a change to its options is a change to the point: a pair whose text stayed the
same but whose options did not is *reworded* (:func:`negotrack.diff`), and every change
says whether its options changed (``PointChange.options_changed``).

Options are alternatives, so their order means nothing: two lists of options are the same
when they hold the same options (each as often), up to spacing. Each side's options keep
their own order when shown, each marked kept, dropped (old side) or added (new side).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from negotrack.plandiff.spacing import collapsed

if TYPE_CHECKING:
    from negotrack.core.model import Point

__all__ = ["OptionRun", "option_runs", "options_json", "same_options"]

OptionRun = tuple[str, str]
"""One option as a report shows it: ``(op, text)``, ``op`` "equal" (on both sides),
"delete" (only on the old side) or "insert" (only on the new side), as the word diff's."""


def same_options(old: Sequence[str], new: Sequence[str]) -> bool:
    """Whether ``old`` and ``new`` hold the same options, in any order, up to spacing."""
    if old == new:  # most points: no options on either side, or the same list
        return True
    if len(old) != len(new):
        return False
    return Counter(map(collapsed, old)) == Counter(map(collapsed, new))


def option_runs(
    old: Sequence[str], new: Sequence[str]
) -> tuple[tuple[OptionRun, ...], tuple[OptionRun, ...]]:
    """Each side's options in its own order, marked: an old option the new side also holds
    (up to spacing; each held option answers one of the other side's) is "equal", else
    "delete"; a new option likewise "equal", else "insert"."""
    return _marked(old, new, "delete"), _marked(new, old, "insert")


def _marked(side: Sequence[str], other: Sequence[str], alone: str) -> tuple[OptionRun, ...]:
    """``side``'s options, each "equal" when ``other`` holds it too (each of ``other``'s
    answering one), else ``alone``."""
    held = Counter(map(collapsed, other))
    runs = []
    for text in side:
        key = collapsed(text)
        if held[key]:
            held[key] -= 1
            runs.append(("equal", text))
        else:
            runs.append((alone, text))
    return tuple(runs)


def options_json(old: Point | None, new: Point | None) -> dict[str, list[str] | None] | None:
    """A change's ``options`` in ``negotrack diff --format json``: each side's (null for a
    side with no point), and those ``dropped`` and ``added`` (empty unless both points
    exist); None when neither point has any option."""
    before = old.options if old is not None else ()
    after = new.options if new is not None else ()
    if not before and not after:
        return None
    olds, news = option_runs(before, after)
    paired = old is not None and new is not None
    return {
        "old": list(before) if old is not None else None,
        "new": list(after) if new is not None else None,
        "dropped": [text for op, text in olds if op == "delete" and paired],
        "added": [text for op, text in news if op == "insert" and paired],
    }
