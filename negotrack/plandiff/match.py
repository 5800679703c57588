"""Matching the points left after links, keys and exact texts, by what these two versions
make likely.

No single cosine tells a rewording from two unrelated points: two drafts written by one hand
share many words, two written by different hands share few, and long points share more
common words than short ones. So the matcher asks the two versions at hand.

*Null.* The cosines of pairs of points taken evenly across both versions (every pair when
the versions are small) are almost all pairs of unrelated points: their mean ``mu`` and
spread ``sd`` say what unrelated points of *these* documents score (for versions of a
few points, shrunk towards a prior of what unrelated points of real drafts score). A
pair's evidence is its z-score ``z = (cosine - mu) / sd`` (the weights are described in
:mod:`negotrack.plandiff.features`).

*Bar.* Among n unrelated pairs, the best z-score is about ``sqrt(2 ln n)`` (the expected
maximum of n normal draws). Every pair of free points competes, so that is the bar a pair
must clear, with n the number of pairs searched: old free points times new ones. In two
versions of 30 free points a pair needs z of about 3.7, in two of 2,000 about 5.5; so 200
long points deleted and 200 unrelated ones added stay apart, however many common words
they share. Then:

*Order.* Two points facing each other between two consecutive pairs whose order is certain
(on every longest run of pairs in order on both sides, see
:func:`negotrack.plandiff.order.uncrossed`; the only free points of such a gap, as a line
diff would see them) competed with few others: in a
gap of k by l points the bar is ``sqrt(2 ln (k l))``, but never below 1: one point facing
one point needs only to score one spread above the mean of unrelated pairs. So low a bar
is cleared by what merely shares the plan's words, so in a gap a point with two candidates
that both clear it is left alone: the text cannot tell them apart (Minsk I's "both sides
stop using weapons immediately" faces Minsk II's "immediate and full ceasefire" and "both
sides pull all heavy weapons back"); a person can, through the review loop. Nor is a pair
taken when one of its points scores higher, above the bar of every pair searched, with a
point of the two pairs around the gap: it is likely that pair's piece
(:func:`negotrack.plandiff.order.unclaimed`).

*In place.* A gap of k points facing k points where no pair stands out is read as a
line diff reads it, each point rewritten in its place (the k-th facing the k-th), when the
text agrees with the order: each pair of that run is the best of its row and of its column
in the gap, scores above unrelated points, and is claimed by no pair around the gap; and
together they clear the bar of one pair, their z-scores summed over the square root of k
(the spread of such a sum for unrelated points) reaching FLOOR
(:func:`~negotrack.plandiff.order.run_in_place`). For one point facing one this is the
rule above; over a run, each pair may score below the gap's bar (the US Gaza plan's
"Gaza is to be rebuilt" and "Gaza is redeveloped", z 0.68, and the next point's rewrite,
1.04): each gets the run's confidence, low enough to read "check this".

*Facing first.* When the versions are large enough to need the inverted index, the points
facing each other between two pairs already made (links, keys, exact texts) whose order is
certain (in gaps of at most GAP on each side, see :mod:`negotrack.plandiff.order`) are
paired before the index is built, when a pair clears the bar of every pair searched (not
the gap's lower one) and neither of its points has a second candidate in the gap that
clears the bar of a group (two pieces facing their whole are left to the groups): points
reworded in place, as most are. Such a pair clears the bar the first round holds every
pair to, and its place vouches for it as a line diff's would. Then pieces facing their
whole in the gaps left are grouped as the groups below would group them (plainly
contained), each gap on its own. Taking these first leaves the index about a third of the
free points of a 2,000-point revision.

*Confidence.* ``confidence = 1 / (1 + exp(-1.5 * (z - bar)))``: 0.5 exactly at the bar,
towards 1 far above it. It is *ordinal*: a higher value is stronger evidence, but 0.8 does
not mean "right four times in five". ``threshold=`` compares it (0.5 by default). Once
every pair and piece is made, each is at most as sure as its margin over its strongest
rival (another candidate of either point that clears the bar) makes it
(:mod:`negotrack.plandiff.rivals`): a pair chosen by a hair reads "check this".

*Assignment.* Pairs are taken greedily, best first, among points still free, so every pair
taken is the best of what is left for both its points (mutual best); near-identical points
are told apart by standing at the same relative place. Then the gaps between pairs that
keep their order are searched with their lower bar, until nothing changes.

*Second look.* The inverted index keeps a few candidates per point, and a reworded point
may miss its partner there; the points still free after a round are fewer, so every pair of
them (or their own candidates, when still many) is scored too, at the same bar.

*Order, again.* When some pair is off that run (a move, or a point taken by a look-alike
elsewhere in the text), pairing starts again from the same free points, ranking a pair
that lies between two consecutive pairs of certain order
:data:`~negotrack.plandiff.rounds.ORDER` z-scores higher, and "first
choice" counts that bonus too: of two look-alikes, the one in its place is preferred. The
bar a pair must clear does not change. This is repeated at most ROUNDS times.

*Mutual best.* A pair that is not the first choice of both its points (one of them
preferred a point that went elsewhere) must clear the bar with half its z-score. Nor is a
pair taken outside a gap when it rests on one word: it is offered to a person instead
(:meth:`~negotrack.plandiff.scores.Scores.one_word`).

*Splits and merges.* Pieces plainly contained in their whole are grouped first
(:mod:`negotrack.plandiff.groups`; their confidence is the share of the whole they
cover). The pieces of a whole stand next to each other, so a pair of a piece and its
whole (a close pair whose point is the lighter) also offers the whole the piece's
neighbours, when the candidate index did not: on short points the index often keeps one
piece of a merge and not the other. Then a point left over (compared also with the
partners of its nearest paired neighbours, where a merge or split puts its whole, when the
candidate index did not offer them) is a piece of its best candidate when that candidate
is already paired (or is left over too, and is the best candidate of another such piece),
the pair clears the bar, the piece is the whole's best candidate apart from the whole's
partner (mutual best, as for pairs: "put" alone does not make Colombia's plebiscite a
piece of the peace constituencies), the runner-up does not clear the bar (no other whole
could claim the piece; unless the piece stands next to its whole's partner and not next
to the runner-up's: order settles it), and the best candidate beats the runner-up by the
bar of the wholes the piece was compared with (the piece belongs to that whole, not to
the plan's common vocabulary), or by the bar of the whole search when the piece does not
stand next to its whole's partner, where nothing in the order vouches for it (the US
draft's NATO troops are no piece of the 20-point territory point on "troops" alone). The
whole is old for a split, new for a merge. A piece need not be the smaller part: a
rewrite may spell out what a whole said in a clause (the Annan plan's fifth version gives
the Presidential Council's election a point of its own, longer than the third version's
whole point). A pair that would gain pieces on both sides (many to many) keeps those of
the side whose surest piece is surer.

*Left over.* Last, a point held to half its evidence above may still continue one left
over: two that are each other's clear best among them are paired (:mod:`.leftover`).

Every choice breaks ties on a key that does not depend on which version is called old, so
``diff(b, a)`` mirrors ``diff(a, b)``.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from negotrack.plandiff.apart import NOTHING_APART, Apart
from negotrack.plandiff.candidates import every_pair, worth_scoring
from negotrack.plandiff.doubts import doubts, linked_pairs
from negotrack.plandiff.groups import take_groups
from negotrack.plandiff.leftover import left_mutual
from negotrack.plandiff.order import group_facing, kept_of, pair_facing, placed
from negotrack.plandiff.pieces import Found, adjacent, beside, pieces
from negotrack.plandiff.rivals import with_rivals
from negotrack.plandiff.rounds import pairing_round
from negotrack.plandiff.scores import MOST, Scores

__all__ = ["Found", "match"]

CUT = 0.5
"""The default cut on confidence: a pair is made when it clears the bar (see the note)."""
LOOSEST = 0.01
"""The cut of the search every looser threshold cuts (one below it pairs as it does)."""
ROUNDS = 2
"""Most times pairing starts again, preferring pairs in their place, while some pair is out
of order (see the note, "Order, again")."""


def match(
    old: Sequence[Sequence[str]],
    new: Sequence[Sequence[str]],
    free_old: Sequence[int],
    free_new: Sequence[int],
    anchors: Sequence[tuple[int, int]],
    threshold: float | None,
    pinned: tuple[Sequence[int], Sequence[int]] = ((), ()),
    linked: tuple[Sequence[int], Sequence[int]] = ((), ()),
    apart: Apart = NOTHING_APART,
) -> Found:
    """Pair the free points of two versions given as stem lists (all points, so that
    weights and order see the whole versions); ``anchors`` are pairs already made.
    ``pinned``: the points of each version curated links took out of the search; they
    still count in its size and its null (a person's link vouches for its pair, not for
    the others: pinning pairs text matching made leaves the bar the rest face as it was).
    ``linked``: those of them a link pairs with a point (not "no successor"), which are
    candidates of the points left over as points paired by text are. ``apart``: the pairs a
    person kept apart (placed on different lines by a key or a link, or turned down by a
    ``distinct`` link): none is paired or offered
    (:class:`~negotrack.plandiff.apart.Apart`).

    ``threshold`` replaces the default cut on confidence (CUT) when given. A stricter one
    keeps of what the default finds what is at least that sure, and leaves the rest to a
    person (:meth:`Found.at_least`): raising it only removes pairs, each with the
    confidence the default gives it. (Searching at the stricter cut would not: a pair
    refused by the whole search can be taken later in a gap between two pairs, against the
    gap's lower bar and so with a higher confidence, and gaps change shape as fewer pairs
    are made.) A looser one adds what one search at LOOSEST pairs at least that sure among
    the points the default leaves over (:meth:`Found.with_more`): lowering it only adds
    pairs, even below CUT, and those made keep their confidence.
    """
    found = _match(old, new, free_old, free_new, anchors, CUT, pinned, linked, apart)
    if threshold is None or threshold == CUT:
        return found
    if threshold > CUT:
        return found.at_least(threshold)
    loose = _match(old, new, free_old, free_new, anchors, LOOSEST, pinned, apart=apart)
    return found.with_more(loose.at_least(threshold))


def _match(
    old: Sequence[Sequence[str]],
    new: Sequence[Sequence[str]],
    free_old: Sequence[int],
    free_new: Sequence[int],
    anchors: Sequence[tuple[int, int]],
    cut: float,
    pinned: tuple[Sequence[int], Sequence[int]],
    linked: tuple[Sequence[int], Sequence[int]] = ((), ()),
    apart: Apart = NOTHING_APART,
) -> Found:
    """:func:`match` searching at the cut ``cut`` on confidence."""
    if not (free_old and (free_new or linked[1])) and not (free_new and linked[0]):
        return Found((), ())
    every = (sorted([*free_old, *pinned[0]]), sorted([*free_new, *pinned[1]]))
    sc = Scores(old, new, *every, apart)
    sc.null(*every)
    searched = (len(every[0]), len(every[1]))
    n = searched[0] * searched[1]  # the pairs searched
    side = max(searched)  # the points one point is compared with
    size = statistics.fmean([*(len(old[i]) for i in free_old), *(len(new[j]) for j in free_new)])
    if not free_old or not free_new:  # nothing to pair: the candidates linked points offer
        rest = (set(free_old), set(free_new))
        pool, scores = linked_pairs(sc, old, new, rest, linked, size, [])
        return Found((), (), doubts(sc, pool, scores, searched, *rest, []))
    sizes = (len(old), len(new))
    used_old: set[int] = set()
    used_new: set[int] = set()
    least = sc.least(side, cut)  # the bar of groups and of the pool's pairs
    facing: dict[int, tuple[int, float]] = {}
    plain: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
    if not every_pair(free_old, free_new, size):  # the index is needed: in place first
        facing = pair_facing(sc, free_old, free_new, anchors, n, cut)
        anchors = [*anchors, *((i, j) for i, (j, _) in facing.items())]
        used_old.update(facing)
        used_new.update(j for j, _ in facing.values())
        plain = group_facing(sc, free_old, free_new, anchors, least, used_old, used_new)
    open_old = [i for i in free_old if i not in used_old]
    open_new = [j for j in free_new if j not in used_new]
    rated = sc.rated(worth_scoring(old, new, open_old, open_new, size), sizes)
    scored = [(i, j, s) for i, j, s, _ in rated if s >= least]
    for i, j in adjacent(sc, rated, open_old, open_new):  # pieces the index left out
        cos = sc.cos(i, j)
        if cos >= least:
            scored.append((i, j, cos))
    plain += take_groups(sc.old, sc.new, sc.mass_old, sc.mass_new, scored, used_old, used_new)
    start = (set(used_old), set(used_new))
    orders: dict[frozenset[tuple[int, int]], list[tuple[int, int]]] = {}

    def kept_now(pairs: dict[int, tuple[int, float]]) -> list[tuple[int, int]]:
        """:func:`kept_of` the anchors and ``pairs``, once per set of pairs (rounds repeat)."""
        key = frozenset([(i, j) for i, (j, _) in pairs.items()])
        found = orders.get(key)
        if found is None:
            found = orders[key] = kept_of(anchors, pairs)
        return found

    # The pool's points free at the start, the same every round: what a round adds to the
    # pool pairs points among these.
    free = (sorted({p[0] for p in rated} - start[0]), sorted({p[1] for p in rated} - start[1]))
    rated, pairs, kept = pairing_round(
        sc, old, new, rated, kept_now, n, cut, size, start, free, None
    )
    given: tuple[int, list[tuple[int, int]]] | None = None  # what the last round was given
    for _ in range(ROUNDS):
        if len(kept) == len(anchors) + len(pairs):
            break
        # A round given what the one before was given (the pool only grows, so its length
        # tells; and the same pairs of certain order) would end as that one did.
        if given == (len(rated), kept):
            break
        given = (len(rated), kept)
        # Some pair is out of order: take again, preferring pairs in their place.
        rated, pairs, kept = pairing_round(
            sc, old, new, rated, kept_now, n, cut, size, start, free, placed(kept)
        )
    pairs = {**facing, **pairs}
    pool = [(i, j) for i, j, _, _ in rated]
    used_old = set(start[0]) | set(pairs)
    used_new = set(start[1]) | {j for j, _ in pairs.values()}
    near = beside(pool, anchors, pairs, free_old, free_new, used_old, used_new)
    pool += near
    # The pool's cosines, read from its ratings (the pieces and the doubts go through them).
    scores = [s for _, _, s, _ in rated] + sc.cosines(near)
    found = pieces(sc, pool, scores, n, cut, pairs, used_old, used_new)
    early = tuple(
        (olds, news, (min(round(cover, 6), MOST),) * (len(olds) + len(news) - 1))
        for olds, news, cover in plain
    )
    found = Found(found.pairs, tuple(sorted(early + found.groups)))
    taken_old, taken_new = found.taken()
    left = (set(free_old) - taken_old, set(free_new) - taken_new)
    found, left = left_mutual(sc, pool, scores, n, cut, anchors, left, found)
    # Gaps between the anchors and the pairs left, each once (facing ones are in both).
    kept = kept_now({i: p for i, p in pairs.items() if i not in facing})
    found = with_rivals(sc, found, pool, scores, sc.least(n, CUT))
    more, cosines = linked_pairs(sc, old, new, left, linked, size, pool)
    if more:
        pool, scores = [*pool, *more], [*scores, *cosines]
    return Found(found.pairs, found.groups, doubts(sc, pool, scores, searched, *left, kept))
