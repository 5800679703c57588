"""The command line takes dates as analysts write them, and marks what an as-of answer
leaves open."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import negotrack as nt
from tests.support.cli import run

REF = "us-28#12"


def test_status_set_takes_a_phrase_and_stores_the_canonical_form(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """``--on "mid-December 2025"`` is recorded as the EDTF interval it stands for."""
    code, out, err = run(
        capsys, "status", "set", str(dossier), REF, "disputed", "--on", "mid-December 2025",
        "--source", "s1",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "on 2025-12-11/2025-12-20" in out
    assert "'on': 2025-12-11/2025-12-20" in dossier.read_text(encoding="utf-8")
    assert nt.load(dossier).status_of(REF, as_of="2025-12-20") is nt.Status.DISPUTED


def test_a_refused_date_names_the_forms(capsys: pytest.CaptureFixture[str], dossier: Path) -> None:
    """A date the CLI cannot read is a usage problem naming the option and the forms."""
    code, _, err = run(
        capsys, "status", "set", str(dossier), REF, "kept", "--on", "13-15 Dec 2025",
        "--source", "s1",
    )  # fmt: skip
    assert code in (1, 2)
    assert "--on" in err
    assert "2025-10-13/2025-10-15" in err
    assert "Traceback" not in err


def test_status_show_as_of_marks_later_and_unordered_entries(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """Entries after the as-of date are marked, and so is an answer resting on an order the
    dates leave open."""
    for status, on in (("disputed", "Dec 2025"), ("agreed", "c. 12 Dec 2025"), ("kept", "2026")):
        run(capsys, "status", "set", str(dossier), REF, status, "--on", on, "--source", "s1")
    code, out, _ = run(capsys, "status", "show", str(dossier), REF, "--as-of", "Q4 2025")
    assert code == 0
    assert f"{REF}  agreed?" in out
    assert f"? {REF}: agreed, not certain; the order is unknown against disputed (Dec 2025)" in out
    assert re.search(r"^  2026 +kept +source s1 \[after the as-of date\]$", out, re.M)
    assert re.search(r"^  Dec 2025 +disputed +source s1 \[order unknown\]$", out, re.M)
    assert re.search(r"^  c\. 12 Dec 2025 +agreed +source s1 \[order unknown\]$", out, re.M)
    assert re.search(r"^  20 Nov 2025 +proposed +source s1; as tabled in [^[]*$", out, re.M)
    assert "(as of Q4 2025, rule: settled)" in out


def test_status_show_as_of_marks_a_straddling_change(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """A change dated "December" may be after 10 December: the text and JSON both say so."""
    run(capsys, "status", "set", str(dossier), REF, "deleted", "--on", "2025-12", "--source", "s1")
    code, out, _ = run(capsys, "status", "show", str(dossier), REF, "--as-of", "2025-12-10")
    assert code == 0
    assert f"{REF}  proposed?" in out
    assert "[may be after the as-of date]" in out
    code, out, _ = run(
        capsys, "status", "show", str(dossier), REF, "--as-of", "2025-12-10", "--format", "json"
    )
    data = json.loads(out)
    assert data["points"][0]["certain"] is False
    assert data["points"][0]["possible"] == ["proposed", "deleted"]
    assert [h["as_of"] for h in data["history"]] == ["counts", "may be after the as-of date"]


def test_timeline_filters_take_phrases(capsys: pytest.CaptureFixture[str], dossier: Path) -> None:
    """``--since "Dec 2025" --until "late 2025"`` keep December's briefing only."""
    code, out, _ = run(
        capsys, "timeline", str(dossier), "--format", "md", "--since", "Dec 2025",
        "--until", "late 2025",
    )  # fmt: skip
    assert code == 0
    assert "Briefing" in out
    assert "Geneva talks" not in out


def test_timeline_since_and_until_follow_the_dates_shown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``--until 2025-11`` lists the call shown as 30 Nov (1 Dec in UTC) under November, and
    ``--since 2025-12`` leaves it out but keeps the meeting shown as 1 Dec in Tokyo."""
    from tests.support.dossiers import zoned_dossier

    path = tmp_path / "tz.yaml"
    zoned_dossier().save(path)
    code, out, err = run(capsys, "timeline", str(path), "--format", "md", "--until", "2025-11")
    assert (code, err) == (0, "")
    assert "30 Nov 2025, 23:30 UTC-05:00" in out
    assert "1 Dec 2025, 01:00 JST" not in out
    assert "## December 2025" not in out
    assert out.count("## November 2025") == 1
    code, out, err = run(capsys, "timeline", str(path), "--format", "md", "--since", "2025-12")
    assert (code, err) == (0, "")
    assert "30 Nov 2025" not in out
    assert "## November 2025" not in out
    assert "1 Dec 2025, 01:00 JST" in out
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == ["## 2025 (month not known)", "## Late 2025", "## Q4 2025",
                        "## December 2025"]  # fmt: skip


def _zoned_changes(dossier: Path) -> None:
    """#12 disputed late on 30 Nov in New York (1 Dec in UTC), then deleted early on 1 Dec
    in Tokyo (30 Nov in UTC); geneva-19#9 agreed over New York's midnight."""
    d = nt.load(dossier)
    d.set_status(REF, "disputed", on="2025-11-30T23:30-05:00", source="s1")
    d.set_status(REF, "deleted", on="2025-12-01T01:00 Asia/Tokyo", source="s1")
    d.set_status(
        "geneva-19#9", "agreed", on="2025-11-30T22:00-05:00/2025-12-01T01:00-05:00", source="s1"
    )
    d.save(dossier)


@pytest.mark.parametrize("rule", ["settled", "possible"])
def test_status_show_as_of_a_day_counts_changes_on_the_day_they_are_shown(
    capsys: pytest.CaptureFixture[str], dossier: Path, rule: str
) -> None:
    """``--as-of 2025-11-30`` counts the New York change shown as 30 Nov and marks the Tokyo
    one shown as 1 Dec as after it, whatever their UTC dates, under either rule."""
    _zoned_changes(dossier)
    code, out, err = run(
        capsys, "status", "show", str(dossier), REF, "--as-of", "2025-11-30", "--rule", rule
    )
    assert (code, err) == (0, "")
    assert re.search(rf"^{REF} +disputed +30 Nov 2025, 23:30 UTC-05:00 +s1$", out, re.M)
    assert re.search(r"^  30 Nov 2025, 23:30 UTC-05:00 +disputed +source s1$", out, re.M)
    assert re.search(r"^  1 Dec 2025, 01:00 JST +deleted +source s1 \[after the as-of date\]$",
                     out, re.M)  # fmt: skip
    code, out, _ = run(
        capsys, "status", "show", str(dossier), REF, "--as-of", "2025-11-30", "--rule", rule,
        "--format", "json",
    )  # fmt: skip
    data = json.loads(out)
    assert data["points"][0]["status"] == "disputed"
    # The history is in the order things happened: Tokyo's 01:00 came before New York's 23:30.
    assert [(h["status"], h["as_of"]) for h in data["history"]] == [
        ("proposed", "counts"),
        ("deleted", "after the as-of date"),
        ("disputed", "counts"),
    ]


def test_status_show_lines_up_a_history_of_long_dates_and_says_its_order(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """A history whose dates carry times and zones keeps its columns (the status under the
    status, however long a date), and when the dates shown run backwards (Tokyo's 1 Dec
    came before New York's 30 Nov) a line says the order is that of what happened; a
    history in calendar order has no such line."""
    code, out, _ = run(capsys, "status", "show", str(dossier), REF)
    assert code == 0
    assert "in the order they happened" not in out
    _zoned_changes(dossier)
    code, out, _ = run(capsys, "status", "show", str(dossier), REF)
    assert code == 0
    history = out.split("history:\n", 1)[1].splitlines()
    entries = [line for line in history if not line.lstrip().startswith("(")]
    starts = {
        line.index(status)
        for line in entries
        for status in ("proposed", "deleted", "disputed")
        if f" {status} " in line
    }
    assert len(starts) == 1, entries
    assert history[-1] == "  (in the order they happened; each time is in its own zone)"


def test_status_show_as_of_an_instant_compares_instants(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """``--as-of 2025-12-01T00:00Z`` is an instant: the Tokyo change (30 Nov, 16:00 UTC) is
    before it and the New York one (1 Dec, 04:30 UTC) after; a time with no zone is
    refused with how to write one."""
    _zoned_changes(dossier)
    code, out, _ = run(capsys, "status", "show", str(dossier), REF, "--as-of", "2025-12-01T00:00Z")
    assert code == 0
    assert re.search(rf"^{REF} +deleted +1 Dec 2025, 01:00 JST +s1$", out, re.M)
    assert re.search(r"disputed +source s1 \[after the as-of date\]$", out, re.M)
    code, out, err = run(capsys, "status", "show", str(dossier), REF, "--as-of", "2025-11-30T14:00")
    assert (code, out) == (1, "")
    assert "--as-of 2025-11-30T14:00: the time in '2025-11-30T14:00' has no time zone" in err


def test_status_show_as_of_marks_a_change_across_midnight_as_displayed(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """A change between 22:00 and 01:00 in New York may be after 30 Nov (all of it is on
    1 Dec in UTC): the answer is not certain, and its entry says why."""
    _zoned_changes(dossier)
    code, out, _ = run(capsys, "status", "show", str(dossier), "geneva-19#9", "--as-of",
                       "2025-11-30")  # fmt: skip
    assert code == 0
    assert re.search(r"^geneva-19#9 +proposed\? ", out, re.M)
    assert re.search(r"agreed +source s1 \[may be after the as-of date\]$", out, re.M)
    code, out, _ = run(capsys, "status", "show", str(dossier), "geneva-19#9", "--as-of",
                       "2025-12-01")  # fmt: skip
    assert re.search(r"^geneva-19#9 +agreed +30 Nov 2025, 22:00 UTC-05:00", out, re.M)


def test_board_as_of_a_day_shows_the_changes_shown_that_day(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """``board --as-of 2025-11-30`` has #12 disputed (New York, 30 Nov; not yet on 29 Nov)
    and not yet deleted (Tokyo, 1 Dec), and #9 not yet agreed (until 01:00 on 1 Dec in New
    York); ``--as-of 2025-12-01`` has #9 agreed."""
    _zoned_changes(dossier)
    code, out, err = run(capsys, "board", str(dossier), "--format", "md", "--as-of", "2025-11-30")
    assert (code, err) == (0, "")
    assert "#12 disputed" in out
    assert "deleted" not in out
    assert "#9 proposed" in out
    _, out, _ = run(capsys, "board", str(dossier), "--format", "md", "--as-of", "2025-11-29")
    assert "disputed" not in out
    _, out, _ = run(capsys, "board", str(dossier), "--format", "md", "--as-of", "2025-12-01")
    assert "#9 agreed" in out
