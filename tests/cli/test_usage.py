"""Usage errors: each is its command's, with its usage line and what was wrong."""

from __future__ import annotations

import pytest

from tests.support.cli import run


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
