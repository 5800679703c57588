"""``-o`` never replaces a dossier with a rendering: not the dossier being read (by any
name or link), nor another dossier; any other file is written as asked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.cli import run
from tests.support.dossiers import make_small

RENDERINGS = [
    ["timeline", "{file}"],
    ["diff", "{file}", "us-28", "20-point", "--format", "md"],
    ["board", "{file}"],
    ["export", "{file}", "--to", "csv"],
]


def _argv(template: list[str], file: Path, out: str) -> list[str]:
    return [a.format(file=file) for a in template] + ["-o", out]


@pytest.mark.parametrize("template", RENDERINGS, ids=lambda t: t[0])
@pytest.mark.parametrize("spelling", ["same", "dotted", "link"])
def test_the_dossier_being_read_is_never_replaced(
    capsys: pytest.CaptureFixture[str],
    dossier: Path,
    template: list[str],
    spelling: str,
) -> None:
    """The input named as it is, by another path, or through a symlink: exit 1, one line
    naming the output and what to do, and the dossier byte for byte as it was."""
    before = dossier.read_bytes()
    out = {
        "same": str(dossier),
        "dotted": str(dossier.parent / "." / dossier.name),
        "link": str(dossier.parent / "link.yaml"),
    }[spelling]
    if spelling == "link":
        os.symlink(dossier.name, out)
    code, stdout, err = run(capsys, *_argv(template, dossier, out))
    assert (code, stdout) == (1, "")
    assert err == f"{out}: -o would replace the dossier being read (choose another output file)\n"
    assert dossier.read_bytes() == before


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_another_dossier_is_never_replaced(
    capsys: pytest.CaptureFixture[str], dossier: Path, tmp_path: Path, suffix: str
) -> None:
    """A file holding a dossier (as negotrack writes them, comments first or not) is not
    replaced by a page either."""
    other = tmp_path / f"other{suffix}"
    make_small().save(other)
    if suffix == ".yaml":
        other.write_text("# kept by hand\n" + other.read_text(encoding="utf-8"), encoding="utf-8")
    before = other.read_bytes()
    code, _, err = run(capsys, "timeline", str(dossier), "-o", str(other))
    assert code == 1
    assert "-o would replace a negotrack dossier" in err
    assert other.read_bytes() == before


@pytest.mark.parametrize("name", ["page.html", "notes.yaml", "data.json"])
def test_other_files_are_written_as_asked(
    capsys: pytest.CaptureFixture[str], dossier: Path, tmp_path: Path, name: str
) -> None:
    """An existing file that holds no dossier is replaced, whatever its name."""
    out = tmp_path / name
    out.write_text("a: 1\n" if name != "data.json" else '{"a": 1}\n', encoding="utf-8")
    code, _, err = run(capsys, "timeline", str(dossier), "-o", str(out))
    assert (code, err) == (0, "")
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
