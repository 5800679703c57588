"""A bad command-line value is named as the usage line names it (``OLD_REF``, ``NEW``,
``--by``), never as a place in the file: not ``$`` (the whole file), nor the place a new
record would have taken, nor ``old`` (a parameter of the Python call)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.support.cli import run
from tests.support.dossiers import SEEDS

VERSIONS = "(expected one of 'minsk-1', 'minsk-2')"


@pytest.fixture
def minsk(tmp_path: Path) -> Path:
    """The Minsk seed, copied where a command may change it."""
    path = tmp_path / "m.yaml"
    shutil.copy(SEEDS / "minsk-2014-2015.yaml", path)
    return path


@pytest.mark.parametrize(
    ("argv", "lines"),
    [
        (
            ["link", "{f}", "minsk-1", "minsk-2"],
            [
                "{f}: OLD_REF NEW_REF: a link needs a point on at least one side, found 'minsk-1'"
                " -> 'minsk-2' (write points as VERSION#NUMBER, like 'us-28#12')"
            ],
        ),
        (
            ["unlink", "{f}", "minsk-1#1", "minsk-2#2"],
            [
                "{f}: OLD_REF NEW_REF: no curated link minsk-1#1 -> minsk-2#2 in plan 'minsk' (its"
                " links: minsk-1#9 -> minsk-2#4, minsk-1#9 -> minsk-2#12)"
            ],
        ),
        (
            ["unlink", "{f}", "minsk-1", "mins-2#1"],
            [
                "{f}: NEW_REF mins-2#1: no plan version 'mins-2' in this dossier (did you mean"
                " 'minsk-2' or 'minsk-1'?)"
            ],
        ),
        (
            ["suggest-links", "--accept", "{f}", "minsk-1", "nope"],
            [f"{{f}}: NEW nope: no plan version 'nope' in this dossier {VERSIONS}"],
        ),
        (
            ["diff", "{f}", "nope", "nada"],
            [
                f"{{f}}: OLD nope: no plan version 'nope' in this dossier {VERSIONS}",
                f"{{f}}: NEW nada: no plan version 'nada' in this dossier {VERSIONS}",
            ],
        ),
        (
            ["status", "set", "{f}", "minsk-1#1", "kept", "--on", "1800", "--by", "nobody"],
            [
                "{f}: --on 1800: dated 1800 but version 'minsk-1' only exists from 2014-09-05",
                "{f}: --by nobody: unknown participant 'nobody'",
            ],
        ),
        (
            ["status", "set", "{f}", "minsk-1#1", "kept", "--on", "2015"],
            [
                "{f}: --source, --by: a status change needs a source or the participant who"
                " said it (give --source ID, or --by ID for an on-record word)"
            ],
        ),
        (
            ["status", "show", "{f}", "nope#1"],
            [f"{{f}}: REF nope#1: no plan version 'nope' in this dossier {VERSIONS}"],
        ),
        (
            ["board", "{f}", "nope"],
            ["{f}: PLAN nope: no plan 'nope' in this dossier (expected one of 'minsk')"],
        ),
    ],
)
def test_a_bad_argument_is_named_as_the_usage_names_it(
    capsys: pytest.CaptureFixture[str], minsk: Path, argv: list[str], lines: list[str]
) -> None:
    """Each problem with a value given on the command line is one line naming the file and
    the argument, with its value, exit 1, nothing printed on stdout, and the file left as
    it was."""
    before = minsk.read_bytes()
    code, out, err = run(capsys, *(str(minsk) if a == "{f}" else a for a in argv))
    assert (code, out) == (1, "")
    assert sorted(err.splitlines()) == sorted(line.format(f=minsk) for line in lines)
    assert minsk.read_bytes() == before


def test_unlink_on_a_plan_without_links_names_no_place_in_the_file(
    capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """A plan with no ``links:`` key has no ``$.plans[0].links`` to point at: the link
    asked for is the arguments' problem."""
    assert "links:" not in dossier.read_text(encoding="utf-8")
    code, _, err = run(capsys, "unlink", str(dossier), "us-28#1", "geneva-19#1")
    assert code == 1
    assert err == (
        f"{dossier}: OLD_REF NEW_REF: no curated link us-28#1 -> geneva-19#1 in plan"
        " 'peace-plan' (its"
        " links: none)\n"
    )


def test_accepting_backwards_names_old(capsys: pytest.CaptureFixture[str], minsk: Path) -> None:
    """``suggest-links [--accept] NEWER OLDER`` is refused as a problem of OLD, as
    ``link`` refuses OLD_REF, before anything is listed, and the file is left as it was."""
    before = minsk.read_bytes()
    for accept in (["--accept"], []):
        code, out, err = run(capsys, "suggest-links", *accept, str(minsk), "minsk-2", "minsk-1")
        assert code == 1
        assert out == ""
        assert err == (
            f"{minsk}: OLD minsk-2: no links can be suggested from 'minsk-2' to 'minsk-1':"
            " 'minsk-2' derives"
            " from 'minsk-1' (give the older version of the plan first, then the newer)\n"
        )
    assert minsk.read_bytes() == before


def test_a_link_in_the_way_is_still_placed_in_the_file(
    capsys: pytest.CaptureFixture[str], minsk: Path
) -> None:
    """A link that contradicts the new one is a problem of the file, at its place there."""
    assert run(capsys, "link", str(minsk), "minsk-1#1", "minsk-2")[0] == 0
    code, _, err = run(capsys, "link", str(minsk), "minsk-1#1", "minsk-2#2")
    assert code == 1
    assert re.match(
        rf"{re.escape(str(minsk))}:\d+: \$\.plans\[0\]\.links\[2\]: "
        r"minsk-1#1 -> minsk-2 \(no successor",
        err,
    )
