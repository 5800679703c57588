"""Running the command line in-process, as the CLI tests do, or in a fresh interpreter
where a real standard output matters."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

from negotrack.cli.commands import main
from tests.support.dossiers import ROOT


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI with ``argv``; (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},
    "PYTHONPATH": str(ROOT),
    "NO_COLOR": "1",
}
"""A fresh interpreter's environment: this checkout's package, no colours, and stdout
buffered as a user's is (so a failure can wait until its flush at exit)."""


def spawn(*argv: str, **kwargs: Any) -> subprocess.Popen[bytes]:
    """Start negotrack's command line in a fresh interpreter (``kwargs`` go to Popen)."""
    command = [sys.executable, "-m", "negotrack", *argv]
    return subprocess.Popen(command, env=ENV, stderr=subprocess.PIPE, **kwargs)
