"""The matcher's inputs: points read once, bags counted once per document, numbered features."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

import negotrack as nt
from negotrack.plandiff.align import Words, _stems
from negotrack.plandiff.candidates import candidates, features
from negotrack.plandiff.features import Normaliser, bags


def _version(vid: str, *texts: str) -> nt.PlanVersion:
    return nt.PlanVersion(
        id=vid,
        label=vid,
        date="2025-11-20",
        points=[nt.Point(number=str(k + 1), text=t) for k, t in enumerate(texts)],
    )


def test_a_document_given_twice_weighs_as_two_equal_documents() -> None:
    """Passing one stem list twice gives the same weights as passing two equal copies."""
    shared = ["ceasefir", "hold"]
    given_twice = bags([shared, ["troop", "withdraw"], shared, ["ceasefir", "zone"]])
    copies = bags([list(shared), ["troop", "withdraw"], list(shared), ["ceasefir", "zone"]])
    assert given_twice == copies
    # "hold" is in two documents of four: log 2; "ceasefir" in three: log 4/3.
    assert given_twice[0] == {"ceasefir": copies[0]["ceasefir"], "hold": copies[0]["hold"]}
    assert abs(given_twice[0]["hold"] - 0.6931471805599453) < 1e-12
    assert abs(given_twice[3]["zone"] - 1.3862943611198906) < 1e-12


def test_bags_leave_unwanted_documents_empty_but_count_them() -> None:
    """Documents left out of ``wanted`` get no bag but still weigh in the rarity."""
    docs = [["a", "b"], ["a", "c"], ["a", "b"]]
    out = bags(docs, wanted={1})
    assert out[0] == {}
    assert out[2] == {}
    assert set(out[1]) == {"c"}  # "a" is in every document and weighs nothing


def test_a_text_in_both_versions_is_read_once() -> None:
    """Points with the same text share one tuple of words and one of stems across versions."""
    old = _version("a", "The parties recognise the ceasefire.", "Troops withdraw.")
    new = _version("b", "Troops withdraw.", "The parties recognised the ceasefire lines.")
    normal = Normaliser()
    seen: dict[str, tuple[Words, Words]] = {}
    keep_old: dict[int, Words] = {}
    keep_new: dict[int, Words] = {}
    stems_old = _stems(old, [0], normal, keep_old, seen)
    stems_new = _stems(new, [0, 1], normal, keep_new, seen)
    assert stems_old[1] is stems_new[0]
    assert stems_new[0] == ("troop", "withdraw")
    assert stems_old[0] == ("the", "parti", "recogn", "the", "ceasefir")
    assert keep_old == {0: ("the", "parties", "recognise", "the", "ceasefire")}
    assert keep_new[0] is seen["Troops withdraw."][0]
    assert len(seen) == 3


_STEM = st.text(alphabet=st.sampled_from("ab-'.,%$1é"), min_size=1, max_size=4)


@given(st.lists(st.lists(_STEM, max_size=12), min_size=1, max_size=5))
def test_feature_numbers_sort_as_their_text(points: list[list[str]]) -> None:
    """Stems and bigrams are numbered in the order of their text ("a" < "a b" < "ab")."""
    coded, bound = features(points)
    names = [{*tokens, *(" ".join(p) for p in itertools.pairwise(tokens))} for tokens in points]
    numbers = set().union(*coded)
    texts = set().union(*names)
    assert len(numbers) == len(texts)
    # The k-th smallest number is the k-th smallest text, and each point has its own.
    text_of = dict(zip(sorted(numbers), sorted(texts), strict=True))
    assert [{text_of[n] for n in feats} for feats in coded] == names
    assert all(0 < number < bound for feats in coded for number in feats)


@given(st.text(max_size=80))
def test_stems_hold_no_character_at_or_below_the_space(text: str) -> None:
    """The premise of the feature numbers: no stem holds a space or a control character."""
    assert all(ch > " " for stem in Normaliser().text(text) for ch in stem)


def test_points_sharing_a_rare_phrase_are_candidates() -> None:
    """Each point's partner (sharing its rare words and phrases) is among its candidates."""
    common = ["the", "parti", "will"]
    topics = [["ceasefir", "line"], ["prison", "exchang"], ["sanction", "relief"]]
    old = {k: [*common, *t, "now"] for k, t in enumerate(topics)}
    new = {k: ["soon", *common, *t] for k, t in enumerate(reversed(topics))}
    found = candidates(old, new)
    assert {(0, 2), (1, 1), (2, 0)} <= found
