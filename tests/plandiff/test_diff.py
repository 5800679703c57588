"""The plan diff: alignment, classification, order, figures, dossier context, quality."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import attrs
import pytest

import negotrack as nt
from benchmarks import realcases
from negotrack.plandiff.align import align
from negotrack.plandiff.compare import ChangeKind, FigureChange, PointChange, StatusDelta, diff

# The ground-truth generator lives with the benchmarks, as a top-level module there.
from tests.support.diffgen import edges, generate, score
from tests.support.lineage import uncited
from tests.support.shapes import CHANGE_KEYS, DIFF_KEYS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

ARMY = "The armed forces of Ukraine will be capped at 600,000 personnel in peacetime."
CEASEFIRE = "A full ceasefire takes effect along the current line of contact once both agree."
PRISONERS = "All prisoners of war and civilian detainees are exchanged on an all-for-all basis."
ELECTIONS = "Ukraine holds presidential and parliamentary elections within 100 days."
SANCTIONS = "Sanctions on Russia are lifted in stages, case by case, as agreed."
ASSETS = "Frozen Russian assets worth $100bn are invested in US-led reconstruction."


def version(vid: str, *texts: str, numbers: list[str] | None = None) -> nt.PlanVersion:
    """A version with the given point texts, numbered 1.. unless ``numbers`` is given."""
    nums = numbers or [str(k + 1) for k in range(len(texts))]
    return nt.PlanVersion(
        id=vid,
        label=vid,
        date="2025-11-20" if vid == "a" else "2025-12-20",
        points=[nt.Point(number=n, text=t) for n, t in zip(nums, texts, strict=True)],
    )


def kinds(d: nt.PlanDiff) -> list[tuple[str, str | None, str | None]]:
    """(kind, old number, new number) for every change, in order."""
    return [
        (c.kind.value, c.old.number if c.old else None, c.new.number if c.new else None)
        for c in d.changes
    ]


def test_identical_versions_are_unchanged() -> None:
    """Diffing a version against a copy of itself leaves every point unchanged."""
    a = version("a", ARMY, CEASEFIRE, PRISONERS)
    b = version("b", ARMY, CEASEFIRE, PRISONERS)
    d = diff(a, b)
    assert kinds(d) == [("unchanged", "1", "1"), ("unchanged", "2", "2"), ("unchanged", "3", "3")]
    assert all(c.similarity == 1.0 and c.via == "exact" for c in d.changes)


def test_deleted_and_added_points_stand_where_they_were() -> None:
    """A deletion follows the point it followed, before what was added there."""
    a = version("a", ARMY, CEASEFIRE, PRISONERS)
    b = version("b", ARMY, ELECTIONS, PRISONERS)
    assert kinds(diff(a, b)) == [
        ("unchanged", "1", "1"),
        ("deleted", "2", None),
        ("added", None, "2"),
        ("unchanged", "3", "3"),
    ]


def test_a_deletion_at_the_head_comes_first() -> None:
    """A deleted first point is placed before everything else."""
    a = version("a", SANCTIONS, ARMY, CEASEFIRE)
    b = version("b", ARMY, CEASEFIRE)
    assert kinds(diff(a, b))[0] == ("deleted", "1", None)


def test_one_insertion_renumbers_but_does_not_move() -> None:
    """An inserted point renumbers those after it without marking them moved."""
    a = version("a", ARMY, CEASEFIRE, PRISONERS, ELECTIONS)
    b = version("b", SANCTIONS, ARMY, CEASEFIRE, PRISONERS, ELECTIONS)
    assert kinds(diff(a, b)) == [
        ("added", None, "1"),
        ("renumbered", "1", "2"),
        ("renumbered", "2", "3"),
        ("renumbered", "3", "4"),
        ("renumbered", "4", "5"),
    ]


def test_a_point_taken_out_of_order_is_moved() -> None:
    """Only the point that left its place is moved; the others keep their order."""
    a = version("a", ARMY, CEASEFIRE, PRISONERS, ELECTIONS, SANCTIONS)
    b = version("b", CEASEFIRE, PRISONERS, ELECTIONS, SANCTIONS, ARMY)
    d = diff(a, b)
    assert d.summary["moved"] == 1
    moved = next(c for c in d.changes if c.kind is ChangeKind.MOVED)
    assert moved.old is not None
    assert moved.old.text == ARMY
    assert moved.renumbered


def test_rewording_carries_words_figures_and_similarity() -> None:
    """A reworded point carries its inline word diff, the changed figure and a similarity."""
    a = version("a", ARMY, CEASEFIRE)
    b = version("b", ARMY.replace("600,000", "800,000"), CEASEFIRE)
    change = diff(a, b).changes[0]
    assert change.kind is ChangeKind.REWORDED
    assert change.via == "text"
    assert change.figures == (FigureChange("600,000", "800,000"),)
    assert ("delete", "600,000") in [(w.op, w.text) for w in change.words]
    assert 0.8 < change.similarity < 1.0
    assert not change.renumbered


def test_reworded_and_renumbered_sets_the_flag() -> None:
    """A reworded point whose number changed stays reworded, flagged renumbered."""
    a = version("a", ARMY, CEASEFIRE, numbers=["12", "13"])
    b = version("b", ARMY.replace("in peacetime", "at all times"), CEASEFIRE, numbers=["9", "10"])
    change = diff(a, b).changes[0]
    assert change.kind is ChangeKind.REWORDED
    assert change.renumbered


def test_unrelated_points_are_not_matched() -> None:
    """Points with nothing in common are a deletion and an addition, not a rewording."""
    d = diff(version("a", ARMY), version("b", PRISONERS))
    assert sorted(d.summary.items()) == sorted(
        {**dict.fromkeys(d.summary, 0), "added": 1, "deleted": 1}.items()
    )


def test_a_split_point_is_one_group() -> None:
    """An old point whose sentences became two new points is split, in one group."""
    a = version("a", ARMY + " " + ASSETS, CEASEFIRE)
    b = version("b", ARMY, ASSETS, CEASEFIRE)
    d = diff(a, b)
    split = [c for c in d.changes if c.kind is ChangeKind.SPLIT]
    assert [(c.old.number, c.new.number) for c in split if c.old and c.new] == [
        ("1", "1"),
        ("1", "2"),
    ]
    assert {c.group for c in split} == {1}


def test_merged_points_are_one_group() -> None:
    """Two old points that became one new point are merged, in one group."""
    a = version("a", ARMY, ASSETS, CEASEFIRE)
    b = version("b", ARMY + " " + ASSETS, CEASEFIRE)
    d = diff(a, b)
    merged = [c for c in d.changes if c.kind is ChangeKind.MERGED]
    assert [(c.old.number, c.new.number) for c in merged if c.old and c.new] == [
        ("1", "1"),
        ("2", "1"),
    ]
    assert merged[0].group == merged[1].group == 1


def test_keys_match_rewritten_points() -> None:
    """Points sharing a lineage key are paired however different their text."""
    a = nt.PlanVersion(id="a", label="a", date="2025", points=[nt.Point("1", ARMY, key="army")])
    b = nt.PlanVersion(
        id="b", label="b", date="2026", points=[nt.Point("7", PRISONERS, key="army")]
    )
    change = diff(a, b).changes[0]
    assert (change.kind, change.via, change.renumbered) == (ChangeKind.REWORDED, "key", True)


def test_curated_links_win_over_keys() -> None:
    """A curated link overrides what shared keys would pair."""
    a = version("a", ARMY, CEASEFIRE)
    b = version("b", ARMY, CEASEFIRE)
    a = nt.PlanVersion(
        id="a",
        label="a",
        date="2025",
        points=[nt.Point("1", ARMY, key="x"), nt.Point("2", CEASEFIRE, key="y")],
    )
    b = nt.PlanVersion(
        id="b",
        label="b",
        date="2026",
        points=[nt.Point("1", CEASEFIRE, key="y"), nt.Point("2", ARMY, key="x")],
    )
    d = diff(a, b, links=[nt.PointLink("a#1", "b#1")])
    pairs = {(c.old.number, c.new.number, c.via) for c in d.changes if c.old and c.new}
    assert ("1", "1", "link") in pairs
    assert ("2", "2", "text") not in pairs


def _keyed(vid: str, *points: tuple[str, str | None]) -> nt.PlanVersion:
    """A version of points (text, key), numbered 1..."""
    return nt.PlanVersion(
        id=vid,
        label=vid,
        date="2025" if vid == "a" else "2026",
        points=[nt.Point(str(k + 1), text, key=key) for k, (text, key) in enumerate(points)],
    )


REWORDED = "A full ceasefire takes effect along the line of contact as soon as both sides agree."


def _pairs(d: nt.PlanDiff) -> list[tuple[str, str | None, str | None, str]]:
    return [
        (
            str(c.kind),
            c.old.number if c.old else None,
            c.new.number if c.new else None,
            c.matched_by,
        )
        for c in d.changes
    ]


def test_points_of_different_keys_are_never_paired_by_text() -> None:
    """Where two versions share a key, a person placed every keyed point: two points of
    different keys are different lines, however alike their texts (reworded, or the very
    same), and neither is offered to the other. The same points without their keys are
    paired by text."""
    old = _keyed("a", (ARMY, "army"), (CEASEFIRE, "truce"), (ELECTIONS, "elections"))
    new = _keyed("b", (ARMY, "army"), (REWORDED, "ceasefire"), (ELECTIONS, "vote"))
    d = diff(old, new)
    assert _pairs(d) == [
        ("unchanged", "1", "1", "key"),
        ("deleted", "2", None, ""),
        ("deleted", "3", None, ""),
        ("added", None, "2", ""),
        ("added", None, "3", ""),
    ]
    assert d.candidates == ()
    assert d.to_check == ()
    # A point without a key is still matched by its text, with a keyed one too.
    half = _keyed("a", (ARMY, "army"), (CEASEFIRE, None), (ELECTIONS, None))
    assert _pairs(diff(half, new)) == [
        ("unchanged", "1", "1", "key"),
        ("reworded", "2", "2", "text"),
        ("unchanged", "3", "3", "exact"),
    ]
    # Versions that share no key say nothing by their keys about each other.
    own = _keyed("a", (ARMY, "x"), (CEASEFIRE, "y"), (ELECTIONS, "z"))
    assert _pairs(diff(own, new)) == [
        ("unchanged", "1", "1", "exact"),
        ("reworded", "2", "2", "text"),
        ("unchanged", "3", "3", "exact"),
    ]


def test_points_of_one_key_are_not_kept_apart() -> None:
    """Points on one line (a key given to both halves of a split, the second left over
    after keys pair the first) may still be related by their text; a point without a key
    is kept apart from none, and a point a link pinned has a line of its own."""
    old = _keyed("a", (ARMY, "army"), (CEASEFIRE, "truce"), (ELECTIONS, None))
    new = _keyed(
        "b", (ARMY, "army"), (REWORDED, "truce"), (PRISONERS, "truce"), (SANCTIONS, "vote")
    )
    found = align(old, new, [nt.PointLink("a#3", "b#4")], None)
    assert [found.kept_apart(1, j) for j in range(4)] == [True, False, False, True]
    assert [found.kept_apart(2, j) for j in range(4)] == [True, True, True, True]
    assert not align(old, _keyed("b", (ELECTIONS, None)), [], None).kept_apart(1, 0)


def test_a_linked_point_is_offered_only_to_points_not_placed() -> None:
    """A point a link pinned is a candidate of the points left over (a link vouches for
    its pair, not that its point has no other piece), but not of a point whose key, in
    versions sharing keys, placed it: its key says it starts a line of its own."""
    old = _keyed("a", (ARMY, "army"), (CEASEFIRE, None))
    link = [nt.PointLink("a#2", "b#2")]
    keyed = diff(
        old, _keyed("b", (ARMY, "army"), (PRISONERS, None), (REWORDED, "truce")), links=link
    )
    assert [(c.old.number, c.new.number) for c in keyed.candidates] == []
    bare = diff(old, _keyed("b", (ARMY, "army"), (PRISONERS, None), (REWORDED, None)), links=link)
    assert [(c.old.number, c.new.number) for c in bare.candidates] == [("2", "3")]


def test_a_curated_seed_leaves_nothing_to_check() -> None:
    """Every seed dossier places every point of the versions it curates, by a key or a
    link: its diffs offer no candidate and mark nothing "check this" (the keyed points
    the Lausanne text has and the JCPOA does not, its breakout estimate among them, were
    offered as candidates of the JCPOA's new provisions before keys kept them apart)."""
    for path in sorted(SEEDS.glob("*.yaml")):
        d = nt.load(path)
        for plan in d.plans:
            for old, new in realcases._consecutive(plan):
                report = d.diff(old.id, new.id)
                assert (path.name, report.candidates, report.to_check) == (path.name, (), ())


def test_curated_one_to_many_is_a_split() -> None:
    """One old point linked to two new ones is a split with via 'link'."""
    a = version("a", ARMY)
    b = version("b", PRISONERS, ELECTIONS)
    d = diff(a, b, links=[nt.PointLink("a#1", "b#1"), nt.PointLink("a#1", "b#2")])
    assert kinds(d) == [("split", "1", "1"), ("split", "1", "2")]
    assert {c.via for c in d.changes} == {"link"}


def test_crossed_links_are_shown_as_linked_not_as_a_whole_and_pieces() -> None:
    """The Lausanne parameters' point on the new Security Council resolution (which
    endorses the deal and keeps the arms limits) continues in the JCPOA's resolution
    point, together with the point lifting the past resolutions, and in its arms-limits
    point: three links, two old points and two new. Each link is a member of the group;
    no pair the links never made (past resolutions -> arms limits) is shown, either way."""
    a = version(
        "a",
        "Past resolutions are lifted.",
        "A new resolution endorses the plan and keeps limits on arms.",
        "A ceasefire holds.",
    )
    b = version(
        "b",
        "A new resolution endorses the plan and ends the past resolutions.",
        "Limits on arms stay for five years.",
        "A ceasefire holds.",
    )
    links = [nt.PointLink("a#2", "b#1"), nt.PointLink("a#2", "b#2"), nt.PointLink("a#1", "b#1")]
    forward = diff(a, b, links=links)
    assert kinds(forward) == [
        ("merged", "1", "1"),
        ("merged", "2", "1"),
        ("split", "2", "2"),
        ("unchanged", "3", "3"),
    ]
    assert "a #1 → b #2" not in forward.to_text()
    backward = diff(b, a, links=links)
    assert kinds(backward) == [
        ("split", "1", "1"),
        ("merged", "1", "2"),
        ("merged", "2", "2"),
        ("unchanged", "3", "3"),
    ]
    assert {c.group for c in forward.changes if c.old and c.old.number != "3"} == {1}


def test_links_apply_in_either_direction() -> None:
    """A link written from b to a is used when diffing a against b."""
    a = version("a", ARMY)
    b = version("b", PRISONERS)
    d = diff(a, b, links=[nt.PointLink("b#1", "a#1")])
    assert kinds(d) == [("reworded", "1", "1")]


def test_a_link_to_a_missing_point_names_it() -> None:
    """A link to a point the version lacks raises UnknownReference with a hint."""
    a = version("a", ARMY)
    b = version("b", ARMY)
    with pytest.raises(nt.UnknownReference, match="no point '9'"):
        diff(a, b, links=[nt.PointLink("a#1", "b#9")])


def test_a_bad_threshold_is_refused() -> None:
    """A threshold outside (0, 1] is a DossierError saying what is expected."""
    a = version("a", ARMY)
    with pytest.raises(nt.DossierError, match="threshold"):
        diff(a, a, threshold=0)


def test_version_ids_given_to_nt_diff_say_what_to_pass() -> None:
    """``nt.diff("a", "b")`` (as ``d.diff`` takes them) is a DossierError naming each
    argument and what to give, not an AttributeError from deep inside the matcher."""
    a = version("a", ARMY)
    with pytest.raises(nt.DossierError) as caught:
        nt.diff("a", a)  # type: ignore[arg-type]
    assert [(p.path, p.message, p.hint) for p in caught.value.problems] == [
        (
            "old",
            "must be a PlanVersion, found str 'a'",
            "give the version itself, d.version('a'), or diff by id: d.diff(OLD, NEW)",
        )
    ]


def test_json_data_has_exactly_the_product_shape() -> None:
    """to_json_data gives old, new, summary of every kind, changes with eleven keys (the
    product's four, then confidence, matched_by, the curated link's note, check, to_check
    and the options), and the candidates left unpaired."""
    a = version("a", ARMY, CEASEFIRE)
    b = version("b", CEASEFIRE, ELECTIONS)
    data = diff(a, b).to_json_data()
    assert tuple(data) == DIFF_KEYS
    assert (data["old"], data["new"]) == ("a", "b")
    assert set(data["summary"]) == {k.value for k in ChangeKind}
    assert sum(data["summary"].values()) == len(data["changes"])
    for change in data["changes"]:
        assert tuple(change) == CHANGE_KEYS
        assert 0.0 <= change["confidence"] <= 1.0
        assert change["note"] is None
        assert isinstance(change["check"], bool)
        assert isinstance(change["to_check"], bool)
        assert change["to_check"] or not change["check"]  # a pair to check is to check
        assert change["options_changed"] is False
        assert change["options"] is None  # no point has options
    for candidate in data["candidates"]:
        assert set(candidate) == {"old", "new", "confidence"}
    json.dumps(data)  # serialisable as is


def test_the_public_names_resolve() -> None:
    """nt.diff(old, new) diffs even after negotrack.plandiff.compare (the module) was imported."""
    a = version("a", ARMY)
    assert isinstance(nt.diff(a, a), nt.PlanDiff)
    assert nt.PointChange is PointChange
    assert nt.ChangeKind("split") is nt.ChangeKind.SPLIT


def test_dossier_diff_uses_keys_status_and_links(small: nt.Dossier) -> None:
    """Through a dossier, changes carry status as of each version's date."""
    d = small.diff("us-28", "geneva-19")
    army = next(c for c in d.changes if c.old is not None and c.old.number == "12")
    assert army.via == "key"
    assert army.figures == (FigureChange("600,000", "800,000"),)
    assert isinstance(army.status, StatusDelta)
    assert army.status.old == small.status_of("us-28#12", as_of="2025-11-20")
    assert army.status.new == small.status_of("geneva-19#9", as_of="2025-11-23")


def test_dossier_positions_show_changed_stances(small: nt.Dossier) -> None:
    """A party position recorded between the versions appears as a PositionDelta."""
    party = small.participants[0].id
    small.set_position("geneva-19#9", party, "rejects", on="2025-11-23", source="s1")
    d = small.diff("us-28", "geneva-19")
    army = next(c for c in d.changes if c.new is not None and c.new.number == "9")
    assert [(p.party, p.old, p.new) for p in army.positions] == [(party, None, nt.Stance.REJECTS)]


def test_matching_quality_at_a_fifth_of_words_changed() -> None:
    """With every point reworded by 20% (plus splits, merges, moves), F1 is at least 0.97."""
    case = generate(400, seed=2024, share=0.2)
    result = score(case.truth, edges(diff(case.old, case.new).changes))
    assert result.f1 >= 0.97


def test_renderers_are_delegated() -> None:
    """to_text, to_markdown and to_html come from the renderer and name the versions."""
    d = diff(version("a", ARMY), version("b", ARMY.replace("600,000", "800,000")))
    for text in (d.to_text(), d.to_markdown(), d.to_html(), d._repr_html_()):
        assert "800,000" in text


def _without_keys(version: nt.PlanVersion) -> nt.PlanVersion:
    return attrs.evolve(version, points=[attrs.evolve(p, key=None) for p in version.points])


def test_real_drafts_text_matching_finds_most_curated_pairs() -> None:
    """On the real cases, text alone at default settings finds 267 of the 361 curated pairs
    (74%; 89% of the eleven cases before the ten held out last: Vienna -> resolution 2254,
    5 of 8; resolution 1701 -> the Lebanon ceasefire of 2024, 4 of 11; the US-Taliban
    agreement -> the US-Afghan declaration, 6 of 9; Pretoria -> Nairobi, 2 of 6; the
    Washington Declaration -> the Israel-Jordan treaty, 8 of 16; the Geneva and New York
    principles -> the Dayton framework, 5 of 14; the Camp David framework -> the
    Egypt-Israel treaty, 5 of 7; and, added together and run once committed, Panmunjom ->
    Pyongyang, 6 of 15; Wye River -> Sharm el-Sheikh, 5 of 14; China's twelve points -> the
    China-Brazil common understandings, 6 of 9). It makes fourteen wrong pairs. Two are on
    the Lebanon case, both marked "check this", each on a phrase two unrelated points
    share: "as soon as possible", "taking steps towards" (a third, on the one word
    "report", is offered instead since a pair may not rest on one word outside a gap).
    Three are on the Bosnia case, where points on human rights, displaced persons and
    elections resemble several others each, and one on the Egypt-Israel case (the
    framework's aim of a treaty and the treaty's end of the state of war, "check this").
    The three cases added last make eight as first run: five on Korea (three at 0.98, not
    marked: the independence of the nation and the military agreement, both "implementing"
    agreements "fully"; the peace regime and the nuclear-free "land of peace" on "the
    Korean peninsula"; talks and Kim's visit to Seoul, both "at an early date"), two on
    Wye River (the trilateral security committee and Sharm el-Sheikh's security point at
    0.89; the PLO Charter and resolutions 242 and 338, "check this") and one on China's
    points ("check this"). The Minsk case in Russian and in Ukrainian and the Peace Formula
    make none; Russia's terms make one, at 1.00, not marked (see
    :func:`test_the_cases_in_russian_and_in_ukrainian`). The eleven cases
    before the last ten had none (the 20-point
    framework had three, the held-out DRC-Rwanda case one until a citation of another
    point read as its name). A change that moves any of this fails here and must say so in
    the docs."""
    results = realcases.measure()
    curated = sum(r.curated for r in results)
    found = sum(r.found for r in results)
    assert len(results) == 25
    assert (found, curated) == (267, 361)
    assert {r.dossier: r.wrong_pairs for r in results if r.wrong_pairs} == {
        "bosnia-1995.yaml": (("3.2", "VII"), ("NY5", "Annex 3 I.2"), ("NY5.1", "VII")),
        "china-ukraine-2023-2024.yaml": (("2", "1"),),
        "egypt-israel-1978-1979.yaml": (("0", "I.1"),),
        "korea-2018.yaml": (
            ("1.1", "1.1"),
            ("1.2", "6"),
            ("2.2", "1.2"),
            ("3", "5"),
            ("3.3", "5.2"),
        ),
        "lebanon-2006-2024.yaml": (("11", "3"), ("9", "12")),
        "russia-terms-2024-2025.yaml": (("10", "I.3"),),
        "wye-sharm-1998-1999.yaml": (("II.B.3", "8"), ("II.C.2", "1.b")),
    }


def test_a_wrong_pair_the_reports_do_not_mark_is_counted(tmp_path: Path) -> None:
    """The measure sees a wrong pair, and one the reports do not mark "check this" (a
    confidence of 0.8 or more), when there is one: without its citation of Article 3, the
    DRC-Rwanda agreement's 2.1 (no state support to non-state armed groups; "the Joint
    Security Coordination Mechanism monitors it") takes in the declaration's 2.4 (explore
    such a mechanism) as a merger piece at 0.999, where the curated lineage sends it to
    Article 3. The 20-point case had another, a merger at confidence 1.0, until a piece
    had to add to its whole something its partner does not hold."""
    seed = tmp_path / "drc-rwanda-2025.yaml"
    uncited(nt.load(SEEDS / "drc-rwanda-2025.yaml")).save(seed)
    (result,) = realcases.measure(tmp_path)
    assert result.wrong_pairs == (("2.4", "2.1"),)
    assert result.wrong_unmarked == 1
    unmarked = {r.dossier: r.wrong_unmarked for r in realcases.measure() if r.wrong_unmarked}
    assert unmarked == {
        "bosnia-1995.yaml": 1,
        "korea-2018.yaml": 3,
        "russia-terms-2024-2025.yaml": 1,
        "wye-sharm-1998-1999.yaml": 1,
    }


def test_the_review_how_to_gives_what_the_matcher_finds_on_the_real_cases() -> None:
    """The table under "What to expect on real drafts" is the matcher's result, row by row
    in the order ``measure`` gives the cases: a change to the matcher that moves it must
    say so in the docs."""
    doc = (Path(__file__).resolve().parents[2] / "docs/howto/review-links.md").read_text()
    table = doc.split("<!-- real cases: benchmarks.realcases.measure() -->", 1)[1]
    lines = itertools.takewhile(lambda line: line.startswith("|"), table.splitlines()[1:])
    got = [[cell.strip() for cell in row.strip("|").split("|")[1:]] for row in list(lines)[2:]]
    want = [
        [
            str(r.curated),
            str(r.found),
            str(r.wrong),
            f"{r.candidates_missed} of {r.curated - r.found}",
        ]
        for r in realcases.measure()
    ]
    assert got == want


def test_unrelated_neighbours_stay_apart_on_a_real_case() -> None:
    """Nine of the twenty-five cases meet the bar: nothing found from text alone contradicts
    the curated lineage, and at least 90% of it is found (Colombia and Cyprus were at 7%
    and 0% before the matcher compared scores with the documents' own unrelated pairs; the
    20-point framework had three wrong pairs; the Minsk case in Ukrainian found 4 of 10
    until Ukrainian had a stemmer of its own). The sixteen that do not are texts written
    afresh by another hand, or in detail (the Gaza agreement of January 2025), among them
    the ten held out before the Peace Formula, on eight of which what is found is right,
    Russia's terms, held out after it, and the Minsk case in English and in Russian."""
    results = {r.dossier: r for r in realcases.measure()}
    assert {name for name, r in results.items() if not r.passes} == {
        "afghanistan-2020.yaml",
        "bosnia-1995.yaml",
        "china-ukraine-2023-2024.yaml",
        "drc-rwanda-2025.yaml",
        "egypt-israel-1978-1979.yaml",
        "ethiopia-2022.yaml",
        "gaza-2024-2025.yaml",
        "iran-2015.yaml",
        "israel-jordan-1994.yaml",
        "korea-2018.yaml",
        "lebanon-2006-2024.yaml",
        "minsk-2014-2015.yaml",
        "minsk-ru-2014-2015.yaml",
        "russia-terms-2024-2025.yaml",
        "syria-2015.yaml",
        "wye-sharm-1998-1999.yaml",
    }
    assert results["colombia-es-2016.yaml"].passes  # it failed on Spanish function words
    assert {name for name, r in results.items() if r.wrong} == {
        "bosnia-1995.yaml",
        "china-ukraine-2023-2024.yaml",
        "egypt-israel-1978-1979.yaml",
        "korea-2018.yaml",
        "lebanon-2006-2024.yaml",
        "russia-terms-2024-2025.yaml",
        "wye-sharm-1998-1999.yaml",
    }


def test_the_held_out_cases_of_gaza_have_no_wrong_pair() -> None:
    """On the two Gaza cases, held out while the matcher was tuned, text alone pairs
    nothing the curated lineage contradicts: it found 18 of the US plan's 20 when that case
    was added (20 since a run rewritten in place is paired by its place, a rule drawn from
    this case), and 6 of the January 2025 agreement's 15 (7 since the points left over are
    paired when each is the other's clear best, a rule drawn partly from this case), whose
    mergers and split it leaves to a person (4 of its 8 misses come back as candidates)."""
    results = {r.dossier: r for r in realcases.measure()}
    gaza, agreement = results["gaza-2025.yaml"], results["gaza-2024-2025.yaml"]
    assert (gaza.curated, gaza.found, gaza.wrong) == (20, 20, 0)
    assert (agreement.curated, agreement.found, agreement.wrong) == (15, 7, 0)
    assert agreement.candidates_missed == 4


def test_the_two_cases_held_out_last_as_they_were_first_run() -> None:
    """Vienna -> resolution 2254 and resolution 1701 -> the Lebanon ceasefire of 2024 were
    added with their lineage committed before the matcher was run on them, and nothing was
    changed for them. Resolution 2254 splits three Vienna points in two each: text alone
    finds one piece of each and offers the other three as candidates, with no wrong pair.
    The Lebanon ceasefire restates 1701 in other words: text alone found 4 of the 11
    curated pairs and made three wrong ones, each below 0.8, so marked "check this". One
    rule was drawn from it since (a pair resting on one word is offered, not made), which
    leaves two."""
    results = {r.dossier: r for r in realcases.measure()}
    syria, lebanon = results["syria-2015.yaml"], results["lebanon-2006-2024.yaml"]
    assert (syria.curated, syria.found, syria.wrong, syria.candidates_missed) == (8, 5, 0, 3)
    assert (lebanon.curated, lebanon.found, lebanon.wrong) == (11, 4, 2)
    assert lebanon.wrong_unmarked == 0


def test_the_three_cases_held_out_last_as_they_were_first_run() -> None:
    """The US-Taliban agreement -> the US-Afghan joint declaration, the Pretoria agreement
    -> the Nairobi declaration, and the Washington Declaration -> the Israel-Jordan treaty
    were added with their lineage committed after the matcher's last change and before it
    was run on them. Text alone guesses nothing there: no wrong pair. It finds what the
    later text repeats (the Afghan preamble, the 135-day drawdown; the shrines, security,
    the telephone and electricity links) and misses what it restates in other words or
    breaks into steps; the Israel-Jordan split's third piece comes back as a candidate."""
    results = {r.dossier: r for r in realcases.measure()}
    got = {
        name: (r.curated, r.found, r.wrong, r.candidates_missed)
        for name, r in results.items()
        if name in {"afghanistan-2020.yaml", "ethiopia-2022.yaml", "israel-jordan-1994.yaml"}
    }
    assert got == {
        "afghanistan-2020.yaml": (9, 6, 0, 1),
        "ethiopia-2022.yaml": (6, 2, 0, 0),
        "israel-jordan-1994.yaml": (16, 8, 0, 3),
    }
    assert ("B4", "2.1") in results["israel-jordan-1994.yaml"].offered_pairs


def test_the_two_cases_held_out_after_them_as_they_were_first_run() -> None:
    """The Geneva and New York principles -> the Dayton framework, and the Camp David
    framework -> the Egypt-Israel treaty, were added with their lineage committed after
    the matcher's last change and before it was run on them. Text finds what the later
    text repeats (Bosnia's two entities, their parallel relationships, the arbitration
    Annex 5 quotes, the continuation of the state; the Sinai zones) and guesses where
    several points speak of one matter: in the Bosnia case, points on human rights,
    displaced persons and elections each resemble several others, and three wrong pairs
    came at confidences the reports did not mark; in the Egypt-Israel case, the
    framework's aim of a treaty went to the treaty's end of the state of war, marked
    "check this". Since, a pair is no surer than its margin over its strongest rival
    (:mod:`negotrack.plandiff.rivals`, drawn from the Bosnia case): two of its three read
    "check this"; the third, the elections "as soon as social conditions permit" and the
    OSCE's certification of those conditions, has no rival above the bar."""
    results = {r.dossier: r for r in realcases.measure()}
    got = {
        name: (r.curated, r.found, r.wrong, r.candidates_missed)
        for name, r in results.items()
        if name in {"bosnia-1995.yaml", "egypt-israel-1978-1979.yaml"}
    }
    assert got == {"bosnia-1995.yaml": (14, 5, 3, 4), "egypt-israel-1978-1979.yaml": (7, 5, 1, 0)}
    assert results["bosnia-1995.yaml"].wrong_unmarked == 1
    assert results["egypt-israel-1978-1979.yaml"].wrong_unmarked == 0


def test_the_cases_in_russian_and_in_ukrainian() -> None:
    """The Minsk Protocol and the Package of Measures in Russian, the language both were
    signed in, and in Ukrainian, with the English case's lineage, were committed before the
    matcher was run on them. On first run text alone found 6 of the 10 curated pairs in
    Russian (7 in English) and 4 in Ukrainian, with no wrong pair: Ukrainian words went
    through Snowball's Russian stemmer, which leaves "виборів" apart from "вибори" and
    "кордоні" from "кордон". With a stemmer of Ukrainian's own endings
    (:mod:`negotrack.plandiff.ukrainian`) it finds 9, so this case is no longer held out.
    Splitting Cyrillic compounds at their hyphen, as Latin ones are, was tried with it and
    dropped: 8 of 10 and a wrong pair (see :mod:`negotrack.plandiff.features`). Then, held
    out, Ukraine's Peace Formula and the Bürgenstock communiqué, in Ukrainian, committed
    before the matcher ran on them: all 5 curated pairs, the split of the UN Charter point
    whole (4 of 5 through the Russian stemmer). Last, held out, Russia's terms in Russian,
    from Putin's conditions of June 2024 to the Istanbul memorandum of June 2025, whose
    memorandum spells the conditions out in thirty points: 7 of 15, and one wrong pair at
    1.00, not marked: the conditions "fixed in fundamental international agreements" and
    Ukraine's denunciation of "international treaties and agreements" incompatible with
    them, three rare words shared; the curated lineage sends the first to the settlement
    treaty and the Security Council resolution."""
    results = {r.dossier: r for r in realcases.measure()}
    got = {
        name: (r.curated, r.found, r.wrong, r.candidates_missed, r.splits_found)
        for name, r in results.items()
        if name.startswith(("minsk", "peace-formula", "russia-terms"))
    }
    assert got == {
        "minsk-2014-2015.yaml": (10, 7, 0, 3, 0),
        "minsk-ru-2014-2015.yaml": (10, 6, 0, 3, 0),
        "minsk-uk-2014-2015.yaml": (10, 9, 0, 1, 0),
        "peace-formula-2022-2024.yaml": (5, 5, 0, 0, 1),
        "russia-terms-2024-2025.yaml": (15, 7, 1, 1, 1),
    }
    assert results["russia-terms-2024-2025.yaml"].wrong_unmarked == 1


def test_the_army_cap_of_the_28_point_draft_changes_figure() -> None:
    """In the seed dossier, the army cap's 600,000 becomes 800,000 in the 20-point text."""
    dossier = nt.load(SEEDS / "ukraine-2025-12.yaml")
    plan = dossier.plans[0]
    changes = dossier.diff(plan.versions[0].id, plan.versions[-1].id).changes
    assert any(FigureChange("600,000", "800,000") in c.figures for c in changes)


def test_of_two_swapped_points_the_farther_jumper_is_moved() -> None:
    """When either of two points could be called moved, it is the one that jumped farther."""
    a = version("a", ARMY, CEASEFIRE, PRISONERS, ELECTIONS)
    b = version("b", ARMY, ELECTIONS, CEASEFIRE, SANCTIONS)
    moved = [c for c in diff(a, b).changes if c.kind is ChangeKind.MOVED]
    assert [c.old.text for c in moved if c.old is not None] == [ELECTIONS]


def test_a_split_holds_its_place_when_moves_are_called() -> None:
    """Splits and mergers count in the order moves are judged by. In the DRC-Rwanda
    agreement the economic articles went to the end, past the split return of displaced
    people (declaration 4.1) and MONUSCO (5.1): the economic ones read moved, MONUSCO
    reworded in place, and the declaration's last section, which no article continues,
    stands after MONUSCO, where it was. Counting only one-to-one pairs, MONUSCO read moved
    and that section stood inside the agreement's article 4."""
    d = nt.load(SEEDS / "drc-rwanda-2025.yaml")
    got = kinds(d.diff("declaration", "agreement"))
    assert ("reworded", "5.1", "5") in got
    assert ("moved", "3.1", "6.1") in got
    assert ("moved", "3.4", "6.2") in got
    assert got.index(("reworded", "5.1", "5")) < got.index(("deleted", "6.1", None))
    assert got.index(("added", None, "4.3")) < got.index(("deleted", "6.1", None))


def test_links_chain_through_a_version_in_between() -> None:
    """Links a->m and m->b pair a's point with b's, in both directions of the diff."""
    a = version("a", ARMY, CEASEFIRE)
    b = version("b", PRISONERS, CEASEFIRE)
    links = [nt.PointLink("a#1", "m#7"), nt.PointLink("m#7", "b#1")]
    forward = diff(a, b, links=links)
    assert ("reworded", "1", "1") in kinds(forward)
    assert {c.via for c in forward.changes if c.old is not None and c.old.number == "1"} == {"link"}
    assert ("reworded", "1", "1") in kinds(diff(b, a, links=links))


@pytest.mark.parametrize(
    ("direct", "bare"),
    [(nt.PointLink("a#1", "b"), ("deleted", "1", None)), (nt.PointLink("a", "b#1"), None)],
)
def test_a_direct_no_successor_wins_over_a_chain(
    direct: nt.PointLink, bare: tuple[str, str, None] | None
) -> None:
    """ "No successor in b" (or "no predecessor in a"), linked directly between the two
    versions, is not overruled by a chain through a version in between, as a direct pair
    is not: the direct link says what the person decided for these two versions."""
    a = version("a", ARMY, CEASEFIRE)
    b = version("b", PRISONERS, CEASEFIRE)
    links = [nt.PointLink("a#1", "m#7"), nt.PointLink("m#7", "b#1"), direct]
    changes = diff(a, b, links=links).changes
    assert ("reworded", "1", "1") not in kinds(diff(a, b, links=links))
    alone = [c for c in changes if c.matched_by == "link"]
    assert [(str(c.kind), c.old and c.old.number, c.new and c.new.number) for c in alone] == (
        [("deleted", "1", None)] if bare else [("added", None, "1")]
    )


def test_a_key_on_one_point_and_on_several_is_a_split_or_a_merger() -> None:
    """A curator who gives the old ceasefire's key to both points it became says a split:
    the diff shows one, sure, by key (and read backwards, a merger); points of a repeated
    key on both sides, as many, pair in reading order. A half a distinct link turned down
    is left out of the split."""
    old = _keyed("a", (ARMY, "army"), (CEASEFIRE, "truce"))
    new = _keyed("b", (REWORDED, "truce"), (ARMY, "army"), (PRISONERS, "truce"))
    assert _pairs(diff(old, new)) == [
        ("split", "2", "1", "key"),
        ("split", "2", "3", "key"),
        ("renumbered", "1", "2", "key"),
    ]
    assert all(c.confidence == 1.0 for c in diff(old, new).changes)
    assert _pairs(diff(new, old)) == [
        ("renumbered", "2", "1", "key"),
        ("merged", "1", "2", "key"),
        ("merged", "3", "2", "key"),
    ]
    twice = _keyed("c", (CEASEFIRE, "truce"), (PRISONERS, "truce"))
    assert _pairs(diff(twice, _keyed("d", (REWORDED, "truce"), (SANCTIONS, "truce")))) == [
        ("reworded", "1", "1", "key"),
        ("reworded", "2", "2", "key"),
    ]
    down = nt.PointLink("a#2", "b#3", distinct=True)
    assert _pairs(diff(old, new, links=[down])) == [
        ("moved", "2", "1", "key"),
        ("renumbered", "1", "2", "key"),
        ("added", None, "3", ""),
    ]
