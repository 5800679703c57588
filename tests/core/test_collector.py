"""The cyclic collector is paused around heavy work and always restored as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

import negotrack as nt
from negotrack.core.collector import collector_paused
from tests.support.dossiers import small_dossier


@pytest.fixture
def collector_state() -> Iterator[None]:
    """Whatever a test does to the collector, it is on again afterwards."""
    yield
    gc.enable()


@pytest.mark.usefixtures("collector_state")
@pytest.mark.parametrize("was_on", [True, False])
def test_the_collector_is_back_as_it_was_even_after_an_error(was_on: bool) -> None:
    """Paused inside, restored after: on if it was on, off if a caller had turned it off,
    also when the work raised."""
    (gc.enable if was_on else gc.disable)()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() is was_on
    with pytest.raises(KeyError), collector_paused():
        raise KeyError("boom")
    assert gc.isenabled() is was_on


@pytest.mark.usefixtures("collector_state")
@pytest.mark.parametrize("was_on", [True, False])
def test_a_diff_leaves_the_collector_as_it_found_it(
    was_on: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """nt.diff matches with the collector paused, and a caller's choice survives it."""
    from negotrack.plandiff import align

    during: list[bool] = []
    real = align.align

    def spy(*args: Any, **kwargs: Any) -> align.Alignment:
        during.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(align, "align", spy)
    d = small_dossier()
    (gc.enable if was_on else gc.disable)()
    report = d.diff("us-28", "20-point")
    assert report.changes
    assert during == [False]
    assert gc.isenabled() is was_on
    with pytest.raises(nt.DossierError):
        d.diff("us-28", "20-point", threshold=2.0)
    assert gc.isenabled() is was_on
