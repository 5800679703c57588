"""The matcher's inputs: points read once, bags counted once per document, numbered features."""

from __future__ import annotations

import itertools
import math

import attrs
import pytest
import snowballstemmer
import Stemmer
from hypothesis import given
from hypothesis import strategies as st
from snowballstemmer.english_stemmer import EnglishStemmer
from snowballstemmer.russian_stemmer import RussianStemmer

import negotrack as nt
from benchmarks.realcases import SEEDS
from negotrack.plandiff.align import _stems
from negotrack.plandiff.candidates import candidates, features
from negotrack.plandiff.features import LIGHT, Normaliser, bags
from negotrack.plandiff.function_words import FUNCTION_WORDS
from negotrack.plandiff.number_words import NUMBER_WORDS
from negotrack.plandiff.tokens import words
from tests.support.diffgen import generate


def _version(vid: str, *texts: str) -> nt.PlanVersion:
    return nt.PlanVersion(
        id=vid,
        label=vid,
        date="2025-11-20",
        points=[nt.Point(number=str(k + 1), text=t) for k, t in enumerate(texts)],
    )


def test_a_document_given_twice_weighs_as_two_equal_documents() -> None:
    """Passing one stem list twice gives the same weights as passing two equal copies."""
    shared = ["ceasefir", "hold"]
    given_twice = bags([shared, ["troop", "withdraw"], shared, ["ceasefir", "zone"]])
    copies = bags([list(shared), ["troop", "withdraw"], list(shared), ["ceasefir", "zone"]])
    assert given_twice == copies
    # "hold" is in two documents of four: log 5/2; "zone" in one: log 5.
    assert given_twice[0] == {"ceasefir": copies[0]["ceasefir"], "hold": copies[0]["hold"]}
    assert abs(given_twice[0]["hold"] - math.log(5 / 2)) < 1e-12
    assert abs(given_twice[3]["zone"] - math.log(5)) < 1e-12


def test_bags_leave_unwanted_documents_empty_but_count_them() -> None:
    """Documents left out of ``wanted`` get no bag but still weigh in the rarity."""
    docs = [["a", "b"], ["a", "c"], ["a", "b"]]
    out = bags(docs, wanted={1})
    assert out[0] == {}
    assert out[2] == {}
    # "a" is in every document: it weighs least, but something (log 4/3).
    assert out[1] == {"a": math.log(4 / 3), "c": math.log(4)}


def test_a_text_in_both_versions_is_read_once() -> None:
    """Points with the same text share one tuple of stems across versions, and the free
    points' words are kept once per text."""
    old = _version("a", "The parties recognise the ceasefire.", "Troops withdraw.")
    new = _version("b", "Troops withdraw.", "The parties recognised the ceasefire lines.")
    stems_old, stems_new, read = _stems(old, new, ([0], [0, 1]), Normaliser())
    assert stems_old[1] is stems_new[0]
    assert stems_new[0] == ("troop", "withdraw")
    assert stems_old[0] == ("the", "parti", "recogn", "the", "ceasefir")
    assert read["The parties recognise the ceasefire."] == [
        "the",
        "parties",
        "recognise",
        "the",
        "ceasefire",
    ]
    assert read["Troops withdraw."] == ["troops", "withdraw"]
    assert len(read) == 3


def test_only_free_points_keep_their_words() -> None:
    """A point paired before text matching has its stems but not its words, unless the
    same text is a free point of the other version."""
    old = _version("a", "Troops withdraw.", "Prisoners go home.", "Mines are cleared.")
    new = _version("b", "Troops withdraw.", "All prisoners go home.", "Mines are cleared.")
    stems_old, _, read = _stems(old, new, ([1], [0, 1]), Normaliser())
    assert stems_old[2] == ("mine", "are", "clear")
    assert read == {
        "Troops withdraw.": ["troops", "withdraw"],
        "Prisoners go home.": ["prisoners", "go", "home"],
        "All prisoners go home.": ["all", "prisoners", "go", "home"],
    }


_STEM = st.text(alphabet=st.sampled_from("ab-'.,%$1é"), min_size=1, max_size=4)


@given(st.lists(st.lists(_STEM, max_size=12), min_size=1, max_size=5))
def test_feature_numbers_sort_as_their_text(points: list[list[str]]) -> None:
    """Bigrams (and the stem of a point of one stem) are numbered in the order of their
    text ("a" < "a b" < "ab")."""
    coded, bound = features(points)
    names = [{" ".join(p) for p in itertools.pairwise(tokens)} or set(tokens) for tokens in points]
    numbers = set().union(*coded)
    texts = set().union(*names)
    assert len(numbers) == len(texts)
    # The k-th smallest number is the k-th smallest text, and each point has its own.
    text_of = dict(zip(sorted(numbers), sorted(texts), strict=True))
    assert [{text_of[n] for n in feats} for feats in coded] == names
    assert all(0 < number < bound for feats in coded for number in feats)


@given(st.text(max_size=80))
def test_stems_hold_no_character_at_or_below_the_space(text: str) -> None:
    """The premise of the feature numbers: no stem holds a space or a control character."""
    assert all(ch > " " for stem in Normaliser().text(text) for ch in stem)


def test_points_sharing_a_rare_phrase_are_candidates() -> None:
    """Each point's partner (sharing its rare words and phrases) is among its candidates."""
    common = ["the", "parti", "will"]
    topics = [["ceasefir", "line"], ["prison", "exchang"], ["sanction", "relief"]]
    old = {k: [*common, *t, "now"] for k, t in enumerate(topics)}
    new = {k: ["soon", *common, *t] for k, t in enumerate(reversed(topics))}
    found = candidates(old, new)
    assert {(0, 2), (1, 1), (2, 0)} <= found


_WORD = st.sampled_from(["cease", "fire", "cease-fire", "public-health", "x-ray-z", "-a-", "the"])


@given(st.lists(_WORD, max_size=12))
def test_each_hyphenated_word_is_followed_by_its_parts_in_place(tokens: list[str]) -> None:
    """Stems keep the words' order, each hyphenated word's closed form followed by its parts."""
    normal = Normaliser()
    normal.stems(["public-health"])  # a hyphenated word seen before this text
    got = normal.stems(tokens)
    expected = []
    for w in tokens:
        expected.append(normal.word(w))
        parts = [p for p in w.split("-") if p]
        if len(parts) > 1:
            expected.extend(normal.word(p) for p in parts)
    assert got == expected


def _seed_texts() -> list[str]:
    return [
        point.text
        for path in sorted(SEEDS.glob("*.yaml"))
        for plan in nt.load(path).plans
        for version in plan.versions
        for point in version.points
    ]


def test_the_c_stemmers_give_the_pure_python_stems() -> None:
    """PyStemmer (the ``fast`` extra) stems every word of the seed dossiers, of Russian
    inflections and of the bench's generator exactly as the pure-Python stemmers do."""
    vocabulary = {w for text in _seed_texts() for w in words(text)}
    vocabulary |= set(words("Стороны прекращают огонь; сторонам прекратить огня"))
    case = generate(300, seed=11, share=0.2)
    vocabulary |= {w for v in (case.old, case.new) for p in v.points for w in words(p.text)}
    for language, pure in (("english", EnglishStemmer()), ("russian", RussianStemmer())):
        fast = Stemmer.Stemmer(language)
        assert [fast.stemWord(w) for w in sorted(vocabulary)] == [
            pure.stemWord(w) for w in sorted(vocabulary)
        ]


def test_the_normaliser_stems_alike_with_or_without_the_c_stemmers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The stems the matcher compares do not depend on whether PyStemmer is installed."""
    texts = _seed_texts()
    fast = Normaliser()
    assert type(fast._latin).__module__ == "Stemmer"  # the C stemmer is in use
    pure_stemmers = {"english": EnglishStemmer, "russian": RussianStemmer}
    monkeypatch.setattr(snowballstemmer, "stemmer", lambda language: pure_stemmers[language]())
    pure = Normaliser()
    assert isinstance(pure._latin, EnglishStemmer)
    assert [fast.text(t) for t in texts] == [pure.text(t) for t in texts]


def _weights(normal: Normaliser, texts: list[str]) -> list[dict[str, float]]:
    return bags([normal.text(t) for t in texts])


def test_a_function_word_weighs_at_most_a_word_held_by_half_the_points() -> None:
    """In a Spanish plan, "sus" held by one point of six weighs log 2, while "jueces", held
    by one point too, weighs log 7; "para", held by every point, keeps its lower weight.
    Read as English, "sus" is an ordinary word."""
    texts = [
        "sus jueces para la paz",
        "la amnistía para delitos",
        "para el fondo de tierras",
        "los campesinos para la tierra",
        "un catastro para el país",
        "el plebiscito para refrendar",
    ]
    spanish = _weights(Normaliser("es"), texts)
    assert spanish[0]["~sus"] == pytest.approx(LIGHT) == pytest.approx(math.log(2))
    assert spanish[0]["juec"] == pytest.approx(math.log(7))
    assert spanish[0]["~para"] == pytest.approx(math.log(7 / 6))
    assert _weights(Normaliser("en"), texts)[0]["sus"] == pytest.approx(math.log(7))


def test_function_words_follow_the_language_tag() -> None:
    """The primary subtag chooses the list; English, a language with no list (Dutch) and
    none declared weigh every word by rarity alone."""
    assert Normaliser("es-CO").text("sus") == Normaliser("es").text("sus") == ["~sus"]
    assert Normaliser("ru").text("its его") == ["it", "~его"]
    for language in ("en", "nl", None):
        assert not any(s.startswith("~") for s in Normaliser(language).text("the its de sus"))


@pytest.mark.parametrize("language", sorted(FUNCTION_WORDS))
def test_every_function_word_is_one_word_token(language: str) -> None:
    """Each listed word is one token as the matcher reads text, case-folded, so it can
    occur (an entry such as "l'" would never match: the apostrophe joins it to the next
    word); and no number word is listed, as number words are figures."""
    for word in FUNCTION_WORDS[language]:
        assert words(word) == [word], (language, word)
    assert not FUNCTION_WORDS[language] & NUMBER_WORDS.keys()


def test_an_empty_stem_is_weighed_like_any_other() -> None:
    """The light-word check reads a stem's first character without assuming one: a stemmer
    that strips a word to nothing leaves an ordinary (if useless) stem."""
    assert bags([[""], ["a", ""]])[1] == {
        "a": pytest.approx(math.log(3)),
        "": pytest.approx(math.log(1.5)),
    }


def test_spanish_number_words_meet_their_figures_in_a_spanish_dossier() -> None:
    """In a dossier written in Spanish, "tres millones" meets "3 millones" and "dieciséis"
    meets "16", as "fifteen" meets "15" in English; "una", more often an article, stays a
    word, and an English dossier leaves "tres" alone. On Colombia in Spanish, two true
    pairs then stand clear of the "check this" cut (4.3 read 0.50, 6.4 0.85)."""
    es, en = Normaliser("es"), Normaliser()
    assert es.word("tres") == es.word("3") == "3"
    assert es.word("dieciséis") == es.word("dieciseis") == "16"
    assert es.word("veinticuatro") == "24"
    assert es.word("veintidós") == es.word("veintidos") == "22"
    assert es.word("una") != "1"
    assert en.word("tres") != "3"
    d = nt.load(SEEDS / "colombia-es-2016.yaml")
    plan = d.plans[0]
    old, new = (
        attrs.evolve(v, points=[attrs.evolve(p, key=None) for p in v.points])
        for v in (plan.version("final-aug"), plan.version("final-nov"))
    )
    changes = nt.diff(old, new, language="es").changes
    assert not [c for c in changes if c.check]
