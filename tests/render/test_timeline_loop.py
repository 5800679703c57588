"""The timeline's events loop, fields unpacked and called with autoescape off, writes what
the loop before it wrote, byte for byte.

``tests/render/reference/html/timeline.html.j2`` keeps the ``months`` block as it was (each
field looked up on ``e``, the macro's output autoescaped as Markup); rendering the same
dossiers with it and with the packaged page, in several languages, must give the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import negotrack as nt
from negotrack.render.renderer import Renderer
from negotrack.views.timeline import EventView, PartyRef, QuoteView, SourceRef, TimelineView
from tests.support.dossiers import big_dossier
from tests.support.hostile import hostile_dossier
from tests.support.strategies import dossiers

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = Path(__file__).resolve().parent / "reference"
PAGE = ROOT / "negotrack" / "render" / "templates" / "html" / "timeline.html.j2"
LOCALES = ("en", "ar", "fr", "uk")


def _same(d: nt.Dossier, locales: tuple[str, ...] = LOCALES) -> None:
    for locale in locales:
        fast = Renderer(locale=locale)
        plain = Renderer(locale=locale, template_dir=REFERENCE)
        assert fast.timeline(d) == plain.timeline(d), locale
        assert fast.timeline(d, embed=True) == plain.timeline(d, embed=True), locale
        view = TimelineView.build(d, lang=fast.lang)
        assert fast.timeline_view(view) == plain.timeline_view(view), locale


@pytest.mark.parametrize("seed", sorted((ROOT / "seeds").glob("*.yaml")), ids=lambda p: p.stem)
def test_seed_timelines_equal_the_reference_loop(seed: Path) -> None:
    """Every seed dossier's timeline is the reference loop's, in four languages."""
    _same(nt.load(seed))


def test_hostile_and_large_timelines_equal_the_reference_loop() -> None:
    """Hostile strings in every field, and 600 generated events, give the same bytes."""
    _same(hostile_dossier())
    _same(big_dossier(600), locales=("en", "ru"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(d=dossiers(), locale=st.sampled_from(LOCALES))
def test_any_dossier_timeline_equals_the_reference_loop(d: nt.Dossier, locale: str) -> None:
    """Whatever the events hold, the bytes are the reference loop's."""
    _same(d, locales=(locale,))


def _unpacked(pattern: str) -> list[str]:
    found = re.search(pattern, PAGE.read_text(encoding="utf-8"))
    assert found is not None, pattern
    return [name.strip() for name in found.group(1).split(",")]


def test_the_unpacked_names_follow_the_records_fields() -> None:
    """The loop unpacks each event, participant, citation and quote in its record's field
    order."""
    assert _unpacked(r"{% for e, \(([\w, ]+)\) in month.events") == list(EventView._fields)
    assert _unpacked(r"{% for ([\w, ]+) in participants %}") == ["p_" + f for f in PartyRef._fields]
    assert _unpacked(r"{% for ([\w, ]+) in sources %}") == ["s_" + f for f in SourceRef._fields]
    assert _unpacked(r"{% for ([\w, ]+) in quotes %}") == ["q_" + f for f in QuoteView._fields]
