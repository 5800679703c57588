"""``negotrack validate``: every problem in one pass, warnings, ``--strict``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.cli import run
from tests.support.dossiers import make_small


def _suspicious(tmp_path: Path, suffix: str = ".yaml") -> Path:
    path = tmp_path / f"d{suffix}"
    make_small().save(path)
    text = path.read_text(encoding="utf-8")
    yaml, json = ("title: Geneva talks", "title: ' '"), ('"title": "Geneva talks"', '"title": " "')
    before, after = yaml if suffix == ".yaml" else json
    text = text.replace(before, after, 1)
    assert after in text
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_warnings_are_printed_and_exit_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    """A blank event title is a warning on stderr at its line, in YAML and JSON alike;
    validation still succeeds."""
    path = _suspicious(tmp_path, suffix)
    code, out, err = run(capsys, "validate", str(path))
    assert code == 0
    assert out.startswith(f"{path}: ok (")
    assert re.fullmatch(
        rf"{re.escape(str(path))}:\d+: \$\.events\[\d+\]\.title: warning: the title is empty\n",
        err,
    )


def test_strict_turns_warnings_into_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """With --strict the same warning is an error line and the exit status is 1."""
    path = _suspicious(tmp_path)
    code, out, err = run(capsys, "validate", "--strict", str(path))
    assert code == 1
    assert out == ""
    assert "$.events[" in err
    assert "the title is empty" in err
    assert ": warning:" not in err


def test_a_file_without_its_schema_line_loads_with_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """No 'negotrack: 1' line: read as format 1, and validate says so (exit 0)."""
    path = tmp_path / "d.yaml"
    make_small().save(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("negotrack: 1\n", ""), encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 0
    assert "$: warning: no 'negotrack: 1' line" in err
    assert run(capsys, "validate", "--strict", str(path))[0] == 1


def test_three_problems_of_one_event_come_in_one_pass(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A kind typo, a misspelt key and a participant typo in one event are all reported."""
    path = tmp_path / "d.yaml"
    make_small().save(path)
    text = path.read_text(encoding="utf-8")
    text = text.replace("kind: round", "kind: rond", 1).replace(
        "sources:\n      - s1", "source:\n      - s1", 1
    )
    text = text.replace("- witkoff\n", "- witkof\n", 1)
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert "unknown event kind 'rond'" in err
    assert "unknown field 'source'" in err
    assert "unknown participant 'witkof'" in err


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_problems_come_in_the_files_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    """Problems of several kinds (a participant typo, an unknown kind, a misspelt field)
    are listed by their line in the file, YAML or JSON, as a reader fixes them, not
    grouped by the check that found them."""
    path = tmp_path / f"d{suffix}"
    make_small().save(path)
    text = path.read_text(encoding="utf-8")
    # A reference early (checked after the fields), a kind, a misspelt field late.
    for yaml, json in [
        ("- witkoff\n", '"witkoff",\n'),
        ("kind: round", '"kind": "round"'),
        ("    track: military", '"track": "military"'),
    ]:
        before = yaml if suffix == ".yaml" else json
        after = (
            before.replace("witkoff", "witkof").replace("round", "rond").replace("track", "trak")
        )
        assert before in text
        text = text.replace(before, after, 1)
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    lines = [int(m) for m in re.findall(rf"^{re.escape(str(path))}:(\d+):", err, re.M)]
    assert len(lines) >= 3
    assert lines == sorted(lines)
