"""Shared fixtures and the hypothesis profile for the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import negotrack as nt
from tests.support.dossiers import make_small

# A noisy 2-core machine: no per-example deadlines; speed is measured by `make bench`.
# In CI (CI=true) the examples are the same on every run, so that a landing is decided by
# the change, not by the draw; runs elsewhere keep exploring new examples.
settings.register_profile(
    "negotrack",
    deadline=None,
    max_examples=100,
    derandomize=os.environ.get("CI") == "true",
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# `HYPOTHESIS_PROFILE=thorough pytest ...`: many more examples, to hunt for rare cases.
settings.register_profile("thorough", settings.get_profile("negotrack"), max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "negotrack"))

_SYSTEM = Path(__file__).resolve().parent / "system"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/system/ carries the ``system`` marker (``make check-fast``
    deselects them with ``-m "not system"``)."""
    for item in items:
        if _SYSTEM in item.path.parents:
            item.add_marker(pytest.mark.system)


@pytest.fixture
def small() -> nt.Dossier:
    """A fresh small dossier for each test (it is mutable)."""
    return make_small()
