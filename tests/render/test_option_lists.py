"""Options that are sentences are a list in every report; short ones stay a line with "or"."""

from __future__ import annotations

from markdown_it import MarkdownIt

import negotrack as nt
from tests.support.dossiers import KEPT, NEW, OLD, sentence_options_dossier
from tests.support.pagetext import texts_of


def _diff() -> nt.PlanDiff:
    return sentence_options_dossier().diff("v1", "v2")


def test_the_html_report_lists_sentence_options_with_their_marks() -> None:
    """A list of three items: the kept sentence plain, the added one inside ``<ins>`` and
    the dropped one inside ``<del>``, each mark announced by its hidden words."""
    page = _diff().to_html()
    items = texts_of(page, "option-list")
    assert items == [f"{KEPT}[inserted: {NEW}][deleted: {OLD}]"]
    assert f'<li dir="auto">{KEPT}</li>' in page
    assert (
        '<li dir="auto"><ins><span class="visually-hidden" dir="ltr">[inserted: </span>'
        f'<span class="edit">{NEW}</span>'
    ) in page
    assert (
        '<li dir="auto"><del><span class="visually-hidden" dir="ltr">[deleted: </span>'
        f'<span class="edit">{OLD}</span>'
    ) in page
    assert page.count(KEPT) == 1  # kept, so written once (not "old → new")


def test_short_options_keep_their_line_of_alternatives() -> None:
    """The point whose options are "20 km", "40 km" still reads "20 km or 40 km → ..."."""
    page = _diff().to_html()
    (line, zone) = texts_of(page, "options", "li")
    assert line.startswith("Options: ")
    assert zone == "Options: 20 km or [deleted: 40 km] → 20 km or [inserted: 30 km]"


def test_the_markdown_report_nests_a_bullet_list_a_commonmark_reader_sees() -> None:
    """In Markdown the options are a list nested in the "Options:" item, rendered by a
    CommonMark reader as a list inside the item, the marks kept."""
    text = _diff().to_markdown()
    assert (f"- Options:\n  - {KEPT}\n  - **[+ {NEW}]**\n  - ~~[− {OLD}]~~\n") in text
    html = MarkdownIt("commonmark").render(text)
    assert (f"<li>Options:\n<ul>\n<li>{KEPT}</li>\n<li><strong>[+ {NEW}]</strong></li>\n") in html
    assert "<li>Options: 20 km or ~~[− 40 km]~~ → 20 km or <strong>[+ 30 km]</strong></li>" in html


def test_the_text_report_indents_the_list() -> None:
    """In plain text each option is its own indented line, marked as words are."""
    text = _diff().to_text()
    assert f"  options:\n    - {KEPT}\n    - {{+{NEW}+}}\n    - [-{OLD}-]\n" in text
    assert "  options: 20 km or [-40 km-] → 20 km or {+30 km+}\n" in text


def test_the_board_lists_sentence_options() -> None:
    """The board's row shows the point's sentence options as a list; in its Markdown table,
    which can hold no list, they are numbered in the cell."""
    d = sentence_options_dossier()
    page = nt.render_board(d, format="html")
    assert texts_of(page, "options") == [f"Options: {KEPT}{NEW}", "Options: 20 km or 30 km"]
    assert (
        f'<ul class="option-list"><li dir="auto">{KEPT}</li><li dir="auto">{NEW}</li></ul>' in page
    )
    md = nt.render_board(d, format="md")
    assert f"Options: (1) {KEPT} (2) {NEW} |" in md
    assert "Options: 20 km or 30 km |" in md


def test_the_list_is_in_the_pages_language() -> None:
    """The label is the locale's, and the numbers of the Markdown cell are its numbers."""
    d = sentence_options_dossier()
    page = nt.render_board(d, format="html", locale="uk")
    assert texts_of(page, "options")[0] == f"Варіанти: {KEPT}{NEW}"
    md = nt.render_board(d, format="md", locale="ar")
    assert f"الخيارات: (1) {KEPT} (2) {NEW} |" in md


def test_the_notebook_display_lists_them_too() -> None:
    """The diff's notebook display lists sentence options, marked, as the report does."""
    shown = _diff()._repr_html_()
    assert f'<ul class="nt-list"><li dir="auto">{KEPT}</li><li dir="auto"><ins>' in shown
