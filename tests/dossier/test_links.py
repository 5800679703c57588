"""The review loop on a dossier: suggest_links, accept_suggestions, link (also "no successor"),
unlink, and the rules links keep."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

import negotrack as nt
from negotrack.core.confidence import cut_down
from negotrack.errors import Problem
from tests.support.lineage import unkeyed


@pytest.fixture
def colombia() -> nt.Dossier:
    """Colombia's August and November 2016 texts, with no curated lineage."""
    return unkeyed("colombia-2016.yaml")


def test_suggestions_are_text_pairs_least_sure_first(colombia: nt.Dossier) -> None:
    """suggest_links lists the pairs found by text, as references, least sure first."""
    found = colombia.suggest_links("final-aug", "final-nov")
    assert len(found) >= 20
    assert all(isinstance(s, nt.LinkSuggestion) for s in found)
    assert all(s.old.startswith("final-aug#") and s.new.startswith("final-nov#") for s in found)
    assert all(s.matched_by in {"text", "split", "merge", "candidate"} for s in found)
    confidences = [s.confidence for s in found]
    assert confidences == sorted(confidences)
    sure = colombia.suggest_links("final-aug", "final-nov", min_confidence=0.99)
    assert 0 < len(sure) < len(found)
    assert all(s.confidence >= 0.99 for s in sure)


def test_candidates_the_text_could_not_decide_are_suggested_unpaired() -> None:
    """On Minsk with no curated lineage, the border point and the second half of the
    local elections the matcher left unpaired are suggested as candidates (least sure
    first, with the pairs), and a candidate is never a pair of the diff."""
    minsk = unkeyed("minsk-2014-2015.yaml")
    found = minsk.suggest_links("minsk-1", "minsk-2")
    candidates = [s for s in found if s.matched_by == "candidate"]
    refs = {(s.old, s.new) for s in candidates}
    assert {("minsk-1#4", "minsk-2#9"), ("minsk-1#9", "minsk-2#12")} <= refs
    assert not any(s.paired for s in candidates)
    assert all(s.paired for s in found if s.matched_by != "candidate")
    diff = minsk.diff("minsk-1", "minsk-2")
    pairs = {
        (f"minsk-1#{c.old.number}", f"minsk-2#{c.new.number}")
        for c in diff.changes
        if c.old is not None and c.new is not None
    }
    assert not refs & pairs
    assert [s.confidence for s in found] == sorted(s.confidence for s in found)


@pytest.mark.parametrize(
    ("seed", "old", "new", "facing"),
    [
        ("minsk-2014-2015.yaml", "minsk-1", "minsk-2", {("minsk-1#1", "minsk-2#1")}),
        ("cyprus-annan-2003-2004.yaml", "annan-3", "annan-5", {("annan-3#17", "annan-5#19")}),
    ],
)
def test_points_left_over_in_their_place_are_suggested_to_each_other(
    seed: str, old: str, new: str, facing: set[tuple[str, str]]
) -> None:
    """Rewrites in place that share too few words to pair come back as candidates: Minsk
    I's "both sides stop using weapons immediately" and Minsk II's "immediate and full
    ceasefire", both first; Cyprus's 17 and 19. The matcher still does not pair them.
    (Gaza's two points between the same paired neighbours came back so too, until a run
    rewritten in place was paired by its place: they are suggested as pairs now.)"""
    d = unkeyed(seed)
    found = d.suggest_links(old, new)
    assert facing <= {(s.old, s.new) for s in found if s.matched_by == "candidate"}
    assert not facing & {(s.old, s.new) for s in found if s.paired}


def test_points_with_nothing_to_offer_are_listed_as_left_over() -> None:
    """The Gaza agreement of January 2025 spells out the May 2024 proposal in other words:
    its six-week phase one and the temporary shelters find neither a pair nor a
    candidate, nor does the agreement's opening of the crossings. The review
    lists them, whatever ``min_confidence``, until a link settles one ("no successor"),
    and never a point a pair or candidate names."""
    gaza = unkeyed("gaza-2024-2025.yaml")
    found = gaza.suggest_links("may-2024", "jan-2025")
    assert found.left == (("may-2024#1.1", "may-2024#1.7"), ("jan-2025#3.3",))
    named = {s.old for s in found} | {s.new for s in found}
    assert not named & {*found.left[0], *found.left[1]}
    assert gaza.suggest_links("may-2024", "jan-2025", min_confidence=0.9).left == found.left
    gaza.link("may-2024#1.7", "jan-2025")
    assert gaza.suggest_links("may-2024", "jan-2025").left == (("may-2024#1.1",), ("jan-2025#3.3",))
    gaza.link("may-2024#1.1", "jan-2025#1.1")  # placed by hand: its neighbours may move too
    after = gaza.suggest_links("may-2024", "jan-2025")
    assert "may-2024#1.1" not in after.left[0]
    assert "jan-2025#3.3" in after.left[1]


def test_a_linked_pair_is_curated_in_every_diff(colombia: nt.Dossier) -> None:
    """link() pins a pair: the diff shows it matched by "link", and it is no longer suggested."""
    first = colombia.suggest_links("final-aug", "final-nov")[0]
    link = colombia.link(first.old, first.new, note="checked against the text")
    assert link == nt.PointLink(first.old, first.new, "checked against the text")
    assert link in colombia.plan("final-agreement").links
    pinned = [
        c
        for c in colombia.diff("final-aug", "final-nov").changes
        if c.old is not None and f"final-aug#{c.old.number}" == first.old
    ]
    assert {(c.matched_by, c.confidence) for c in pinned} == {("link", 1.0)}
    assert first not in colombia.suggest_links("final-aug", "final-nov")


def test_a_bare_version_pins_no_successor_and_no_predecessor(colombia: nt.Dossier) -> None:
    """link(point, version) pins a deletion; link(version, point) pins an addition."""
    first = colombia.suggest_links("final-aug", "final-nov")[-1]
    colombia.link(first.old, "final-nov")
    colombia.link("final-aug", first.new)
    d = colombia.diff("final-aug", "final-nov")
    old_no, new_no = first.old.partition("#")[2], first.new.partition("#")[2]
    kinds = {
        (c.kind.value, c.old and c.old.number, c.new and c.new.number)
        for c in d.changes
        if (c.old and c.old.number == old_no) or (c.new and c.new.number == new_no)
    }
    assert kinds == {("deleted", old_no, None), ("added", None, new_no)}


def test_unlink_removes_and_refuses_what_is_not_there(colombia: nt.Dossier) -> None:
    """unlink() removes a link; removing it twice names the plan's links."""
    plan_links = colombia.plan("final-agreement").links
    colombia.link("final-aug#1.1", "final-nov#1.1")
    colombia.unlink("final-aug#1.1", "final-nov#1.1")
    assert colombia.plan("final-agreement").links == plan_links
    with pytest.raises(nt.DossierError, match=r"no curated link final-aug#1.1 -> final-nov#1.1"):
        colombia.unlink("final-aug#1.1", "final-nov#1.1")


@pytest.mark.parametrize(
    ("old_ref", "new_ref", "message"),
    [
        ("final-aug#99", "final-nov#1.1", "no point"),
        ("final-aug", "final-nov", "a point on at least one side"),
        ("final-aug#1.1", "nowhere", "no plan version 'nowhere'"),
    ],
)
def test_bad_links_are_refused_and_change_nothing(
    colombia: nt.Dossier, old_ref: str, new_ref: str, message: str
) -> None:
    """A link to a missing point or version is refused, and the dossier is unchanged."""
    before = colombia.plan("final-agreement")
    with pytest.raises(nt.DossierError, match=message):
        colombia.link(old_ref, new_ref)
    assert colombia.plan("final-agreement") == before


@pytest.mark.parametrize(
    "name",
    [
        "iran-2015.yaml",
        "colombia-2016.yaml",
        "cyprus-annan-2003-2004.yaml",
        "gaza-2025.yaml",
        "minsk-2014-2015.yaml",
        "ukraine-20-point-2025-12.yaml",
    ],
)
def test_pinning_the_pairs_found_by_text_changes_nothing_else(name: str) -> None:
    """Accepting every pair text matching made, then diffing again, makes no new pair: a
    link vouches for its own pair, and the points it takes out of the search still count
    in its size and null (on Iran, the bar of the eight points left over fell, and two
    wrong pairs appeared: Lausanne #11 -> JCPOA #8 and #24 -> #20)."""
    d = unkeyed(name)
    old, new = (v.id for v in d.plans[0].versions[:2])

    def pairs() -> set[tuple[str, str]]:
        return {
            (c.old.number, c.new.number)
            for c in d.diff(old, new).changes
            if c.old is not None and c.new is not None
        }

    def candidates() -> set[tuple[str, str, float]]:
        return {(k.old.number, k.new.number, k.confidence) for k in d.diff(old, new).candidates}

    before, offered = pairs(), candidates()
    for s in d.suggest_links(old, new):
        if s.paired:
            d.link(s.old, s.new, note="checked")
    assert pairs() == before
    assert all(
        c.matched_by in {"link", "exact"} for c in d.diff(old, new).changes if c.old and c.new
    )
    # A linked point is still a candidate of the points left over, as when text paired it:
    # pinning what the text was sure of hides nothing left to review.
    assert candidates() == offered


def test_pinning_may_free_a_point_for_a_new_pair_to_check() -> None:
    """On the Gaza agreement of January 2025, once every pair the matcher made is pinned,
    the proposal's hostage releases (1.3) split into the agreement's 1.7 and 1.8, found
    by text and marked "check this" (the curated lineage sends 1.3 to 1.6 and 1.7): new
    pairs for a person to check, not links, as the how-to says."""
    d = unkeyed("gaza-2024-2025.yaml")
    for s in d.suggest_links("may-2024", "jan-2025"):
        if s.paired:
            d.link(s.old, s.new, note="checked")
    pieces = [
        (c.kind.value, c.new.number, c.matched_by, c.check)
        for c in d.diff("may-2024", "jan-2025").changes
        if c.old is not None and c.new is not None and c.old.number == "1.3"
    ]
    assert pieces == [("split", "1.7", "split", True), ("split", "1.8", "split", True)]


def test_a_linked_point_is_still_a_candidate_and_no_successor_is_none() -> None:
    """Minsk I's early elections (#9) became Minsk II #4 and #12. Pinned to #4, it is
    still offered to #12, left over, as when the text had paired it with #4: a link
    vouches for its pair, not that the point has no other piece. Once a person says #9 has
    no successor, it is offered to no point. When every new point is linked, the old
    points left over still get their candidates among them."""
    d = unkeyed("minsk-2014-2015.yaml")

    def offered() -> set[tuple[str, str]]:
        return {(k.old.number, k.new.number) for k in d.diff("minsk-1", "minsk-2").candidates}

    assert ("9", "12") in offered()
    d.link("minsk-1#9", "minsk-2#4")
    assert ("9", "12") in offered()
    d.unlink("minsk-1#9", "minsk-2#4")
    d.link("minsk-1#9", "minsk-2")
    assert not {k for k in offered() if k[0] == "9"}
    d.unlink("minsk-1#9", "minsk-2")
    unsure = d.suggest_links("minsk-1", "minsk-2")
    for p in d.version("minsk-2").points:  # every new point linked, from one old point
        d.link("minsk-1#10", f"minsk-2#{p.number}")
    assert offered()
    assert {s.matched_by for s in d.suggest_links("minsk-1", "minsk-2")} == {"candidate"}
    assert len(unsure) > len(d.suggest_links("minsk-1", "minsk-2"))


def test_unknown_ends_are_placed_at_their_argument(colombia: nt.Dossier) -> None:
    """A missing point or version is a problem of the argument naming it, not of a link
    entry that was never written."""
    with pytest.raises(nt.DossierError) as caught:
        colombia.link("final-aug#99", "nowhere")
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("old_ref", "version 'final-aug' has no point '99'"),
        ("new_ref", "no plan version 'nowhere' in this dossier"),
    ]


def test_unlink_refuses_its_ends_as_link_does(colombia: nt.Dossier) -> None:
    """An end that names nothing is the same error for ``unlink`` as for ``link`` (a
    DossierError at the argument), so one ``except`` serves both."""
    for method in (colombia.link, colombia.unlink):
        with pytest.raises(nt.DossierError) as caught:
            method("final-aug#1.1", "nowhere#1")
        assert [(p.path, p.message) for p in caught.value.problems] == [
            ("new_ref", "no plan version 'nowhere' in this dossier")
        ]


@pytest.mark.parametrize(
    ("old_ref", "new_ref", "end", "message"),
    [
        ("final-aug#1.1", "final-aug#1.2", "new_ref", "joins version 'final-aug' to itself"),
        ("final-aug#1.1", "final-aug", "new_ref", "joins version 'final-aug' to itself"),
        ("final-nov#2.1", "final-aug#2.1", "old_ref", "runs backwards: 'final-nov' derives"),
        ("final-nov#2.1", "final-aug", "old_ref", "runs backwards"),
        ("final-nov", "final-aug#2.1", "old_ref", "runs backwards"),
    ],
)
def test_links_within_a_version_or_backwards_are_refused(
    colombia: nt.Dossier, old_ref: str, new_ref: str, end: str, message: str
) -> None:
    """A link joins two versions, the older first; anything else is refused at the end to
    blame, and the dossier is unchanged."""
    before = colombia.plan("final-agreement")
    with pytest.raises(nt.DossierError, match=message) as caught:
        colombia.link(old_ref, new_ref)
    assert [p.path for p in caught.value.problems] == [end]
    assert colombia.plan("final-agreement") == before


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("final-aug#6.5", "final-nov"), ("final-aug#6.5", "final-nov#6.4")),
        (("final-aug#6.5", "final-nov#6.4"), ("final-aug#6.5", "final-nov")),
        (("final-aug", "final-nov#3.5"), ("final-aug#3.1", "final-nov#3.5")),
        (("final-aug#3.1", "final-nov#3.5"), ("final-aug", "final-nov#3.5")),
    ],
)
def test_contradicting_links_are_refused_naming_the_link_in_the_way(
    colombia: nt.Dossier, first: tuple[str, str], second: tuple[str, str]
) -> None:
    """ "No successor" (or "no predecessor") and a linked pair for the same point in the
    same version cannot both stand: the second is refused at the first, with what to do."""
    colombia.link(*first)
    before = colombia.plan("final-agreement")
    with pytest.raises(nt.DossierError, match="contradicts the new link") as caught:
        colombia.link(*second)
    (problem,) = caught.value.problems
    assert problem.path == "$.plans[0].links[0]"
    assert problem.message.startswith(f"{first[0]} -> {first[1]}")
    assert problem.hint is not None
    assert "unlink" in problem.hint
    assert colombia.plan("final-agreement") == before
    colombia.unlink(*first)
    colombia.link(*second)  # once the first is gone, the second stands
    assert [(k.old, k.new) for k in colombia.plan("final-agreement").links] == [second]


def test_linking_a_pair_again_changes_only_its_note(colombia: nt.Dossier) -> None:
    """The same link twice is no contradiction: one link stays, with the last note."""
    colombia.link("final-aug#6.5", "final-nov", note="first")
    colombia.link("final-aug#6.5", "final-nov", note="second")
    assert colombia.plan("final-agreement").links == (
        nt.PointLink("final-aug#6.5", "final-nov", "second"),
    )


def test_a_split_and_no_successor_elsewhere_do_not_contradict(colombia: nt.Dossier) -> None:
    """Two successors (a split), and "no successor" for another point, are all fine."""
    colombia.link("final-aug#1.1", "final-nov#1.1")
    colombia.link("final-aug#1.1", "final-nov#1.2")
    colombia.link("final-aug#6.5", "final-nov")
    assert len(colombia.plan("final-agreement").links) == 3


def test_version_order_follows_derived_from_then_the_plan() -> None:
    """The older of two versions is the one the other derives from (even listed later);
    between branches that do not derive from each other, the one listed first."""
    points = [nt.Point("1", "A point.")]
    plan = nt.Plan(
        "p",
        "P",
        versions=[
            nt.PlanVersion("b", "B", "2025-02", points, derived_from=["a"]),
            nt.PlanVersion("a", "A", "2025-01", points),
            nt.PlanVersion("c", "C", "2025-03", points, derived_from=["b"]),
            nt.PlanVersion("x", "X", "2025-04", points),
        ],
    )
    d = nt.Dossier(title="t", plans=[plan])
    d.link("a#1", "b#1")
    d.link("a#1", "c")  # through b
    d.link("b", "x#1")  # unrelated: listed order
    for old_ref, new_ref in (("b#1", "a#1"), ("c#1", "a"), ("x#1", "b#1")):
        with pytest.raises(nt.DossierError, match="runs backwards"):
            d.link(old_ref, new_ref)


def _problems_of_links(*links: nt.PointLink) -> tuple[Problem, ...]:
    """What building Colombia's dossier with these links (and no other lineage) reports."""
    d = unkeyed("colombia-2016.yaml")
    plan = attrs.evolve(d.plan("final-agreement"), links=links)
    with pytest.raises(nt.DossierError) as caught:
        nt.Dossier(title=d.title, sources=d.sources, plans=[plan])
    return tuple(caught.value.problems)


def test_a_file_with_contradicting_links_is_invalid() -> None:
    """Loading (or building) a dossier reports every link that breaks the rules at its
    place, naming the link it contradicts."""
    problems = _problems_of_links(
        nt.PointLink("final-aug#6.5", "final-nov"),
        nt.PointLink("final-aug#6.5", "final-nov#6.4"),
        nt.PointLink("final-aug#1.1", "final-aug#1.2"),
        nt.PointLink("final-nov#2.1", "final-aug#2.1"),
        nt.PointLink("final-aug#6.5", "final-nov"),  # a duplicate: harmless
    )
    assert [(p.path, p.message) for p in problems] == [
        (
            "$.plans[0].links[1]",
            "final-aug#6.5 -> final-nov#6.4 contradicts $.plans[0].links[0], "
            "final-aug#6.5 -> final-nov (no successor in 'final-nov')",
        ),
        (
            "$.plans[0].links[2]",
            "final-aug#1.1 -> final-aug#1.2 joins version 'final-aug' to itself",
        ),
        (
            "$.plans[0].links[3]",
            "final-nov#2.1 -> final-aug#2.1 runs backwards: 'final-nov' derives from 'final-aug'",
        ),
        (
            "$.plans[0].links[4]",
            "final-aug#6.5 -> final-nov (no successor in 'final-nov') contradicts "
            "$.plans[0].links[1], final-aug#6.5 -> final-nov#6.4",
        ),
    ]


def test_link_problems_are_listed_in_the_links_order() -> None:
    """A person fixes a file top to bottom: the problems of a plan's links come in the
    links' order, a contradiction (found after every link's ends are checked) among them."""
    problems = _problems_of_links(
        nt.PointLink("final-aug#6.5", "final-nov"),
        nt.PointLink("final-aug#6.5", "final-nov#6.4"),
        nt.PointLink("final-aug#99", "final-nov#1.1"),
    )
    assert [p.path for p in problems] == [
        "$.plans[0].links[1]",
        "$.plans[0].links[2].old",
    ]


@pytest.mark.parametrize("value", [2.0, -0.1, float("nan")])
def test_min_confidence_must_be_from_0_to_1(colombia: nt.Dossier, value: float) -> None:
    """suggest_links refuses a minimum no confidence can meet (or all would), naming it."""
    with pytest.raises(nt.DossierError, match="must be from 0 to 1") as caught:
        colombia.suggest_links("final-aug", "final-nov", min_confidence=value)
    assert [p.path for p in caught.value.problems] == ["min_confidence"]
    assert colombia.suggest_links("final-aug", "final-nov", min_confidence=1.0) == [
        s for s in colombia.suggest_links("final-aug", "final-nov") if s.confidence >= 1.0
    ]


def _groups(d: nt.Dossier) -> list[list[nt.PointChange]]:
    """The splits and merges text matching found between August and November."""
    found: dict[int | None, list[nt.PointChange]] = {}
    for c in d.diff("final-aug", "final-nov").changes:
        if c.matched_by in {"split", "merge"}:
            found.setdefault(c.group, []).append(c)
    return list(found.values())


def _pair(c: nt.PointChange) -> tuple[str, str]:
    assert c.old is not None
    assert c.new is not None
    return f"final-aug#{c.old.number}", f"final-nov#{c.new.number}"


def test_accept_suggestions_pins_each_split_or_merge_whole_or_not_at_all(
    colombia: nt.Dossier,
) -> None:
    """At a minimum one piece reaches and another does not, no piece of that split or
    merge is pinned (the diff still shows it whole, found by text); at its least sure
    piece's confidence all are, and the diff shows the same group, curated."""
    groups = _groups(colombia)
    pieces = next(m for m in groups if len({c.confidence for c in m}) > 1)
    refs = {_pair(c) for c in pieces}
    high = max(c.confidence for c in pieces)
    links = colombia.accept_suggestions("final-aug", "final-nov", min_confidence=high)
    assert not refs & {(k.old, k.new) for k in links}
    assert links
    assert all(
        re.fullmatch(r"accepted suggestion \((text|split|merge), [01]\.\d\d\)", k.note or "")
        for k in links
    )
    assert {_pair(c) for m in _groups(colombia) for c in m} >= refs
    for m in groups:  # every other group: wholly pinned or wholly left
        pinned = {_pair(c) for c in m} & {(k.old, k.new) for k in links}
        assert not pinned or pinned == {_pair(c) for c in m}
    low = min(c.confidence for c in pieces)
    colombia.accept_suggestions("final-aug", "final-nov", min_confidence=low)
    after = {
        _pair(c): (c.kind, c.matched_by)
        for c in colombia.diff("final-aug", "final-nov").changes
        if c.old is not None and c.new is not None
    }
    assert {after[pair] for pair in refs} == {(pieces[0].kind, "link")}


def test_accept_suggestions_links_least_sure_first_never_a_candidate() -> None:
    """Accepting everything pins exactly the pairs suggested as paired, least sure first,
    and no candidate the matcher left unpaired."""
    minsk = unkeyed("minsk-2014-2015.yaml")
    suggested = minsk.suggest_links("minsk-1", "minsk-2")
    links = minsk.accept_suggestions("minsk-1", "minsk-2")
    assert [(k.old, k.new) for k in links] == [(s.old, s.new) for s in suggested if s.paired]
    assert any(not s.paired for s in suggested)
    assert minsk.plan("minsk").links == tuple(links)


@pytest.mark.parametrize("method", ["accept_suggestions", "suggest_links"])
@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("final-nov", "final-aug", "runs|derives"),
        ("final-aug", "final-aug", "one version twice"),
    ],
)
def test_suggesting_and_accepting_go_from_the_older_version(
    colombia: nt.Dossier, method: str, old: str, new: str, message: str
) -> None:
    """Accepting from the newer version (or one version to itself) is refused, not
    written as links validation would then refuse; suggesting such links is refused too,
    since none of them could be pinned."""
    with pytest.raises(nt.DossierError, match=message) as caught:
        getattr(colombia, method)(old, new)
    assert [p.path for p in caught.value.problems] == ["old"]
    assert colombia.plan("final-agreement").links == ()


def test_suggestions_between_two_plans_are_refused() -> None:
    """Versions of two plans cannot be linked, so no suggestion is offered for them."""

    def plan(name: str) -> nt.Plan:
        points = (nt.Point("1", "A ceasefire along the line of contact."),)
        return nt.Plan(name, name, versions=(nt.PlanVersion(name, name, "2025-11", points),))

    both = nt.Dossier(title="Two plans", plans=[plan("a"), plan("b")])
    with pytest.raises(nt.DossierError, match="not two versions of one plan"):
        both.suggest_links("a", "b")


def test_linking_again_without_a_note_keeps_the_note(colombia: nt.Dossier) -> None:
    """A person's reasons are not dropped by linking the same pair again: no note keeps
    it, a new note replaces it, an empty one removes it."""
    colombia.link("final-aug#1.1", "final-nov#1.1", note="checked against both texts")
    again = colombia.link("final-aug#1.1", "final-nov#1.1")
    assert again.note == "checked against both texts"
    assert colombia.plan("final-agreement").links == (again,)
    colombia.link("final-aug#1.1", "final-nov#1.1", note="the land fund")
    assert colombia.plan("final-agreement").links[0].note == "the land fund"
    colombia.link("final-aug#1.1", "final-nov#1.1", note="")
    assert colombia.plan("final-agreement").links[0].note is None


def test_linking_again_keeps_the_links_place(colombia: nt.Dossier) -> None:
    """A pair linked again stays where it is in the plan's links (and in the file)."""
    colombia.link("final-aug#1.1", "final-nov#1.1")
    colombia.link("final-aug#1.2", "final-nov#1.2")
    colombia.link("final-aug#1.1", "final-nov#1.1", note="the land fund")
    links = colombia.plan("final-agreement").links
    assert [(k.old, k.note) for k in links] == [
        ("final-aug#1.1", "the land fund"),
        ("final-aug#1.2", None),
    ]


@pytest.mark.parametrize(
    ("args", "path"),
    [
        (("final-aug#1.1", "final-nov#1.1", 5), "note"),
        ((None, "final-nov#1.1"), "old_ref"),
        (("final-aug#1.1", ["final-nov#1.1"]), "new_ref"),
    ],
)
def test_link_arguments_must_be_text(
    colombia: nt.Dossier, args: tuple[object, ...], path: str
) -> None:
    """A note stored as a number would be saved and break every diff after; refs that
    are not text are refused with the argument named, not a TypeError from inside."""
    with pytest.raises(nt.DossierError, match="must be text") as caught:
        colombia.link(*args)  # type: ignore[arg-type]
    assert [p.path for p in caught.value.problems] == [path]
    assert colombia.plan("final-agreement").links == ()


@pytest.mark.parametrize("cut", ["0.9", None, True])
def test_min_confidence_must_be_a_number(colombia: nt.Dossier, cut: object) -> None:
    with pytest.raises(nt.DossierError, match="must be a number"):
        colombia.suggest_links("final-aug", "final-nov", min_confidence=cut)  # type: ignore[arg-type]


def test_a_pair_found_by_text_never_reads_sure() -> None:
    """Only a link, a key or the same text is sure (1.00): Minsk I #6 and Minsk II #5,
    the prisoner exchange, reached 1.0 from text alone, and `--min-confidence 1` pinned it."""
    minsk = unkeyed("minsk-2014-2015.yaml")
    found = minsk.suggest_links("minsk-1", "minsk-2")
    assert ("minsk-1#6", "minsk-2#5") in {(s.old, s.new) for s in found}
    assert all(cut_down(s.confidence) <= 0.99 for s in found)
    assert minsk.accept_suggestions("minsk-1", "minsk-2", min_confidence=1.0) == []


def test_linking_again_keeps_a_hand_written_copys_note(colombia: nt.Dossier) -> None:
    """A pair written twice by hand, the second copy with the note: linking it again with
    no note keeps that note (the copies become one link), it is not dropped."""
    plan = colombia.plan("final-agreement")
    copies = (
        nt.PointLink("final-aug#1.1", "final-nov#1.1"),
        nt.PointLink("final-aug#1.1", "final-nov#1.1", "the land fund"),
    )
    colombia.replace(attrs.evolve(plan, links=copies))
    colombia.link("final-aug#1.1", "final-nov#1.1")
    assert colombia.plan("final-agreement").links == (copies[1],)


def test_a_note_no_file_can_hold_is_refused(colombia: nt.Dossier) -> None:
    """A lone surrogate cannot be written as UTF-8: the note is refused, not saved so
    that the file no longer loads."""
    with pytest.raises(nt.DossierError, match="lone surrogate") as caught:
        colombia.link("final-aug#1.1", "final-nov#1.1", note="a\ud800")
    assert [p.path for p in caught.value.problems] == ["note"]


@pytest.mark.parametrize("cut", [Fraction(1, 2), Decimal("0.5")])
def test_min_confidence_takes_any_real_number(colombia: nt.Dossier, cut: object) -> None:
    assert colombia.suggest_links(
        "final-aug",
        "final-nov",
        min_confidence=cut,  # type: ignore[arg-type]
    ) == colombia.suggest_links("final-aug", "final-nov", min_confidence=0.5)
