"""What the frame around every page says: the footer claims only what the page does."""

from __future__ import annotations

import re

import attrs
import pytest

import negotrack as nt
from negotrack.render.catalogs import interface, known_locales
from tests.support.dossiers import seed_dossier, small_dossier

SEED = seed_dossier()
PLAN = SEED.plans[0]
CLAIM = "Made with negotrack. Every fact links to its numbered source."


def _footer(html: str) -> str:
    found = re.search(r'<footer class="page-footer">\s*(.*?)\s*</footer>', html, re.S)
    assert found is not None
    return found[1]


@pytest.mark.parametrize("locale", known_locales())
def test_only_the_timeline_says_every_fact_links_to_its_source(locale: str) -> None:
    """The timeline, which numbers its sources and links each event to them, says so in its
    footer; the diff report and the board, which link no source, say only who made them."""
    claim = interface(locale).translations.gettext(CLAIM)
    plain = interface(locale).translations.gettext("Made with negotrack.")
    assert claim != plain
    timeline = nt.render_timeline(SEED, locale=locale)
    assert 'class="source-list"' in timeline
    assert _footer(timeline) == f"<p>{claim}</p>"
    others = {
        "diff": SEED.diff(PLAN.versions[0].id, PLAN.versions[-1].id).to_html(locale=locale),
        "board": nt.render_board(SEED, PLAN.id, locale=locale),
    }
    for name, html in others.items():
        assert 'class="source-list"' not in html, name
        assert _footer(html) == f"<p>{plain}</p>", name


def test_a_timeline_with_no_source_makes_no_claim() -> None:
    """A timeline whose events cite nothing does not promise links to sources."""
    d = small_dossier()
    events = [attrs.evolve(e, sources=(), quotes=(), versions=()) for e in d.events]
    bare = nt.Dossier(title=d.title, participants=d.participants, events=events)
    assert _footer(nt.render_timeline(bare)) == "<p>Made with negotrack.</p>"
