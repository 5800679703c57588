"""The commands of a living record, called in-process: replace, remove, merge, board,
site, the checked filters, counts and the help."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import negotrack as nt
from tests.support.cli import run
from tests.support.dossiers import make_small


def test_help_lists_each_command_once(capsys: pytest.CaptureFixture[str]) -> None:
    """The top-level help names every command exactly once."""
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for name in ("validate", "status", "timeline", "diff", "board", "site", "export",
                 "replace", "remove", "merge"):  # fmt: skip
        assert len(re.findall(rf"^\s+{name}\s", out, re.M)) == 1, name


@pytest.mark.parametrize("command", ["board", "site", "replace", "remove", "merge"])
def test_new_commands_have_examples(capsys: pytest.CaptureFixture[str], command: str) -> None:
    """Each new command's help shows examples of its use."""
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert f"examples:\n  negotrack {command}" in out


def test_validate_counts_agree_in_number(capsys: pytest.CaptureFixture[str], dossier: Path) -> None:
    """One plan is "1 plan", not "1 plans"; zero and many are plural."""
    code, out, _ = run(capsys, "validate", str(dossier))
    assert code == 0
    assert "3 events, 1 plan, 2 versions, 4 points, 0 status changes, 0 positions" in out


def test_remove_an_event_changes_the_file(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """``remove FILE event ID`` takes the event out of the file and says so."""
    code, out, _ = run(capsys, "remove", str(dossier), "event", "strike")
    assert (code, out) == (0, f"{dossier}: removed event strike\n")
    assert [e.id for e in nt.load(dossier).events] == ["geneva", "press"]


def test_remove_a_cited_source_names_every_referrer(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """A refused removal exits 1 with one line per referrer, at its line in the file as
    ``validate`` gives it (YAML and JSON alike), in the file's order, and leaves the file
    alone."""
    paths = (
        "$.events[0].sources[0]",
        "$.events[1].sources[0]",
        "$.plans[0].versions[0].sources[0]",
    )
    as_json = dossier.with_suffix(".json")
    make_small().save(as_json)
    for path in (dossier, as_json):
        before = path.read_bytes()
        code, _, err = run(capsys, "remove", str(path), "source", "s1")
        assert code == 1
        text = path.read_text(encoding="utf-8").splitlines()
        lines = err.splitlines()
        assert len(lines) == len(paths)
        for line, place in zip(lines, paths, strict=True):
            found = re.fullmatch(
                rf"{re.escape(str(path))}:(\d+): {re.escape(place)}: source 's1' is still "
                r"referred to here \(change or remove this reference first\)",
                line,
            )
            assert found, line
            assert "s1" in text[int(found[1]) - 1]
        assert path.read_bytes() == before


def test_remove_names_the_argument_that_names_nothing(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """An unknown KIND or an ID the dossier lacks is the argument's problem, named with the
    file ("FILE: ID strik: ..."), not a place in the file ("FILE: $: ..."); nothing is
    written."""
    before = dossier.read_bytes()
    cases = [
        (("bogus", "strike"), "KIND bogus: unknown kind of record 'bogus' (expected one of"),
        (("event", "strik"), "ID strik: no event 'strik' in this dossier (did you mean 'strike'?)"),
        (("events", "strik"), "ID strik: no event 'strik' in this dossier"),
        (("point", "us-28#99"), "ID us-28#99: version 'us-28' has no point '99'"),
    ]
    for argv, line in cases:
        code, _, err = run(capsys, "remove", str(dossier), *argv)
        assert code == 1, argv
        assert err.startswith(f"{dossier}: {line}"), err
        assert "$:" not in err
    assert dossier.read_bytes() == before


def test_replace_names_the_argument_that_names_nothing(
    capsys: pytest.CaptureFixture[str], dossier: Path, tmp_path: Path
) -> None:
    """A record whose id or number the dossier lacks is RECORD's problem, an unknown or
    missing version --version's, an unknown KIND KIND's; nothing is written."""
    event = tmp_path / "e.yaml"
    event.write_text("id: genevaa\nwhen: 2025-11-22\ntitle: Geneva\n", encoding="utf-8")
    point = tmp_path / "p.yaml"
    point.write_text('number: "99"\ntext: Fixed.\n', encoding="utf-8")
    before = dossier.read_bytes()
    cases = [
        (("event", str(event)), f"RECORD {event}: no event 'genevaa' in this dossier"),
        (("bogus", str(event)), "KIND bogus: unknown kind of record 'bogus'"),
        (
            ("point", str(point), "--version", "us-28"),
            f"RECORD {point}: version 'us-28' has no point '99'",
        ),
        (("point", str(point), "--version", "nope"), "--version nope: no plan version 'nope'"),
        (("point", str(point)), "--version: replacing a point needs the version it is in"),
    ]
    for argv, line in cases:
        code, _, err = run(capsys, "replace", str(dossier), *argv)
        assert code == 1, argv
        assert err.startswith(f"{dossier}: {line}"), err
    assert dossier.read_bytes() == before


def test_replace_a_point_without_version_names_the_versions_that_hold_it(
    capsys: pytest.CaptureFixture[str], dossier: Path, tmp_path: Path
) -> None:
    """Without --version, the hint names this dossier's versions that have a point of that
    number (geneva-19 for #9; both for #1), never a version it does not hold."""
    point = tmp_path / "p.yaml"
    for number, hint in (
        ("9", "(--version geneva-19)"),
        ("1", "(--version us-28 or --version geneva-19)"),
    ):
        point.write_text(f'number: "{number}"\ntext: Fixed.\n', encoding="utf-8")
        code, _, err = run(capsys, "replace", str(dossier), "point", str(point))
        assert code == 1
        assert err.strip().endswith(hint), err


def test_replace_an_event_from_a_yaml_file(
    capsys: pytest.CaptureFixture[str], dossier: Path, tmp_path: Path
) -> None:
    """``replace FILE event RECORD.yaml`` corrects the event with the record's id."""
    record = tmp_path / "geneva.yaml"
    record.write_text(
        "id: geneva\nwhen: 2025-11-22\ntitle: Geneva round\nkind: round\n"
        "participants: [witkoff]\nsources: [s1]\nversions: [geneva-19]\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "replace", str(dossier), "event", str(record))
    assert (code, out) == (0, f"{dossier}: replaced event geneva\n")
    event = nt.load(dossier).event("geneva")
    assert (event.title, str(event.when)) == ("Geneva round", "2025-11-22")


def test_replace_a_point_and_refuse_a_bad_record(
    capsys: pytest.CaptureFixture[str], dossier: Path, tmp_path: Path
) -> None:
    """A point is replaced in its --version; a record with a misspelt field is exit 1."""
    record = tmp_path / "p.json"
    record.write_text(json.dumps({"number": "12", "text": "Fixed.", "key": "army"}), "utf-8")
    code, _, _ = run(capsys, "replace", str(dossier), "point", str(record), "--version", "us-28")
    assert code == 0
    assert nt.load(dossier).point("us-28#12").text == "Fixed."
    record.write_text(json.dumps({"number": "12", "txt": "Fixed."}), "utf-8")
    before = dossier.read_bytes()
    code, _, err = run(capsys, "replace", str(dossier), "point", str(record), "--version", "us-28")
    assert code == 1
    assert f"{record}: $.txt: unknown field 'txt' (did you mean 'text'?)" in err
    assert dossier.read_bytes() == before


def test_merge_two_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``merge A B -o OUT`` writes the union; a conflict is exit 1 located in both files."""
    a, b, out = tmp_path / "a.yaml", tmp_path / "b.json", tmp_path / "out.yaml"
    make_small().save(a)
    other = make_small()
    other.add_event(nt.Event(id="miami", when="2025-11-30", title="Miami talks"))
    other.save(b)
    code, _, _ = run(capsys, "merge", str(a), str(b), "-o", str(out))
    assert code == 0
    assert [e.id for e in nt.load(out).events] == ["geneva", "strike", "press", "miami"]
    other.replace(nt.Event(id="miami", when="2025-12-01", title="Miami talks"))
    other.remove("event", "strike")
    other.save(a)
    code, _, err = run(capsys, "merge", str(a), str(b))
    assert code == 1
    line = a.read_text(encoding="utf-8").splitlines().index("  - id: miami") + 1
    assert err.startswith(
        f"{a}:{line}: $.events[2]: event 'miami' differs (when) from {b}'s $.events[3]"
    )


def test_board_as_of_and_markdown(capsys: pytest.CaptureFixture[str], dossier: Path) -> None:
    """``board`` renders the first plan; ``--as-of`` shows the status known by then."""
    d = nt.load(dossier)
    d.set_status("us-28#12", "disputed", on="2025-12-26", source="s2")
    d.save(dossier)
    code, now, _ = run(capsys, "board", str(dossier), "--format", "md")
    assert code == 0
    assert "#12 disputed" in now
    _, then, _ = run(capsys, "board", str(dossier), "peace-plan", "--format", "md", "--as-of",
                     "2025-12-01")  # fmt: skip
    # Not yet disputed on 1 Dec; undecided, and the Geneva text had followed: superseded.
    assert "#12 superseded" in then
    assert "disputed" not in then
    code, _, err = run(capsys, "board", str(dossier), "peace-pln")
    assert code == 1
    assert "did you mean 'peace-plan'" in err


def test_site_writes_every_page(
    capsys: pytest.CaptureFixture[str], dossier: Path, tmp_path: Path
) -> None:
    """``site FILE -o DIR`` writes the home page, the timeline, the diff report and the
    board, listed."""
    code, out, _ = run(capsys, "site", str(dossier), "-o", str(tmp_path / "site"),
                       "--threshold", "0.3")  # fmt: skip
    assert code == 0
    names = sorted(Path(line).name for line in out.splitlines())
    assert names == [
        "board-peace-plan.html", "board-peace-plan.md", "diff-us-28_to_geneva-19.html",
        "diff-us-28_to_geneva-19.md", "index.html", "index.md", "timeline.html", "timeline.md",
    ]  # fmt: skip


def test_site_into_a_file_says_site_writes_a_folder(
    capsys: pytest.CaptureFixture[str], dossier: Path, tmp_path: Path
) -> None:
    """``site -o FILE`` on a regular file says a site is a folder, and leaves the file."""
    afile = tmp_path / "afile"
    afile.write_text("kept\n", encoding="utf-8")
    code, out, err = run(capsys, "site", str(dossier), "-o", str(afile))
    assert (code, out) == (1, "")
    assert err == (
        f"{afile}: a file, not a folder: a site is a folder of pages (name a folder, or "
        "remove the file)\n"
    )
    assert afile.read_text(encoding="utf-8") == "kept\n"


def test_threshold_out_of_range_is_exit_1(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """A threshold above 1 is bad input for diff and board alike, named as the option."""
    for argv in (("diff", str(dossier), "us-28", "geneva-19"), ("board", str(dossier))):
        code, _, err = run(capsys, *argv, "--threshold", "1.5")
        assert code == 1
        assert err.startswith(f"{dossier}: --threshold: must be above 0 and at most 1, found 1.5")


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--track", "diplomcy", "no track 'diplomcy' in this dossier (did you mean 'diplomacy'?)"),
        ("--side", "Qater", "no side 'Qater' in this dossier (expected one of 'Russia', 'US', "
         "'Ukraine')"),
        ("--tag", "genva", "no tag 'genva' in this dossier (did you mean 'geneva'?)"),
        ("--participant", "witkof", "no participant 'witkof' in this dossier (did you mean "
         "'witkoff'?)"),
    ],
)  # fmt: skip
def test_unknown_filter_values_are_exit_1_with_a_suggestion(
    capsys: pytest.CaptureFixture[str], dossier: Path, option: str, value: str, message: str
) -> None:
    """A misspelt track, side, tag or participant fails instead of printing no events."""
    code, out, err = run(capsys, "timeline", str(dossier), option, value)
    assert (code, out, err.strip()) == (1, "", f"{dossier}: {option} {value}: {message}")


def test_participants_by_name_or_alias_in_any_case(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """``--participant`` takes a name in any case, ``--side`` any case, ``--by`` an alias."""
    d = nt.load(dossier)
    d.replace(nt.Participant(id="umerov", name="Rustem Umerov", side="Ukraine", aliases=["Umerow"]))
    d.save(dossier)
    code, out, _ = run(capsys, "timeline", str(dossier), "--participant", "steve WITKOFF",
                       "--side", "ukraine", "--format", "md")  # fmt: skip
    assert code == 0
    assert "Geneva talks" in out
    assert "Briefing" not in out
    code, out, _ = run(capsys, "status", "set", str(dossier), "us-28#12", "kept", "--on",
                       "2025-12-01", "--by", "umerow")  # fmt: skip
    assert code == 0
    assert out.strip().endswith("(by umerov)")
    assert nt.load(dossier).status_log[0].by == "umerov"


def test_export_positions_as_of(capsys: pytest.CaptureFixture[str], dossier: Path) -> None:
    """``export --to csv --table positions --as-of`` lists the positions known by then."""
    d = nt.load(dossier)
    d.set_position("us-28#12", "zakharova", "rejects", on="2025-12-01", source="s2")
    d.set_position("us-28#1", "witkoff", "supports", on="2025-12-20", source="s2")
    d.save(dossier)
    code, out, _ = run(capsys, "export", str(dossier), "--to", "csv", "--table", "positions",
                       "--as-of", "2025-12-10")  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("ref,party,party_name,side,stance,on,")
    assert [line.split(",")[:5] for line in lines[1:]] == [
        ["us-28#12", "zakharova", "Maria Zakharova", "Russia", "rejects"]
    ]
