"""Changed figures pair by what they count (unit and context), not by where they stand."""

from __future__ import annotations

from negotrack.plandiff.figures import figure_pairs, figures


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
