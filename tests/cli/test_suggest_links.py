"""``suggest-links`` when it has nothing to list: stdout stays empty (``[]`` in JSON), and
stderr tells the person why, so that nothing found does not look like a failure."""

from __future__ import annotations

import shutil
from pathlib import Path

import attrs
import pytest

import negotrack as nt
from tests.support.cli import run
from tests.support.dossiers import SEEDS, make_small
from tests.support.lineage import undecided


@pytest.fixture
def minsk(tmp_path: Path) -> Path:
    """The Minsk seed, copied where a command may change it."""
    path = tmp_path / "m.yaml"
    shutil.copy(SEEDS / "minsk-2014-2015.yaml", path)
    return path


def test_nothing_to_suggest_says_every_point_is_paired(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """On a seed whose points carry keys, the text listing is empty and one line on stderr
    says what paired the points and that the rest have no candidate."""
    seed = SEEDS / "gaza-2025.yaml"
    code, out, err = run(capsys, "suggest-links", str(seed), "us-21", "us-20")
    assert (code, out) == (0, "")
    assert err == (
        "nothing to suggest from us-21 to us-20: 20 pairs made by a curated link, a key"
        " or identical text; 1 point added or deleted, with no candidate to pair by text\n"
    )
    assert run(capsys, "suggest-links", str(seed), "us-21", "us-20", "--format", "json")[1:] == (
        "[]\n",
        "",
    )


def test_a_version_and_itself_is_refused(capsys: pytest.CaptureFixture[str], minsk: Path) -> None:
    """No link joins a version to itself, so nothing is suggested for one: a problem of
    OLD, like a link between two points of one version."""
    code, out, err = run(capsys, "suggest-links", str(minsk), "minsk-1", "minsk-1")
    assert (code, out) == (1, "")
    assert err.startswith(
        f"{minsk}: OLD minsk-1: no links can be suggested from 'minsk-1' to 'minsk-1': that is"
        " one version twice"
    )


def test_nothing_at_min_confidence_says_how_many_are_below(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A ``--min-confidence`` above every suggestion is named, with how many it hides (on
    Minsk before a person placed I #11 and II #8: one candidate, 0.27)."""
    minsk = tmp_path / "m.yaml"
    undecided("minsk-2014-2015.yaml", "minsk-1#11", "minsk-2#8").save(minsk)
    code, out, err = run(
        capsys, "suggest-links", str(minsk), "minsk-1", "minsk-2", "--min-confidence", "0.5"
    )
    assert (code, out) == (0, "")
    assert err == (
        "nothing at --min-confidence 0.5 or more: 1 suggestion below it (0 lists every one)\n"
    )


def test_nothing_to_pair_names_the_empty_version(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A version with no point yet leaves nothing to pair: the line names it."""
    d = make_small()
    plan = d.plans[0]
    old, new = plan.versions
    empty = attrs.evolve(plan, versions=(old, attrs.evolve(new, points=())))
    path = tmp_path / "d.yaml"
    nt.Dossier(
        title=d.title,
        participants=d.participants,
        sources=d.sources,
        events=d.events,
        plans=[empty],
    ).save(path)
    code, out, err = run(capsys, "suggest-links", str(path), "us-28", "geneva-19")
    assert (code, out, err) == (0, "", "nothing to pair: version 'geneva-19' has no point\n")
