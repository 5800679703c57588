"""What other YAML readers see: a check that a YAML 1.1 reader (PyYAML) reads a file as
negotrack does."""

from __future__ import annotations

from typing import Any

import negotrack as nt

__all__ = ["within"]


def within(part: Any, whole: Any, path: str = "$") -> None:
    """Every value of ``part`` is in ``whole`` at the same place, of the same type."""
    assert type(part) is type(whole), f"{path}: {part!r} is not {whole!r}"
    if isinstance(part, dict):
        for key, value in part.items():
            assert key in whole, f"{path}: {key!r} is not a key negotrack reads"
            within(value, whole[key], f"{path}.{key}")
    elif isinstance(part, list):
        assert len(part) == len(whole), path
        for i, (a, b) in enumerate(zip(part, whole, strict=True)):
            within(a, b, f"{path}[{i}]")
    elif part != whole:  # a date the seed spells otherwise (``~2025-11-20``) is equal
        assert isinstance(part, str), f"{path}: {part!r} != {whole!r}"
        assert nt.Moment.of(part) == nt.Moment.of(whole), f"{path}: {part!r} != {whole!r}"
