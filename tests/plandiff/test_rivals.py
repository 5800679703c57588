"""A pair is no surer than its margin over its strongest rival
(:mod:`negotrack.plandiff.rivals`)."""

from __future__ import annotations

import math
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotrack as nt
from negotrack.plandiff.compare import diff
from negotrack.plandiff.pieces import Found
from negotrack.plandiff.rivals import margin_confidence, with_rivals
from negotrack.plandiff.scores import Scores
from tests.support.diffgen import Case, generate
from tests.support.lineage import text_edges, unkeyed


def _offered(d: nt.PlanDiff) -> set[tuple[str, str]]:
    return {(c.old.number, c.new.number) for c in d.candidates}


def test_a_margin_reads_as_the_bar_reads_a_z_score() -> None:
    """No margin is a coin (0.5); a margin of about 1.3 spreads is where "check this"
    ends (0.8); the confidence rises with the margin, towards 1."""
    assert margin_confidence(0.0) == 0.5
    assert margin_confidence(1.25) < 0.8 < margin_confidence(1.35)
    assert 0.95 < margin_confidence(2.9) < margin_confidence(6.0) < 1.0
    assert margin_confidence(-1.0) == pytest.approx(1.0 - margin_confidence(1.0))


def test_the_dayton_human_rights_article_is_checked_not_trusted() -> None:
    """Dayton's Article VII (human rights, refugees and displaced persons) scores z 6.56
    with the New York pledge of human rights and freedom of movement "to strengthen the
    democratic election process", which scores 5.48 with the election annex's conditions
    for free elections, the pair the curated lineage holds; the Geneva human rights
    commission, merged into VII too, beats the displaced persons' commission by 0.01. Both
    pieces were made at 0.96 and 0.99, and the reports did not mark them; each now reads
    "check this", and the election annex is offered."""
    d = unkeyed("bosnia-1995.yaml").diff("basic-principles", "general-framework")
    made = text_edges(d)
    assert 0.5 <= made[("3.2", "VII")] < 0.55
    assert 0.7 < made[("NY5.1", "VII")] < 0.8
    assert ("NY5.1", "Annex 3 I.1") in _offered(d)


@pytest.mark.parametrize(
    ("dossier", "versions", "pair", "piece"),
    [
        ("iran-2015.yaml", ("lausanne", "jcpoa"), ("4", "4"), ("11", "4")),
        ("lebanon-2006-2024.yaml", ("unscr-1701", "ceasefire-2024"), ("8e", "6"), ("15", "6")),
        ("ukraine-20-point-2025-12.yaml", ("us-28", "20-point"), ("12", "8"), ("12", "9")),
    ],
)
def test_a_right_pair_checked_for_its_rival_leads_to_a_missed_piece(
    dossier: str, versions: tuple[str, str], pair: tuple[str, str], piece: tuple[str, str]
) -> None:
    """The right pairs the rule marks on the real cases are each contested by another
    piece of the same split or merge, which text did not take as a piece: the mark sends
    a person to the candidate it offers (the JCPOA's Hall B storage merges two Lausanne
    points; the 2024 ceasefire's arms control merges 1701's 8e and its arms embargo; the
    20-point framework splits the US reconstruction package in two)."""
    d = unkeyed(dossier).diff(*versions)
    assert 0.5 <= text_edges(d)[pair] < 0.8
    assert piece in _offered(d)


def _scores(old: list[list[str]], new: list[list[str]]) -> Scores:
    free = (list(range(len(old))), list(range(len(new))))
    sc = Scores(old, new, *free)
    sc.null(*free)
    return sc


_OLD = [
    ["ceasefire", "holds", "along", "line"],
    ["prisoners", "exchanged", "all", "for", "all"],
    ["elections", "held", "within", "year"],
    ["water", "shared", "fairly"],
    ["mines", "cleared", "from", "fields"],
    ["prisoners", "exchanged", "all", "for", "all", "later"],
]
_NEW = [
    ["ceasefire", "holds", "along", "whole", "line"],
    ["prisoners", "exchanged", "all", "for", "all", "now"],
    ["prisoners", "exchanged", "all", "for", "all", "later"],
    ["elections", "held", "within", "two", "years"],
    ["roads", "rebuilt"],
]


def _contested(found: Found, old: list[list[str]]) -> dict[tuple[int, int], float]:
    """Each pair's and piece's confidence after :func:`with_rivals`, every pair of ``old``
    and _NEW a candidate."""
    sc = _scores(old, _NEW)
    pool = [(i, j) for i in range(len(old)) for j in range(len(_NEW))]
    out = with_rivals(sc, found, pool, sc.cosines(pool), sc.least(len(pool), 0.5))
    got = {(i, j): c for i, j, c in out.pairs}
    for olds, news, confidences in out.groups:
        pieces = [(olds[0], j) for j in news] if len(olds) == 1 else [(i, news[0]) for i in olds]
        got.update(zip(pieces, confidences, strict=True))
    return got


def test_a_rival_lowers_a_pair_and_nothing_else_does() -> None:
    """Old #1 ("prisoners exchanged all for all") paired with new #1 ("... now") is
    contested by new #2 ("... later") while new #2 is free; not when new #2 is a piece of
    the same split, nor when old #5, which says "later" too, took it. A pair with no
    candidate near it keeps its confidence."""
    alone = ((0, 0, 0.99), (2, 3, 0.99))
    got = _contested(Found(((1, 1, 0.99), *alone), ()), _OLD[:5])
    assert got[0, 0] == got[2, 3] == 0.99
    assert 0.5 <= got[1, 1] < 0.8
    split = _contested(Found(alone, (((1,), (1, 2), (0.99, 0.99)),)), _OLD[:5])
    assert split[1, 1] == split[1, 2] == 0.99
    taken = _contested(Found(((1, 1, 0.99), (5, 2, 0.99), *alone), ()), _OLD)
    assert taken[1, 1] == taken[5, 2] == 0.99


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from([0.1, 0.3, 0.6]))
def test_rivals_change_confidences_only_downwards_and_never_below_a_coin(
    seed: int, share: float
) -> None:
    """With or without the rule, text matching makes the same pairs and pieces; the rule
    only lowers a confidence, and never below 0.5 (or below what it was). Reversing the
    diff mirrors the confidences too."""
    case: Case = generate(40, seed=seed, share=share)
    with_rule = text_edges(diff(case.old, case.new))
    with mock.patch("negotrack.plandiff.match.with_rivals", lambda sc, found, *_: found):
        without = text_edges(diff(case.old, case.new))
    assert with_rule.keys() == without.keys()
    for pair, c in with_rule.items():
        assert min(without[pair], 0.5) <= c <= without[pair]
    back = text_edges(diff(case.new, case.old))
    assert {(b, a): c for (a, b), c in back.items()} == pytest.approx(with_rule)
    assert all(not math.isnan(c) for c in with_rule.values())
