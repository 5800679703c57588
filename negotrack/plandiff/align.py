"""Alignment: which point of the old version became which of the new, and what kept its
place.

The stages go from the most to the least trusted evidence, each working on what the
previous ones left: curated links (one-to-one, splits, merges), shared keys, exact texts,
then text similarity (:mod:`negotrack.plandiff.match`), which also finds splits and merges.
Which of the pairs kept their place is :mod:`negotrack.plandiff.moves`'s question.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import attrs

from negotrack.core.groups import components
from negotrack.core.model import PlanVersion, PointLink
from negotrack.core.refs import PointRef
from negotrack.plandiff import match as _match
from negotrack.plandiff.apart import Apart, kept_apart
from negotrack.plandiff.citations import may_cite, unnamed
from negotrack.plandiff.features import Normaliser
from negotrack.plandiff.pieces import edges
from negotrack.plandiff.spacing import collapsed
from negotrack.plandiff.tokens import words

__all__ = ["Alignment", "Words", "align"]

Words = tuple[str, ...]
"""A point's words or stems, in order."""


@attrs.define
class Alignment:
    """Matches found so far, by index into the old and new points."""

    pairs: dict[int, tuple[int, str]] = attrs.Factory(dict)  # old -> (new, via)
    taken_new: set[int] = attrs.Factory(set)
    groups: list[tuple[tuple[int, ...], tuple[int, ...], str]] = attrs.Factory(list)
    grouped_old: set[int] = attrs.Factory(set)
    # (old, new) -> confidence, for pairs and group members not certain (1.0 otherwise)
    confidence: dict[tuple[int, int], float] = attrs.Factory(dict)

    def sure(self, i: int, j: int) -> float:
        """How sure the pair (or group member) ``(i, j)`` is, 0..1."""
        return self.confidence.get((i, j), 1.0)

    # the links of each many-to-many group, by its index in ``groups``: its members
    crossed: dict[int, tuple[tuple[int, int], ...]] = attrs.Factory(dict)
    # points a curated link says have no counterpart in the other version
    alone_old: set[int] = attrs.Factory(set)
    alone_new: set[int] = attrs.Factory(set)
    # candidates text matching left unpaired: (old, new, confidence), by index
    doubts: tuple[tuple[int, int, float], ...] = ()
    # the words of the texts text matching read (of both versions), by text
    words: dict[str, list[str]] = attrs.Factory(dict)
    # the points of each version curated links took (see match.match)
    pinned: tuple[list[int], list[int]] = attrs.Factory(lambda: ([], []))
    # the pairs distinct links turned down (old, new)
    distinct: set[tuple[int, int]] = attrs.Factory(set)
    # the pairs a person kept apart: on different lines (see placed), or distinct
    apart: Apart = attrs.Factory(Apart)

    def kept_apart(self, i: int, j: int) -> bool:
        """Whether a person kept both points apart (:class:`Apart`)."""
        return kept_apart(self.apart, i, j)

    def free_old(self, n: int) -> list[int]:
        taken = self.pairs.keys() | self.grouped_old | self.alone_old  # one test per index
        return [i for i in range(n) if i not in taken] if taken else list(range(n))

    def free_new(self, n: int) -> list[int]:
        taken = self.taken_new | self.alone_new
        return [j for j in range(n) if j not in taken] if taken else list(range(n))

    def pair(self, i: int, j: int, via: str, confidence: float = 1.0) -> None:
        self.pairs[i] = (j, via)
        self.taken_new.add(j)
        if confidence < 1.0:
            self.confidence[i, j] = confidence

    def group(
        self,
        olds: tuple[int, ...],
        news: tuple[int, ...],
        via: str,
        confidences: tuple[float, ...] = (),
    ) -> None:
        """A split (one old) or merge (one new); ``confidences`` for the members, in
        order (the others when the whole is alone on its side)."""
        self.groups.append((olds, news, via))
        self.grouped_old.update(olds)
        self.taken_new.update(news)
        for edge, confidence in zip(edges(olds, news), confidences, strict=False):
            if confidence < 1.0:
                self.confidence[edge] = confidence


def _split_ref(ref: str) -> tuple[str, str]:
    parsed = PointRef.parse(ref)
    return parsed.version, parsed.number


def _index_of(version: PlanVersion, numbers: dict[str, int], number: str) -> int:
    found = numbers.get(number)
    if found is None:
        version.point(number)  # raises UnknownReference with a did-you-mean hint
        raise AssertionError("unreachable")  # pragma: no cover
    return found


def _curated(
    old: PlanVersion, new: PlanVersion, links: Iterable[PointLink], align: Alignment
) -> None:
    """Apply curated links between the two versions (either direction), grouped into
    one-to-one pairs, splits, merges and, rarely, many-to-many groups.

    Links chain through versions in between: "us-28#21b" -> "geneva#14" and "geneva#14"
    -> "20-point#14" link us-28#21b to 20-point#14. A point with a direct link between
    the two versions is not chained, "no successor" or "no predecessor" in the other
    version included: the direct link is what a person decided for these two versions.
    A ``distinct`` link pairs nothing: its pair is only kept apart (``align.distinct``).
    """
    links = list(links)
    if not links:  # nothing to apply (and nothing to chain through)
        return
    old_no = {p.number: i for i, p in enumerate(old.points)}
    new_no = {p.number: j for j, p in enumerate(new.points)}
    edges: set[tuple[int, int]] = set()
    ahead: dict[str, list[str]] = {}  # ref -> refs it became
    behind: dict[str, list[str]] = {}  # ref -> refs it came from
    for link in links:
        if not PointRef.names_point(link.old) or not PointRef.names_point(link.new):
            _alone(old, new, link, old_no, new_no, align)
            continue
        (va, na), (vb, nb) = _split_ref(link.old), _split_ref(link.new)
        if link.distinct:  # turned down, for these two versions only: it never chains
            if (va, vb) in ((old.id, new.id), (new.id, old.id)):
                (na, nb) = (na, nb) if va == old.id else (nb, na)
                align.distinct.add((_index_of(old, old_no, na), _index_of(new, new_no, nb)))
            continue
        ahead.setdefault(link.old, []).append(link.new)
        behind.setdefault(link.new, []).append(link.old)
        if (va, vb) == (new.id, old.id):
            (va, na), (vb, nb) = (vb, nb), (va, na)
        if (va, vb) != (old.id, new.id):
            continue
        edges.add((_index_of(old, old_no, na), _index_of(new, new_no, nb)))
    direct = {i for i, _ in edges} | align.alone_old
    direct_new = {j for _, j in edges} | align.alone_new
    for graph in (ahead, behind):
        for i, point in enumerate(old.points):
            if i in direct:
                continue
            for ref in _reach(PointRef.format(old.id, point.number), graph, old.id, new.id):
                j = _index_of(new, new_no, _split_ref(ref)[1])
                if j not in direct_new:
                    edges.add((i, j))
    if not edges:
        return
    # Connected components of the link graph over ("o", i) / ("n", j).
    for group in components((), ((("o", i), ("n", j)) for i, j in edges)):
        olds = [k for side, k in group if side == "o"]
        news = [k for side, k in group if side == "n"]
        if len(olds) == 1 and len(news) == 1:
            align.pair(olds[0], news[0], "link")
        else:
            align.group(tuple(sorted(olds)), tuple(sorted(news)), "link")
            if len(olds) > 1 and len(news) > 1:  # many-to-many: the links are its members
                mine = set(olds)
                crossed = tuple(sorted(e for e in edges if e[0] in mine))
                align.crossed[len(align.groups) - 1] = crossed


def _alone(
    old: PlanVersion,
    new: PlanVersion,
    link: PointLink,
    old_no: dict[str, int],
    new_no: dict[str, int],
    align: Alignment,
) -> None:
    """A link with a bare version id on one side: the point has no counterpart in that
    version (no successor, or no predecessor), so no later stage may pair it."""
    point, version = (
        (link.old, link.new) if PointRef.names_point(link.old) else (link.new, link.old)
    )
    v, number = _split_ref(point)
    if (v, version) == (old.id, new.id):
        align.alone_old.add(_index_of(old, old_no, number))
    elif (v, version) == (new.id, old.id):
        align.alone_new.add(_index_of(new, new_no, number))


def _reach(start: str, graph: dict[str, list[str]], old_id: str, new_id: str) -> list[str]:
    """Refs of version ``new_id`` reached from ``start`` through other versions' refs."""
    found: list[str] = []
    seen = {start}
    todo = list(graph.get(start, ()))
    while todo:
        ref = todo.pop()
        if ref in seen:
            continue
        seen.add(ref)
        version = _split_ref(ref)[0]
        if version == new_id:
            found.append(ref)
        elif version != old_id:
            todo.extend(graph.get(ref, ()))
    return found


def _by_key(old: PlanVersion, new: PlanVersion, align: Alignment) -> None:
    """Pair points sharing a lineage key. A key on one point of one version and on several
    of the other says a split (or a merger): the one point continues in all of them. A key
    on as many points in both versions pairs them in reading order, as does a key on
    several in both, unequal, as far as it goes (the rest are left to text). A pair a
    distinct link turned down is never made (links win over keys)."""
    waiting: dict[str, list[int]] = {}
    for j in align.free_new(len(new.points)):
        key = new.points[j].key
        if key is not None:
            waiting.setdefault(key, []).append(j)
    if not waiting:
        return
    mine: dict[str, list[int]] = {}
    for i in align.free_old(len(old.points)):
        key = old.points[i].key
        if key is not None and key in waiting:
            mine.setdefault(key, []).append(i)
    down = align.distinct
    for key, olds in mine.items():
        news = waiting[key]
        if len(olds) == 1 and len(news) > 1:  # a split, less the halves turned down
            news = [j for j in news if (olds[0], j) not in down]
        elif len(news) == 1 and len(olds) > 1:  # a merger, likewise
            olds = [i for i in olds if (i, news[0]) not in down]
        if len(olds) == 1 and len(news) > 1:
            align.group((olds[0],), tuple(news), "key")
        elif len(news) == 1 and len(olds) > 1:
            align.group(tuple(olds), (news[0],), "key")
        else:
            for i in olds:  # in reading order, each with the first not turned down
                k = next((k for k, j in enumerate(news) if (i, j) not in down), None)
                if k is not None:
                    align.pair(i, news.pop(k), "key")


def placed(
    old: PlanVersion, new: PlanVersion, pinned: tuple[list[int], list[int]]
) -> tuple[dict[int, object], dict[int, object]]:
    """The points of each version a person placed, when the two versions share a lineage
    key, each with its line: its key, or for a point a link ``pinned`` without a key, a
    line of its own. Text never pairs two points on different lines, nor offers one to
    the other (exact texts included): a key names the point's lineage, so two points of
    different keys are on different lines (Lausanne's breakout estimate, keyed as the
    JCPOA keys none of its points, is no candidate of the JCPOA's weapons ban), and a link
    says where its point went. Points of one key (a key given to both halves of a split)
    may be paired, and a point without key or link is matched with any. Versions that
    share no key (each keyed on its own) say nothing by their keys about each other:
    nothing is kept apart."""
    keys = {p.key for p in old.points if p.key is not None}
    if not keys or not any(p.key in keys for p in new.points):
        return {}, {}
    lines: tuple[dict[int, object], dict[int, object]] = ({}, {})
    for mine, points, links in (
        (lines[0], old.points, pinned[0]),
        (lines[1], new.points, pinned[1]),
    ):
        for k in links:
            mine[k] = object()  # its own line, unless its key names one
        mine.update((k, p.key) for k, p in enumerate(points) if p.key is not None)
    return lines


def _exact(old: PlanVersion, new: PlanVersion, align: Alignment) -> None:
    """Pair identical texts (up to spacing), the k-th copy with the k-th copy."""
    waiting: dict[str, list[int]] = {}
    # The new texts spaced, by text: a point kept word for word is one text in both
    # versions, and spacing it again would read all of it (thousands of characters in a
    # long point).
    spaced: dict[str, str] = {}
    none_apart = not (align.apart.lines[0] or align.apart.pairs)
    pair = align.pair
    for j in align.free_new(len(new.points)):
        text = new.points[j].text
        key = spaced[text] = collapsed(text)
        waiting.setdefault(key, []).append(j)
    for i in align.free_old(len(old.points)):
        text = old.points[i].text
        known = spaced.get(text)
        queue = waiting.get(collapsed(text) if known is None else known)
        if not queue:
            continue
        if none_apart:  # nothing kept apart (most diffs): the first copy
            pair(i, queue.pop(0), "exact")
            continue
        # the first copy not kept apart from this point (placed)
        k = next((k for k, j in enumerate(queue) if not align.kept_apart(i, j)), None)
        if k is not None:
            pair(i, queue.pop(k), "exact")


def _stems(
    old: PlanVersion, new: PlanVersion, free: tuple[list[int], list[int]], normal: Normaliser
) -> tuple[list[Words], list[Words], dict[str, list[str]]]:
    """Every point's stems, in both versions, and the ``free`` points' words, by text
    (they serve the pieces' shares later).

    Each distinct text is tokenised and stemmed once: a point kept word for word is one
    text in both versions, and its two points share one tuple of stems. Only free points'
    words are kept: the others' (most of the text, often) are let go at once, and their
    memory serves the next text (keeping them all costs a sixth more on long points). The
    stems are tuples: they live as long as the comparison, and the garbage collector stops
    looking into a tuple of strings once it has seen it, while it walks a list every time."""
    texts = [p.text for p in old.points], [p.text for p in new.points]
    wanted = {texts[0][i] for i in free[0]}.union([texts[1][j] for j in free[1]])
    read: dict[str, list[str]] = {}
    stems: dict[str, Words] = {}
    stem = normal.stem_tuple
    citing: set[str] = set()  # the free points' texts that may cite another point
    for text in dict.fromkeys(itertools.chain(*texts)):
        tokens = words(text)
        if text in wanted:
            read[text] = tokens
            if may_cite(text, tokens):
                citing.add(text)
        stems[text] = stem(tokens, "-" in text)
    stems_old, stems_new = (
        list(map(stems.__getitem__, texts[0])),
        list(map(stems.__getitem__, texts[1])),
    )
    if citing:
        unnamed(old, stems_old, [i for i in free[0] if texts[0][i] in citing], normal)
        unnamed(new, stems_new, [j for j in free[1] if texts[1][j] in citing], normal)
    return stems_old, stems_new, read


def _by_text(
    old: PlanVersion,
    new: PlanVersion,
    align: Alignment,
    threshold: float | None,
    language: str | None,
) -> None:
    """Pair the rest by text (:mod:`negotrack.plandiff.match`), splits and merges included;
    ``language`` chooses the stemmers (:class:`Normaliser`)."""
    free_old = align.free_old(len(old.points))
    free_new = align.free_new(len(new.points))
    if not free_old and not free_new:
        return
    anchors = [(i, j) for i, (j, _) in align.pairs.items()]
    stems_old, stems_new, align.words = _stems(old, new, (free_old, free_new), Normaliser(language))
    # The points links pair (not those a link says have no counterpart): candidates still.
    linked = (
        [i for i in align.pinned[0] if i not in align.alone_old],
        [j for j in align.pinned[1] if j not in align.alone_new],
    )
    found = _match.match(
        stems_old,
        stems_new,
        free_old,
        free_new,
        anchors,
        threshold,
        align.pinned,
        linked,
        align.apart,
    )
    for i, j, confidence in found.pairs:
        align.pair(i, j, "text", confidence)
    for olds, news, confidences in found.groups:
        via = "split" if len(olds) == 1 else "merge"
        align.group(olds, news, via, confidences)
    align.doubts = found.doubts


def align(
    old: PlanVersion,
    new: PlanVersion,
    links: Iterable[PointLink],
    threshold: float | None,
    language: str | None = None,
) -> Alignment:
    """Every stage in order: curated links, keys, exact texts, text similarity (in
    ``language``, the plan's, when known)."""
    found = Alignment()
    _curated(old, new, links, found)
    free = (set(found.free_old(len(old.points))), set(found.free_new(len(new.points))))
    found.pinned = (
        [i for i in range(len(old.points)) if i not in free[0]],
        [j for j in range(len(new.points)) if j not in free[1]],
    )
    found.apart = Apart(placed(old, new, found.pinned), frozenset(found.distinct))
    _by_key(old, new, found)
    _exact(old, new, found)
    _by_text(old, new, found, threshold, language)
    return found
