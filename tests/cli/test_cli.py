"""The command line, called in-process: outputs, exit codes, error lines, help."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

import negotrack as nt
from negotrack.cli import output
from negotrack.cli.commands import main
from tests.support.cli import run
from tests.support.dossiers import SEEDS, make_small
from tests.support.shapes import CHANGE_KEYS, DIFF_KEYS

SEED = SEEDS / "colombia-2016.yaml"


# -- basics ----------------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``--version`` prints the package version and exits 0."""
    code, out, _ = run(capsys, "--version")
    assert (code, out.strip()) == (0, f"negotrack {nt.__version__}")


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["status"],
        ["status", "set"],
        ["status", "show"],
        ["timeline"],
        ["diff"],
        ["export"],
    ],
)
def test_help_has_examples(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    """Every subcommand's ``--help`` exits 0 and shows examples of its use."""
    code, out, _ = run(capsys, *command, "--help")
    assert code == 0
    assert "examples:" in out
    assert f"negotrack {' '.join(command)}" in out


def test_main_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    """The top-level help names every command and the exit codes."""
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for name in ("validate", "status", "timeline", "diff", "export", "Exit status"):
        assert name in out


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["status"],
        ["validate"],
        ["status", "set", "f.yaml", "us-28#1", "kept"],  # --on is required
        ["diff", "f.yaml", "a", "b", "--format", "pdf"],
        ["export", "f.yaml", "--to", "xls"],
        ["validate", "f.yaml", "--bogus"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """A malformed command line exits 2 with a usage message and no traceback."""
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "usage:" in err
    assert "Traceback" not in err


# -- validate --------------------------------------------------------------------------


def test_validate_a_good_file(capsys: pytest.CaptureFixture[str]) -> None:
    """A valid seed validates with a one-line summary and exit 0."""
    code, out, err = run(capsys, "validate", str(SEED))
    assert code == 0
    assert out.startswith(f"{SEED}: ok (")
    assert err == ""


def test_validate_reports_every_problem_with_its_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Each problem is one stderr line naming the file, the line and the JSON path."""
    text = SEED.read_text(encoding="utf-8")
    text = re.sub(r"(\n\s+status: )(kept|proposed|deleted)\n", r"\1dispted\n", text, count=1)
    text = text.replace("kind: statement", "kind: statment", 1)
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "validate", str(path))
    lines = err.strip().splitlines()
    assert code == 1
    assert out == ""
    assert len(lines) == 2
    status = next(line for line in lines if "dispted" in line)
    assert re.match(
        rf"{re.escape(str(path))}:\d+: \$\.\w+\[\d+\]\S*\.status: unknown status 'dispted' "
        r"\(did you mean 'disputed'\?\)$",
        status,
    )
    assert any("did you mean 'statement'" in line for line in lines)


def test_validate_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A missing file is one line and exit 1, never a traceback."""
    code, _, err = run(capsys, "validate", str(tmp_path / "none.yaml"))
    assert code == 1
    assert err.count("\n") == 1
    assert "none.yaml" in err
    assert "no such file" in err


def test_validate_garbage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A file that is not JSON is one located line and exit 1."""
    path = tmp_path / "g.json"
    path.write_text('{"title": ', encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert err.startswith(f"{path}:1: $: not valid JSON")


def test_unreadable_output_path_is_exit_1(
    capsys: pytest.CaptureFixture[str], dossier: Path, tmp_path: Path
) -> None:
    """Writing into a folder that does not exist is a one-line error, exit 1."""
    code, _, err = run(
        capsys, "export", str(dossier), "--to", "csv", "-o", str(tmp_path / "x/y.csv")
    )
    assert code == 1
    assert err.count("\n") == 1
    assert "Traceback" not in err


# -- status ----------------------------------------------------------------------------


def test_status_set_records_and_show_lists_it(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """``status set`` saves the change; ``status show`` lists it in its table."""
    code, out, err = run(
        capsys, "status", "set", str(dossier), "us-28#12", "disputed",
        "--on", "2025-12-26", "--source", "s2", "--by", "zakharova", "--note", "per TASS",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "us-28#12: disputed on 2025-12-26 (source s2, by zakharova)\n"
    assert nt.load(dossier).status_of("us-28#12") is nt.Status.DISPUTED
    code, out, _ = run(capsys, "status", "show", str(dossier))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["point", "status", "since", "source"]
    row = next(line for line in lines if line.startswith("us-28#12"))
    assert row.split()[:5] == ["us-28#12", "disputed", "26", "Dec", "2025"]
    assert "s2 (by zakharova)" in row
    assert len(lines) == 1 + len(nt.load(dossier).refs())


def test_status_show_as_of_and_history(capsys: pytest.CaptureFixture[str], dossier: Path) -> None:
    """``--as-of`` shows what was known then; one REF adds its history."""
    main(
        ["status", "set", str(dossier), "us-28#12", "deleted", "--on", "2025-12", "--by", "umerov"]
    )
    capsys.readouterr()
    code, out, _ = run(capsys, "status", "show", str(dossier), "us-28#12", "--as-of", "2025-12-10")
    assert code == 0
    assert "us-28#12  proposed" in out  # "December" is not over on 10 December
    assert "history:" in out
    assert "deleted" in out
    code, out, _ = run(capsys, "status", "show", str(dossier), "us-28#12", "--as-of", "2025-12-10",
                       "--rule", "possible")  # fmt: skip
    assert "us-28#12  deleted" in out
    code, out, _ = run(capsys, "status", "show", str(dossier), "--as-of", "2025-11-21")
    assert re.search(r"geneva-19#1\s+-\s+not yet tabled", out)


def test_status_show_json(capsys: pytest.CaptureFixture[str], dossier: Path) -> None:
    """``--format json`` gives scripts every point with status, since and source."""
    code, out, _ = run(capsys, "status", "show", str(dossier), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert [p["ref"] for p in data["points"]] == nt.load(dossier).refs()
    first = data["points"][0]
    assert first == {
        "ref": "us-28#1",
        "status": "proposed",
        "since": "2025-11-20",
        "source": "s1",
        "by": None,
        "note": "as tabled in US 28-point draft",
        "certain": True,
        "possible": ["proposed"],
    }
    code, out, _ = run(capsys, "status", "show", str(dossier), "us-28#1", "--format", "json")
    assert json.loads(out)["history"][0]["status"] == "proposed"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["us-28#12", "dispted", "--on", "2025-12-26", "--by", "umerov"],
         "STATUS dispted: unknown status 'dispted' (did you mean 'disputed'?)"),
        (["us-28#12", "disputed", "--on", "2025-13-26", "--by", "umerov"],
         "--on 2025-13-26: impossible date"),
        (["us-28#12", "disputed", "--on", "2025-12-26T10:00 Mars/Olympus", "--by", "umerov"],
         "--on 2025-12-26T10:00 Mars/Olympus: unknown time zone 'Mars/Olympus'"),
        (["us-28#99", "disputed", "--on", "2025-12-26", "--by", "umerov"], "has no point '99'"),
        (["us-29#12", "disputed", "--on", "2025-12-26", "--by", "umerov"], "did you mean 'us-28'"),
        (["us-28#12", "disputed", "--on", "2025-12-26", "--by", "nobody"], "nobody"),
        (["us-28#12", "disputed", "--on", "2025-12-26"], "source"),
    ],
)  # fmt: skip
def test_status_set_bad_input_changes_nothing(
    capsys: pytest.CaptureFixture[str], dossier: Path, args: list[str], expected: str
) -> None:
    """A bad status, date, zone, ref or id is one line on stderr naming the file, exit 1,
    file untouched."""
    before = dossier.read_bytes(), dossier.stat().st_mtime_ns
    code, out, err = run(capsys, "status", "set", str(dossier), *args)
    assert code == 1
    assert out == ""
    assert expected in err
    assert err.startswith(f"{dossier}: ")
    assert err.count("\n") == 1
    assert (dossier.read_bytes(), dossier.stat().st_mtime_ns) == before


# -- timeline and diff -----------------------------------------------------------------


def test_timeline_html_to_a_file_and_stdout(
    capsys: pytest.CaptureFixture[str], dossier: Path, tmp_path: Path
) -> None:
    """``-o FILE`` writes the page; ``-o -`` and no ``-o`` write the same to stdout."""
    out_file = tmp_path / "t.html"
    assert run(capsys, "timeline", str(dossier), "-o", str(out_file))[:2] == (0, "")
    page = out_file.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "Geneva talks" in page
    _, dash, _ = run(capsys, "timeline", str(dossier), "-o", "-")
    _, plain, _ = run(capsys, "timeline", str(dossier))
    assert dash == plain == page


def test_timeline_filters(capsys: pytest.CaptureFixture[str], dossier: Path) -> None:
    """Kind, participant, side, track, tag and date filters narrow the events shown."""
    _, every, _ = run(capsys, "timeline", str(dossier))
    assert "A strike" in every
    assert "Briefing" in every
    _, rounds, _ = run(capsys, "timeline", str(dossier), "--kind", "round")
    assert "Geneva talks" in rounds
    assert "A strike" not in rounds
    _, side, _ = run(capsys, "timeline", str(dossier), "--side", "Russia")
    assert "Briefing" in side
    assert "Geneva talks" not in side
    _, since, _ = run(capsys, "timeline", str(dossier), "--since", "2025-12", "--until", "2025-12")
    assert "Briefing" in since
    assert "Geneva talks" not in since
    _, track, _ = run(capsys, "timeline", str(dossier), "--track", "military", "--tag", "geneva")
    assert "A strike" not in track
    assert "Geneva talks" not in track
    _, who, _ = run(capsys, "timeline", str(dossier), "--participant", "witkoff")
    assert "Geneva talks" in who
    assert "Briefing" not in who


def test_timeline_bad_filters_are_exit_1(capsys: pytest.CaptureFixture[str], dossier: Path) -> None:
    """An unknown kind or an impossible date names the option, exit 1."""
    code, _, err = run(capsys, "timeline", str(dossier), "--kind", "rond")
    said = "--kind rond: unknown event kind 'rond' (did you mean 'round'?)"
    assert (code, err.strip()) == (1, f"{dossier}: {said}")
    code, _, err = run(capsys, "timeline", str(dossier), "--since", "yesterday")
    assert code == 1
    assert err.startswith(f"{dossier}: --since yesterday: not a date")


def test_diff_json_has_the_contract_shape(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """``diff --format json`` prints old, new, summary counts and changes."""
    code, out, _ = run(capsys, "diff", str(dossier), "us-28", "geneva-19", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert tuple(data) == DIFF_KEYS
    assert (data["old"], data["new"]) == ("us-28", "geneva-19")
    assert sum(data["summary"].values()) == len(data["changes"])
    for change in data["changes"]:
        assert tuple(change) == CHANGE_KEYS
        assert isinstance(change["similarity"], float)
    army = next(c for c in data["changes"] if c["old"] == "12")
    assert army["new"] == "9"


@pytest.mark.parametrize("fmt", ["html", "md", "text"])
def test_diff_reports(
    capsys: pytest.CaptureFixture[str], dossier: Path, tmp_path: Path, fmt: str
) -> None:
    """The diff report renders in each format, to a file or to stdout alike."""
    target = tmp_path / f"diff.{fmt}"
    code, _, err = run(capsys, "diff", str(dossier), "us-28", "geneva-19", "--format", fmt,
                       "-o", str(target))  # fmt: skip
    assert (code, err) == (0, "")
    text = target.read_text(encoding="utf-8")
    assert "600,000" in text or "600" in text
    _, out, _ = run(capsys, "diff", str(dossier), "us-28", "geneva-19", "--format", fmt)
    assert out == text


def test_diff_unknown_version(capsys: pytest.CaptureFixture[str], dossier: Path) -> None:
    """An unknown version id is one line with a suggestion, exit 1."""
    code, _, err = run(capsys, "diff", str(dossier), "us-28", "geneva-91")
    assert code == 1
    assert err.count("\n") == 1
    assert "did you mean 'geneva-19'" in err


# -- export ----------------------------------------------------------------------------


def test_a_csv_for_excel_starts_with_a_byte_order_mark(tmp_path: Path) -> None:
    """``--excel`` writes the same table with a byte-order mark first (the bytes EF BB BF),
    which Excel needs to read a double-clicked file as UTF-8 ("Bogotá", not "BogotÃ¡");
    read as "utf-8-sig", as pandas reads it, it is the plain export's table."""
    import csv

    seed = str(Path(__file__).resolve().parents[2] / "seeds" / "colombia-es-2016.yaml")
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    assert main(["export", seed, "--to", "csv", "-o", str(plain)]) == 0
    assert main(["export", seed, "--to", "csv", "--excel", "-o", str(excel)]) == 0
    assert excel.read_bytes()[:3] == b"\xef\xbb\xbf" != plain.read_bytes()[:3]
    with (
        plain.open(encoding="utf-8", newline="") as a,
        excel.open(encoding="utf-8-sig", newline="") as b,
    ):
        rows = list(csv.DictReader(a))
        assert rows == list(csv.DictReader(b))
    assert any("Bogotá" in v for row in rows for v in row.values() if v)


@pytest.mark.parametrize(
    ("given", "to"),
    [
        (["--excel"], "ics"),
        (["--as-of", "2016-10-01"], "timelinejs"),
        (["--all-events"], "csv"),
        (["--kind", "round"], "csv"),
        (["--table", "points"], "ics"),
        (["--locale", "fr"], "csv"),
        (["--excel"], "json-schema"),
        (["--table", "status"], "json-schema"),
    ],
)
def test_an_option_of_another_export_format_is_refused(
    capsys: pytest.CaptureFixture[str], dossier: Path, given: list[str], to: str
) -> None:
    """An option one format has (``--excel`` for csv, ``--all-events`` for ics) given with
    another ``--to`` is refused, naming both, rather than ignored."""
    code, out, err = run(capsys, "export", str(dossier), "--to", to, *given)
    assert code == 1
    assert out == ""
    assert f"{' '.join(given)}: applies to --to" in err
    assert f"not --to {to}" in err


def test_export_every_format(capsys: pytest.CaptureFixture[str], dossier: Path) -> None:
    """Each ``--to`` produces its format on stdout."""
    _, tl, _ = run(capsys, "export", str(dossier), "--to", "timelinejs")
    assert len(json.loads(tl)["events"]) == 3
    _, ics, _ = run(capsys, "export", str(dossier), "--to", "ics")
    assert ics.count("BEGIN:VEVENT") == 1
    _, ics_all, _ = run(capsys, "export", str(dossier), "--to", "ics", "--all-events")
    assert ics_all.count("BEGIN:VEVENT") == 3
    _, ics_kind, _ = run(capsys, "export", str(dossier), "--to", "ics", "--kind", "statement")
    assert ics_kind.count("BEGIN:VEVENT") == 1
    _, events, _ = run(capsys, "export", str(dossier), "--to", "csv")
    assert events.splitlines()[0].startswith("id,when,until")
    _, points, _ = run(capsys, "export", str(dossier), "--to", "csv", "--table", "points")
    assert len(points.splitlines()) == 5
    _, status, _ = run(capsys, "export", str(dossier), "--to", "csv", "--table", "status")
    assert status.splitlines()[0] == "ref,status,on,start,end,source,by,note"


def test_export_json_schema_needs_no_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The schema is printed with or without a dossier, and written with ``-o``."""
    code, out, _ = run(capsys, "export", "--to", "json-schema")
    assert code == 0
    assert json.loads(out)["title"] == "negotrack dossier"
    target = tmp_path / "schema.json"
    assert run(capsys, "export", str(SEED), "--to", "json-schema", "-o", str(target))[0] == 0
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(out)


def test_export_without_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    """Other exports need a dossier: exit 1 with a line saying so."""
    code, _, err = run(capsys, "export", "--to", "csv")
    assert code == 1
    assert "needs a dossier file" in err


def test_ics_stamp_follows_source_date_epoch(
    capsys: pytest.CaptureFixture[str], dossier: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``SOURCE_DATE_EPOCH`` makes the calendar reproducible."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    _, first, _ = run(capsys, "export", str(dossier), "--to", "ics")
    _, second, _ = run(capsys, "export", str(dossier), "--to", "ics")
    assert first == second
    assert "DTSTAMP:20260101T000000Z" in first


@pytest.mark.parametrize(
    ("extra", "said"),
    [([], "no rounds"), (["--kind", "personnel"], "no events of these kinds")],
)
def test_an_empty_calendar_says_why(
    capsys: pytest.CaptureFixture[str], extra: list[str], said: str
) -> None:
    """A dossier with no round (the Ukraine seed) exports an empty but valid calendar, and
    a line on stderr says why and how to export other events; one with rounds says
    nothing."""
    seed = str(SEEDS / "ukraine-2025-12.yaml")
    code, out, err = run(capsys, "export", seed, "--to", "ics", *extra)
    assert code == 0
    assert out.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" not in out
    assert err == (
        f"{seed}: {said} to export: the calendar is empty (--all-events exports every "
        "event, --kind KIND those of a kind)\n"
    )
    code, out, err = run(capsys, "export", seed, "--to", "ics", "--all-events")
    assert (code, err) == (0, "")
    assert "BEGIN:VEVENT" in out


# -- colour ----------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """Errors are coloured on a terminal, and never when NO_COLOR is set or off a tty."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    tty = _Tty()
    monkeypatch.setattr("sys.stderr", tty)
    assert main(["validate", "/nonexistent/x.yaml"]) == 1
    assert "\x1b[31m" in tty.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    tty = _Tty()
    monkeypatch.setattr("sys.stderr", tty)
    assert main(["validate", "/nonexistent/x.yaml"]) == 1
    assert "\x1b[" not in tty.getvalue()
    assert not output.colour(io.StringIO())


def test_timeline_markdown(capsys: pytest.CaptureFixture[str], dossier: Path) -> None:
    """``--format md`` renders the timeline as Markdown."""
    code, out, err = run(capsys, "timeline", str(dossier), "--format", "md")
    assert (code, err) == (0, "")
    assert "Geneva talks" in out
    assert "<html" not in out.lower()


def test_timeline_embed_writes_a_fragment(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """`timeline --embed` prints the scoped fragment; with --format md it is refused."""
    code, out, _ = run(capsys, "timeline", str(dossier), "--embed", "--kind", "round")
    assert code == 0
    assert out.startswith('<div class="nt-embed timeline" lang="en" dir="ltr">')
    assert "<html" not in out
    assert out.count('class="nt-mark ') == len(make_small().filter_events(kind="round"))
    code, _, err = run(capsys, "timeline", str(dossier), "--embed", "--format", "md")
    assert code == 1
    assert "only HTML can be embedded" in err


def test_board_as_of_shows_the_board_as_it_stood(capsys: pytest.CaptureFixture[str]) -> None:
    """`board --as-of` leaves out versions not yet tabled and says which date it shows."""
    code, out, _ = run(capsys, "board", str(SEED), "--as-of", "2025-12-01")
    assert code == 0
    assert "As it stood: 1 Dec 2025" in out
    assert "20-point draft framework" not in out
    code, out, _ = run(capsys, "board", str(SEED))
    assert code == 0
    assert '<svg class="nt-chart" role="img"' in out
    assert "superseded" in out
