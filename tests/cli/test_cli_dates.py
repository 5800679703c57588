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
