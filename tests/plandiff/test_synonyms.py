"""Words drafters use for one another are one word to text matching, and only to it
(:mod:`negotrack.plandiff.synonyms`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotrack as nt
from negotrack.plandiff import features, synonyms
from negotrack.plandiff.features import Normaliser
from negotrack.plandiff.tokens import words

_SETS = (("stage", "phase"), ("ceasefire", "truce", "cessation of hostilities"))


@pytest.fixture
def lexicon(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A lexicon of two sets, in place of the package's (its stems are made once per
    language: the cache is emptied on both sides)."""
    monkeypatch.setattr(synonyms, "SETS", {"en": _SETS})
    features._synonyms.cache_clear()
    yield
    features._synonyms.cache_clear()


def _version(vid: str, *texts: str) -> nt.PlanVersion:
    return nt.PlanVersion(
        id=vid,
        label=vid,
        date="2025-11-20",
        points=[nt.Point(number=str(k + 1), text=t) for k, t in enumerate(texts)],
    )


@pytest.mark.usefixtures("lexicon")
def test_members_of_a_set_read_as_one_stem_inflected_or_not() -> None:
    read = Normaliser("en").text
    assert read("Phase one") == read("Stage one") == read("stages one")
    assert read("phases") == read("stage")
    assert read("A truce holds") == read("A ceasefire holds")


@pytest.mark.usefixtures("lexicon")
def test_a_fixed_phrase_reads_as_its_sets_word() -> None:
    read = Normaliser("en").text
    assert read("a full cessation of hostilities now") == read("a full ceasefire now")
    # Its words apart are words: "cessation" alone is no ceasefire.
    assert read("the cessation of aid") != read("the ceasefire of aid")
    assert read("cessation of") == [*read("cessation"), *read("of")]


@pytest.mark.usefixtures("lexicon")
def test_another_language_keeps_its_words() -> None:
    """The English sets are read where the English stemmer is (English, or a language
    Snowball has no stemmer for), not in a Spanish dossier."""
    assert Normaliser("es").text("phase") != Normaliser("es").text("stage")
    assert Normaliser("ja").text("phase") == Normaliser("ja").text("stage")


@pytest.mark.usefixtures("lexicon")
def test_the_pair_still_shows_the_word_it_changed() -> None:
    """Matching reads "phase" as "stage"; the report does not: the inline word diff and
    ``similarity`` (the share of words kept) show the word replaced."""
    old = _version("a", "Phase one lasts six weeks.", "Prisoners are freed in groups.")
    new = _version("b", "Stage one lasts six weeks.", "Prisoners are freed in groups.")
    change = nt.diff(old, new).changes[0]
    assert change.old is not None
    assert change.new is not None
    assert (change.old.number, change.new.number, change.kind) == ("1", "1", "reworded")
    assert change.similarity < 1.0
    removed = "".join(op.text for op in change.words if op.op == "delete")
    added = "".join(op.text for op in change.words if op.op == "insert")
    assert "Phase" in removed
    assert "Stage" in added


@pytest.mark.usefixtures("lexicon")
def test_rewording_with_the_lexicon_pairs_what_words_alone_cannot() -> None:
    """Two points that share only words of two sets (and "one"), and whose places do not vouch for
    them (one stands before the points kept, the other after), are paired with the
    lexicon and not without it."""
    old = _version(
        "a",
        "A truce begins at noon in phase one.",
        "Refugees return to their homes in safety.",
        "The central bank issues a new currency.",
        "Schools reopen across the northern region.",
    )
    new = _version(
        "b",
        "The central bank issues a new currency.",
        "Schools reopen across the northern region.",
        "Displaced families go back to where they lived.",
        "The ceasefire starts when the sun is highest, stage one.",
    )
    pairs = {(c.old.number, c.new.number) for c in nt.diff(old, new).changes if c.old and c.new}
    assert ("1", "4") in pairs
    synonyms.SETS = {"en": ()}  # restored by the fixture's monkeypatch
    features._synonyms.cache_clear()
    pairs = {(c.old.number, c.new.number) for c in nt.diff(old, new).changes if c.old and c.new}
    assert ("1", "4") not in pairs


def test_every_set_is_well_formed() -> None:
    """Each member is lower case and written as its words; a set's first member, the word
    the set reads as, is one word; no member is in two sets, and no stem either (it would
    stand for two words)."""
    for language, sets in synonyms.SETS.items():
        seen: dict[str, str] = {}
        stem = Normaliser(language)._stem
        for members in sets:
            assert len(members) > 1, members
            assert " " not in members[0], members
            for member in members:
                assert member == member.lower().strip(), member
                assert words(member) == member.split(), member
                for key in (member, stem(member.replace(" ", ""))):
                    assert seen.setdefault(key, members[0]) == members[0], (key, members)


_MEMBERS = [
    (m, members)
    for sets in synonyms.SETS.values()
    for members in sets
    for m in members
    if " " not in m
]


@pytest.mark.skipif(not _MEMBERS, reason="no lexicon")
@given(
    st.sampled_from(_MEMBERS or [("x", ("x",))]),
    st.data(),
    st.lists(st.sampled_from(["the", "parties", "agree", "within", "days", "of", "a"])),
)
def test_any_member_may_stand_for_any_other(
    picked: tuple[str, tuple[str, ...]], data: st.DataObject, around: list[str]
) -> None:
    """In any text, one member of a set written for another leaves its stems as they
    were."""
    member, members = picked
    other = data.draw(st.sampled_from([m for m in members if " " not in m]))
    text = " ".join([*around, member, *around])
    assert Normaliser("en").text(text) == Normaliser("en").text(text.replace(member, other))
