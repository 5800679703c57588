"""What two translators found in the English sources that no translation could fix: Latin
punctuation written between translated pieces, a capitalisation that lowercases nouns, words
left untranslated, statuses in the English alphabet's order, date phrases that fit one
precision only, and two ways of saying "nothing" for the same thing."""

from __future__ import annotations

import re

import pytest

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


@pytest.mark.parametrize("fmt", ["html", "md", "text"])
def test_a_french_timeline_quotes_a_filter_value_with_guillemets(fmt: str) -> None:
    """The filter summary quotes the user's value with the page's marks (from the catalog's
    "quotation" pattern): « round » in French, „round“ in German, “round” in English."""
    marks = {"fr": "«\u00a0round\u00a0»", "de": "„round“", "en": "“round”"}
    for code, quoted in marks.items():
        page = nt.render_timeline(SEED, fmt, kind="round", locale=code)
        summary = next(line for line in page.splitlines() if " = " in line)
        assert f" = {quoted}" in summary.replace("<bdi>", "").replace("</bdi>", "")


def test_timeline_punctuation_between_translated_pieces_is_the_pages() -> None:
    """Sources join their publisher and date with the page's comma in every format; the text
    timeline joins kind and track with it too, and quotes with the page's marks."""
    for fmt, start, end in (("html", '<ol class="source-list">', "</ol>"), ("md", "## ", None)):
        page = nt.render_timeline(SEED, fmt, locale="ar")
        at = page.rindex(start)
        sources = page[at : page.index(end, at) if end else None]
        assert sources.count("، ") >= 3
        assert ", " not in sources
    text = nt.render_timeline(SEED, "text", locale="ar")
    assert ", " not in text[text.rindex("== ") :]
    assert re.search(r"\[[^\]\n]+، [^\]\n]+\]", text)
    text = nt.render_timeline(SEED, "text", locale="fr")
    assert re.search(r"  «\u00a0[^»\n]+\u00a0» — ", text)
    assert '" - ' not in text
