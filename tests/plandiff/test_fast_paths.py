"""The matcher's fast paths decide exactly as the plain computations they replace."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotrack as nt
from negotrack.plandiff import candidates as candidates_module
from negotrack.plandiff import features as features_module
from negotrack.plandiff.align import align
from negotrack.plandiff.candidates import KEEP, KEYS, features
from negotrack.plandiff.compare import _contained_share
from negotrack.plandiff.features import Bag, Normaliser, bags, cosine, norm, round9
from negotrack.plandiff.groups import _common, _contained, _covered
from negotrack.plandiff.order import lone
from negotrack.plandiff.rounds import greedy
from negotrack.plandiff.scores import Scores, _grid
from negotrack.plandiff.spacing import same_pair_text, same_text
from tests.support.diffgen import generate

_COSINE = st.floats(min_value=0.0, max_value=1.0).map(lambda s: round(s, 9))


def _scores(mu: float, sd: float) -> Scores:
    sc = Scores([["a"]], [["a"]], [0], [0])
    sc.mu, sc.sd = mu, sd
    return sc


@given(
    st.floats(min_value=0.0, max_value=0.5),
    st.floats(min_value=0.01, max_value=0.5),
    st.integers(min_value=1, max_value=10_000_000),
    st.floats(min_value=0.01, max_value=1.0),
    st.sampled_from([1.0, 0.5]),
    st.lists(_COSINE, min_size=1, max_size=40),
)
def test_the_least_cosine_of_a_bar_splits_the_cosines_as_their_confidences_do(
    mu: float, sd: float, n: int, cut: float, scale: float, values: list[float]
) -> None:
    """A cosine is at least ``least`` exactly when its confidence reaches the cut, and
    ``least`` picks the same pairs as the least of the sorted cosines that reaches it."""
    sc = _scores(mu, sd)
    least = sc.least(n, cut, scale)
    for s in values:
        assert (s >= least) == (sc.confidence(s, n, scale) >= cut)
    ordered = sorted(set(values))
    k = bisect.bisect_left(ordered, True, key=lambda s: sc.confidence(s, n, scale) >= cut)
    per_values = ordered[k] if k < len(ordered) else math.inf
    assert [s >= least for s in values] == [s >= per_values for s in values]


def test_a_bar_no_cosine_reaches_has_no_least_cosine() -> None:
    """When even a cosine of 1 falls short of the cut, no pair reaches it (inf)."""
    sc = _scores(0.9, 1.0)
    assert sc.least(10**6, 0.99) == math.inf
    assert sc.least(1, 0.01) == 0.0  # every cosine reaches so low a cut


def _plain_bags(docs: list[list[str]], wanted: set[int]) -> list[Bag]:
    counts = [Counter(d) for d in docs]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    idf = {t: math.log((len(docs) + 1) / d) for t, d in df.items()}
    return [
        {t: (1.0 + math.log(m)) * idf[t] for t, m in c.items()} if k in wanted else {}
        for k, c in enumerate(counts)
    ]


@given(
    st.lists(st.lists(st.sampled_from("abcdefg"), max_size=9), min_size=1, max_size=12),
    st.lists(st.integers(min_value=0, max_value=11), max_size=6),
    st.sets(st.integers(min_value=0, max_value=17)),
)
def test_bags_weigh_as_counting_each_document_does(
    docs: list[list[str]], again: list[int], wanted: set[int]
) -> None:
    """Counting only the wanted documents' stems (the others' distinct stems only, a
    document object given several times once) gives the very weights, in the very order,
    of counting every document."""
    docs = docs + [docs[k % len(docs)] for k in again]  # the same objects again
    wanted = {k for k in wanted if k < len(docs)}
    got = bags(docs, wanted)
    plain = _plain_bags(docs, wanted)
    assert got == plain
    assert [list(b) for b in got] == [list(b) for b in plain]


def _keyed(version: nt.PlanVersion, vid: str, date: str) -> nt.PlanVersion:
    """``version`` under another id, every third point given a lineage key."""
    points = [
        attrs.evolve(p, key=f"k{k}") if k % 3 == 0 else p for k, p in enumerate(version.points)
    ]
    return nt.PlanVersion(id=vid, label=vid, date=date, points=points)


@pytest.mark.parametrize(("seed", "words"), [(1, (5, 10)), (2, (30, 50)), (3, None)])
def test_a_pair_is_known_the_same_text_as_reading_it_says(
    seed: int, words: tuple[int, int] | None
) -> None:
    """Exact pairs have the same text and text pairs never do, as reading both says; so
    are pairs by key and by link, which are read."""
    case = generate(120, seed=seed, share=0.15, p_reword=0.3, words=words)
    keyed = _keyed(case.new, "keyed", "2025-12-01")
    old_keyed = _keyed(case.old, "old-keyed", "2025-11-01")
    found = align(old_keyed, keyed, [], None)
    vias = {via for _, via in found.pairs.values()}
    assert {"exact", "text", "key"} <= vias
    for i, (j, via) in found.pairs.items():
        o, n = old_keyed.points[i], keyed.points[j]
        assert same_pair_text(o, n, via) == same_text(o.text, n.text)


@given(
    st.lists(st.sampled_from("abcde"), max_size=12),
    st.lists(st.sampled_from("abcdef"), max_size=12),
)
def test_the_share_of_a_piece_in_its_whole_counts_repeats_as_counters_do(
    piece: list[str], whole: list[str]
) -> None:
    """The share of a piece's words found in its whole is the counters' intersection."""
    plain = sum((Counter(piece) & Counter(whole)).values()) / len(piece) if piece else 1.0
    assert _contained_share(piece, whole) == plain


def _plain_candidates(
    old: dict[int, list[str]], new: dict[int, list[str]], budget: int
) -> set[tuple[int, int]]:
    """The candidate index counted pair by pair: each point's keys (its rarest features
    another point holds, within the budget), and for each point the points of the other
    side whose keys it holds most, then the nearest in place, then the first by index
    (one more on a tie)."""
    coded, _ = features([*old.values(), *new.values()])
    feats_old = dict(zip(old, coded, strict=False))
    feats_new = dict(zip(new, coded[len(old) :], strict=True))
    df: Counter[int] = Counter()
    for feats in coded:
        df.update(feats)

    def keys(feats: set[int]) -> set[int]:
        out: list[int] = []
        spent = 0
        for n, f in sorted((df[f], f) for f in feats if df[f] > 1)[:KEYS]:
            if out and spent + n > budget:
                break
            out.append(f)
            spent += n
        return set(out)

    keys_old = {i: keys(f) for i, f in feats_old.items()}
    keys_new = {j: keys(f) for j, f in feats_new.items()}

    def best(feats: set[int], place: Fraction, theirs: dict[int, set[int]]) -> list[int]:
        counts = sorted(
            (-len(feats & ks), abs(k - place), p)
            for k, (p, ks) in enumerate(theirs.items())
            if feats & ks
        )
        kept = counts[:KEEP]
        kept += [c for c in counts[KEEP : KEEP + 1] if c[0] == kept[-1][0]]
        return [p for _, _, p in kept]

    ratio = Fraction(len(new), len(old))  # a place in the other version, exactly
    found = {
        (i, j)
        for k, (i, feats) in enumerate(feats_old.items())
        for j in best(feats, k * ratio, keys_new)
    }
    found |= {
        (i, j)
        for k, (j, feats) in enumerate(feats_new.items())
        for i in best(feats, k / ratio, keys_old)
    }
    return found


_POINT = st.lists(st.sampled_from(["cease", "fire", "line", "troop", "zone", "x", "y"]), max_size=7)


@given(
    st.lists(_POINT, min_size=1, max_size=14),
    st.lists(_POINT, min_size=1, max_size=14),
    st.integers(min_value=1, max_value=12),
)
def test_the_candidate_index_counts_as_pair_by_pair(
    old: list[list[str]], new: list[list[str]], budget: int
) -> None:
    """Counting every point of the other side at once, in the counters of one integer per
    point, keeps the candidates that counting pair by pair keeps, and so does the Counter
    of a version too wide for rows; swapping the versions swaps the pairs (ties are broken
    on places, whichever version is old)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(candidates_module, "BUDGET", budget)
        olds = {2 * k: p for k, p in enumerate(old)}
        news = {3 * k + 1: p for k, p in enumerate(new)}
        found = candidates_module.candidates(olds, news)
        assert found == _plain_candidates(olds, news, budget)
        assert candidates_module.candidates(news, olds) == {(j, i) for i, j in found}
        patch.setattr(candidates_module, "WIDE", 0)
        assert candidates_module.candidates(olds, news) == found


_BAG = st.dictionaries(
    st.sampled_from("abcdefghij"), st.floats(min_value=0.01, max_value=9.0), max_size=8
)


@given(_BAG, _BAG, st.lists(_BAG, max_size=4))
def test_containment_and_coverage_sum_as_the_plain_loops_do(
    piece: Bag, whole: Bag, pieces: list[Bag]
) -> None:
    """A piece's share in its whole and the pieces' coverage of it are, bit for bit, the
    exact sums of the plain loops over the shared stems, in whatever order the stems come
    (a set's order follows the process's string hashes)."""
    mass = sum(piece.values()) or 1.0
    shared = sorted(piece.keys() & whole.keys())
    plain = math.fsum([min(piece[t], whole[t]) for t in shared]) / mass
    assert _contained(piece, whole, mass) == plain
    backwards = dict(reversed(piece.items()))
    assert _contained(backwards, dict(reversed(whole.items())), mass) == plain
    union: dict[str, float] = {}
    for p in pieces:
        for t in sorted(p.keys() & whole.keys()):
            union[t] = union.get(t, 0.0) + p[t]
    total = sum(whole.values()) or 1.0
    exact = math.fsum(min(whole[t], w) for t, w in union.items()) / total
    assert _covered(whole, total, pieces) == exact
    # One piece alone covers the weight it has in common with the whole, summed alike.
    assert _covered(whole, total, [piece]) == _common(piece, whole) / total


@given(st.lists(_BAG, min_size=1, max_size=5), st.lists(_BAG, min_size=1, max_size=5))
def test_the_null_grid_scores_every_pair_as_the_cosine_does(
    rows: list[Bag], cols: list[Bag]
) -> None:
    """The grid's two halves hold, bit for bit, the rounded cosine of every pair."""
    row_norms, col_norms = [norm(b) for b in rows], [norm(b) for b in cols]
    got = [*_grid(rows, row_norms, cols, col_norms, 0), *_grid(cols, col_norms, rows, row_norms, 1)]
    plain = [
        round(cosine(a, b, na, nb), 9)
        for a, na in zip(rows, row_norms, strict=True)
        for b, nb in zip(cols, col_norms, strict=True)
    ]
    assert sorted(got) == sorted(plain)


def test_rated_pairs_carry_the_cosine_and_rank_of_the_pair() -> None:
    """Rating a pool at once gives each pair the cosine and rank asked one by one."""
    case = generate(60, seed=5, share=0.2, words=(5, 10))
    normal = Normaliser()
    old = [normal.text(p.text) for p in case.old.points]
    new = [normal.text(p.text) for p in case.new.points]
    free_old, free_new = list(range(len(old))), list(range(len(new)))
    sizes = (len(old), len(new))
    pool = [(i, j) for i in free_old[::3] for j in free_new[::2]]
    fresh, asked = Scores(old, new, free_old, free_new), Scores(old, new, free_old, free_new)
    for sc in (fresh, asked):
        sc.null(free_old, free_new)
    rated = fresh.rated(pool, sizes)
    assert rated == [(i, j, asked.cos(i, j), asked.rank(i, j, sizes)) for i, j in pool]
    assert fresh.rated(pool, sizes) == rated  # and again, from what it remembers


@given(
    st.integers(min_value=0, max_value=59),
    st.integers(min_value=0, max_value=59),
    st.floats(min_value=0.05, max_value=1.0),
    st.booleans(),
)
def test_a_gap_of_one_point_facing_one_is_decided_as_the_greedy_search_does(
    i: int, j: int, cut: float, in_place: bool
) -> None:
    """The lone-pair path takes a pair, with the same confidence, exactly when the greedy
    search of that one-pair gap would."""
    old, new, sc = _LONE
    i, j = i % len(old), j % len(new)
    sizes = (len(old), len(new))
    alone: dict[int, tuple[int, float]] = {}
    searched: dict[int, tuple[int, float]] = {}
    lone(sc, i, j, cut, set(), set(), alone)
    placed = (lambda a, b: True) if in_place else None
    greedy(sc, sc.rated([(i, j)], sizes), 1, cut, set(), set(), searched, placed, True)
    assert alone == searched


def _lone_case() -> tuple[list[list[str]], list[list[str]], Scores]:
    case = generate(60, seed=7, share=0.3, words=(5, 10))
    normal = Normaliser()
    old = [normal.text(p.text) for p in case.old.points]
    new = [normal.text(p.text) for p in case.new.points]
    sc = Scores(old, new, range(len(old)), range(len(new)))
    sc.null(range(len(old)), range(len(new)))
    return old, new, sc


_LONE = _lone_case()


_PIECE = st.sampled_from(
    ["rec", "ogn", "is", "ys", "our", "tre", "f", "c", "ence", "ll", "ogue", "programme", "ation"]
)
_ENDING = st.sampled_from(["", "e", "ed", "es", "ing", "s", "er", "ers", "able", "ite", "ations"])


@given(st.lists(st.tuples(st.lists(_PIECE, min_size=1, max_size=4), _ENDING), max_size=12))
def test_spelling_rules_are_skipped_only_for_words_no_rule_rewrites(
    built: list[tuple[list[str], str]],
) -> None:
    """A word whose ending no rule rewrites skips the rules and gets the stem trying every
    rule gives it."""
    tokens = ["".join(parts) + ending for parts, ending in built]
    quick = Normaliser().stems(tokens)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(features_module, "_SPELLED", re.compile(""))  # every word tries them
        assert Normaliser().stems(tokens) == quick


@given(
    st.one_of(
        st.floats(min_value=0.0, max_value=4.0),
        # near the ties of the ninth digit, where the product alone could round wrong
        st.integers(min_value=0, max_value=4 * 10**9)
        .map(lambda k: (k + 0.5) / 1e9)
        .flatmap(lambda x: st.sampled_from([x, math.nextafter(x, 0.0), math.nextafter(x, 5.0)])),
    )
)
def test_round9_rounds_as_round_does(x: float) -> None:
    """The matcher's quick rounding to nine digits gives ``round(x, 9)``'s very float."""
    assert round9(x).hex() == round(x, 9).hex()
