"""Alignment helpers (negotrack.plandiff.align): texts the same up to spacing."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from negotrack.plandiff.spacing import collapsed, same_text

_SPACEY = st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", "\t", "\u00a0", "\u2028"]))


@given(st.one_of(st.text(max_size=60), _SPACEY))
def test_norm_collapses_spaces_as_split_and_join_do(text: str) -> None:
    """The quick path for texts already spaced once gives what splitting and joining gives."""
    assert collapsed(text) == " ".join(text.split())


def test_every_white_space_but_the_space_is_unprintable() -> None:
    """The quick path's premise: a printable text holds no white space other than " "."""
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c.isprintable()] == [
        " "
    ]


def test_same_text_ignores_spacing_only() -> None:
    """Texts differing in spacing are the same; texts differing in a word are not."""
    assert same_text("The ceasefire  holds.", " The ceasefire\nholds. ")
    assert not same_text("The ceasefire holds.", "The ceasefire fails.")
