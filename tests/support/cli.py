"""Running the command line in-process, as the CLI tests do."""

from __future__ import annotations

import pytest

from negotrack.cli.commands import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI with ``argv``; (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
