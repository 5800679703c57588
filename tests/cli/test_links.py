"""The review loop on the command line: suggest-links, link, and diff --threshold."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

import negotrack as nt
from negotrack.core.confidence import cut_down
from tests.support.cli import run
from tests.support.lineage import unkeyed


@pytest.fixture
def colombia(tmp_path: Path) -> Path:
    """Colombia's 2016 texts with no curated lineage, saved as YAML."""
    path = tmp_path / "colombia.yaml"
    unkeyed("colombia-2016.yaml").save(path)
    return path


def _accept(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str, str]:
    """``suggest-links ... --min-confidence 0.99 --accept`` on Colombia's two texts."""
    args = ("final-aug", "final-nov", "--min-confidence", "0.99", "--accept")
    return run(capsys, "suggest-links", str(path), *args)


def test_suggest_links_json_has_the_contract_shape(
    capsys: pytest.CaptureFixture[str], colombia: Path
) -> None:
    """``suggest-links --format json`` prints old, new, confidence and matched_by per pair."""
    code, out, _ = run(
        capsys, "suggest-links", str(colombia), "final-aug", "final-nov", "--format", "json"
    )
    assert code == 0
    found = json.loads(out)
    assert len(found) >= 20
    for item in found:
        assert list(item) == ["old", "new", "confidence", "matched_by"]
        assert isinstance(item["confidence"], float)
        assert item["old"].startswith("final-aug#")


def test_suggest_links_accept_pins_what_it_lists(
    capsys: pytest.CaptureFixture[str], colombia: Path
) -> None:
    """``--accept`` with ``--min-confidence`` links the pairs listed (not the candidates
    listed as unpaired, nor a piece of a split or merge held back), and only those, which
    are no longer suggested; stderr names each pair linked, least sure first."""
    code, out, err = _accept(capsys, colombia)
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    held = {m.group(1) for m in re.finditer(r"^not linked (\S+ -> \S+):", err, re.MULTILINE)}
    listed = [row[0] for row in rows if row[2] != "candidate" and row[0] not in held]
    assert listed
    assert [line for line in err.splitlines() if line.startswith("linked ")] == [
        f"linked {pair}" for pair in listed
    ]
    links = nt.load(colombia).plan("final-agreement").links
    assert [f"{k.old} -> {k.new}" for k in links] == listed
    code, out, _ = run(capsys, "suggest-links", str(colombia), "final-aug", "final-nov")
    assert code == 0
    # Pinned pairs are curated now: never suggested again.
    assert not set(listed) & {line.split("\t")[0] for line in out.splitlines()}


def test_suggest_links_accept_never_pins_an_unpaired_candidate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """At ``--min-confidence 0``, ``--accept`` pins every pair the matcher made and
    leaves the candidates it listed as unpaired for a person to decide."""
    path = tmp_path / "minsk.yaml"
    unkeyed("minsk-2014-2015.yaml").save(path)
    code, out, err = run(
        capsys,
        "suggest-links",
        str(path),
        "minsk-1",
        "minsk-2",
        "--min-confidence",
        "0",
        "--accept",
    )
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    candidates = {row[0] for row in rows if row[2] == "candidate"}
    paired = {row[0] for row in rows if row[2] != "candidate"}
    assert candidates
    assert paired
    assert {line.removeprefix("linked ") for line in err.splitlines()} == paired
    links = nt.load(path).plan("minsk").links
    assert {f"{k.old} -> {k.new}" for k in links} == paired


def test_suggest_links_accept_by_default_pins_only_what_needs_no_check(
    capsys: pytest.CaptureFixture[str], colombia: Path
) -> None:
    """Given no ``--min-confidence``, ``--accept`` pins only the pairs the reports do not
    mark "check this" (at CHECK_BELOW or more), lists every pair all the same, and says how
    many it left and how to pin them; those stay marked in the diff."""
    from negotrack.plandiff.changes import CHECK_BELOW

    before = nt.load(colombia).diff("final-aug", "final-nov")
    unsure = {
        f"final-aug#{c.old.number} -> final-nov#{c.new.number}"
        for c in before.changes
        if c.check and c.old is not None and c.new is not None
    }
    assert unsure  # the case has pairs to check
    code, out, err = run(
        capsys, "suggest-links", str(colombia), "final-aug", "final-nov", "--accept"
    )
    assert code == 0
    listed = {line.split("\t")[0] for line in out.splitlines()}
    assert unsure <= listed
    links = {f"{k.old} -> {k.new}" for k in nt.load(colombia).plan("final-agreement").links}
    assert links
    assert not links & unsure
    sure = {
        f"final-aug#{c.old.number} -> final-nov#{c.new.number}"
        for c in before.changes
        if c.matched_by in {"text", "split", "merge"}
        and c.confidence >= CHECK_BELOW
        and c.old is not None
        and c.new is not None
    }
    held = {m.group(1) for m in re.finditer(r"^not linked (\S+ -> \S+):", err, re.MULTILINE)}
    assert links == sure - held
    n = len(unsure)
    assert (
        f"not linked {n} pair{'s' if n != 1 else ''} below 0.8, marked 'check this' in the "
        "reports: check each and pin it with `negotrack link`, or pin them all with "
        "--min-confidence 0 --accept"
    ) in err
    after = nt.load(colombia).diff("final-aug", "final-nov")
    assert {
        f"final-aug#{c.old.number} -> final-nov#{c.new.number}"
        for c in after.changes
        if c.check and c.old is not None and c.new is not None
    } == unsure


def test_link_writes_through_the_safe_update(
    capsys: pytest.CaptureFixture[str], colombia: Path
) -> None:
    """``link`` pins a pair (and a "no successor") in the file; the diff shows them."""
    code, out, _ = run(
        capsys, "link", str(colombia), "final-aug#4.2", "final-nov#4.2", "--note", "same topic"
    )
    assert (code, out) == (0, "linked final-aug#4.2 -> final-nov#4.2\n")
    code, out, err = run(capsys, "link", str(colombia), "final-aug#6.5", "final-nov")
    assert (code, out) == (0, "linked final-aug#6.5 -> final-nov\n")
    # What a bare version means is said, on stderr (the line scripts read stays as it was).
    assert err.startswith("final-aug#6.5 has no successor in final-nov: diffs show it deleted\n")
    d = nt.load(colombia)
    assert (
        nt.PointLink("final-aug#4.2", "final-nov#4.2", "same topic")
        in d.plan("final-agreement").links
    )
    code, out, _ = run(capsys, "diff", str(colombia), "final-aug", "final-nov", "--format", "json")
    changes = json.loads(out)["changes"]
    pinned = next(c for c in changes if c["old"] == "4.2")
    assert (pinned["new"], pinned["matched_by"], pinned["confidence"]) == ("4.2", "link", 1.0)
    assert next(c for c in changes if c["old"] == "6.5")["kind"] == "deleted"
    code, out, err = run(capsys, "link", str(colombia), "final-aug", "final-nov#5.4")
    assert (code, out) == (0, "linked final-aug -> final-nov#5.4\n")
    assert err.startswith("final-nov#5.4 has no predecessor in final-aug: diffs show it added\n")
    # Linked again, nothing more is said.
    assert run(capsys, "link", str(colombia), "final-aug", "final-nov#5.4")[1:] == (
        "linked final-aug -> final-nov#5.4\n",
        "",
    )


def test_linking_a_point_a_second_time_says_it_makes_a_split(
    capsys: pytest.CaptureFixture[str], colombia: Path
) -> None:
    """A point linked to a second point is a split, kept as asked; a person who meant to
    correct the first link is told so, with the unlink to run, and linking the same pair
    again says nothing more."""
    assert run(capsys, "link", str(colombia), "final-aug#1.1", "final-nov#1.1")[0] == 0
    code, out, err = run(capsys, "link", str(colombia), "final-aug#1.1", "final-nov#1.2")
    assert (code, out) == (0, "linked final-aug#1.1 -> final-nov#1.2\n")
    assert err == (
        "final-aug#1.1 is now linked to final-nov#1.1 and final-nov#1.2: a split (if the new "
        "link replaces final-aug#1.1 -> final-nov#1.1: negotrack unlink "
        f"{colombia} 'final-aug#1.1' 'final-nov#1.1')\n"
    )
    code, out, err = run(capsys, "link", str(colombia), "final-aug#1.2", "final-nov#1.2")
    assert err.startswith(
        "final-nov#1.2 is now linked from final-aug#1.1 and final-aug#1.2: a merger"
    )
    assert (code, run(capsys, "link", str(colombia), "final-aug#1.2", "final-nov#1.2")[2]) == (
        0,
        "",
    )
    pairs = {(k.old, k.new) for k in nt.load(colombia).plan("final-agreement").links}
    assert len(pairs) == 3


def test_link_to_a_missing_point_fails_with_its_place(
    capsys: pytest.CaptureFixture[str], colombia: Path
) -> None:
    """A bad reference exits 1 with one line naming the argument (not a link entry the
    file does not hold), and leaves the file alone."""
    before = colombia.read_text(encoding="utf-8")
    code, out, err = run(capsys, "link", str(colombia), "final-aug#99", "final-nov#1.1")
    assert (code, out) == (1, "")
    assert (
        err
        == f"{colombia}: OLD_REF final-aug#99: version 'final-aug' has no point '99' (it has 28)\n"
    )
    code, out, err = run(capsys, "link", str(colombia), "final-aug#1.1", "final-nov#1.x")
    assert (code, out) == (1, "")
    assert err.startswith(
        f"{colombia}: NEW_REF final-nov#1.x: version 'final-nov' has no point '1.x' (did you mean"
    )
    assert colombia.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    ("command", "old_ref", "new_ref", "line"),
    [
        ("link", "final-aug #1.1", "final-nov#1.1", "OLD_REF final-aug #1.1: 'final-aug #1.1'"),
        ("link", "final-aug#1.1", "final-nov 1.1", "NEW_REF final-nov 1.1: 'final-nov 1.1'"),
        ("unlink", "final-aug 1.1", "final-nov#1.1", "OLD_REF final-aug 1.1: 'final-aug 1.1'"),
        ("unlink", "final-aug#1.1", "final-nov #1.1", "NEW_REF final-nov #1.1: 'final-nov #1.1'"),
    ],
)
def test_a_reference_written_with_a_space_is_shown_as_meant(
    capsys: pytest.CaptureFixture[str],
    colombia: Path,
    command: str,
    old_ref: str,
    new_ref: str,
    line: str,
) -> None:
    """A point written as the reports print it ("final-aug #1.1") or with a space for its
    '#' is refused with the reference it means, not with version ids like 'final-aug '."""
    before = colombia.read_text(encoding="utf-8")
    code, out, err = run(capsys, command, str(colombia), old_ref, new_ref)
    meant = re.sub(r" #?", "#", line.rsplit(": ", 1)[1].strip("'"))
    assert (code, out) == (1, "")
    assert err == (
        f"{colombia}: {line} is not a point reference "
        f"(did you mean '{meant}'? write VERSION#NUMBER)\n"
    )
    assert colombia.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    ("old_ref", "new_ref", "line"),
    [
        (
            "final-aug#1.1",
            "final-aug#1.2",
            "NEW_REF final-aug#1.2: final-aug#1.1 -> final-aug#1.2 joins version 'final-aug' to "
            "itself (",
        ),
        (
            "final-nov#2.1",
            "final-aug#2.1",
            "OLD_REF final-nov#2.1: final-nov#2.1 -> final-aug#2.1 runs backwards: 'final-nov' "
            "derives from 'final-aug' (the older version's end comes first: final-aug#2.1 -> "
            "final-nov#2.1)",
        ),
    ],
)
def test_link_refuses_one_version_and_backwards(
    capsys: pytest.CaptureFixture[str], colombia: Path, old_ref: str, new_ref: str, line: str
) -> None:
    """A link within one version, or from the newer version to the older, exits 1 with
    one line naming the argument to change, and the file stays as it was."""
    before = colombia.read_text(encoding="utf-8")
    code, out, err = run(capsys, "link", str(colombia), old_ref, new_ref)
    assert (code, out) == (1, "")
    assert err.startswith(f"{colombia}: {line}")
    assert err.count("\n") == 1
    assert colombia.read_text(encoding="utf-8") == before


def test_link_refuses_a_contradiction_and_validate_reports_one(
    capsys: pytest.CaptureFixture[str], colombia: Path
) -> None:
    """After "no successor", linking the point to a successor in that version exits 1 at
    the link in the way; the same pair written by hand fails ``validate`` at its place."""
    code, _, _ = run(capsys, "link", str(colombia), "final-aug#6.5", "final-nov")
    assert code == 0
    before = colombia.read_text(encoding="utf-8")
    code, out, err = run(capsys, "link", str(colombia), "final-aug#6.5", "final-nov#6.4")
    assert (code, out) == (1, "")
    assert err.startswith(
        f"{colombia}:{before.splitlines().index('      - old: final-aug#6.5') + 1}: "
        "$.plans[0].links[0]: final-aug#6.5 -> final-nov (no successor in "
        "'final-nov') contradicts the new link final-aug#6.5 -> final-nov#6.4 (if the new "
        "link is right, remove this one first"
    )
    assert colombia.read_text(encoding="utf-8") == before
    written = "      - old: final-aug#6.5\n        new: final-nov\n"
    assert written in before
    contradicting = "      - old: final-aug#6.5\n        new: final-nov#6.4\n"
    colombia.write_text(before.replace(written, written + contradicting), encoding="utf-8")
    code, out, err = run(capsys, "validate", str(colombia))
    assert (code, out) == (1, "")
    assert re.fullmatch(
        rf"{re.escape(str(colombia))}:\d+: \$\.plans\[0\]\.links\[1\]: final-aug#6\.5 -> "
        r"final-nov#6\.4 contradicts \$\.plans\[0\]\.links\[0\], final-aug#6\.5 -> final-nov "
        r"\(no successor in 'final-nov'\) \(keep the one that is right and delete the other\)\n",
        err,
    )


def test_diff_threshold_is_an_override(capsys: pytest.CaptureFixture[str], colombia: Path) -> None:
    """``diff --threshold`` pairs at least that sure; outside 0..1 it is bad input (1)."""
    code, out, _ = run(
        capsys,
        "diff",
        str(colombia),
        "final-aug",
        "final-nov",
        "--format",
        "json",
        "--threshold",
        "0.999",
    )
    assert code == 0
    strict = json.loads(out)["changes"]
    assert all(c["confidence"] >= 0.999 for c in strict if c["matched_by"] == "text")
    code, out, _ = run(capsys, "diff", str(colombia), "final-aug", "final-nov", "--format", "json")
    default = json.loads(out)["changes"]
    assert sum(c["matched_by"] == "text" for c in default) > sum(
        c["matched_by"] == "text" for c in strict
    )
    code, _, err = run(capsys, "diff", str(colombia), "final-aug", "final-nov", "--threshold", "2")
    assert code == 1
    assert "threshold" in err


@pytest.mark.parametrize("command", ["link", "suggest-links"])
def test_review_commands_have_help_with_examples(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """``link --help`` and ``suggest-links --help`` exit 0 and show examples."""
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert "examples:" in out


@pytest.mark.parametrize("value", ["2", "-1", "nan", "inf"])
def test_min_confidence_out_of_range_is_bad_input(
    capsys: pytest.CaptureFixture[str], colombia: Path, value: str
) -> None:
    """``--min-confidence`` outside 0..1 (or not a number) exits 1 with one line naming
    the option, before any listing, and ``--accept`` then pins nothing."""
    before = colombia.read_text(encoding="utf-8")
    code, out, err = run(
        capsys,
        "suggest-links",
        str(colombia),
        "final-aug",
        "final-nov",
        "--min-confidence",
        value,
        "--accept",
    )
    assert (code, out) == (1, "")
    assert err.startswith(
        f"{colombia}: --min-confidence: must be from 0 to 1, found {float(value)!r}"
    )
    assert err.count("\n") == 1
    assert colombia.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    "command",
    [
        ["diff", "{file}", "final-aug", "final-nov"],
        ["board", "{file}"],
        ["site", "{file}", "-o", "{dir}"],
    ],
)
@pytest.mark.parametrize("value", ["0", "1.5", "nan"])
def test_threshold_out_of_range_names_the_option(
    capsys: pytest.CaptureFixture[str],
    colombia: Path,
    tmp_path: Path,
    command: list[str],
    value: str,
) -> None:
    """``--threshold`` outside (0, 1] is reported as the option's problem, like
    ``--locale``'s, not as a place in the dossier; 1 is accepted."""
    argv = [a.format(file=colombia, dir=tmp_path / "site") for a in command]
    code, out, err = run(capsys, *argv, "--threshold", value)
    assert (code, out) == (1, "")
    assert err.startswith(
        f"{colombia}: --threshold: must be above 0 and at most 1, found {float(value)!r}"
    )
    assert "$" not in err
    code, _, _ = run(capsys, *argv, "--threshold", "1")
    assert code == 0


def test_a_confidence_below_1_is_never_printed_as_1(
    capsys: pytest.CaptureFixture[str], colombia: Path
) -> None:
    """The text listing, the JSON and the notes ``--accept`` writes cut a confidence down
    (0.99998 is 0.99, or 0.9999 in JSON): what is printed is never more than the
    confidence, so ``--min-confidence`` with a printed value keeps that pair."""
    found = nt.load(colombia).suggest_links("final-aug", "final-nov")
    unsure = {(s.old, s.new) for s in found if s.confidence < 1.0}
    assert any(s.confidence >= 0.995 for s in found if (s.old, s.new) in unsure)
    _, out, _ = run(capsys, "suggest-links", str(colombia), "final-aug", "final-nov")
    rows = [line.split("\t") for line in out.splitlines()]
    listed = {row[0]: float(row[1]) for row in rows}
    by_pair = {f"{s.old} -> {s.new}": s.confidence for s in found}
    unsure_rows = {f"{old} -> {new}" for old, new in unsure}
    assert all(listed[pair] <= by_pair[pair] for pair in listed)
    assert all(listed[pair] < 1.0 for pair in unsure_rows)
    _, out, _ = run(
        capsys, "suggest-links", str(colombia), "final-aug", "final-nov", "--format", "json"
    )
    assert all(
        item["confidence"] < 1.0 for item in json.loads(out) if (item["old"], item["new"]) in unsure
    )
    _, out, _ = run(capsys, "diff", str(colombia), "final-aug", "final-nov", "--format", "json")
    assert all(
        c["confidence"] < 1.0
        for c in json.loads(out)["changes"]
        if (f"final-aug#{c['old']}", f"final-nov#{c['new']}") in unsure
    )
    code, _, _ = _accept(capsys, colombia)
    assert code == 0
    notes = {(k.old, k.new): k.note for k in nt.load(colombia).plan("final-agreement").links}
    assert notes
    assert all(
        note is not None and "1.00" not in note for pair, note in notes.items() if pair in unsure
    )


def test_suggest_links_accept_pins_a_split_whole_or_not_at_all(
    capsys: pytest.CaptureFixture[str], colombia: Path
) -> None:
    """At a ``--min-confidence`` one piece of a split reaches and another does not, none
    of the split is pinned (stderr says why, per piece listed) and the diff still shows the
    split; at its least sure piece's confidence, every piece is pinned."""
    diff = nt.load(colombia).diff("final-aug", "final-nov")
    groups: dict[int | None, list[nt.PointChange]] = {}
    for c in diff.changes:
        if c.matched_by in {"split", "merge"}:
            groups.setdefault(c.group, []).append(c)
    pieces = next(m for m in groups.values() if len({c.confidence for c in m}) > 1)
    kind = pieces[0].matched_by
    refs = {
        f"final-aug#{c.old.number} -> final-nov#{c.new.number}"
        for c in pieces
        if c.old is not None and c.new is not None
    }
    low, high = min(c.confidence for c in pieces), max(c.confidence for c in pieces)
    argv = ["suggest-links", str(colombia), "final-aug", "final-nov", "--accept"]
    code, out, err = run(capsys, *argv, "--min-confidence", repr(high))
    assert code == 0
    shown = {line.split("\t")[0] for line in out.splitlines()}
    assert shown & refs  # the sure piece is listed, yet not linked
    weakest = min(pieces, key=lambda c: c.confidence)
    held = f"final-aug#{weakest.old.number} -> final-nov#{weakest.new.number}"  # type: ignore[union-attr]
    for pair in shown & refs:
        assert f"not linked {pair}: its {kind} has {held} at {cut_down(low):.2f}, below" in err
    links = {f"{k.old} -> {k.new}" for k in nt.load(colombia).plan("final-agreement").links}
    assert not links & refs
    code, out, _ = run(capsys, "diff", str(colombia), "final-aug", "final-nov", "--format", "json")
    still = [
        c
        for c in json.loads(out)["changes"]
        if f"final-aug#{c['old']} -> final-nov#{c['new']}" in refs
    ]
    assert len(still) == len(refs)
    assert {c["matched_by"] for c in still} == {kind}
    code, _, err = run(capsys, *argv, "--min-confidence", repr(low))
    assert code == 0
    assert {f"linked {pair}" for pair in refs} <= set(err.splitlines())
    links = {f"{k.old} -> {k.new}" for k in nt.load(colombia).plan("final-agreement").links}
    assert refs <= links
    code, out, _ = run(capsys, "diff", str(colombia), "final-aug", "final-nov", "--format", "json")
    pinned = [
        c
        for c in json.loads(out)["changes"]
        if f"final-aug#{c['old']} -> final-nov#{c['new']}" in refs
    ]
    assert {(c["kind"], c["matched_by"]) for c in pinned} == {
        ("split" if kind == "split" else "merged", "link")
    }


def test_unlink_of_a_link_not_there_names_the_links_at_its_points(
    capsys: pytest.CaptureFixture[str], colombia: Path
) -> None:
    """A link not there (a number mistyped, the other end misremembered) is answered with
    the links at its points, not with every link of the plan in one line."""
    for old, new in [("1.1", "1.1"), ("1.2", "1.2"), ("2.1", "2.1"), ("2.2", "2.2")]:
        run(capsys, "link", str(colombia), f"final-aug#{old}", f"final-nov#{new}")
    run(capsys, "link", str(colombia), "final-aug#3.1", "final-nov#3.1")
    run(capsys, "link", str(colombia), "final-aug#3.2", "final-nov#3.2")
    run(capsys, "link", str(colombia), "final-aug#4.1", "final-nov#4.1")
    code, _, err = run(capsys, "unlink", str(colombia), "final-aug#1.1", "final-nov#1.2")
    assert code == 1
    assert err == (
        f"{colombia}: OLD_REF NEW_REF: no curated link final-aug#1.1 -> final-nov#1.2 in plan "
        "'final-agreement' (the links at final-aug#1.1 or final-nov#1.2: "
        "final-aug#1.1 -> final-nov#1.1, final-aug#1.2 -> final-nov#1.2)\n"
    )
    code, _, err = run(capsys, "unlink", str(colombia), "final-aug#5.1", "final-nov")
    assert code == 1
    assert err.endswith("(none of its 7 links is at final-aug#5.1)\n")


def test_unlink_across_two_plans_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Unlinking points of two plans is refused as linking them is, at NEW_REF, not as a
    link missing from the old point's plan (whose links it listed)."""
    path = tmp_path / "two.yaml"
    nt.merge(unkeyed("minsk-2014-2015.yaml"), unkeyed("iran-2015.yaml")).save(path)
    for command in ("link", "unlink"):
        code, _, err = run(capsys, command, str(path), "minsk-1#1", "jcpoa#1")
        assert (code, err) == (
            1,
            f"{path}: NEW_REF jcpoa#1: 'jcpoa#1' is in plan 'iran-nuclear', 'minsk-1#1' in "
            "'minsk' (a link joins versions of one plan)\n",
        )


def test_unlink_takes_a_link_back_and_refuses_one_that_is_not_there(
    capsys: pytest.CaptureFixture[str], colombia: Path
) -> None:
    """``unlink`` removes a link as it was written (a "no successor" too), so that a link
    it contradicted can be made; a link that is not there is a problem of the arguments,
    exit 1, and the file is left as it was."""
    before = colombia.read_bytes()
    assert run(capsys, "link", str(colombia), "final-aug#6.5", "final-nov")[0] == 0
    code, _, err = run(capsys, "link", str(colombia), "final-aug#6.5", "final-nov#6.4")
    assert code == 1
    assert "negotrack unlink" in err
    code, out, _ = run(capsys, "unlink", str(colombia), "final-aug#6.5", "final-nov")
    assert code == 0
    assert "unlinked final-aug#6.5 -> final-nov" in out
    assert colombia.read_bytes() == before
    assert run(capsys, "link", str(colombia), "final-aug#6.5", "final-nov#6.4")[0] == 0
    linked = colombia.read_bytes()
    code, _, err = run(capsys, "unlink", str(colombia), "final-aug#6.5", "final-nov")
    assert code == 1
    assert err.startswith(
        f"{colombia}: OLD_REF NEW_REF: no curated link final-aug#6.5 -> final-nov"
    )
    assert len(err.strip().splitlines()) == 1
    assert colombia.read_bytes() == linked
    assert run(capsys, "unlink", str(colombia), "final-aug#6.5")[0] == 2


def test_accept_by_default_names_its_own_cut_for_a_piece_it_holds_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A piece listed but held back with its split or merge names the cut that held it:
    given no ``--min-confidence``, ``--accept``'s own (the "check this" cut), not an option
    the person never gave. (The cut is raised here so that a piece of Iran's falls below.)"""
    monkeypatch.setattr("negotrack.plandiff.changes.CHECK_BELOW", 0.95)
    path = tmp_path / "iran.yaml"
    unkeyed("iran-2015.yaml").save(path)
    code, _, err = run(capsys, "suggest-links", str(path), "lausanne", "jcpoa", "--accept")
    assert code == 0
    held = [line for line in err.splitlines() if line.startswith("not linked lausanne#")]
    assert held
    assert all(", below 0.95, --accept's default cut (a split or merge" in line for line in held)
    assert "--min-confidence 0.95" not in err


def test_the_unlink_a_split_names_can_be_pasted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ``negotrack unlink`` a second link suggests is a command a shell runs as shown,
    for a file whose name starts with "-" too: pasted, it removes the first link."""
    monkeypatch.chdir(tmp_path)
    unkeyed("colombia-2016.yaml").save(tmp_path / "-colombia.yaml")
    assert run(capsys, "link", "--", "-colombia.yaml", "final-aug#1.1", "final-nov#1.1")[0] == 0
    code, _, err = run(capsys, "link", "--", "-colombia.yaml", "final-aug#1.1", "final-nov#1.2")
    assert code == 0
    command = re.search(r": (negotrack unlink .*)\)$", err.strip())
    assert command is not None, err
    argv = shlex.split(command.group(1))
    assert argv[:3] == ["negotrack", "unlink", "--"]
    assert run(capsys, *argv[1:])[:2] == (0, "unlinked final-aug#1.1 -> final-nov#1.1\n")
