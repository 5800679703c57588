"""The plain-text diff report reads on its own: its markup explained, one arrow, words for
what is missing."""

from __future__ import annotations

import attrs

import negotrack as nt
from tests.support.dossiers import SEEDS
from tests.support.lineage import unkeyed

IRAN = nt.load(SEEDS / "iran-2015.yaml").diff("lausanne", "jcpoa")
SAID = (
    "[-…-] {+…+}: in each changed text, the words deleted from the old one stand between"
    " [- and -], the words added in the new one between {+ and +}."
)


def test_the_legend_explains_the_word_diff_markup_when_there_is_one() -> None:
    """A report whose texts changed says, under its counts, what [-…-] and {+…+} mean; a
    report with no changed text does not."""
    lines = IRAN.to_text().splitlines()
    assert SAID in lines[3:8]
    assert any("[-" in line and "{+" in line for line in lines[8:])
    same = nt.load(SEEDS / "iran-2015.yaml").version("jcpoa")
    assert "[-…-]" not in nt.diff(same, same).to_text()
    assert "{+ и +}" in IRAN.to_text(locale="ru")


def test_one_arrow_throughout() -> None:
    """The header, the entries and the figure, status and position lines all use "→";
    none uses "->"."""
    text = IRAN.to_text()
    assert "->" not in text
    lines = text.splitlines()
    assert lines[0] == (
        "Lausanne parameters (US fact sheet) → Joint Comprehensive Plan of Action (Vienna)"
    )
    assert lines[1].startswith("lausanne (2 Apr 2015, 28 points) → jcpoa (")
    assert "  status: proposed → agreed" in lines
    assert "  figure: 10,000 kg → (none)" in lines
    # A line the page's words start takes the page's arrow, as the HTML and Markdown do.
    arabic = IRAN.to_text(locale="ar")
    assert "->" not in arabic
    assert "الحالة: مقترح ← متّفق عليه" in arabic


def test_a_missing_stance_or_status_is_a_word() -> None:
    """A party with no stance before reads "(not recorded)", in the report's language, not
    a bare "-" that looks like punctuation, nor "(none)", which reads as support withdrawn
    when the new point merely has no position recorded yet."""
    text = IRAN.to_text()
    assert (
        "  positions: Iran: (not recorded) → supports; United States: (not recorded) → supports"
    ) in text
    assert " - →" not in text
    assert "Iran\u00a0: (non enregistrée) → soutient" in IRAN.to_text(locale="fr")


def test_lists_use_the_languages_separator() -> None:
    """The Arabic text report separates its counts, and a version's date from its size,
    with the Arabic comma, as the HTML does; so does the Markdown; English keeps ", "."""
    lines = IRAN.to_text(locale="ar").splitlines()
    assert "، " in lines[2]
    assert ", " not in lines[2]
    assert lines[1].startswith("lausanne (2 أبريل 2015، 28 بندًا) → jcpoa (")
    assert "(2 أبريل 2015، 28 بندًا)" in IRAN.to_markdown(locale="ar")
    assert "(2 أبريل 2015، 28 بندًا)" in IRAN.to_html(locale="ar")
    assert IRAN.to_text().splitlines()[2].startswith("9 reworded, 4 moved, ")
    assert "(2 квіт. 2015\u202fр., 28 пунктів)" in IRAN.to_text(locale="uk")


FAKE = "\n[deleted] us-28 #99 (fake)\n  status: agreed → deleted\n"
"""A user string that, written as it is, would add an entry and a status line of its own."""


def test_user_text_cannot_start_a_line_of_the_text_reports() -> None:
    """A note, a topic, a point's text, its word diff, a version's label, an event's title
    and a source's title stay on their line (each line break and the space around it made
    one space, as the Markdown reports fold them): nothing a user wrote reads as an entry,
    a status line or a heading of the plain-text diff report or timeline."""
    d = unkeyed("minsk-2014-2015.yaml")
    old = d.version("minsk-1")
    old = attrs.evolve(
        old,
        label="Minsk Protocol" + FAKE,
        points=[
            attrs.evolve(p, text=p.text + FAKE, topic="ceasefire" + FAKE)
            if p.number in ("1", "2")
            else p
            for p in old.points
        ],
    )
    d.replace(old)
    d.link("minsk-1#1", "minsk-2#1", note="restated" + FAKE)
    e = d.events[0]
    d.replace(attrs.evolve(e, title=e.title + FAKE))
    reports = {
        "diff": d.diff("minsk-1", "minsk-2").to_text(),
        "timeline": nt.render_timeline(d, "text"),
    }
    for name, text in reports.items():
        lines = text.splitlines()
        assert not [x for x in lines if x.startswith("[deleted] us-28 #99")], name
        assert not [x for x in lines if x.strip() == "status: agreed → deleted"], name
        assert "(fake)" in text, name  # shown, on the line of what it belongs to
    diff = reports["diff"].splitlines()
    assert diff[0].startswith("Minsk Protocol [deleted] us-28 #99 (fake) status: agreed")
    assert any(x.startswith("  curated link: restated [deleted] us-28 #99 (fake)") for x in diff)
