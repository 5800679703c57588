"""The Ukrainian stemmer: inflections of one word meet, distinct words stay apart."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotrack.plandiff.features import Normaliser
from negotrack.plandiff.ukrainian import _SPELLING, UkrainianStemmer

STEM = UkrainianStemmer().stemWord


@pytest.mark.parametrize(
    "forms",
    [
        # Nouns, by case and number: the words Minsk's two texts share in Ukrainian.
        ("вибори", "виборів", "виборах", "виборами"),
        ("район", "району", "районів", "районах"),
        ("кордон", "кордону", "кордоні"),
        ("область", "області", "областей", "областях", "областю"),
        ("зброя", "зброї", "зброєю"),
        ("конституція", "конституції", "конституцією", "конституцій"),
        ("припинення", "припиненню", "припиненням"),
        ("безпека", "безпеки", "безпекою"),
        # Adjectives, by gender, case and number.
        ("місцевий", "місцевого", "місцевої", "місцевому", "місцевих", "місцеві"),
        ("донецька", "донецької", "донецькій", "донецьких"),
        ("україна", "україни", "україні"),
        # An abstract noun and its adjective.
        ("відповідальність", "відповідальності", "відповідальний"),
        # Verbs: person, tense, the reflexive, the infinitive and the gerund.
        ("ухвалюють", "ухвалює", "ухвалюється"),
        ("гарантує", "гарантують", "гарантувати"),
        ("підписати", "підписав", "підписали", "підписавши"),
    ],
)
def test_inflections_of_a_word_meet(forms: tuple[str, ...]) -> None:
    assert len({STEM(w) for w in forms}) == 1, [STEM(w) for w in forms]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("правила", "право"),  # rules and right: the past tense's "-ла" follows "а" or "я"
        ("правило", "право"),
        ("сторона", "стан"),
    ],
)
def test_distinct_words_stay_apart(one: str, other: str) -> None:
    assert STEM(one) != STEM(other)


def test_only_what_follows_the_first_vowel_may_go() -> None:
    """ "мати" ends in the infinitive's "-ти" after "а", but that "а" is the root's first
    vowel: only the "-и" after it goes. "підписати" loses its "-ти"."""
    assert STEM("мати") == "мат"
    assert STEM("підписати") == "підписа"


def test_spelling_variants_meet() -> None:
    """The apostrophe is written three ways, or left out; "ґ" is often typed "г"."""
    assert STEM("зв'язків") == STEM("звʼязків") == STEM("зв’язків") == STEM("звязків")
    assert STEM("ґрунт") == STEM("грунт")


def test_the_russian_stemmer_left_these_apart() -> None:
    """What a Ukrainian dossier gained: Snowball's Russian stemmer, which a Cyrillic word
    got before, does not know Ukrainian endings in "і", "ї" and "є"."""
    russian, ukrainian = Normaliser("ru"), Normaliser("uk")
    for forms in (("вибори", "виборів"), ("кордон", "кордоні"), ("зброя", "зброї")):
        assert len({russian.word(w) for w in forms}) == 2
        assert len({ukrainian.word(w) for w in forms}) == 1
    assert Normaliser("uk-UA").word("виборів") == ukrainian.word("вибори")


_UKRAINIAN = st.text(alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'", min_size=1, max_size=14)


@given(_UKRAINIAN)
def test_a_stem_is_what_the_word_starts_with(word: str) -> None:
    """A stem only loses letters at the end of the word, spelled one way, and never all of
    them: no two words that differ before their endings meet."""
    spelled = word.translate(_SPELLING)
    stem = STEM(word)
    assert spelled.startswith(stem)
    assert stem or not spelled
