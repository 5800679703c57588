"""Usage errors: each is its command's, with its usage line and what was wrong."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from negotrack.cli import args
from negotrack.io.storage import dumps
from tests.support.cli import ENV, run
from tests.support.dossiers import small_dossier


@pytest.mark.parametrize(
    ("argv", "unknown"),
    [
        (["unlink", "f.yaml", "a#1", "b#1", "--note", "x"], "unknown option --note"),
        (["link", "f.yaml", "a#1", "b#1", "--bogus"], "unknown option --bogus"),
        (
            ["diff", "f.yaml", "a", "b", "--formt", "text"],
            "unknown option --formt (did you mean --format?)",
        ),
        (["suggest-links", "f.yaml", "a", "b", "--note=x"], "unknown option --note"),
        (
            ["status", "set", "f.yaml", "a#1", "kept", "--on", "2025", "--bogus"],
            "unknown option --bogus",
        ),
        (["status", "--bogus"], "unknown option --bogus"),
        (["status"], "choose a command (see 'negotrack status --help')"),
        (
            ["suggest-links", "--", "-f.yaml", "a", "b", "--format", "md"],
            "--format comes after '--', which ends the options: put it before '--'",
        ),
    ],
)
def test_a_usage_error_shows_its_command_usage(
    capsys: pytest.CaptureFixture[str], argv: list[str], unknown: str
) -> None:
    """An unknown option after a command is that command's usage error: its usage line and
    the option named (with the one it most resembles), not the top-level usage."""
    command = " ".join(a for a in argv[:2] if not a.startswith("-") and "." not in a)
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(f"usage: negotrack {command} [-h]")
    assert err.rstrip().endswith(f"negotrack {command}: error: {unknown}")


@pytest.mark.parametrize("columns", [50, 100])
def test_help_wraps_to_the_terminals_width_as_argparse_does(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """Help is wrapped to ``$COLUMNS`` exactly as argparse's own formatter wraps it (which
    needs shutil to size itself; the command line does without)."""
    monkeypatch.setenv("COLUMNS", str(columns))
    code, ours, _ = run(capsys, "status", "set", "--help")
    monkeypatch.setattr(args, "Formatter", argparse.RawDescriptionHelpFormatter)
    _, theirs, _ = run(capsys, "status", "set", "--help")
    assert code == 0
    assert ours == theirs
    assert max(map(len, ours.splitlines()[:-4])) <= columns - 2  # the examples excepted


def test_help_is_narrower_in_a_narrower_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The width is the terminal's, not a fixed one."""
    monkeypatch.setenv("COLUMNS", "50")
    narrow = run(capsys, "status", "set", "--help")[1]
    monkeypatch.setenv("COLUMNS", "120")
    wide = run(capsys, "status", "set", "--help")[1]
    assert len(narrow.splitlines()) > len(wide.splitlines())


def test_a_status_set_on_json_imports_no_yaml_reader_nor_shutil(tmp_path: Path) -> None:
    """Start-up is a bar: ``status set`` on a JSON dossier loads neither the YAML reader
    nor shutil (with the compression modules it brings)."""
    path = tmp_path / "d.json"
    path.write_text(dumps(small_dossier(), "json"), encoding="utf-8")
    code = (
        "import sys; from negotrack.cli.commands import main; "
        f"main(['status', 'set', {str(path)!r}, 'us-28#1', 'disputed', '--on', '2026-01-02', "
        "'--source', 's1']); "
        "print(sorted(m for m in ('shutil', 'negotrack.io.yaml', 'ruamel.yaml', 'bz2') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=ENV, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-1] == "[]"
