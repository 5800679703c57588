"""The pairs a person kept apart, which text matching may neither pair nor offer one to
the other (:class:`Apart`): points a key or a link placed on different lines, and pairs a
``distinct`` link turned down. :class:`negotrack.plandiff.scores.Scores` scores such a pair
0, below what unrelated points score.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["NOTHING_APART", "Apart", "kept_apart"]


class Apart:
    """The pairs a person kept apart, which text may neither pair nor offer one to the
    other: two points placed on different ``lines`` (each version's placed points by
    line, see :func:`negotrack.plandiff.align.placed`), and the ``pairs`` a ``distinct``
    link turned down (old index, new index)."""

    __slots__ = ("lines", "pairs")

    def __init__(
        self,
        lines: tuple[Mapping[int, object], Mapping[int, object]] = ({}, {}),
        pairs: frozenset[tuple[int, int]] = frozenset(),
    ) -> None:
        self.lines = lines
        self.pairs = pairs


NOTHING_APART = Apart()
"""No pair kept apart."""


def kept_apart(apart: Apart, i: int, j: int) -> bool:
    """Whether a person kept old point ``i`` and new point ``j`` apart (:class:`Apart`):
    text may neither pair them nor offer one to the other."""
    line = apart.lines[0].get(i)
    if line is not None and apart.lines[1].get(j, line) != line:
        return True
    return bool(apart.pairs) and (i, j) in apart.pairs
