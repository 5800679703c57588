"""Connected groups of things that were said to belong together (union-find).

Used for point lineages: curated links between two versions form splits and merges, and a
status board's rows are points linked version after version.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

__all__ = ["components"]

_T = TypeVar("_T", bound=Hashable)


def components(nodes: Iterable[_T], pairs: Iterable[tuple[_T, _T]]) -> list[list[_T]]:
    """The connected groups of ``nodes`` and the ends of ``pairs``, each pair joining its
    two ends.

    Groups come in the order of their first member seen (``nodes`` first, then each pair's
    ends in order), members in the order they were seen.
    """
    parent: dict[_T, _T] = {}

    def find(x: _T) -> _T:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]  # path halving keeps chains short
            x = parent[x]
        return x

    for node in nodes:
        parent.setdefault(node, node)
    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    groups: dict[_T, list[_T]] = {}
    for node in list(parent):
        groups.setdefault(find(node), []).append(node)
    return list(groups.values())
