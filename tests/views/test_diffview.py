"""The diff report's view-model (negotrack.views.diff)."""

from __future__ import annotations

from negotrack.plandiff.compare import ChangeKind
from negotrack.views.diff import KIND_ORDER


def test_kind_order_lists_every_change_kind() -> None:
    """The report's summary order names every kind of change, each once."""
    assert sorted(KIND_ORDER) == sorted(k.value for k in ChangeKind)
