"""Text matching calibrated on the two versions: spelling, stems, confidence, pieces, order."""

from __future__ import annotations

import random

import attrs
import pytest

import negotrack as nt
from negotrack.plandiff import changes as changes_module
from negotrack.plandiff.compare import ChangeKind, diff
from negotrack.plandiff.features import Normaliser
from tests.support.diffgen import generate, point_text
from tests.support.dossiers import SEEDS
from tests.support.lineage import unkeyed


def version(vid: str, *texts: str) -> nt.PlanVersion:
    """A version with the given point texts, numbered 1.."""
    return nt.PlanVersion(
        id=vid,
        label=vid,
        date="2025-11-20" if vid == "a" else "2025-12-20",
        points=[nt.Point(number=str(k + 1), text=t) for k, t in enumerate(texts)],
    )


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("neighbours", "neighbors"),
        ("stabilisation", "stabilization"),
        ("recognise", "recognized"),
        ("recognised", "recognizes"),
        ("defence", "defense"),
        ("centre", "center"),
        ("programme", "program"),
        ("analyse", "analyzed"),
        ("guarantees", "guaranteed"),
    ],
)
def test_spellings_and_inflections_meet(british: str, american: str) -> None:
    """British and American spellings, and inflections, normalise to one stem."""
    normal = Normaliser()
    assert normal.word(british) == normal.word(american)


def test_russian_inflections_meet_and_figures_stay_whole() -> None:
    """Russian words are stemmed by the Russian stemmer; figures stay whole, written one way."""
    normal = Normaliser()
    assert normal.word("гарантии") == normal.word("гарантий")
    assert normal.text("600,000 troops") == ["600000", "troop"]
    assert normal.text("a 28-point plan") == ["a", "28-point", "plan"]
    assert normal.text("the 1990s") == ["the", "1990s"]  # a decade is no model's plural


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("for fifteen years", "for 15 years"),
        ("twenty-five years", "25 years"),
        ("ten", "10"),
        ("ninety-nine", "99"),
        ("3.67 per cent", "3.67 percent"),
        ("1,000 machines", "1000 machines"),
        ("5,060 IR-1s", "5060 IR-1"),
        ("the F-16s", "the F-16"),
    ],
)
def test_numbers_per_cent_and_hyphens_are_written_one_way(one: str, other: str) -> None:
    """Number words meet their figures, "per cent" meets "percent" ("per" is a word of
    its own, shared by almost nothing) and a model's plural meets its name."""
    normal = Normaliser()
    a = [w for w in normal.text(one) if w != "per"]
    b = [w for w in normal.text(other) if w != "per"]
    assert a == b


@pytest.mark.parametrize(
    ("hyphenated", "other", "language"),
    [
        ("a cease-fire", "a ceasefire", "en"),
        ("the pull-back", "the pullback", "en"),
        ("a public-health matter", "a public health matter", "en"),
        ("heavy-water reactors", "heavy water reactors", "en"),
    ],
)
def test_a_hyphenated_word_meets_its_closed_and_its_open_forms(
    hyphenated: str, other: str, language: str
) -> None:
    """A hyphenated word stands for its closed form and for its parts, so every stem of
    the other way of writing it is among its stems."""
    normal = Normaliser(language)
    assert set(normal.text(other)) <= set(normal.text(hyphenated))


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_a_cyrillic_compound_is_one_word(language: str) -> None:
    """Russian and Ukrainian write a compound adjective with its hyphen only, so it has no
    other spelling to meet, and its parts are the plan's common words: split, Minsk II's
    "соціально-економічних зв'язків" took the Protocol's "економічного відновлення" in
    Ukrainian, which the curated lineage keeps apart (see :mod:`.features`)."""
    normal = Normaliser(language)
    compound = "соціально-економічних" if language == "uk" else "социально-экономических"
    assert len(normal.text(compound)) == 1
    assert not set(normal.text(compound)) & set(normal.text(compound.split("-")[1]))


def test_a_per_cent_sign_leaves_its_figure_to_meet_the_written_one() -> None:
    """ "3.67%" and "3.67 percent" share the figure 3.67, and the same figure is one word."""
    normal = Normaliser()
    assert normal.text("3.67%") == ["3.67"]
    assert normal.text("3.67 percent") == ["3.67", "%"]


def test_number_words_let_a_rewrite_pair() -> None:
    """Two points that differ only in their figures pair with the rewrites that spell those
    figures out, even against their places."""
    a = version(
        "a",
        "Limits on research with advanced machines last 10 years.",
        "Limits on research with advanced machines last 15 years.",
        "Inspectors have daily access to declared sites.",
    )
    b = version(
        "b",
        "Limits on research with advanced machines last fifteen years.",
        "Limits on research with advanced machines last ten years.",
        "Inspectors have daily access to declared sites.",
    )
    pairs = {(c.old.number, c.new.number) for c in diff(a, b).changes if c.old and c.new}
    assert pairs == {("1", "2"), ("2", "1"), ("3", "3")}


def test_a_rewrite_in_the_other_spelling_is_paired() -> None:
    """Points rewritten in American spelling by another hand pair with their originals."""
    a = version(
        "a",
        "The parties recognise the stabilisation of the neighbouring regions.",
        "A demilitarised zone is monitored by the OSCE's centre in Vienna.",
        "Elections are organised within one hundred days under international observers.",
        "Sanctions are lifted in stages as the ceasefire holds.",
    )
    b = version(
        "b",
        "Sanctions are lifted step by step while the ceasefire holds.",
        "Both sides recognize stabilization in the neighboring regions.",
        "The OSCE center in Vienna monitors a demilitarized zone.",
        "Observers from abroad watch elections organized in a hundred days.",
    )
    pairs = {(c.old.number, c.new.number) for c in diff(a, b).changes if c.old and c.new}
    assert pairs == {("1", "2"), ("2", "3"), ("3", "4"), ("4", "1")}


def test_every_change_says_how_sure_it_is_and_what_matched_it() -> None:
    """Exact texts are sure (1.0); text pairs are in (0, 1]; added/deleted points are 0."""
    a = version(
        "a",
        "A full ceasefire takes effect along the current line of contact.",
        "The armed forces of Ukraine will be capped at 600,000 personnel.",
        "Frozen Russian assets are invested in reconstruction.",
    )
    b = version(
        "b",
        "A full ceasefire takes effect along the current line of contact.",
        "Ukraine's armed forces will be capped at 800,000 personnel in peacetime.",
        "Presidential elections are held within 100 days.",
    )
    by_kind = {c.kind: c for c in diff(a, b).changes}
    assert (by_kind[ChangeKind.UNCHANGED].matched_by, by_kind[ChangeKind.UNCHANGED].confidence) == (
        "exact",
        1.0,
    )
    army = by_kind[ChangeKind.REWORDED]
    assert army.matched_by == "text"
    assert 0.5 <= army.confidence <= 1.0
    assert army.via == "text"
    for kind in (ChangeKind.ADDED, ChangeKind.DELETED):
        assert (by_kind[kind].matched_by, by_kind[kind].confidence) == ("", 0.0)


def test_an_explicit_threshold_overrides_the_calibrated_cut() -> None:
    """threshold= compares confidence: a higher threshold never pairs more by text."""
    rng = random.Random(3)
    texts = [point_text(rng) for _ in range(30)]
    a = version("a", *texts)
    b = version("b", *(t.replace("will", "shall").replace("the", "a") for t in reversed(texts)))

    def by_text(threshold: float | None) -> int:
        found = diff(a, b, threshold=threshold).changes
        return sum(c.matched_by == "text" for c in found)

    assert by_text(0.01) >= by_text(None) >= by_text(0.999)
    assert all(
        c.confidence >= 0.9 for c in diff(a, b, threshold=0.9).changes if c.matched_by == "text"
    )


def test_a_stricter_threshold_leaves_the_pairs_below_it_to_a_person() -> None:
    """On Colombia without its lineage, Aug #1.6 -> Nov #1.8 is paired at 0.56 by default;
    at threshold 0.7 it is not paired (not found again in a gap with a higher confidence)
    but offered as a candidate, and every other pair keeps its confidence."""
    d = unkeyed("colombia-2016.yaml")
    default = d.diff("final-aug", "final-nov")
    strict = d.diff("final-aug", "final-nov", threshold=0.7)

    def pairs(report: nt.PlanDiff) -> dict[tuple[str, str], float]:
        return {
            (c.old.number, c.new.number): c.confidence
            for c in report.changes
            if c.old is not None and c.new is not None
        }

    assert 0.5 <= pairs(default)[("1.6", "1.8")] < 0.7
    assert ("1.6", "1.8") not in pairs(strict)
    assert pairs(strict).items() <= pairs(default).items()
    assert ("1.6", "1.8") in {(c.old.number, c.new.number) for c in strict.candidates}


def test_unrelated_long_points_stay_apart() -> None:
    """200 long points deleted and 200 unrelated long points added are not paired."""
    rng = random.Random(5)
    a = version("a", *(point_text(rng, words=(200, 400)) for _ in range(200)))
    b = version("b", *(point_text(rng, words=(200, 400)) for _ in range(200)))
    summary = diff(a, b).summary
    assert (summary["added"], summary["deleted"]) == (200, 200)


def test_json_and_summary_do_not_compute_word_diffs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Word diffs and figures are computed when first read, not for the JSON output."""

    def refuse(*texts: object) -> object:
        raise AssertionError("word_diff called")

    monkeypatch.setattr(changes_module, "word_diff", refuse)
    a = version("a", "The army is capped at 600,000.", "A ceasefire holds from Monday.")
    b = version("b", "A ceasefire holds from Monday on.", "The army is capped at 800,000.")
    d = diff(a, b)
    assert d.to_json_data()["summary"]["moved"] + d.summary["reworded"] >= 1
    with pytest.raises(AssertionError, match="word_diff called"):
        _ = [c.words for c in d.changes]


def test_split_pieces_carry_word_diffs_and_nothing_stands_between_them() -> None:
    """A curated split's pieces show their inline diff; a deleted point follows the last
    piece, not the first."""
    whole = "Ukraine's army is capped at 600,000 personnel. Elections are held within 100 days."
    a = version("a", "A ceasefire holds.", whole, "Frozen assets are invested.")
    b = version(
        "b",
        "A ceasefire holds.",
        "Ukraine's army is capped at 800,000 personnel.",
        "Elections are held within 100 days.",
    )
    links = [nt.PointLink("a#2", "b#2"), nt.PointLink("a#2", "b#3")]
    d = diff(a, b, links=links)
    kinds = [(c.kind.value, c.old and c.old.number, c.new and c.new.number) for c in d.changes]
    assert kinds == [
        ("unchanged", "1", "1"),
        ("split", "2", "2"),
        ("split", "2", "3"),
        ("deleted", "3", None),
    ]
    pieces = [c for c in d.changes if c.kind is ChangeKind.SPLIT]
    assert all(any(w.op != "equal" for w in c.words) for c in pieces)
    assert all(c.matched_by == "link" and c.confidence == 1.0 for c in pieces)


def test_split_pieces_far_apart_are_listed_together() -> None:
    """A curated split whose pieces the new version puts apart (Minsk I #9 into Minsk
    II #4 and #12) is listed as one: its pieces one after the other where its first
    stands, and nothing (deleted or not) between them."""
    a = version(
        "a",
        "A ceasefire holds.",
        "Local elections are held under the special-status law.",
        "Hostages are released.",
        "An inclusive national dialogue continues.",
    )
    b = version(
        "b",
        "A ceasefire holds.",
        "A dialogue on local elections begins the day after the pull-back.",
        "Hostages are released.",
        "Election questions are agreed in the Trilateral Contact Group.",
    )
    links = [nt.PointLink("a#2", "b#2"), nt.PointLink("a#2", "b#4")]
    d = diff(a, b, links=links)
    kinds = [(c.kind.value, c.old and c.old.number, c.new and c.new.number) for c in d.changes]
    assert kinds == [
        ("unchanged", "1", "1"),
        ("split", "2", "2"),
        ("split", "2", "4"),
        ("unchanged", "3", "3"),
        ("deleted", "4", None),
    ]


def test_minsk_split_is_listed_as_one() -> None:
    """On the Minsk seed, Minsk I #9's two pieces stand next to each other."""
    d = nt.load(SEEDS / "minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")
    at = [k for k, c in enumerate(d.changes) if c.kind is ChangeKind.SPLIT]
    assert len(at) == 2
    assert at[1] == at[0] + 1


def test_no_successor_and_no_predecessor_links_show_as_curated() -> None:
    """A point a curated link says has no counterpart is deleted (or added) on a
    person's word: matched by "link", as sure as any link, and reported as curated."""
    a = version("a", "A ceasefire holds.", "A plebiscite endorses the deal.")
    b = version("b", "A ceasefire holds.", "Congress endorses the deal.")
    links = [nt.PointLink("a#2", "b", note="the plebiscite failed"), nt.PointLink("a", "b#2")]
    d = diff(a, b, links=links)
    assert [c.note for c in d.changes] == [None, "the plebiscite failed", None]
    got = [(c.kind.value, c.matched_by, c.confidence) for c in d.changes]
    assert got == [("unchanged", "exact", 1.0), ("deleted", "link", 1.0), ("added", "link", 1.0)]
    data = d.to_json_data()["changes"]
    assert [c["matched_by"] for c in data] == ["exact", "link", "link"]
    assert not any(c.check for c in d.changes)
    for text in (d.to_text().lower(), d.to_markdown().lower(), d.to_html().lower()):
        assert "curated" in text
        assert "the plebiscite failed" in text


def test_reports_say_part_of_a_merger_and_mark_curated_links() -> None:
    """Reports read "Part of a merger" and show curated links as such."""
    a = version("a", "The army is capped.", "The navy is capped.", "A ceasefire holds.")
    b = version("b", "The army and the navy are capped.", "A ceasefire holds.")
    links = [nt.PointLink("a#1", "b#1"), nt.PointLink("a#2", "b#1")]
    d = diff(a, b, links=links)
    for text in (d.to_text().lower(), d.to_markdown().lower(), d.to_html().lower()):
        assert "part of a merger" in text
        assert "part of a merged" not in text
        assert "curated link" in text


def test_reports_ask_to_check_unsure_text_pairs() -> None:
    """A pair found by text with a low confidence is marked "check this" in every report."""
    a = version(
        "a",
        "Both sides stop firing at once.",
        "Heavy weapons are pulled back by equal distances.",
        "The OSCE monitors the ceasefire.",
    )
    b = version(
        "b",
        "An immediate ceasefire in certain areas, strictly observed.",
        "Heavy weapons are withdrawn by both sides to equal distances.",
        "OSCE monitoring of the ceasefire and the pull-back.",
    )
    d = diff(a, b)
    unsure = [c for c in d.changes if c.check]
    assert unsure
    assert all(c.matched_by in {"text", "split", "merge"} and c.confidence < 0.8 for c in unsure)
    for text in (d.to_text().lower(), d.to_markdown().lower(), d.to_html().lower()):
        assert "check this" in text


def _changes(name: str) -> tuple[nt.PointChange, ...]:
    """The text-only diff of a seed's first two versions (keys and links removed)."""
    d = unkeyed(name)
    first, second = d.plans[0].versions[:2]
    return d.diff(first.id, second.id).changes


def _real(name: str) -> dict[str, nt.PointChange]:
    """The text-only diff of a seed's first two versions, by old number (the first change
    holding each old point)."""
    out: dict[str, nt.PointChange] = {}
    for c in _changes(name):
        if c.old is not None:
            out.setdefault(c.old.number, c)
    return out


def test_a_short_rewording_inside_a_longer_point_is_not_made_its_piece() -> None:
    """New #4 lies inside old #2 (a whole it could be a piece of, with new #2), but old #4
    and new #4 are each other's best and as much contained in each other: old #4 is
    reworded, not deleted, and old #2 is not split."""
    a = version(
        "a",
        "A ceasefire along the line of contact takes effect at midnight.",
        "Both sides withdraw heavy weapons and release all prisoners of war.",
        "Monitors of the OSCE verify the ceasefire.",
        "Both sides release all the prisoners they hold.",
        "Elections are held under Ukrainian law.",
    )
    b = version(
        "b",
        "A ceasefire along the line of contact takes effect at midnight.",
        "Both sides withdraw heavy weapons.",
        "Monitors of the OSCE verify the ceasefire.",
        "Both sides release all prisoners.",
        "Elections are held under Ukrainian law.",
    )
    kinds = [
        (c.kind.value, c.old and c.old.number, c.new and c.new.number) for c in diff(a, b).changes
    ]
    assert kinds == [
        ("unchanged", "1", "1"),
        ("reworded", "2", "2"),
        ("unchanged", "3", "3"),
        ("reworded", "4", "4"),
        ("unchanged", "5", "5"),
    ]


def test_a_point_two_newcomers_resemble_alike_is_left_for_a_person() -> None:
    """Minsk I's "both sides stop using weapons immediately" faces, before the first pair,
    Minsk II's "immediate and full ceasefire" and "both sides pull all heavy weapons back":
    both clear the low bar of that gap, so the text cannot tell which continues it and
    neither is paired (before, the heavy weapons were: a wrong pair)."""
    assert _real("minsk-2014-2015.yaml")["1"].kind is ChangeKind.DELETED


def test_a_piece_another_whole_could_claim_as_well_is_not_attached() -> None:
    """The US 28-point plan's recognition of Crimea, Luhansk and Donetsk as de facto
    Russian (21a) shares place names and "de facto" with the 20-point line of contact, but
    so does another point: it stays deleted, as the sources report (the recognition was
    dropped), instead of being merged into the line of contact."""
    assert _real("ukraine-2025-12.yaml")["21a"].kind is ChangeKind.DELETED


def test_a_piece_must_be_its_wholes_best_candidate_apart_from_its_partner() -> None:
    """Colombia's August plebiscite point shares one rare verb ("put") with the November
    peace constituencies, which are paired with their August text: the constituencies'
    next best candidate is another point, so the plebiscite is not made a piece of them
    and stays deleted (it was dropped after the vote)."""
    changes = _real("colombia-2016.yaml")
    assert changes["6.5"].kind is ChangeKind.DELETED


def test_a_piece_must_add_to_its_whole_what_its_partner_does_not() -> None:
    """The US draft's point 17 (the US and Russia prolong the treaties on nuclear
    non-proliferation and arms control) stands beside point 18 (Ukraine stays a
    non-nuclear state under the Non-Proliferation Treaty), which the 20-point draft keeps as
    its point 11. Point 17 shares 11's rare words ("nuclear", "non-proliferation",
    "treaty") only through 18: it adds nothing to 11 that 18 does not hold, so it is no
    piece of a merger. It was merged in at confidence 1.0, unmarked, where the curated
    lineage has no successor for it; on generated drafts of 12 to 60 points the rule drops
    about 140 wrong pieces for 11 right ones."""
    changes = _real("ukraine-20-point-2025-12.yaml")
    assert changes["17"].kind is ChangeKind.DELETED
    assert changes["18"].new is not None
    assert changes["18"].new.number == "11"
    assert changes["18"].kind is not ChangeKind.MERGED
    # A true merger keeps both pieces: each adds its own part (Iran's Fordow points).
    iran = _real("iran-2015.yaml")
    assert iran["7"].kind is iran["8"].kind is ChangeKind.MERGED


def test_a_gap_point_its_bounding_pair_claims_is_not_paired_in_the_gap() -> None:
    """The US draft's #12 (a global package that rebuilds Ukraine) splits into the
    20-point framework's #8 (a development package) and #9 (funds for "the rebuilding of
    war-damaged areas"). With #12 paired with #8 and #18 with #11, the dropped #13 to #17
    face #9 and #10 in the gap between, whose bar is low: the frozen assets that go to
    "rebuild Ukraine" (#14) were paired with #9, and a working group that enforces "this
    agreement" (#15) with a free trade agreement (#10). #9 scores far more with #12, above
    the bar of the whole search, so the gap leaves it alone: the dropped points stay
    deleted, and #12 -> #9 is offered for review."""
    dossier = unkeyed("ukraine-20-point-2025-12.yaml")
    d = dossier.diff("us-28", "20-point")
    changes = {c.old.number: c for c in d.changes if c.old is not None}
    for number in ("13", "14", "15", "17"):
        assert changes[number].kind is ChangeKind.DELETED, number
    added = {c.new.number for c in d.changes if c.kind is ChangeKind.ADDED and c.new}
    assert {"9", "10"} <= added
    offered = {(c.old.number, c.new.number): c.confidence for c in d.candidates}
    assert offered[("12", "9")] > max(v for (o, n), v in offered.items() if n == "9" and o != "12")


def test_a_run_rewritten_in_place_is_paired_by_its_place() -> None:
    """The US plan of 21 points and its 20-point successor both keep points 1 and 4, and
    rewrite 2 and 3 in other words ("Gaza is to be rebuilt" / "Gaza is redeveloped", "the
    fighting stops at once" / "the war ends immediately"). Each pair alone scores below
    the bar of its gap, but each is the best of its row and column there, and together
    they clear the bar of one pair: they are paired in place, as a line diff would show
    them, and marked "check this"."""
    d = unkeyed("gaza-2025.yaml").diff("us-21", "us-20")
    by_old = {c.old.number: c for c in d.changes if c.old is not None}
    for number in ("2", "3"):
        change = by_old[number]
        assert change.new is not None
        assert change.new.number == number
        assert change.matched_by == "text"
        assert 0.5 <= change.confidence < 0.8
        assert change.check
    # The review loop lists them as pairs a person should check.
    suggested = unkeyed("gaza-2025.yaml").suggest_links("us-21", "us-20")
    listed = {(s.old, s.new): s for s in suggested}
    for number in ("2", "3"):
        suggestion = listed[(f"us-21#{number}", f"us-20#{number}")]
        assert suggestion.paired
        assert suggestion.matched_by == "text"


def test_a_run_the_text_crosses_is_not_paired_by_its_place() -> None:
    """The same two rewrites with the new points 2 and 3 swapped: the points facing each
    other now share less than unrelated points do, so place alone pairs nothing, and the
    crossed pairs, each below the gap's bar, stay unpaired too."""
    dossier = unkeyed("gaza-2025.yaml")
    plan = dossier.plans[0]
    old, new = plan.version("us-21"), plan.version("us-20")
    points = list(new.points)
    points[1], points[2] = (
        attrs.evolve(points[2], number="2"),
        attrs.evolve(points[1], number="3"),
    )
    d = diff(old, attrs.evolve(new, points=tuple(points)))
    by_old = {c.old.number: c for c in d.changes if c.old is not None}
    assert by_old["2"].kind is by_old["3"].kind is ChangeKind.DELETED


def test_a_pair_with_pieces_on_both_sides_keeps_the_surer_side() -> None:
    """A pair that gains a split piece and a merge piece would be many-to-many; the side
    whose surest piece is surer is kept. In this generated 20-point revision old #19 is
    split into new #19, #20 and #21; it pairs with #20, #19 is its piece at 0.90, and a
    weaker merge piece (another old point) claims #20 too. Both were dropped, and #19
    read as added. (On 1,440
    generated drafts the rule adds 4 right pairs and no wrong one.)"""
    case = generate(20, seed=39, share=0.5, words=(30, 50))
    d = diff(case.old, case.new)
    split = {
        (c.old.number, c.new.number): c.confidence
        for c in d.changes
        if c.kind is ChangeKind.SPLIT and c.old is not None and c.new is not None
    }
    assert {("19", "19"), ("19", "20")} <= split.keys()
    assert {("19", "19"), ("19", "20")} <= case.truth
    merged_into_20 = [
        c for c in d.changes if c.kind is ChangeKind.MERGED and c.new and c.new.number == "20"
    ]
    assert merged_into_20 == []


@pytest.mark.parametrize("name", ["colombia-2016.yaml", "colombia-es-2016.yaml"])
def test_order_settles_a_piece_another_whole_resembles_too(name: str) -> None:
    """November's agreement splits August's 3.3 (the FARC party's seats and its funding)
    into 3.3 (the seats) and 3.4 (the funding). New 3.3 also resembles August's 2.2 (the
    peace constituencies, "two terms", "House"), above the bar, so it was left added;
    but it stands next to 3.4, old 3.3's partner, and far from 2.2's: order settles it,
    and 3.3 is split. (The US draft's 21a, whose runner-up's partner is its neighbour as
    well, stays deleted: see the test above.)"""
    d = unkeyed(name)
    first, second = d.plans[0].versions[:2]
    split = {
        c.new.number
        for c in d.diff(first.id, second.id).changes
        if c.kind is ChangeKind.SPLIT and c.old is not None and c.old.number == "3.3" and c.new
    }
    assert split == {"3.3", "3.4"}


def test_a_piece_far_from_its_wholes_partner_needs_the_bar_of_the_whole_search() -> None:
    """The US draft's #8 (NATO agrees not to station troops in Ukraine) shares one rare
    word with the 20-point territory point #14 ("the line where the troops stand"), which
    continues the US territory point #21. #8 stands far from #21, so nothing in the order
    says it is a piece of #14: its lead over its runner-up (2.9 z-scores) must clear the
    bar of the whole search (3.5), not of the wholes it was compared with. It was merged
    in, marked "check this"; it stays deleted, as the sources report. (On 1,440 generated
    drafts the rule drops about 110 wrong pieces for 45 right ones.)"""
    changes = _real("ukraine-20-point-2025-12.yaml")
    assert changes["8"].kind is ChangeKind.DELETED
    assert changes["21"].kind is ChangeKind.REWORDED
    assert changes["21"].new is not None
    assert changes["21"].new.number == "14"


def test_a_hyphenated_rewrite_pairs_on_a_real_case() -> None:
    """Colombia's "drug consumption ... a public-health matter" pairs with November's
    "consumers ... prevention and public health"."""
    change = _real("colombia-2016.yaml")["4.2"]
    assert change.new is not None
    assert change.new.number == "4.2"


def test_a_split_piece_longer_than_its_whole_is_still_a_piece() -> None:
    """The Annan plan's third version says in one point that a six-member Presidential
    Council reflects the population and that its presidency rotates; the fifth gives the
    rotation a point (paired) and spells out the Council's election in a longer one, which
    is found as the other piece of the split."""
    changes = _changes("cyprus-annan-2003-2004.yaml")
    split = [c for c in changes if c.old is not None and c.old.number == "4"]
    assert {c.kind for c in split} == {ChangeKind.SPLIT}
    assert {c.new.number for c in split if c.new is not None} == {"5", "6"}


def test_two_versions_of_one_point_each_are_paired() -> None:
    """One point reworded, alone in each version: every word the two share is in every
    point of both versions, and still weighs (it weighed nothing, and the pair was a
    deletion and an addition)."""
    d = unkeyed("minsk-2014-2015.yaml")
    first = d.version("minsk-1").points[0]
    old = attrs.evolve(d.version("minsk-1"), points=(first,))
    new = attrs.evolve(old, id="minsk-1b", points=(attrs.evolve(first, text=first.text + " Now."),))
    changes = diff(old, new).changes
    assert [(c.kind, c.matched_by) for c in changes] == [(ChangeKind.REWORDED, "text")]
    assert changes[0].confidence > 0.9


@pytest.mark.parametrize(
    ("language", "one", "other"),
    [
        ("es", "elecciones", "elección"),
        ("es", "garantizará", "garantizar"),
        ("es", "territoriales", "territorial"),
        ("fr", "garantira", "garantir"),
        ("fr-CA", "garantira", "garantir"),
        ("de", "Verhandlungen", "Verhandlung"),
    ],
)
def test_a_plans_language_chooses_its_stemmer(language: str, one: str, other: str) -> None:
    """In the plan's language, inflections meet that the English rules keep apart."""
    own, english = Normaliser(language), Normaliser()
    assert own.text(one) == own.text(other)
    assert english.text(one) != english.text(other)


def test_an_unknown_language_keeps_the_english_rules() -> None:
    """A language Snowball lacks (or none) stems Latin script as English, spelling
    rules included."""
    words = "The neighbours recognised the stabilisation programme."
    assert Normaliser("xx").text(words) == Normaliser().text(words) == Normaliser("en").text(words)
    assert Normaliser("fr").text("neighbours") != Normaliser().text("neighbours")


def test_arabic_script_is_stemmed_and_written_one_way() -> None:
    """Arabic words lose the article and meet across the written forms of alef."""
    normal = Normaliser("ar")
    assert normal.text("وقف إطلاق النار") == normal.text("وقف اطلاق نار")


_RURAL = "El Gobierno garantizará la reforma rural integral y el acceso a la tierra."
_CROPS = "Se sustituirán los cultivos de uso ilícito mediante planes integrales comunitarios."
_VICTIMS = "Se crearán circunscripciones especiales de paz para las víctimas del conflicto."


def _spanish(id: str, date: str, texts: list[str]) -> nt.PlanVersion:
    points = [nt.Point(number=str(k + 1), text=t) for k, t in enumerate(texts)]
    return nt.PlanVersion(id=id, label=id, date=date, points=points)


def test_a_dossier_in_spanish_is_matched_in_spanish() -> None:
    """``d.diff`` matches in the dossier's declared language: the same pairs as
    ``diff(..., language="es")``, surer than by the English rules where only inflections
    differ."""
    old = _spanish("ago", "2016-08-24", [_RURAL, _CROPS, _VICTIMS])
    new = _spanish(
        "nov",
        "2016-11-24",
        [
            "Las circunscripciones especiales de paz serán creadas para víctimas del conflicto.",
            "La reforma rural integral, con acceso a tierras, será garantizada por el Gobierno.",
            "La sustitución de cultivos ilícitos se hará con un plan integral comunitario.",
        ],
    )
    plan = nt.Plan(id="acuerdo", title="Acuerdo final", versions=[old, new])
    d = nt.Dossier(title="Colombia", plans=[plan], language="es")

    def pairs(plan_diff: nt.PlanDiff) -> dict[tuple[str, str], float]:
        return {
            (c.old.number, c.new.number): c.confidence
            for c in plan_diff.changes
            if c.old is not None and c.new is not None
        }

    spanish = pairs(d.diff("ago", "nov"))
    assert spanish == pairs(diff(old, new, language="es"))
    assert set(spanish) == {("1", "2"), ("2", "3"), ("3", "1")}
    english = pairs(diff(old, new, language="en"))
    assert set(english) == set(spanish)
    assert all(spanish[p] >= english[p] for p in spanish)
    assert any(spanish[p] > english[p] for p in spanish)
