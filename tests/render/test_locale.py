"""Pages in the reader's language: the locale option on every rendering path, the catalogs,
right-to-left pages, and the dossier's own language marked on its text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import negotrack as nt
from negotrack.render.catalogs import CATALOGS, known_locales, normalise
from negotrack.render.renderer import Renderer
from tests.support.dossiers import seed_dossier, small_dossier

ROOT = Path(__file__).resolve().parents[2]
LOCALES = [code for code in known_locales() if code != "en"]
SEED = seed_dossier()
PLAN = SEED.plans[0]
OLD, NEW = PLAN.versions[0].id, PLAN.versions[-1].id


def test_at_least_the_promised_languages() -> None:
    """English, Ukrainian, Russian, Arabic, French, German and Spanish are all available."""
    assert {"en", "uk", "ru", "ar", "fr", "de", "es"} <= set(known_locales())


@pytest.mark.parametrize(
    "render",
    [
        lambda loc: nt.render_timeline(SEED, locale=loc),
        lambda loc: nt.render_board(SEED, PLAN.id, locale=loc),
        lambda loc: SEED.diff(OLD, NEW).to_html(locale=loc),
        lambda loc: SEED.diff(OLD, NEW).to_markdown(locale=loc),
        lambda loc: SEED.diff(OLD, NEW).to_text(locale=loc),
        lambda loc: Renderer(locale=loc).timeline(SEED),
        lambda loc: Renderer().timeline(SEED, locale=loc),
    ],
    ids=["timeline", "board", "diff-html", "diff-md", "diff-text", "renderer", "per-call"],
)
def test_unknown_locale_is_a_negotrack_error_naming_the_known(render: object) -> None:
    """Every rendering path refuses an unknown locale with a LocaleError listing the known."""
    with pytest.raises(nt.LocaleError) as caught:
        render("xx-YY")  # type: ignore[operator]
    assert isinstance(caught.value, nt.NegotrackError)
    assert "unknown locale 'xx-YY'" in str(caught.value)
    assert f"(known locales: {', '.join(known_locales())})" in str(caught.value)


def test_render_site_takes_a_locale(tmp_path: Path) -> None:
    """render_site writes every page in the locale asked for, and refuses an unknown one."""
    written = nt.render_site(SEED, tmp_path / "uk", locale="uk")
    pages = [p for p in written if p.suffix == ".html"]
    assert pages
    for page in pages:
        assert '<html lang="uk" dir="ltr">' in page.read_text(encoding="utf-8")
    with pytest.raises(nt.LocaleError):
        nt.render_site(SEED, tmp_path / "xx", locale="xx")


@pytest.mark.parametrize(
    ("given", "code"), [("uk", "uk"), ("uk-UA", "uk"), ("uk_UA", "uk"), ("AR", "ar"), (None, "en")]
)
def test_locale_names_are_forgiving(given: str | None, code: str) -> None:
    """Region tags, underscores and case all name the language's catalog; None is English."""
    assert normalise(given) == code


def test_arabic_pages_read_right_to_left() -> None:
    """An Arabic page says lang="ar" dir="rtl"; every other language's page is left to right."""
    assert '<html lang="ar" dir="rtl">' in nt.render_timeline(SEED, locale="ar")
    assert '<html lang="ar" dir="rtl">' in SEED.diff(OLD, NEW).to_html(locale="ar")
    assert '<html lang="ru" dir="ltr">' in nt.render_board(SEED, PLAN.id, locale="ru")


def test_ukrainian_dates_follow_cldr() -> None:
    """A month alone is nominative ("листопад"), a day date genitive ("23 лист."), with "р."."""
    html = nt.render_timeline(small_dossier(), locale="uk")
    headings = re.findall(r'<h2 id="m-[^"]+">([^<]+)</h2>', html)
    # CLDR puts a narrow no-break space before "р." (рік, the year).
    assert "листопад 2025\u202fр." in headings
    assert not any("листопада" in h for h in headings)
    assert "23 лист. 2025\u202fр., 14:00 (Цюріх)" in html
    assert "бл.</abbr>" in html  # "близько", the Ukrainian "c."


@pytest.mark.parametrize(
    ("locale", "deleted", "inserted"),
    [
        ("en", "[deleted: ", "[inserted: "),
        ("uk", "[вилучено: ", "[додано: "),
        ("ar", "[محذوف: ", "[مُضاف: "),
        ("de", "[gestrichen: ", "[eingefügt: "),
    ],
)
def test_diff_tells_screen_readers_what_was_deleted_and_inserted(
    locale: str, deleted: str, inserted: str
) -> None:
    """Insertions and deletions carry visually hidden words in the page's language and
    direction (so that a paragraph's dir="auto" follows its text, not the hidden word)."""
    html = SEED.diff(OLD, NEW).to_html(locale=locale)
    way = "rtl" if locale == "ar" else "ltr"
    assert f'<del><span class="visually-hidden" dir="{way}">{deleted}</span>' in html
    assert f'<ins><span class="visually-hidden" dir="{way}">{inserted}</span>' in html


def test_content_in_another_language_is_marked() -> None:
    """An English dossier under a Ukrainian interface marks its text lang="en"; not in English."""
    assert SEED.language == "en"
    uk = nt.render_timeline(SEED, locale="uk")
    assert '<h1 dir="auto" lang="en">' in uk
    assert '<h3 dir="auto" lang="en">' in uk
    board = nt.render_board(SEED, PLAN.id, locale="uk")
    assert 'lang="en"' in board
    en = nt.render_timeline(SEED)
    assert 'lang="en" dir="ltr"' in en
    assert en.count('lang="en"') == 1  # the page itself, nothing more


def test_undeclared_language_is_not_guessed() -> None:
    """A dossier without a declared language gets no lang mark on its text."""
    d = small_dossier()
    assert d.language is None
    assert nt.render_timeline(d, locale="uk").count("lang=") == 1


def test_a_bad_language_tag_is_refused_with_its_place() -> None:
    """A dossier's language that is not a language tag is a DossierError at $.language."""
    with pytest.raises(nt.DossierError) as caught:
        nt.loads('{"negotrack": 1, "title": "t", "language": "en\\" onload=x"}', "json")
    assert "$.language" in str(caught.value)


# -- the catalogs ----------------------------------------------------------------------


def _extracted() -> set[tuple[str | None, str]]:
    """Every interface string marked in the package (views and templates), as babel.cfg says."""
    method_map = [
        ("negotrack/views/**.py", "python"),
        ("negotrack/render/templates/**.j2", "jinja2"),
    ]
    options = {
        "negotrack/render/templates/**.j2": {
            "extensions": "jinja2.ext.i18n",
            "trim_blocks": "true",
            "lstrip_blocks": "true",
        }
    }
    keywords: dict[str, tuple[int | tuple[int, str], ...] | None] = {
        "_": None,
        "gettext": None,
        "ngettext": (1, 2),
        "pgettext": ((1, "c"), 2),
    }
    keywords["npgettext"] = ((1, "c"), 2, 3)
    keywords["N_"] = ((1, "c"), 2)
    keywords["NP_"] = ((1, "c"), 2, 3)
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options, keywords=keywords
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found.add((context, msgid))
    return found


EXTRACTED = _extracted()


def test_extraction_finds_the_interface() -> None:
    """The extraction sees templates and view-models alike (a sanity check of the next test)."""
    assert (None, "Skip to content") in EXTRACTED
    assert ("change", "reworded") in EXTRACTED
    assert ("change count", "reworded") in EXTRACTED
    assert ("approximate date", "c.") in EXTRACTED
    assert len(EXTRACTED) > 100


@pytest.mark.parametrize("locale", LOCALES)
def test_no_catalog_misses_a_string(locale: str) -> None:
    """Each catalog translates every extracted string, none fuzzy, placeholders kept."""
    path = CATALOGS / locale / "LC_MESSAGES" / "negotrack.po"
    with path.open("rb") as f:
        catalog = read_po(f, locale=locale)
    have = {}
    for m in catalog:
        if m.id:
            key = (m.context, m.id[0] if isinstance(m.id, tuple) else m.id)
            have[key] = m
    missing = EXTRACTED - set(have)
    assert not missing, f"{locale}: untranslated {sorted(missing, key=str)[:5]}"
    for key in EXTRACTED:
        m = have[key]
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        assert all(strings), f"{locale}: empty translation of {key}"
        assert not m.fuzzy, f"{locale}: fuzzy {key}"
        wanted = set(re.findall(r"%\(\w+\)s|\{\w+\}", key[1]))
        for s in strings:
            got = set(re.findall(r"%\(\w+\)s|\{\w+\}", str(s)))
            # A plural form may spell the number out ("حدث واحد"): it may drop %(num)s.
            assert got <= wanted, f"{locale}: {key} -> {s}"
            assert wanted - got <= {"%(num)s"}, f"{locale}: {key} -> {s}"


# -- no English left on a translated page ----------------------------------------------


class _InterfaceText(HTMLParser):
    """The visible interface text of a page: user text (in bdi, dir="auto" elements and
    user-chosen options), scripts and styles left out; aria-labels and titles included."""

    _VOID = frozenset({"meta", "input", "br", "link", "img", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        user = (
            tag in ("bdi", "script", "style", "title", "option")
            or a.get("dir") == "auto"
            or ("lang" in a and tag != "html")
        )
        # An axis mark's label is its event's title (or a point's reference) and date.
        own_label = not any(c in (a.get("class") or "") for c in ("nt-mark", "nt-change"))
        for name in ("aria-label", "data-all", "data-some"):
            if a.get(name) and own_label and not (self.stack and self.stack[-1]):
                self.words.append(str(a[name]))
        if tag == "abbr" and a.get("title"):
            self.words.append(str(a["title"]))
        if tag not in self._VOID:
            self.stack.append(user or bool(self.stack and self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.words.append(data)


def _interface_words(html: str) -> set[str]:
    parser = _InterfaceText()
    parser.feed(html)
    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", " ".join(parser.words))}


ENGLISH_WORDS = {
    w.lower()
    for _context, msgid in EXTRACTED
    for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"%\(\w+\)s|\{\w+\}", " ", msgid))
}


def _allowed(locale: str) -> set[str]:
    """Words a translation legitimately shares with English ("Sources" in French)."""
    with (CATALOGS / locale / "LC_MESSAGES" / "negotrack.po").open("rb") as f:
        catalog = read_po(f, locale=locale)
    words = set()
    for m in catalog:
        for s in m.string if isinstance(m.string, tuple) else (m.string,):
            words |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", str(s or ""))}
    return words


@pytest.mark.parametrize("locale", LOCALES)
def test_a_translated_page_shows_no_english_interface_word(locale: str) -> None:
    """The seed's timeline, board and diff report in each language keep no English word of
    the interface (the dossier's own English text is excluded: it is marked as such)."""
    pages = {
        "timeline": nt.render_timeline(SEED, locale=locale),
        "board": nt.render_board(SEED, PLAN.id, locale=locale),
        "diff": SEED.diff(OLD, NEW).to_html(locale=locale),
        "small timeline": nt.render_timeline(small_dossier(), locale=locale),
    }
    english = ENGLISH_WORDS - _allowed(locale) - {"negotrack"}
    for name, html in pages.items():
        left = _interface_words(html) & english
        assert not left, f"{locale} {name}: English interface words {sorted(left)}"


def test_the_english_page_is_caught_by_the_same_check() -> None:
    """The check above finds English words on an English page (so it can fail)."""
    left = _interface_words(nt.render_timeline(SEED)) & (ENGLISH_WORDS - _allowed("uk"))
    assert {"sources", "participants"} <= left


def test_notebook_displays_in_a_language() -> None:
    """repr_html(obj, locale=...) labels a notebook display in that language, with plurals."""
    from negotrack.render.shared import repr_html

    out = repr_html(SEED, locale="uk")
    assert 'lang="uk" dir="ltr"' in out
    assert "<b>11</b> подій" in out
    assert "<b>4</b> джерела" in out
    assert "Останні події" in out
    assert 'lang="ar" dir="rtl"' in repr_html(SEED.diff(OLD, NEW), locale="ar")


def test_the_time_axis_speaks_the_pages_language() -> None:
    """The axis's heading, gridlines and legend are translated; it runs left to right even
    in an Arabic page (the documented choice), inside the right-to-left page."""
    uk = nt.render_timeline(SEED, locale="uk")
    assert '<h2 id="axis-h">Часова шкала</h2>' in uk
    ticks = re.findall(r'<ol class="nt-ticks".*?</ol>', uk, re.S)[0]
    assert re.search(r"<time[^>]*>[^<]*(груд|лист|жовт)", ticks)
    ar = nt.render_timeline(SEED, locale="ar")
    assert '<div class="nt-axis-box" dir="ltr"' in ar
    assert "المحور الزمني" in ar


def test_the_board_chart_keeps_its_dates_under_their_bars_in_arabic() -> None:
    """The status chart is drawn left to right; its row of dates is too, even in Arabic."""
    page = nt.render_board(SEED, PLAN.id, locale="ar")
    assert re.search(r'<div class="table-wrap" dir="ltr"[^>]*>\n<svg class="nt-chart"', page)


_COME = {
    "text": ("peut venir de\u00a0: ", "may come from: "),
    "md": ("**Peut venir de**\u00a0: ", "**May come from**: "),
    "html": ('<p class="group counterparts">Peut venir de\u00a0: ', ">May come from: "),
}


@pytest.mark.parametrize("format", ["text", "md", "html"])
def test_labels_and_confidences_follow_the_language(format: str) -> None:
    """A French report puts a no-break space before the colon after a label and writes a
    confidence with a decimal comma; the English one writes "may come from: " and "0.69"."""
    from tests.support.lineage import unkeyed

    minsk = unkeyed("minsk-2014-2015.yaml")
    report = minsk.diff("minsk-1", "minsk-2")
    render = {"text": report.to_text, "md": report.to_markdown, "html": report.to_html}[format]
    french, english = render(locale="fr"), render()
    if format == "html":  # the interface, not the stylesheet, the script or the texts
        french = re.sub(r"<(style|script)[^>]*>.*?</\1>", "", french, flags=re.S)
    assert _COME[format][0] in french
    assert re.search(r"\(0,\d\d\)", french)
    assert not re.search(r"\(0\.\d\d\)", french)
    assert " :" not in french  # a breaking space would let the colon start a line
    assert _COME[format][1] in english
    assert re.search(r"\(0\.\d\d\)", english)
    assert "\u00a0:" not in english


def test_an_arabic_markdown_report_keeps_its_versions_in_reading_order() -> None:
    """Markdown has no <bdi>: the Arabic report isolates the versions' labels around its
    arrow and joins the versions' ids with the page's arrow ("←"), so neither line fuses
    into a left-to-right run read backwards."""
    minsk = nt.load(ROOT / "seeds" / "minsk-2014-2015.yaml")
    lines = minsk.diff("minsk-1", "minsk-2").to_markdown(locale="ar").splitlines()
    assert lines[0] == (
        "# ما الذي تغيّر: \u2068Minsk Protocol\u2069 ← \u2068Package of Measures (Minsk II)\u2069"
    )
    assert lines[2].startswith("`minsk-1` (")
    assert ") ← `minsk-2` (" in lines[2]
    english = minsk.diff("minsk-1", "minsk-2").to_markdown().splitlines()
    assert ") → `minsk-2` (" in english[2]


@pytest.mark.parametrize(
    ("locale", "between"), [("en", "; "), ("ar", "؛ "), ("fr", "\u00a0; "), ("uk", "; ")]
)
def test_positions_are_separated_as_the_language_writes_a_semicolon(
    locale: str, between: str
) -> None:
    """The parties' positions on a point, written out in a line in the text and Markdown
    reports, are separated by the language's semicolon: the Arabic one (؛) in Arabic, with
    a no-break space before it in French."""
    d = SEED.diff(OLD, NEW)
    for text in (d.to_text(locale=locale), d.to_markdown(locale=locale)):
        (line,) = [s for s in text.splitlines() if "United States" in s and "Russia" in s][:1]
        assert line.count(between) == 2, line
        if locale == "ar":
            assert "; " not in line
