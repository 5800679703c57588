"""When a point's options are a list rather than a line joined by "or"."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from negotrack.views.board import BoardView
from negotrack.views.diff import DiffView
from negotrack.views.options import LONG_CHARACTERS, LONG_WORDS, listed, sentence_like
from tests.support.dossiers import KEPT, NEW, OLD
from tests.support.dossiers import sentence_options_dossier as options_dossier

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6)


def test_a_sentence_is_listed_whatever_its_length() -> None:
    """An option ending with a sentence's punctuation, before a closing quote or bracket,
    is a sentence, in any of the scripts the rule knows."""
    for option in ("Not agreed.", "Why not?", "Agreed!", "as “agreed.”", "(see above.)", "نعم؟"):
        assert sentence_like(option), option
    assert sentence_like("双方同意。")


def test_short_phrases_stay_in_a_line() -> None:
    """Figures and phrases of a few words, with no sentence's end, are not listed."""
    for option in ("20 km", "within 100 days", "the line of contact as of 1 January 2026"):
        assert not sentence_like(option), option
    assert not listed(["20 km", "40 km"], ["30 km"])


@given(st.lists(WORD, min_size=1, max_size=LONG_WORDS))
def test_up_to_the_word_limit_a_phrase_is_short(words: list[str]) -> None:
    """A phrase of at most LONG_WORDS words (and LONG_CHARACTERS characters) is short."""
    phrase = " ".join(words)
    assert sentence_like(phrase) is (len(phrase) > LONG_CHARACTERS)


@given(st.lists(WORD, min_size=LONG_WORDS + 1, max_size=30))
def test_past_the_word_limit_a_phrase_is_long(words: list[str]) -> None:
    """A phrase of more than LONG_WORDS words is long, with no full stop."""
    assert sentence_like(" ".join(words))


@given(st.lists(st.sampled_from(["20 km", "40 km", "in 100 days"]), max_size=3), st.booleans())
def test_one_sentence_lists_every_option_of_the_point(short: list[str], old: bool) -> None:
    """One sentence, on either side, makes the whole point's options a list."""
    sides = ([*short, "It is agreed."], short) if old else (short, ["It is agreed."])
    assert listed(*sides)


def test_the_diff_view_says_the_options_are_listed_and_lists_them_once() -> None:
    """A pair whose options are sentences is listed: kept and added options as the new
    point holds them, then the dropped one; a kept sentence is not written twice."""
    view = DiffView.build(options_dossier().diff("v1", "v2"))
    line, zone = view.changes
    assert line.options_listed
    assert not zone.options_listed
    assert line.option_list == (("equal", KEPT), ("insert", NEW), ("delete", OLD))
    assert zone.option_list == (("equal", "20 km"), ("insert", "30 km"), ("delete", "40 km"))


def test_options_that_did_not_change_are_listed_once() -> None:
    """With the same options on both sides, the list is the options, each "equal"."""
    d = options_dossier(new=[KEPT, OLD])
    (line, _) = DiffView.build(d.diff("v1", "v2")).changes
    assert not line.options_changed
    assert line.option_list == (("equal", KEPT), ("equal", OLD))


def test_the_board_row_says_its_options_are_listed() -> None:
    """The board's row of a point with sentence options is listed; a short one's is not."""
    line, zone = BoardView.build(options_dossier()).rows
    assert line.options_listed
    assert line.options == (KEPT, NEW)
    assert not zone.options_listed


def test_a_point_without_options_is_not_listed() -> None:
    """No options, no list."""
    d = options_dossier(old=[], new=[])
    assert not DiffView.build(d.diff("v1", "v2")).changes[0].options_listed
    assert not BoardView.build(d).rows[0].options_listed
