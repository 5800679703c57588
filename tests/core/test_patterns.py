"""The schema's text patterns agree with the parsers they describe."""

from __future__ import annotations

import re

import pytest

import negotrack as nt
from negotrack.core.dateparse import DATE_PATTERN
from negotrack.core.refs import REF_PATTERN, PointRef

_DATES = [
    "2025",
    "2025-11",
    "2025-11-23",
    "~2025-11-20",
    "2025-11-20~",
    "c. 2025-11",
    "circa 2025",
    "2025-11-23T14:00+01:00",
    "2025-11-23T14:00Z",
    "2025-11-23 14:00 Europe/Kyiv",
    "2025-11-23T14:00:30+0100",
]


@pytest.mark.parametrize("text", _DATES)
def test_every_date_form_the_parser_reads_matches_the_pattern(text: str) -> None:
    """A date text negotrack reads is one the JSON Schema accepts."""
    nt.Moment.of(text)
    assert re.search(DATE_PATTERN, text)


@pytest.mark.parametrize("text", ["us-28#12", "a#b", "us-28", "#1", "a#", "a#b#c", "a b#1"])
def test_the_reference_pattern_accepts_what_pointref_parses(text: str) -> None:
    """The schema's point-reference pattern and PointRef.parse agree (spaces aside)."""
    parses = PointRef.split(text) is not None and " " not in text
    assert bool(re.search(REF_PATTERN, text)) == parses
