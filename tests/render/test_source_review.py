"""What two translators found in the English sources that no translation could fix: Latin
punctuation written between translated pieces, a capitalisation that lowercases nouns, words
left untranslated, statuses in the English alphabet's order, date phrases that fit one
precision only, and two ways of saying "nothing" for the same thing."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import attrs
import pytest

import negotrack as nt
from negotrack.core.kinds import Status
from negotrack.render.catalogs import interface
from negotrack.render.renderer import Renderer
from negotrack.views.board_chart import STATUS_ORDER
from negotrack.views.formatting import upper_first
from tests.support.dossiers import seed_dossier
from tests.support.lineage import unkeyed

ROOT = Path(__file__).resolve().parents[2]

SEED = seed_dossier()
PLAN = SEED.plans[0]
OLD, NEW = PLAN.versions[0].id, PLAN.versions[-1].id
UNKEYED = unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")  # pairs to check


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


def _german_with(context: str, message: str, text: str) -> Renderer:
    """A German renderer whose catalog says ``text`` for ``message`` (in ``context``): a
    translation with a noun inside, which the catalog happens not to have."""
    r = Renderer(locale="de")
    t = copy.copy(r.lang.translations)
    t._catalog = {**t._catalog, f"{context}\x04{message}": text}  # type: ignore[attr-defined]
    r.lang = attrs.evolve(r.lang, translations=t)
    r.env.globals["lang"] = r.lang
    r.env.install_gettext_translations(t, newstyle=True)  # type: ignore[attr-defined]
    return r


@pytest.mark.parametrize("fmt", ["html", "md", "text"])
def test_a_german_to_check_term_keeps_its_capital_noun(fmt: str) -> None:
    """The legend's "to check" term is upper-cased at its first letter only: Jinja's
    ``capitalize`` made "zur Prüfung" "Zur prüfung"."""
    r = _german_with("changes shown", "to check", "zur Prüfung")
    page = r.diff(UNKEYED, format=fmt)
    assert "Zur Prüfung" in page
    assert "Zur prüfung" not in page


def test_upper_first_touches_only_the_first_character() -> None:
    """upper_first("zu Prüfen") is "Zu Prüfen" (capitalize gives "Zu prüfen"), and no
    template uses capitalize."""
    assert upper_first("zu Prüfen") == "Zu Prüfen"
    assert upper_first("ÉTAT de New York") == "ÉTAT de New York"
    assert upper_first("") == ""
    templates = ROOT / "negotrack" / "render" / "templates"
    for path in templates.rglob("*.j2"):
        assert "capitalize" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("fmt", ["html", "md", "text"])
def test_the_how_to_title_in_a_translated_legend_is_translated(fmt: str) -> None:
    """The candidates entry names its how-to in the page's language, not in English."""
    english = "Review the pairs the matcher is unsure of"
    assert english in UNKEYED.to_text()
    for code, title in (
        ("fr", "Vérifier les paires dont l’outil d’appariement n’est pas sûr"),
        ("de", "Paare prüfen, bei denen der Textabgleich unsicher ist"),
    ):
        page = Renderer(locale=code).diff(UNKEYED, format=fmt)
        assert title in page
        assert english not in page


def _in_order(statuses: list[str]) -> None:
    assert len(statuses) >= 3
    assert statuses == sorted(statuses, key=STATUS_ORDER.index)


def test_the_board_legend_and_chart_follow_the_status_order() -> None:
    """The board's legend and its chart list statuses in Status's order (proposed, kept,
    amended, ..., then superseded and unknown), in every language: not alphabetically."""
    assert STATUS_ORDER[: len(Status)] == tuple(s.value for s in Status)
    assert STATUS_ORDER[-2:] == ("superseded", "unknown")
    for code in ("en", "fr"):
        page = nt.render_board(SEED, PLAN.id, locale=code)
        legend = page[page.index('<ul class="legend"') :]
        _in_order(re.findall(r'<li><span class="st st-([a-z]+)">', legend[: legend.index("</ul>")]))
        chart = page[page.index('<ul class="legend chart-legend"') :]
        _in_order(re.findall(r'<span class="sw st-([a-z]+)">', chart[: chart.index("</ul>")]))


def test_the_home_page_counts_follow_the_status_order(tmp_path: Path) -> None:
    """The site home's board entry counts its statuses in the same order, in HTML and
    Markdown."""
    nt.render_site(SEED, tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    legend = html[html.index('<ul class="legend"') :]
    _in_order(re.findall(r'<span class="st st-([a-z]+)">', legend[: legend.index("</ul>")]))
    md = (tmp_path / "index.md").read_text(encoding="utf-8")
    line = next(x for x in md.splitlines() if " × " in x)
    words = re.findall(r"([a-z]+) × ", line)
    _in_order(words)


def test_dates_of_any_precision_read_right_in_the_as_of_and_range_phrases(tmp_path: Path) -> None:
    """The board's "As it stood" and the home page's range take a day, a month or a year
    alike: a label and a dash, not a preposition that fits one precision ("État au décembre
    2025")."""
    for as_of, shown in (("2025-12", "décembre 2025"), ("2025-12-01", "1 déc. 2025")):
        page = nt.render_board(SEED, PLAN.id, "md", as_of=as_of, locale="fr")
        assert f"*État à la date\u00a0: {shown}*" in page
        assert "État au" not in page
    assert "*As it stood: Dec 2025*" in nt.render_board(SEED, PLAN.id, "md", as_of="2025-12")
    nt.render_site(SEED, tmp_path, locale="fr")
    home = (tmp_path / "index.md").read_text(encoding="utf-8")
    line = next(x for x in home.splitlines() if "événements" in x)
    assert line.endswith(" événements, v. octobre 2025 – décembre 2025.")


def test_a_missing_value_reads_the_same_in_every_diff_format() -> None:
    """A party with no stance before reads "(not recorded)" (in the page's language) in the
    HTML, Markdown and text reports alike; the Markdown and HTML reports wrote "—" where
    the text report wrote a word."""
    iran = nt.load(ROOT / "seeds" / "iran-2015.yaml").diff("lausanne", "jcpoa")
    for code, none in (("en", "(not recorded)"), ("fr", "(non enregistrée)")):
        r = Renderer(locale=code)
        pages = {fmt: r.diff(iran, format=fmt) for fmt in ("html", "md", "text")}
        for fmt, page in pages.items():
            colon = "\u00a0:" if code == "fr" else ":"
            assert f"Iran{'</bdi>' if fmt == 'html' else ''}{colon} {none} → " in page, fmt
            assert "— →" not in page, fmt


def test_the_localisation_guide_quotes_the_arabic_forms_the_catalog_has() -> None:
    """docs/howto/localise.md cites the Arabic badge and the form after a count as the
    catalog gives them: "إعادة صياغة" on one change, "6 حالات إعادة صياغة" after a count."""
    ar = interface("ar")
    guide = (ROOT / "docs" / "howto" / "localise.md").read_text(encoding="utf-8")
    badge = ar.term("change", "reworded")
    assert badge == "إعادة صياغة"
    assert f'"{badge}"' in guide
    assert f'"6 {ar.counted("change", "reworded", 6)}"' in guide
