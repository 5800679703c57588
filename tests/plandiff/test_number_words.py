"""Numbers written in several words are one figure to the matcher, as to the figures."""

from __future__ import annotations

import pytest

import negotrack as nt
from negotrack.plandiff.features import Normaliser
from negotrack.plandiff.figures import figures
from negotrack.plandiff.number_words import joined_numbers


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("treinta y cinco días", "35 días"),
        ("setenta y un años", "71 años"),
        ("ciento treinta y dos", "132"),
        ("ciento uno", "101"),
        ("doscientas personas", "200 personas"),
        ("cien", "100"),
        ("treinta días", "treinta días"),  # one word: read as a word ("30") already
        ("dos y tres", "dos y tres"),  # no tens before the "y"
        ("treinta y", "treinta y"),
        ("el cincuenta por ciento", "el cincuenta por ciento"),  # per cent, not a hundred
    ],
)
def test_a_number_of_several_words_is_one_token(text: str, joined: str) -> None:
    """Tens, "y" and a unit, and a hundred with what follows it, become their figure."""
    assert joined_numbers(text.split()) == joined.split()


def test_words_and_digits_share_the_figure_token_in_spanish() -> None:
    """ "treinta y cinco días" and "35 días" read as the same stems, as their figures do;
    an English dossier leaves the Spanish words alone."""
    es = Normaliser("es")
    assert es.text("Treinta y cinco días") == es.text("35 días") == ["35", es.word("días")]
    assert es.stem_tuple(["treinta", "y", "cinco"], hyphens=False) == ("35",)
    assert figures("treinta y cinco días", "es") == ["treinta y cinco días"]
    assert "35" not in Normaliser().text("treinta y cinco días")


def test_the_figure_in_words_pairs_with_its_digits() -> None:
    """Two points alike but for their figure, rewritten in digits and swapped, pair each
    with its own figure, and surely (the pair of "treinta y cinco" read 0.89 when the
    figure was three words against one)."""

    def version(vid: str, *texts: str) -> nt.PlanVersion:
        points = [nt.Point(number=str(k + 1), text=t) for k, t in enumerate(texts)]
        return nt.PlanVersion(id=vid, label=vid, date="2025-01-01", points=points)

    zone = "Las tropas se retiran de la zona en {} días."
    old = version("a", zone.format("treinta y cinco"), zone.format("cuarenta y cinco"), "Paz.")
    new = version("b", "Paz.", zone.format("45"), zone.format("35"))
    pairs = {
        (c.old.number, c.new.number): c.confidence
        for c in nt.diff(old, new, language="es").changes
        if c.old is not None and c.new is not None
    }
    assert set(pairs) == {("1", "3"), ("2", "2"), ("3", "1")}
    assert min(pairs.values()) > 0.99
