"""Fixtures of the command-line tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_small


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    """The small dossier saved as YAML in a temporary folder."""
    path = tmp_path / "d.yaml"
    make_small().save(path)
    return path
