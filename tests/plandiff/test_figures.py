"""Changed figures pair by what they count (unit and context), not by where they stand."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import negotrack as nt
from negotrack.plandiff.compare import ChangeKind, PointChange
from negotrack.plandiff.figures import figure_pairs, figures, may_hold_figure
from tests.support.dossiers import SEEDS


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
    assert figures(text) == ["30 days"]
    assert figure_pairs("As in Article 5, within 30 days.", "As in Article 4, within 60 days.") == [
        ("30 days", "60 days")
    ]


def test_a_figure_written_another_way_is_no_change() -> None:
    """Lausanne's "3.67 percent for at least 15 years" is the JCPOA's "3.67% for fifteen
    years": no figure changed."""
    assert (
        figure_pairs(
            "Iran will not enrich uranium beyond 3.67 percent for at least 15 years.",
            "Uranium enrichment is held at up to 3.67% for fifteen years.",
        )
        == []
    )
    assert (
        figure_pairs(
            "Seven million hectares of small and medium rural holdings get formal title.",
            "The state formalises ownership of 7 million hectares held by smallholders.",
        )
        == []
    )


def test_number_words_change_like_figures() -> None:
    """Colombia's rural plans went from "within ten years" to "over 15 years", with the
    greatest effort "in the first five"."""
    assert figure_pairs(
        "National plans aim to halve rural poverty within ten years.",
        "The national plans are carried out over 15 years, with the greatest effort in the "
        "first five.",
    ) == [("ten years", "15 years"), ("", "five")]


def test_a_figure_moved_within_the_point_is_no_change() -> None:
    """Lausanne's "for 10 years" opens the JCPOA's point as "For ten years"; what is new
    is the 30 cascades, not 10 becoming 30."""
    assert figure_pairs(
        "Natanz is the only site where Iran enriches, with no more than 5,060 IR-1 "
        "first-generation machines, for 10 years.",
        "For ten years the enrichment capacity stays at Natanz, at up to 5,060 IR-1 machines "
        "installed in no more than 30 cascades, in their present configuration.",
    ) == [("", "30")]


def test_numbers_in_names_are_not_figures() -> None:
    """A centrifuge model ("IR-1"), a compound ("UF6"), a group ("P5+1") or a disease
    ("Covid-19") is named, not counted; "mid-2016" is a year, "two-thirds" and "one" are
    not read as counts."""
    text = (
        "Fordow keeps 1,044 IR-1 machines in six cascades in one wing, under 300 kg of UF6, "
        "as the P5+1 agreed before Covid-19, until mid-2016; two-thirds of them go."
    )
    assert figures(text) == ["1,044", "six", "300 kg", "2016"]
    assert figure_pairs(
        "Research is confined to the IR-4, IR-5 and IR-8 models.",
        "Research with the IR-6 and IR-8 machines may start in eight years.",
    ) == [("", "eight years")]


def test_a_year_never_pairs_with_a_count() -> None:
    """The Annan plan's settlers "after 1974" are not its fifth version's "45,000 persons"
    (and "1974 may remain" holds no month)."""
    assert figure_pairs(
        "Thousands of mainland Turks who settled in Cyprus after 1974 may remain.",
        "Each side submits a list of up to 45,000 persons who become citizens.",
    ) == [("1974", ""), ("", "45,000")]


_WORDS = [
    *("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"),
    *("twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"),
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _spelled(n: int) -> str:
    if n < 20:
        return _WORDS[n - 2]
    tens, unit = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_WORDS[unit - 2] if unit > 1 else 'one'}" if unit else "")


@given(st.integers(2, 99), st.sampled_from(["days", "per cent", "thousand troops", "km"]))
def test_spelling_a_figure_out_changes_nothing(n: int, unit: str) -> None:
    """Any figure from 2 to 99, written in digits or in words, with or without its unit's
    other spelling, is the same figure."""
    other = {"per cent": "percent"}.get(unit, unit)
    old = f"Within {n} {unit}, the parties meet."
    new = f"The parties meet within {_spelled(n)} {other}."
    assert figure_pairs(old, new) == []
    assert figure_pairs(old, f"Within {n + 1} {unit}, the parties meet.") == [
        (figures(old)[0], figures(f"Within {n + 1} {unit}")[0])
    ]


@given(st.lists(st.text(alphabet="aeijkmnotuyMADJNOS0 .,\n-\u0130", max_size=8), max_size=6))
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


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_text_may_hold_a_figure_as_the_case_blind_search_says(text: str) -> None:
    """In ASCII text, the lowered text's plain search finds a digit or a month's name
    exactly where the case-blind search does."""
    from negotrack.plandiff import figures as figures_module

    blind = figures_module._MAYBE_FIGURE.search(text) is not None
    assert (figures_module._MAYBE_FIGURE_LOW.search(text.lower()) is not None) == blind
    assert may_hold_figure(text) == (
        blind
        or not figures_module._NUMBER_WORD.isdisjoint(figures_module._LETTERS.findall(text.lower()))
    )


def test_a_figure_repeated_on_one_side_changes_once() -> None:
    """Lausanne's "cuts ... to 6,104 ..., all 6,104 are IR-1s" drops 6,104 once; a figure
    the other text also has, however often, is no change."""
    old = "Iran cuts its centrifuges to 6,104 for 10 years; all 6,104 are IR-1s, for 10 years."
    new = "For ten years the capacity stays at 5,060 IR-1 machines."
    assert figure_pairs(old, new) == [("6,104", ""), ("", "5,060")]
    assert figure_pairs("5,060 now, 5,060 later.", "Up to 5,060.") == []


def test_the_pieces_of_a_merge_show_the_figures_the_merge_changed() -> None:
    """Each figure a split or merge changed is shown once, on the piece that holds it:
    Lausanne #1 and #10 merge into the JCPOA's #1, dropping 19,000 and 6,104 and adding
    30 cascades; 5,060 and "10 years" / "ten years" stand in both, so they are no change
    (compared with the whole alone, #10 would have lost nothing and #1 gained nothing)."""
    iran = nt.load(SEEDS / "iran-2015.yaml")
    changes = iran.diff("lausanne", "jcpoa").changes
    shown = {
        (c.old.number, c.new.number): [(f.old, f.new) for f in c.figures]
        for c in changes
        if c.group is not None and c.old is not None and c.new is not None
    }
    assert shown[("1", "1")] == [("19,000", ""), ("6,104", ""), ("", "30")]
    assert shown[("10", "1")] == []
    assert shown[("11", "4")] == [("1,000", ""), ("10 years", "")]
    assert shown[("19", "9")] == [("", "20"), ("", "3.67%")]  # the split's new reactor
    assert shown[("19", "10")] == []


def test_a_span_of_time_is_a_figure_with_its_unit() -> None:
    """Colombia's "24 months" and "two years" are one span of time, no change; "100 days"
    that became "three months" changed, and says so with both units (it read "24 -> two"
    and "100 -> three")."""
    assert figures("Within 24 months, for two years, in 100 days, one week.") == [
        "24 months",
        "two years",
        "100 days",
    ]
    assert figure_pairs("The mission runs for 24 months.", "The mission runs for two years.") == []
    assert figure_pairs("Elections within 100 days.", "Elections within three months.") == [
        ("100 days", "three months")
    ]
    assert figure_pairs("For 10 years.", "For ten years.") == []
    assert figure_pairs("1.5 years of work.", "18 months of work.") == []
    assert figure_pairs("In 2015 years' time.", "In 2016 years' time.") == [("2015", "2016")]


def test_a_span_of_time_written_with_a_hyphen_or_as_one_is_a_figure_too() -> None:
    """Colombia's "works for three years" that became "a three-year mandate" is no change
    (it read "three years -> (none)" and "(none) -> three"); "within one year" is
    "within 12 months"; "once a year" is a rate, not a span."""
    assert figure_pairs("Works for three years.", "A three-year mandate.") == []
    assert figure_pairs("A 12-month transition.", "A transition of 12 months.") == []
    assert figure_pairs("Within one year.", "Within 12 months.") == []
    assert figure_pairs("Within 7 days.", "For one week.") == []
    assert figure_pairs("A 100-day plan.", "A plan of 90 days.") == [("100-day", "90 days")]
    assert figures("Talks once a year, within a year.") == ["a year"]


def test_a_figure_written_twice_and_changed_once_pairs_with_what_it_became() -> None:
    """ "within 10 days ... within 10 days" that became "within 10 days ... within 20
    days" changed 10 days into 20 days (it read only "20 days added"); a repeated figure
    written once in the other text is no change."""
    old = "Troops leave within 10 days; observers arrive within 10 days."
    new = "Troops leave within 10 days; observers arrive within 20 days."
    assert figure_pairs(old, new) == [("10 days", "20 days")]
    assert figure_pairs("For 10 years, and again for 10 years.", "For ten years.") == []


def test_a_section_sign_marks_a_reference() -> None:
    assert figures("Under § 5 and §6 the army has 100 days.") == ["100 days"]
