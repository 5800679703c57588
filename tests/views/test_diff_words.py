"""A word diff as the reports show it: spacing alone is never an edit."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

import negotrack as nt
from negotrack.plandiff.tokens import word_diff
from negotrack.views.diff import DiffView
from negotrack.views.diff_words import edges, shown_runs
from tests.support.dossiers import SEEDS


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_minsk_ii_point_10_shows_no_inserted_space() -> None:
    """Minsk II #10 replaces ", fighters " by " ": the report deletes ", fighters" and
    keeps the space, with no edit of spacing alone."""
    pd = nt.load(SEEDS / "minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")
    (change,) = [c for c in DiffView.build(pd).changes if c.new_ref == "minsk-2 #10"]
    (engine,) = [c for c in pd.changes if c.new is not None and c.new.number == "10"]
    assert ("insert", " ") in [(w.op, w.text) for w in engine.words]  # what is tidied
    runs = [(w.op, w.text) for w in change.words]
    assert ("delete", ", fighters") in runs
    assert ("equal", " and mercenaries leave ") in runs
    assert all(text.strip() for op, text in runs if op != "equal")


def test_spacing_both_sides_share_is_kept() -> None:
    """A space deleted and inserted with other words is moved out of both; an edit of
    spacing alone becomes plain text; runs of plain text next to each other are joined."""
    runs = [("equal", "camps"), ("delete", " "), ("insert", ", "), ("equal", "and")]
    assert shown_runs(runs) == [("equal", "camps"), ("insert", ","), ("equal", " and")]
    runs = [("equal", "a"), ("delete", " x "), ("insert", " y "), ("equal", "b")]
    assert shown_runs(runs) == [
        ("equal", "a "),
        ("delete", "x"),
        ("insert", "y"),
        ("equal", " b"),
    ]
    assert shown_runs([("equal", "a,"), ("insert", " "), ("equal", "b")]) == [("equal", "a, b")]
    assert shown_runs([("equal", "a"), ("delete", " "), ("insert", "-"), ("equal", "b")]) == [
        ("equal", "a "),
        ("insert", "-"),
        ("equal", "b"),
    ]
    assert shown_runs([("delete", "x"), ("insert", "\t")]) == [("delete", "x"), ("equal", "\t")]


def test_edges_split_off_the_spaces_at_both_ends() -> None:
    """An edit's spaces at its ends are set apart from its words; spacing alone has no words."""
    assert edges(" until 2026") == (" ", "until 2026", "")
    assert edges("bilateral ") == ("", "bilateral", " ")
    assert edges("x") == ("", "x", "")
    assert edges("  ") == ("  ", "", "")


_WORDS = st.lists(st.sampled_from(["peace", "troops", ",", ".", "OSCE", "zone", "8"]), max_size=8)


@given(_WORDS, _WORDS, st.sampled_from([" ", "  ", ", "]))
def test_the_shown_runs_still_spell_both_texts(a: list[str], b: list[str], sep: str) -> None:
    """Kept and deleted runs still spell the old text, kept and inserted ones the new, but
    for spacing; no edit is empty or spacing alone."""
    old, new = sep.join(a), " ".join(b)
    ops, _ = word_diff(old, new)
    shown = shown_runs((w.op, w.text) for w in ops)
    before = "".join(text for op, text in shown if op != "insert")
    after = "".join(text for op, text in shown if op != "delete")
    assert _squeezed(before) == _squeezed("".join(w.text for w in ops if w.op != "insert"))
    assert _squeezed(after) == _squeezed("".join(w.text for w in ops if w.op != "delete"))
    assert all(text.strip() for op, text in shown if op != "equal")
    assert all(x[0] != y[0] or x[0] != "equal" for x, y in itertools.pairwise(shown))
