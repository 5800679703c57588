"""The command line against a standard output that fails it: closed (``>&-``), full
(``>/dev/full``) or left by its reader (``| head -1``), run in a fresh interpreter, since
only a real process has a real standard output to lose."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pytest

import negotrack as nt
from tests.support.cli import spawn
from tests.support.dossiers import SEEDS, big_dossier
from tests.support.lineage import unkeyed


@pytest.fixture
def minsk(tmp_path: Path) -> Path:
    """The Minsk seed, copied where a command may change it."""
    path = tmp_path / "m.yaml"
    shutil.copy(SEEDS / "minsk-2014-2015.yaml", path)
    return path


def _close_stdout() -> None:
    os.close(1)


@contextmanager
def _stdout(kind: str) -> Iterator[dict[str, Any]]:
    """Popen's arguments for a standard output that is ``closed`` or ``full``."""
    if kind == "closed":
        yield {"preexec_fn": _close_stdout}
        return
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "wb") as full:
        yield {"stdout": full}


def _finish(proc: subprocess.Popen[bytes]) -> tuple[int, str]:
    """Exit code and stderr of ``proc``, once it ends."""
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err.decode("utf-8")


CHANGES = [
    (("link", "minsk-1#7", "minsk-2#13"), "linked minsk-1#7 -> minsk-2#13"),
    (("unlink", "minsk-1#9", "minsk-2#4"), "unlinked minsk-1#9 -> minsk-2#4"),
    (
        ("status", "set", "{file}", "minsk-1#1", "kept", "--on", "2015", "--by", "putin"),
        "minsk-1#1: kept on 2015 (by putin)",
    ),
]


def _argv(command: tuple[str, ...], path: Path) -> list[str]:
    """``command`` with the dossier's path after the command's name (or at ``{file}``).
    ``suggest-links`` reads Minsk without its lineage, beside ``path``: with every key,
    a person placed every point and it has nothing to list."""
    if command[0] == "suggest-links":
        path = path.with_name("open.json")
        unkeyed("minsk-2014-2015.yaml").save(path)
    if "{file}" in command:
        return [str(path) if a == "{file}" else a for a in command]
    return [command[0], str(path), *command[1:]]


@pytest.mark.parametrize("kind", ["closed", "full"])
@pytest.mark.parametrize(("command", "line"), CHANGES, ids=["link", "unlink", "status-set"])
def test_a_saved_change_exits_0_when_stdout_cannot_confirm_it(
    minsk: Path, kind: str, command: tuple[str, ...], line: str
) -> None:
    """A change written to the dossier exits 0 though its confirmation could not be
    printed, and stderr says it was saved, not that the dossier failed."""
    before = minsk.read_bytes()
    with _stdout(kind) as how:
        code, err = _finish(spawn(*_argv(command, minsk), **how))
    assert code == 0, err
    reason = "Bad file descriptor" if kind == "closed" else "No space left on device"
    assert err == f"{minsk}: saved ({line}), but not confirmed on standard output ({reason})\n"
    assert minsk.read_bytes() != before
    nt.load(minsk)


@pytest.mark.parametrize("kind", ["closed", "full"])
@pytest.mark.parametrize(
    "command",
    [
        ("diff", "minsk-1", "minsk-2", "--format", "text"),
        ("suggest-links", "minsk-1", "minsk-2"),
        ("validate",),
    ],
    ids=["diff", "suggest-links", "validate"],
)
def test_a_report_stdout_cannot_take_is_exit_1_naming_standard_output(
    minsk: Path, kind: str, command: tuple[str, ...]
) -> None:
    """A report that cannot be written is an output error: one line naming standard
    output (not the dossier), exit 1, no traceback and no "internal error"."""
    with _stdout(kind) as how:
        code, err = _finish(spawn(*_argv(command, minsk), **how))
    reason = "Bad file descriptor" if kind == "closed" else "No space left on device"
    assert (code, err) == (1, f"standard output: cannot write the output: {reason}\n")


@pytest.mark.parametrize("kind", ["closed", "full"])
def test_accepting_suggestions_saves_them_when_stdout_cannot_show_the_listing(
    tmp_path: Path, kind: str
) -> None:
    """``suggest-links --accept`` writes the dossier: its listing failing to print is no
    reason to leave the file as it was (it exited 1 and saved nothing)."""
    path = tmp_path / "m.json"
    unkeyed("minsk-2014-2015.yaml").save(path)
    argv = ["suggest-links", str(path), "minsk-1", "minsk-2", "--accept", "--min-confidence", "0.9"]
    with _stdout(kind) as how:
        code, err = _finish(spawn(*argv, **how))
    assert code == 0, err
    assert err.startswith("standard output: the listing was not shown (")
    assert "linked minsk-1#9 -> minsk-2#4" in err
    assert nt.load(path).plan("minsk").links


def _left(proc: subprocess.Popen[bytes], lines: int) -> tuple[int, str]:
    """Read ``lines`` lines of ``proc``'s stdout (none: before it writes), then close it
    as ``head`` does; the exit code and stderr."""
    out: IO[bytes] | None = proc.stdout
    assert out is not None
    for _ in range(lines):
        out.readline()
    out.close()
    return _finish(proc)


@pytest.mark.parametrize(
    "command",
    [
        ("suggest-links", "minsk-1", "minsk-2"),
        ("diff", "minsk-1", "minsk-2", "--format", "text"),
        ("status", "show", "{file}"),
        ("validate",),
        ("--help",),
    ],
    ids=["suggest-links", "diff", "status-show", "validate", "help"],
)
def test_a_reader_gone_ends_a_report_quietly(minsk: Path, command: tuple[str, ...]) -> None:
    """``negotrack ... | head`` whose reader left before the output: exit 0 and nothing on
    stderr (no "Broken pipe" blamed on the dossier, no "Exception ignored")."""
    argv = list(command) if command == ("--help",) else _argv(command, minsk)
    assert _left(spawn(*argv, stdout=subprocess.PIPE), 0) == (0, "")


def test_a_reader_that_takes_one_line_ends_a_long_report_quietly(tmp_path: Path) -> None:
    """A report longer than a pipe holds, whose reader takes one line and leaves, ends
    quietly with exit 0."""
    path = tmp_path / "big.json"
    big_dossier(300).save(path)
    proc = spawn("timeline", str(path), stdout=subprocess.PIPE)
    assert _left(proc, 1) == (0, "")


def test_a_change_whose_reader_left_says_so_on_stderr(minsk: Path) -> None:
    """``negotrack link ... | true``: the link is written, exit 0, and stderr says it was
    saved and that the confirmation's reader had gone."""
    proc = spawn("link", str(minsk), "minsk-1#7", "minsk-2#13", stdout=subprocess.PIPE)
    code, err = _left(proc, 0)
    assert code == 0
    line = "linked minsk-1#7 -> minsk-2#13"
    assert (
        err
        == f"{minsk}: saved ({line}), but not confirmed on standard output (its reader has gone)\n"
    )
    assert any(k.old == "minsk-1#7" for k in nt.load(minsk).plans[0].links)
