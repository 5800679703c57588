"""Dossier text cannot drive the terminal it is printed on: every command shows control
characters as escapes (``\\x1b``), in text, Markdown and JSON alike, as ``status show``
always has, whether or not its output is a terminal."""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs
import pytest

import negotrack as nt
from tests.support.cli import run
from tests.support.dossiers import make_small

OLD = "us\x1b[31m-28"
"""A version id with an escape sequence in it (ids may hold any character)."""
NOTE = "renumbered \x1b]0;owned\x07 \x1b[2J \x9b31m"
"""A link note that would retitle and clear a terminal (ESC, BEL and a one-byte CSI)."""

# C0 controls but newline and tab, DEL and the C1 controls: what a terminal acts on.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The small dossier with escape sequences in a version id, a point's text, a curated
    link's note and a status note, saved as YAML."""
    d = make_small()
    plan = d.plans[0]
    old, new = plan.versions
    army = attrs.evolve(old.points[1], text="The army \x1b[31mred\x9b is capped.", key=None)
    old = attrs.evolve(old, id=OLD, points=(old.points[0], army))
    new = attrs.evolve(new, derived_from=(OLD,))
    new = attrs.evolve(new, points=(new.points[0], attrs.evolve(new.points[1], key=None)))
    plan = attrs.evolve(plan, versions=(old, new))
    d = nt.Dossier(
        title=d.title,
        participants=d.participants,
        sources=d.sources,
        events=[attrs.evolve(e, versions=()) for e in d.events],
        plans=[plan],
    )
    d.link(f"{OLD}#12", "geneva-19#9", note=NOTE)
    d.set_status(f"{OLD}#1", "kept", on="2025-12-01", by="umerov", note="\x1b[2J\x9b")
    path = tmp_path / "d.yaml"
    d.save(path)
    return path


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_diff_shows_control_characters_as_escapes(
    capsys: pytest.CaptureFixture[str], hostile: Path, fmt: str
) -> None:
    """``diff --format text`` and ``md`` show a note's or a point's escape sequence as
    ``\\x1b``; the JSON escapes it (``\\u001b``, ``\\u009b``) and still reads the same."""
    code, out, _ = run(capsys, "diff", str(hostile), OLD, "geneva-19", "--format", fmt)
    assert code == 0
    assert not RAW.search(out), RAW.findall(out)
    if fmt == "json":
        assert [c["note"] for c in json.loads(out)["changes"] if c["note"]] == [NOTE]
    elif fmt == "md":  # Markdown escapes the backslash: it reads \x1b]0;owned\x07
        assert "\\\\x1b\\]0;owned\\\\x07" in out
    else:
        assert "\\x1b]0;owned\\x07" in out


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_suggest_links_shows_control_characters_as_escapes(
    capsys: pytest.CaptureFixture[str], hostile: Path, fmt: str
) -> None:
    """``suggest-links`` prints a reference's escape sequence as an escape."""
    path = hostile
    d = nt.load(path)
    d.unlink(f"{OLD}#12", "geneva-19#9")
    d.save(path)
    code, out, _ = run(capsys, "suggest-links", str(path), OLD, "geneva-19", "--format", fmt)
    assert code == 0
    assert not RAW.search(out), RAW.findall(out)
    assert (f"{OLD}#12" in json.loads(out)[0]["old"]) if fmt == "json" else ("\\x1b[31m" in out)


def test_confirmations_and_errors_show_control_characters_as_escapes(
    capsys: pytest.CaptureFixture[str], hostile: Path
) -> None:
    """What ``status set`` and ``link`` confirm, and an error quoting a reference, show the
    version id's escape sequence as ``\\x1b``."""
    outputs = [
        run(
            capsys,
            "status",
            "set",
            str(hostile),
            f"{OLD}#12",
            "kept",
            "--on",
            "2026",
            "--by",
            "umerov",
        ),
        run(capsys, "link", str(hostile), f"{OLD}#1", "geneva-19#1"),
        run(capsys, "link", str(hostile), f"{OLD}#1", "geneva-19#1\x1b[2J"),
        run(capsys, "validate", str(hostile.with_name("no\x1b[2J.yaml"))),
    ]
    assert [code for code, _, _ in outputs] == [0, 0, 1, 1]
    for _, out, err in outputs:
        assert not RAW.search(out + err), RAW.findall(out + err)
    assert outputs[0][1].startswith("us\\x1b[31m-28#12: kept on 2026")


def test_status_show_json_escapes_c1_controls(
    capsys: pytest.CaptureFixture[str], hostile: Path
) -> None:
    """``status show --format json`` leaves no raw C1 control (a one-byte CSI) in a note;
    the note reads the same when parsed."""
    code, out, _ = run(capsys, "status", "show", str(hostile), f"{OLD}#1", "--format", "json")
    assert code == 0
    assert not RAW.search(out)
    assert json.loads(out)["history"][-1]["note"] == "\x1b[2J\x9b"


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_a_bidi_override_in_a_note_is_shown_as_an_escape(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    """U+202E turns the text after it around: a note holding one reads as ``\\u202e`` in
    the text and Markdown reports alike (Markdown let it through)."""
    d = make_small()
    d.link("us-28#12", "geneva-19#9", note="a\u202eb")
    path = tmp_path / "d.yaml"
    d.save(path)
    code, out, _ = run(capsys, "diff", str(path), "us-28", "geneva-19", "--format", fmt)
    assert code == 0
    assert "\u202e" not in out
    assert "u202eb" in out
