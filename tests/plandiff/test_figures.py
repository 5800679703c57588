"""Changed figures pair by what they count (unit and context), not by where they stand."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import negotrack as nt
from negotrack.plandiff.compare import ChangeKind, PointChange
from negotrack.plandiff.figures import figure_pairs, figures, may_hold_figure


def test_figures_pair_by_what_they_count() -> None:
    """1,000 troops became 1,700 troops, and 250 observers were added: not 1,000 -> 250."""
    old = "Several hundred observers arrive, and more than 1,000 troops withdraw."
    new = "Some 250 observers arrive, and 1,700 troops withdraw."
    assert figure_pairs(old, new) == [("1,000", "1,700"), ("", "250")]


def test_a_lone_rewritten_figure_pairs_with_the_lone_new_one() -> None:
    """A figure rewritten with other words around it still pairs when it stands alone."""
    assert figure_pairs(
        "Ukraine's armed forces are capped at 600,000.", "The army stays at 800,000 in peacetime."
    ) == [("600,000", "800,000")]


def test_figures_of_different_units_do_not_pair() -> None:
    """A percentage never becomes a sum of money, nor a date a count."""
    pairs = figure_pairs(
        "Profits are shared 50% by 23 November 2025.",
        "A fund of $5bn is set up by 1 December 2025.",
    )
    assert ("50%", "$5bn") not in pairs
    assert ("23 November 2025", "1 December 2025") in pairs
    assert ("50%", "") in pairs
    assert ("", "$5bn") in pairs


def test_references_are_not_figures() -> None:
    """ "Article 5", "Resolution 2231" and "paragraph 14" name things; they count nothing."""
    text = "Guarantees modelled on Article 5, Resolution 2231 and paragraph 14, within 30 days."
    assert figures(text) == ["30"]
    assert figure_pairs("As in Article 5, within 30 days.", "As in Article 4, within 60 days.") == [
        ("30", "60")
    ]


@given(st.lists(st.text(alphabet="aejnuyMADJNOS0 .,\n-", max_size=8), max_size=6))
def test_one_search_over_the_joined_edits_finds_what_a_search_per_edit_finds(
    edits: list[str],
) -> None:
    """A change's edits joined by line breaks may hold a figure exactly when one edit
    may (no digit or month name spans a line break), so one search serves them all."""
    assert may_hold_figure("\n".join(edits)) == any(may_hold_figure(e) for e in edits)


def test_a_change_lists_figures_only_when_an_edit_touches_one() -> None:
    """An edit holding a figure brings the changed figures out; edits beside an unchanged
    figure do not."""
    figure = _reworded("Troops pull back 30 km in 30 days.", "Troops pull back 60 km in 30 days.")
    assert [(f.old, f.new) for f in figure.figures] == [("30 km", "60 km")]
    beside = _reworded("Troops withdraw within 30 days.", "Soldiers withdraw within 30 days.")
    assert [w.op for w in beside.words] == ["delete", "insert", "equal"]
    assert beside.figures == ()


def _reworded(old: str, new: str) -> PointChange:
    return PointChange(ChangeKind.REWORDED, nt.Point("1", old), nt.Point("1", new), 0.5)
