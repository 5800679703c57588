"""A number word that names a set of parties or places is not a figure; a count still is."""

from __future__ import annotations

import pytest

import negotrack as nt
from negotrack.plandiff.figures import figure_pairs, figures
from tests.support.dossiers import SEEDS


def test_a_number_word_naming_a_known_set_is_not_a_figure() -> None:
    """ "the two countries" and "las dos partes" name a set the reader knows; they count
    nothing a draft negotiates (the E3 seed's point 14 listed "two" as a figure removed).
    With a scale, in digits, without the article, or before another noun ("the next
    three terms", "los cinco primeros"), the number still counts."""
    old = (
        "Of the frozen assets, $100 billion go to rebuilding; the rest goes into a vehicle "
        "meant to bind the two countries' interests."
    )
    new = "Ukraine is rebuilt, using the frozen assets."
    assert figure_pairs(old, new) == [("$100 billion", "")]
    assert figures("Outside the five regions, in the two component states.") == []
    assert figures("The three million hectares, the 2 sides, the two terms.") == [
        "three million",
        "2",
        "two",
    ]
    assert figures("Two equal states and the next three terms.") == ["Two", "three"]
    es = "es"
    assert figures("Las dos partes y los dos países.", language=es) == []
    assert figures("En los cinco primeros, durante los tres periodos.", language=es) == [
        "cinco",
        "tres",
    ]


def test_a_number_word_before_the_list_of_that_many_names_a_set() -> None:
    """The 20-point seed's plant "operated jointly by three countries: Ukraine, the United
    States and Russia" listed "three" as a figure added: the text says which three, a
    restated list of parties, not a count a journalist must check."""
    d = nt.load(SEEDS / "ukraine-20-point-2025-12.yaml").diff("us-28", "20-point")
    (plant,) = [c for c in d.changes if c.new is not None and c.new.number == "12"]
    assert plant.new is not None
    assert "three countries: Ukraine, the United States and Russia" in plant.new.text
    assert [(f.old, f.new) for f in plant.figures] == [("50:50", "")]


@pytest.mark.parametrize(
    "text",
    [
        "Run jointly by three countries: Ukraine, the United States and Russia.",
        "Run by three countries (Ukraine, the U.S. and Russia).",
        "Run by three countries – Ukraine, the United States, and Russia – together.",
        "Run by two sides: the government and the rebels.",
        "Ukraine, the United States and Russia, three countries, share the plant.",
        "The plant is run by Ukraine, the United States and Russia (three countries).",
    ],
)
def test_a_list_after_or_before_the_number_names_the_set(text: str) -> None:
    """A colon, a parenthesis or a dash introduces the list after the set's noun; a comma
    or a parenthesis sets it off before the number."""
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Three countries: Ukraine and Russia.", ["Three"]),  # two named, three counted
        ("Three countries: Ukraine, the United States or Russia.", ["Three"]),  # a choice
        ("Troops from three countries join.", ["three"]),  # no list
        ("3 countries: Ukraine, the US and Russia.", ["3"]),  # digits count, as ever
        ("Three hundred prisoners, within three months.", ["Three hundred", "three months"]),
        ("The three prisoners released: Ann, Bob and Cy.", ["three"]),  # not a set noun
        ("Three countries: Ukraine, the US and Russia, each with 600 troops.", ["600"]),
        ("In 2025, Ukraine and Russia, two countries at war.", ["2025", "two"]),
    ],
)
def test_counts_and_lists_of_another_length_still_count(text: str, counted: list[str]) -> None:
    """A list of another length or joined by "or", no list, digits, a hundred, or a noun
    that is not a set's: the number counts."""
    assert figures(text) == counted


def test_a_restated_list_of_parties_is_no_change_but_a_count_of_troops_is() -> None:
    """Naming the parties anew changes no figure; changing the troops each sends does."""
    old = "Two countries: Ukraine and Russia, each with 600 troops."
    new = "Three countries: Ukraine, the US and Russia, each with 600 troops."
    assert figure_pairs(old, new) == []
    assert figure_pairs(old, "Two countries: Ukraine and Russia, each with 800 troops.") == [
        ("600", "800")
    ]


def test_spanish_lists_name_sets_too() -> None:
    """ "tres países: Ucrania, Estados Unidos y Rusia" (and "e" before an i-) name sets in
    a Spanish dossier; "tres meses" and a list of another length still count."""
    es = "es"
    assert figures("La operan tres países: Ucrania, Estados Unidos y Rusia.", language=es) == []
    assert figures("Dos partes (el Gobierno e Irán) y tres meses.", language=es) == ["tres meses"]
    assert figures("Ucrania, Estados Unidos y Rusia, tres países, la operan.", language=es) == []
    assert figures("Tres países: Ucrania y Rusia.", language=es) == ["Tres"]
