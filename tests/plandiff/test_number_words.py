"""Numbers written in several words are one figure to the matcher, as to the figures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotrack as nt
from negotrack.plandiff.features import Normaliser
from negotrack.plandiff.figures import figure_pairs, figures
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
    assert joined_numbers(text.split(), "es") == joined.split()


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


# fmt: off
_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# fmt: on


def spelled(n: int, *, hyphen: bool = True, conj: bool = True) -> str:
    """``n`` (0 to 999,999) in English words, as drafts write it: "twenty-five" or "twenty
    five" (``hyphen``), "two hundred and fifty" or "two hundred fifty" (``conj``)."""
    if n >= 1000:
        head, rest = f"{spelled(n // 1000, hyphen=hyphen, conj=conj)} thousand", n % 1000
        if not rest:
            return head
        joint = " and " if conj and rest < 100 else " "
        return head + joint + spelled(rest, hyphen=hyphen, conj=conj)
    if n >= 100:
        head, rest = f"{_UNITS[n // 100]} hundred", n % 100
        if not rest:
            return head
        return head + (" and " if conj else " ") + spelled(rest, hyphen=hyphen, conj=conj)
    if n >= 20:
        tens, unit = _TENS[n // 10 - 2], n % 10
        return tens + (("-" if hyphen else " ") + _UNITS[unit] if unit else "")
    return _UNITS[n]


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("within twenty five days", "within 25 days"),
        ("one hundred observers", "100 observers"),
        ("two hundred and fifty troops", "250 troops"),
        ("five thousand troops", "5000 troops"),
        ("5 thousand troops", "5000 troops"),  # as "five thousand" reads
        ("fifteen hundred men", "1500 men"),
        ("one thousand and five", "1005"),
        ("twenty-five thousand three hundred", "25300"),
        ("twenty days", "twenty days"),  # one word: read as a word ("20") already
        ("a hundred days", "a hundred days"),  # "a" is more often an article
        ("the hundred days", "the hundred days"),
        ("two million euros", "two million euros"),  # a scale above it stays a word
        ("fifty and sixty", "fifty and sixty"),  # "and" only after a hundred or thousand
        ("two hundred and the rest", "200 and the rest"),
        ("nineteen ninety-five", "nineteen ninety-five"),  # a year in words: two numbers
    ],
)
def test_an_english_number_of_several_words_is_one_token(text: str, joined: str) -> None:
    """A tens and its unit, hundreds and thousands become their figure, in any language."""
    assert joined_numbers(text.split(), "en") == joined.split()
    assert joined_numbers(text.split(), "es") == joined.split()


@given(st.integers(0, 999_999), st.booleans(), st.booleans())
def test_english_numbers_in_words_meet_their_figure(n: int, hyphen: bool, conj: bool) -> None:
    """Any number below a million written in English words reads as its figure to the
    matcher, as its digits do ("1,000" and "1000" alike), in an English or Spanish
    dossier."""
    words = spelled(n, hyphen=hyphen, conj=conj)
    for language in (None, "es"):
        normal = Normaliser(language)
        assert normal.text(f"{words} troops") == normal.text(f"{n:,} troops"), words
    assert Normaliser().text(words) == [str(n)]


@given(st.integers(2, 999_999), st.booleans(), st.booleans())
def test_english_numbers_in_words_are_one_unchanged_figure(
    n: int, hyphen: bool, conj: bool
) -> None:
    """In a report's figures, a number written in words is one figure, and written again
    in digits it is no change."""
    words = spelled(n, hyphen=hyphen, conj=conj)
    assert figures(f"a force of {words} troops") == [words]
    assert figure_pairs(f"a force of {words} troops", f"a force of {n:,} troops") == []


def test_a_changed_figure_in_words_is_paired_whole() -> None:
    """ "twenty five days" that became "35 days" is one change, not "20" and "5" (and "two
    hundred and fifty" one figure, not "two hundred" and a removed "fifty")."""
    assert figure_pairs("within twenty five days", "within 35 days") == [
        ("twenty five days", "35 days")
    ]
    assert figure_pairs("two hundred and fifty troops", "300 troops") == [
        ("two hundred and fifty", "300")
    ]
    assert figure_pairs("one hundred observers", "100 observers") == []
    assert figures("one of them") == []  # "one" alone is not a figure


def test_the_english_figure_in_words_pairs_with_its_digits() -> None:
    """Two points alike but for their figure, rewritten in digits and swapped, pair each
    with its own figure, surely, and the diff lists no changed figure."""

    def version(vid: str, *texts: str) -> nt.PlanVersion:
        points = [nt.Point(number=str(k + 1), text=t) for k, t in enumerate(texts)]
        return nt.PlanVersion(id=vid, label=vid, date="2025-01-01", points=points)

    zone = "The troops withdraw from the zone within {} days."
    old = version("a", zone.format("twenty five"), zone.format("two hundred and fifty"), "Peace.")
    new = version("b", "Peace.", zone.format("250"), zone.format("25"))
    changes = nt.diff(old, new).changes
    pairs = {
        (c.old.number, c.new.number): c.confidence
        for c in changes
        if c.old is not None and c.new is not None
    }
    assert set(pairs) == {("1", "3"), ("2", "2"), ("3", "1")}
    assert min(pairs.values()) > 0.99
    assert all(not c.figures for c in changes)
