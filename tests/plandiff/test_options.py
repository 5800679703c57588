"""A point's options (bracketed alternatives) in the diff: a change of options is a change."""

from __future__ import annotations

import json
import random
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotrack as nt
from negotrack.plandiff.compare import ChangeKind, PlanDiff, diff
from tests.support.cli import run
from tests.support.diffgen import Case, cases

ZONE = "The buffer zone is [20] km wide."
VOTE = "Elections are held within 100 days of the signature."


def version(vid: str, *points: nt.Point) -> nt.PlanVersion:
    return nt.PlanVersion(id=vid, label=vid, date="2025-11-20", points=list(points))


def one(old: nt.Point, new: nt.Point) -> nt.PointChange:
    """The one change of a diff between two one-point versions."""
    (change,) = diff(version("a", old), version("b", new)).changes
    return change


def test_the_same_text_with_other_options_is_reworded() -> None:
    """The audit's case: the text kept, options 20 km or 40 km now 30 km, is reworded
    (not unchanged), with the full similarity of its text and no word changed."""
    c = one(
        nt.Point(number="1", text=ZONE, options=["20 km", "40 km"]),
        nt.Point(number="1", text=ZONE, options=["30 km"]),
    )
    assert c.kind is ChangeKind.REWORDED
    assert c.options_changed
    assert c.similarity == 1.0
    assert c.words == ()
    assert c.matched_by == "exact"  # options never decide the pairing


def test_options_in_another_order_or_spacing_are_the_same() -> None:
    """Alternatives have no order, and spacing is no change: the pair stays unchanged."""
    from negotrack.plandiff.options import same_options

    c = one(
        nt.Point(number="1", text=ZONE, options=["20 km", "40  km"]),
        nt.Point(number="1", text=ZONE, options=[" 40 km", "20 km"]),
    )
    assert c.kind is ChangeKind.UNCHANGED
    assert not c.options_changed
    assert not same_options(["a", "a"], ["a", "b"])  # each option counts as often as it is


def test_a_renumbered_point_whose_options_changed_is_reworded_and_renumbered() -> None:
    """Renumbered with other options: reworded, with the renumbered flag, as a renumbered
    point whose text changed is."""
    c = one(
        nt.Point(number="1", text=ZONE, options=["20 km"]),
        nt.Point(number="4", text=ZONE),
    )
    assert (c.kind, c.renumbered, c.options_changed) == (ChangeKind.REWORDED, True, True)


def test_a_moved_point_whose_options_changed_stays_moved_and_says_so() -> None:
    """A point that moved keeps the kind moved; its options_changed says the rest, and the
    reports say "moved, reworded" as they do for a moved point whose text changed."""
    a = version(
        "a",
        nt.Point(number="1", text=ZONE, options=["20 km"]),
        nt.Point(number="2", text=VOTE),
        nt.Point(number="3", text="Frozen assets fund reconstruction."),
    )
    b = version(
        "b",
        nt.Point(number="1", text=VOTE),
        nt.Point(number="2", text="Frozen assets fund reconstruction."),
        nt.Point(number="3", text=ZONE, options=["30 km"]),
    )
    pd = diff(a, b)
    zone = next(c for c in pd.changes if c.old is not None and c.old.text == ZONE)
    assert zone.kind is ChangeKind.MOVED
    assert zone.options_changed
    assert "[moved, reworded] a #1 → b #3" in pd.to_text()  # as a moved point reworded is
    assert '<span class="badge">reworded</span>' in pd.to_html()


def test_a_text_change_alone_does_not_flag_the_options() -> None:
    """A pair reworded in its text with the same options says its options did not change;
    added and deleted points never say their options changed."""
    c = one(
        nt.Point(number="1", text=VOTE, options=["100 days"]),
        nt.Point(number="1", text=VOTE.replace("100", "90"), options=["100 days"]),
    )
    assert (c.kind, c.options_changed) == (ChangeKind.REWORDED, False)
    d = diff(
        version("a", nt.Point(number="1", text=ZONE, options=["x"])),
        version("b", nt.Point(number="1", text="Something else entirely.", options=["y"])),
    )
    assert {c.kind for c in d.changes} == {ChangeKind.ADDED, ChangeKind.DELETED}
    assert not any(c.options_changed for c in d.changes)


def test_option_runs_mark_what_was_dropped_and_added() -> None:
    """Each side keeps its order; a kept option is equal on both sides, once per copy."""
    from negotrack.plandiff.options import option_runs

    olds, news = option_runs(["20 km", "40 km", "x"], ["x", "30 km"])
    assert olds == (("delete", "20 km"), ("delete", "40 km"), ("equal", "x"))
    assert news == (("equal", "x"), ("insert", "30 km"))


def test_the_summary_and_the_json_count_and_show_an_options_change() -> None:
    """The summary counts the options change as reworded; the JSON says options_changed
    and gives each side's options and those dropped and added (null when none)."""
    pd = diff(
        version(
            "v1",
            nt.Point(number="1", text=ZONE, options=["20 km", "40 km"]),
            nt.Point(number="2", text=VOTE),
        ),
        version(
            "v2",
            nt.Point(number="1", text=ZONE, options=["30 km", "20 km"]),
            nt.Point(number="2", text=VOTE),
        ),
    )
    assert pd.summary["reworded"] == 1
    assert pd.summary["unchanged"] == 1
    zone, vote = pd.to_json_data()["changes"]
    assert zone["kind"] == "reworded"
    assert zone["options_changed"] is True
    assert zone["options"] == {
        "old": ["20 km", "40 km"],
        "new": ["30 km", "20 km"],
        "dropped": ["40 km"],
        "added": ["30 km"],
    }
    assert (vote["options_changed"], vote["options"]) == (False, None)


def _with_options(case: Case, rng: random.Random) -> tuple[nt.PlanVersion, nt.PlanVersion]:
    """The case's two versions with options drawn at random on any point."""
    pool = ["20 km", "40 km", "in stages", "at once", "[bracketed]"]

    def dress(v: nt.PlanVersion) -> nt.PlanVersion:
        points = [attrs.evolve(p, options=rng.sample(pool, rng.randrange(3))) for p in v.points]
        return attrs.evolve(v, points=points)

    return dress(case.old), dress(case.new)


def _pairs(pd: PlanDiff) -> list[tuple[str | None, str | None, int | None]]:
    return [
        (c.old.number if c.old else None, c.new.number if c.new else None, c.group)
        for c in pd.changes
    ]


@settings(max_examples=60, deadline=None)
@given(cases(20, (0.0, 0.2, 0.7)), st.randoms(use_true_random=False))
def test_options_never_change_the_pairing_and_a_change_of_them_is_never_unchanged(
    case: Case, rng: random.Random
) -> None:
    """With options added at random, the diff pairs the same points in the same order,
    and no pair whose options differ is unchanged or renumbered."""
    old, new = _with_options(case, rng)
    bare, dressed = diff(case.old, case.new), diff(old, new)
    assert _pairs(dressed) == _pairs(bare)
    for plain, c in zip(bare.changes, dressed.changes, strict=True):
        if c.options_changed:
            assert c.kind not in (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED)
        else:
            assert c.kind is plain.kind


OPTIONS_YAML = """\
negotrack: 1
title: Options
plans:
  - id: p
    title: P
    versions:
      - id: v1
        label: V1
        date: "2025-11-20"
        points:
          - {number: "1", text: "The buffer zone is [20] km wide.", options: ["20 km", "40 km"]}
      - id: v2
        label: V2
        date: "2025-11-23"
        derived_from: [v1]
        points:
          - {number: "1", text: "The buffer zone is [20] km wide.", options: ["30 km"]}
"""


@pytest.mark.parametrize("fmt", ["json", "text", "md", "html"])
def test_the_cli_diff_reports_an_options_change(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    """``negotrack diff`` of the audit's dossier reports the point reworded, not unchanged,
    with the options dropped and added, in every format."""
    path = tmp_path / "opt.yaml"
    path.write_text(OPTIONS_YAML, encoding="utf-8")
    code, out, err = run(capsys, "diff", str(path), "v1", "v2", "--format", fmt)
    assert (code, err) == (0, "")
    if fmt == "json":
        data = json.loads(out)
        assert data["summary"]["reworded"] == 1
        assert data["summary"]["unchanged"] == 0
        (change,) = data["changes"]
        assert change["options_changed"] is True
        assert change["options"]["dropped"] == ["20 km", "40 km"]
        assert change["options"]["added"] == ["30 km"]
    elif fmt == "text":
        assert "1 reworded" in out
        assert "options: [-20 km-] or [-40 km-] → {+30 km+}" in out
    elif fmt == "md":
        assert "- Options: ~~[− 20 km]~~ or ~~[− 40 km]~~ → **[+ 30 km]**" in out
    else:
        assert '<span class="edit"><bdi>30 km</bdi></span>' in out
        assert '[deleted: </span><span class="edit"><bdi>40 km</bdi>' in out
