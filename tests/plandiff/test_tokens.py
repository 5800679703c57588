"""Tokenisation, the inline word diff and changed figures (negotrack.plandiff.tokens)."""

from __future__ import annotations

import difflib
import itertools
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotrack.plandiff import patience
from negotrack.plandiff import tokens as tokens_module
from negotrack.plandiff.figures import figure_pairs, figures
from negotrack.plandiff.tokens import WordOp, kept_matching, kept_share, word_diff, words


def _side(ops: tuple[WordOp, ...], keep: str) -> str:
    return "".join(op.text for op in ops if op.op in ("equal", keep))


@pytest.mark.parametrize(
    "token",
    ["600,000", "$800bn", "50%", "1,400km", "28-point", "long-range", "Ukraine's", "Ukraine’s"],
)
def test_figures_and_compounds_stay_whole(token: str) -> None:
    """Figures, hyphenated words and apostrophes are one token each."""
    assert words(f"a {token} b") == ["a", token.casefold(), "b"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Вооружённые силы Украины", ["вооружённые", "силы", "украины"]),
        ("القوات المسلحة الأوكرانية", ["القوات", "المسلحة", "الأوكرانية"]),
        ("कुल सैनिक संख्या", ["कुल", "सैनिक", "संख्या"]),
        ("Збройні сили України — 800 тис.", ["збройні", "сили", "україни", "800", "тис"]),
    ],
)
def test_other_scripts_tokenise_into_words(text: str, expected: list[str]) -> None:
    """Cyrillic, Arabic and Devanagari text (with its combining marks) splits into words."""
    assert words(text) == expected


def test_arabic_diacritics_stay_inside_the_word() -> None:
    """Arabic harakat are combining marks and do not break a word apart."""
    assert words("سَلَام دائم") == ["سَلَام", "دائم"]


@given(st.text(max_size=60), st.text(max_size=60))
def test_word_diff_rebuilds_both_sides(old: str, new: str) -> None:
    """Equal+delete pieces give the old text and equal+insert the new, up to spacing."""
    ops, ratio = word_diff(old, new)
    assert _side(ops, "delete").split() == old.split()
    assert _side(ops, "insert").split() == new.split()
    assert 0.0 <= ratio <= 1.0


def test_word_diff_marks_the_changed_figure_only() -> None:
    """A changed army cap shows as one deletion and one insertion, the rest kept."""
    ops, ratio = word_diff(
        "The army is capped at 600,000 personnel.", "The army is capped at 800,000 personnel."
    )
    assert [op for op in ops if op.op != "equal"] == [
        WordOp("delete", "600,000"),
        WordOp("insert", "800,000"),
    ]
    assert ratio == pytest.approx(12 / 14)


def test_word_diff_folds_short_equalities_between_edits() -> None:
    """A lone short word between two rewritten runs does not make alternating fragments."""
    ops, _ = word_diff(
        "the ceasefire will start at the line of contact",
        "a truce will begin on the current front line",
    )
    kinds = [op.op for op in ops]
    assert kinds.count("delete") == 1
    assert kinds.count("insert") == 1


def test_identical_texts_are_all_equal() -> None:
    """Identical texts diff to one equal piece and a ratio of 1."""
    ops, ratio = word_diff("Sanctions are lifted.", "Sanctions are lifted.")
    assert ops == (WordOp("equal", "Sanctions are lifted."),)
    assert ratio == 1.0


def test_figures_finds_money_percentages_and_dates() -> None:
    """Numbers, money with scales, percentages and dates are each one figure."""
    text = (
        "A cap of 600,000, $100bn and €100 billion, 50% of profits, 1,400km, "
        "from 20 November 2025, by November 23, 2025, in December 2025, on 2025-11-23, "
        "at 18:00, zones 50 km wide."
    )
    assert figures(text) == [
        "600,000",
        "$100bn",
        "€100 billion",
        "50%",
        "1,400km",
        "20 November 2025",
        "November 23, 2025",
        "December 2025",
        "2025-11-23",
        "18:00",
        "50 km",
    ]


def test_figure_pairs_align_changed_figures() -> None:
    """Unchanged figures are skipped and changed ones are paired in reading order."""
    pairs = figure_pairs(
        "Within 30 days the army is capped at 600,000 and $100bn is frozen.",
        "Within 30 days the army is capped at 800,000 and $200bn is frozen.",
    )
    assert pairs == [("600,000", "800,000"), ("$100bn", "$200bn")]


def test_figure_pairs_report_dropped_figures() -> None:
    """A figure with no counterpart is paired with an empty string."""
    assert figure_pairs("Elections within 100 days.", "Elections soon.") == [("100 days", "")]


_PIECES = st.sampled_from(
    ["the", "parties", "will", "ceasefire", "600,000", "$5bn", "U.S.", "_x", ",", ".", "(", "—"]
)
_SPACES = st.sampled_from([" ", " ", "  ", "\n", ""])
_PLAN_TEXT = st.lists(st.tuples(_PIECES, _SPACES), max_size=40).map(
    lambda parts: "".join(p + s for p, s in parts)
)


def _reference_match(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """The patience matching written plainly (one recursive call per gap, no shortcut)."""
    out: list[tuple[int, int]] = []

    def go(alo: int, ahi: int, blo: int, bhi: int) -> None:
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            out.append((alo, blo))
            alo, blo = alo + 1, blo + 1
        tail = []
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi, bhi = ahi - 1, bhi - 1
            tail.append((ahi, bhi))
        if alo < ahi and blo < bhi:
            ca, cb = Counter(a[alo:ahi]), Counter(b[blo:bhi])
            anchors = sorted(
                (i, next(j for j in range(blo, bhi) if b[j] == a[i]))
                for i in range(alo, ahi)
                if ca[a[i]] == 1 and cb[a[i]] == 1
            )
            if anchors:
                pi, pj = alo, blo
                chosen = patience.longest_increasing_run(
                    [i for i, _ in anchors], [j for _, j in anchors]
                )
                for i, j in zip(*chosen, strict=True):
                    if pi < i and pj < j:
                        go(pi, i, pj, j)
                    out.append((i, j))
                    pi, pj = i + 1, j + 1
                if pi < ahi and pj < bhi:
                    go(pi, ahi, pj, bhi)
            elif min(ahi - alo, bhi - blo) >= patience.SMALL_GAP:
                sm = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
                for i, j, n in sm.get_matching_blocks():
                    out.extend((alo + i + k, blo + j + k) for k in range(n))
        out.extend(reversed(tail))

    go(0, len(a), 0, len(b))
    return out


@given(_PLAN_TEXT, _PLAN_TEXT)
def test_kept_matching_agrees_with_the_word_diff(old: str, new: str) -> None:
    """The share kept_matching measures is word_diff's, and its matching gives the same diff."""
    share, matching = kept_matching(old, new)
    assert word_diff(old, new) == word_diff(old, new, matching)
    assert share == word_diff(old, new)[1]
    assert share == kept_share(old, new)


@given(st.one_of(_PLAN_TEXT, st.text(max_size=60)), st.one_of(_PLAN_TEXT, st.text(max_size=60)))
def test_the_matching_is_the_plain_patience_matching(old: str, new: str) -> None:
    """The matcher's shortcuts (one token facing one token, runs of equal tokens, positions
    kept as two lists of integers) change no matched position."""
    a, b = tokens_module._cores(old)[0], tokens_module._cores(new)[0]
    out: tuple[list[int], list[int]] = ([], [])
    patience.match_tokens(a, 0, len(a), b, 0, len(b), out)
    assert list(zip(*out, strict=True)) == _reference_match(a, b)


def test_the_longest_increasing_run_keeps_the_first_of_equal_runs() -> None:
    """Of pairs whose seconds go up, down and up again, the longest increasing run is kept."""
    firsts, seconds = [0, 1, 2, 3, 4], [0, 3, 1, 2, 4]
    assert patience.longest_increasing_run(firsts, seconds) == ([0, 2, 3, 4], [0, 1, 2, 4])
    assert patience.longest_increasing_run([5, 6], [1, 2]) == ([5, 6], [1, 2])


@given(st.one_of(_PLAN_TEXT, st.text(max_size=80)))
def test_cores_are_the_units_without_their_spaces(text: str) -> None:
    """The tokens the share is measured on are the word diff's, and so are the word counts."""
    cores, flags = tokens_module._cores(text)
    unit_cores, _, counts = tokens_module._units(text)
    assert cores == unit_cores
    assert [0, *itertools.accumulate(flags)] == counts


def test_kept_share_counts_words_not_punctuation() -> None:
    """Punctuation kept does not count as a kept word: 2 of 3 words on each side are kept."""
    assert kept_share("The ceasefire holds.", "The ceasefire fails.") == pytest.approx(2 / 3)
    assert kept_share(" U.S. troops", "U.S. troops") == 1.0


@pytest.mark.parametrize(("old", "new"), [("0:", "0 "), ("0 :", "0:"), ("x 0:", "x 0 :")])
def test_a_space_one_side_lacks_is_an_edit_of_its_own(old: str, new: str) -> None:
    """Where one side has a space after a token and the other none, the equal words keep
    both sides joinable: "0:" is not rebuilt as "0 :" (hypothesis found it)."""
    ops, _ = word_diff(old, new)
    assert _side(ops, "delete").split() == old.split()
    assert _side(ops, "insert").split() == new.split()


@given(st.text(max_size=60), st.text(max_size=60))
def test_no_two_runs_in_a_row_are_of_one_kind(old: str, new: str) -> None:
    """Adjacent runs differ in kind, so a report shows one insertion, not two side by side
    ("ceasefire." -> "ceasefire and the pull-back." is one <ins>)."""
    ops, _ = word_diff(old, new)
    assert all(a.op != b.op for a, b in itertools.pairwise(ops))


def test_a_sentence_extended_is_one_insertion() -> None:
    """Minsk II's OSCE point extends Minsk I's: one insertion before the full stop."""
    ops, _ = word_diff(
        "The OSCE monitors and verifies the ceasefire.",
        "The OSCE monitors and verifies the ceasefire and the pull-back.",
    )
    assert [(o.op, o.text) for o in ops] == [
        ("equal", "The OSCE monitors and verifies the ceasefire"),
        ("insert", " and the pull-back"),
        ("equal", "."),
    ]


@given(st.text(max_size=60), st.text(max_size=60))
def test_between_equal_runs_the_deletion_comes_first(old: str, new: str) -> None:
    """Between two equal runs there is at most one deletion then one insertion."""
    ops, _ = word_diff(old, new)
    assert all((a.op, b.op) != ("insert", "delete") for a, b in itertools.pairwise(ops))


def test_a_space_and_a_rewrite_after_a_word_read_as_one_edit() -> None:
    """The JCPOA's "machines installed in ..." for Lausanne's "machines, for 10 years": the
    space the new side adds after "machines" joins the insertion after the deletion."""
    ops, _ = word_diff(
        "Iran enriches with 5,060 IR-1 machines, for 10 years.",
        "Iran enriches with 5,060 IR-1 machines installed in 30 cascades.",
    )
    assert [(o.op, o.text) for o in ops] == [
        ("equal", "Iran enriches with 5,060 IR-1 machines"),
        ("delete", ", for 10 years"),
        ("insert", " installed in 30 cascades"),
        ("equal", "."),
    ]


def _reference_segments(
    matched: tuple[list[int], list[int]], na: int, nb: int
) -> list[tuple[object, ...]]:
    """The runs of a diff built token by token: each matched pair extends the equal run
    before it when it follows it on both sides, and a gap before it is a replacement."""
    segs: list[list[object]] = []
    pi = pj = 0
    for i, j in zip([*matched[0], na], [*matched[1], nb], strict=True):
        if i > pi or j > pj:
            segs.append([False, pi, i, pj, j])
        if i < na:
            last = segs[-1] if segs else None
            if last is not None and last[0] and last[2] == i and last[4] == j:
                last[2], last[4] = i + 1, j + 1
            else:
                segs.append([True, i, i + 1, j, j + 1])
        pi, pj = i + 1, j + 1
    return [tuple(s) for s in segs]


@given(st.one_of(_PLAN_TEXT, st.text(max_size=60)), st.one_of(_PLAN_TEXT, st.text(max_size=60)))
def test_the_segments_are_the_runs_built_token_by_token(old: str, new: str) -> None:
    """Cutting the matching into runs where a pair does not follow the last one gives the
    segments that extending a run one matched token at a time gives."""
    a, b = tokens_module._cores(old)[0], tokens_module._cores(new)[0]
    matched: tuple[list[int], list[int]] = ([], [])
    patience.match_tokens(a, 0, len(a), b, 0, len(b), matched)
    got = [
        (s.equal, s.a1, s.a2, s.b1, s.b2) for s in tokens_module._segments(matched, len(a), len(b))
    ]
    assert got == _reference_segments(matched, len(a), len(b))


_ASCII_TEXT = st.one_of(
    _PLAN_TEXT.filter(str.isascii),
    st.text(alphabet=st.characters(max_codepoint=127), max_size=40),
    st.lists(
        st.sampled_from(["U.S.", "E.U.", "$5bn", "1,400km", "50%", "28-point", "it's", "_x", "a"])
        | st.text(alphabet="0123456789.,%$-'_ aZ\t\x1c", max_size=6),
        max_size=12,
    ).map("".join),
)


@given(_ASCII_TEXT)
def test_the_ascii_patterns_find_the_general_patterns_tokens(text: str) -> None:
    """On ASCII text the ASCII patterns (no Unicode classes, no backtracking into a token)
    find exactly what the general patterns find, for the matcher's words, the word diff's
    units and the share's cores."""
    assert text.isascii()
    folded = text.casefold()
    t = tokens_module
    assert t._FOLDED_WORD_ASCII.findall(folded) == t._FOLDED_WORD_RE.findall(folded)
    assert t._UNIT_ASCII.findall(text) == t._UNIT_RE.findall(text)
    assert t._CORE_ASCII.findall(text) == t._CORE_RE.findall(text)


@given(
    _ASCII_TEXT
    | st.text(alphabet='abz_AZ .,;:()[]"!?/\t\n\x1c\x7f', max_size=40)
    | st.text(alphabet="abz_ .,1$'-", max_size=12)
)
def test_words_of_ascii_text_are_the_patterns_tokens(text: str) -> None:
    """The words of ASCII text are the general pattern's tokens, whether the text is split
    at its other characters (letters, "_" and punctuation only) or read by the pattern."""
    assert words(text) == tokens_module._FOLDED_WORD_RE.findall(text.casefold())


def test_text_with_other_characters_takes_the_general_patterns() -> None:
    """A text with a letter, a mark or a currency sign beyond ASCII is tokenised by the
    general patterns: the Cyrillic word, the euro sum and the accent written apart stay whole."""
    assert words("Київ pays €5bn to cafe\u0301s") == ["київ", "pays", "€5bn", "to", "cafe\u0301s"]
    assert tokens_module._units("€5bn, Київ")[0] == ["€5bn", ",", "Київ"]


def test_a_piece_keeps_the_run_it_shares_with_its_whole() -> None:
    """Colombia's Aug #5.6 is merged into Nov #5.6, which also says what another point
    said: the run the piece kept ("sanctioned carry out restorative works") is shown kept,
    though the whole's other words around it outnumber it more than twice (as a reworded
    pair's clean-up would fold it away as noise)."""
    piece = (
        "The sanctioned carry out restorative works and projects, such as demining and crop"
        " substitution, in the places the Tribunal sets."
    )
    whole = (
        "A sanction of five to eight years of effective restriction of liberty is served in"
        " places the Tribunal sets, no larger than the transitional normalisation zones, while"
        " the sanctioned carry out restorative works, under monitoring; delayed or denied"
        " truth leads to prison."
    )

    def kept(ops: tuple[WordOp, ...]) -> str:
        return " ".join(op.text.strip() for op in ops if op.op == "equal")

    assert "sanctioned carry out restorative works" not in kept(word_diff(piece, whole)[0])
    ops, share = word_diff(piece, whole, piece="old")
    assert "sanctioned carry out restorative works" in kept(ops)
    assert share == word_diff(piece, whole)[1]
    # A split's piece is the new text: the same run, seen from the other side.
    ops = word_diff(whole, piece, piece="new")[0]
    assert "sanctioned carry out restorative works" in kept(ops)
    assert "".join(op.text for op in ops if op.op != "insert").split() == whole.split()
