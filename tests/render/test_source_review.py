"""What two translators found in the English sources that no translation could fix: Latin
punctuation written between translated pieces, a capitalisation that lowercases nouns, words
left untranslated, statuses in the English alphabet's order, date phrases that fit one
precision only, and two ways of saying "nothing" for the same thing."""

from __future__ import annotations

import re

import negotrack as nt
from tests.support.dossiers import seed_dossier

SEED = seed_dossier()
PLAN = SEED.plans[0]
OLD, NEW = PLAN.versions[0].id, PLAN.versions[-1].id


def test_arabic_diff_positions_are_separated_by_the_arabic_semicolon() -> None:
    """A change's positions line joins its parties with the page's semicolon, "؛ " in Arabic
    (as the Markdown and text reports do), never a Latin "; "."""
    page = SEED.diff(OLD, NEW).to_html(locale="ar")
    lines = re.findall(r"<li>[^<]*<span class=\"pos\">.*?</li>", page)
    assert lines
    for line in lines:
        if line.count('class="pos"') > 1:
            assert "</span>؛ <span" in line
        assert "; " not in line
