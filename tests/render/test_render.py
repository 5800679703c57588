"""The renderer: its environment, overrides, formats, filters and the view-models' content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import negotrack as nt
from negotrack.errors import RenderError
from negotrack.publish import render_site
from negotrack.render.renderer import Renderer
from negotrack.render.shared import repr_html
from negotrack.views import formatting as _filters
from negotrack.views.board import BoardView
from negotrack.views.diff import DiffView
from negotrack.views.timeline import TimelineView
from tests.support.dossiers import small_dossier

D = small_dossier()
DIFF = D.diff("us-28", "20-point")


def test_timeline_is_chronological_and_grouped_by_month() -> None:
    """Events appear in time order under one heading per month."""
    html = nt.render_timeline(D)
    order = re.findall(r'<li class="event [^"]*" id="ev-([^"]+)"', html)
    assert order == ["us-draft", "geneva", "zakharova", "strikes", "framework"]
    assert re.findall(r'<h2 id="m-[^"]+">([^<]+)</h2>', html) == ["November 2025", "December 2025"]


def test_dates_show_their_precision_and_approximation() -> None:
    """Month dates read "Dec 2025"; approximate ones carry an explained "c."."""
    html = nt.render_timeline(D)
    assert '<time datetime="2025-12">Dec 2025</time>' in html
    assert '<abbr title="circa: the date is approximate">c.</abbr> 20 Dec 2025' in html
    assert '<time datetime="2025-11-23T13:00Z">23 Nov 2025, 14:00 CET</time>' in html


def test_event_details_are_all_there() -> None:
    """Kind, track, location, participants with sides, quotes and numbered sources show."""
    html = nt.render_timeline(D)
    assert (
        '<li class="kind">round</li><li>track: <bdi>US-Ukraine</bdi></li><li dir="auto">Geneva</li>'
    ) in html
    assert '<bdi>Rustem Umerov</bdi><span class="side"><bdi>Ukraine</bdi></span>' in html
    quote = "These are small victories in a very large war."
    assert f'<blockquote dir="auto">{quote}</blockquote>' in html
    assert '<a href="#src-2" title="Zelensky says talks advance deal">[2]</a>' in html
    assert '<li id="src-2"><bdi><a href="https://example.org/news/talks"' in html


def test_a_version_links_to_its_diff_file() -> None:
    """The event that produced the 20-point version links to diff-us-28_to_20-point.html."""
    html = nt.render_timeline(D)
    assert '<a href="diff-us-28_to_20-point.html"><bdi>20-point framework</bdi></a>' in html
    assert "Plan version: <bdi>US 28-point draft</bdi></p>" in html  # no predecessor, no link


def test_diff_href_pattern_can_change_or_be_off() -> None:
    """``diff_href`` sets the link convention; None links nothing."""
    r = Renderer()
    assert 'href="#d-us-28-20-point"' in r.timeline(D, diff_href="#d-{old}-{new}")
    assert "diff-us-28" not in r.timeline(D, diff_href=None)


def test_filters_are_passed_to_filter_events() -> None:
    """Keyword filters narrow the page and are stated on it."""
    html = nt.render_timeline(D, kind="round", side="Ukraine")
    assert html.count('<li class="event ') == 2
    assert "filtered by kind = “<bdi>round</bdi>”, side = “<bdi>Ukraine</bdi>”" in html


def test_page_is_one_offline_file() -> None:
    """Styles and the script are inline; nothing is fetched from anywhere."""
    html = nt.render_timeline(D)
    assert "<link" not in html
    assert " src=" not in html
    assert html.count("<style>") == 1
    assert html.count("<script>") == 1
    assert "@media print" in html
    assert "prefers-color-scheme: dark" in html


def test_csp_hash_matches_the_inline_script() -> None:
    """The Content-Security-Policy admits exactly the page's own script."""
    import base64
    import hashlib

    html = nt.render_timeline(D)
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html


def test_markdown_timeline_reads_as_prose() -> None:
    """The Markdown timeline has month headings, event headings and numbered sources."""
    md = nt.render_timeline(D, format="md")
    assert "## December 2025" in md
    assert "### c. 20 Dec 2025: Kyiv and Washington agree a 20-point framework" in md
    assert "2. [Zelensky says talks advance deal](<https://example.org/news/talks>)" in md
    assert "address not linked: javascript:alert(1)" in md


def test_diff_report_in_every_format() -> None:
    """HTML, Markdown and text diff reports show renumbering, words and figures."""
    html = nt.render_diff(DIFF)
    assert (
        '<bdi class="ident">us-28 #2</bdi> <span aria-label="became">→</span>'
        ' <bdi class="ident">20-point #3</bdi>' in html
    )
    assert '<span class="visually-hidden" dir="ltr">[inserted: </span>' in html
    assert "<mark><bdi>600,000</bdi></mark> → <mark><bdi>800,000</bdi></mark>" in html
    md = DIFF.to_markdown()
    assert "us-28 #2 → 20-point #3" in md
    assert "~~[− " in md
    assert "**[+ " in md
    text = DIFF.to_text()
    assert "[-" in text
    assert "{+" in text
    assert "figure: 600,000 → 800,000" in text


@pytest.mark.parametrize("locale", ["en", "de"])
def test_every_report_cuts_a_confidence_down(locale: str) -> None:
    """A pair to check at 0.7996 reads 0.79 in the HTML, Markdown and text reports alike,
    never the 0.80 that "check this" stops at."""
    old = nt.PlanVersion("a", "A", "2025-01", [nt.Point("1", "Both sides free all prisoners.")])
    new = nt.PlanVersion("b", "B", "2025-02", [nt.Point("1", "All prisoners are released.")])
    change = nt.PointChange(
        nt.ChangeKind.REWORDED, old.points[0], new.points[0], 0.4, confidence=0.7996
    )
    assert change.check
    report = nt.PlanDiff(old, new, (change,))
    shown = "0.79" if locale == "en" else "0,79"
    for text in (
        report.to_html(locale=locale),
        report.to_markdown(locale=locale),
        report.to_text(locale=locale),
    ):
        assert f"({shown})" in text
        # (the legend names the cut itself, "below 0.80": the pair never reads so)
        assert "(0.80)" not in text
        assert "(0,80)" not in text


def test_an_empty_diff_says_so_in_every_format() -> None:
    """Two versions without points: the text and Markdown reports say so, as the HTML
    report does, instead of ending after their header."""
    report = nt.diff(nt.PlanVersion("a", "A", "2025-01"), nt.PlanVersion("b", "B", "2025-02"))
    assert report.changes == ()
    for text in (report.to_html(), report.to_markdown(), report.to_text()):
        assert "Neither version has any point." in text
    uk = (report.to_html(locale="uk"), report.to_markdown(locale="uk"), report.to_text(locale="uk"))
    assert all("Жодна з версій не має пунктів." in text for text in uk)


def test_diff_side_by_side_works_without_script() -> None:
    """The side-by-side view is a checkbox and CSS, not JavaScript."""
    html = nt.render_diff(DIFF)
    assert '<input type="checkbox" id="sbs"' in html
    assert "#sbs:checked ~ .changes .side-by-side" in html
    assert "<script" not in html


def test_diff_view_labels() -> None:
    """The view-model gives each change its reference heading and status words."""
    view = DiffView.build(DIFF)
    headings = [c.heading for c in view.changes]
    assert "us-28 #2 → 20-point #3" in headings
    deleted = [c for c in view.changes if c.kind == "deleted"]
    assert [c.old_ref for c in deleted] == ["us-28 #3"]
    assert sum(n for _, _, n in view.summary) == len(view.changes)


def test_board_rows_follow_lineage() -> None:
    """Each lineage is one row, with the current status in each version's cell."""
    view = BoardView.build(D)
    assert [c.id for c in view.columns] == ["us-28", "20-point"]
    army = next(r for r in view.rows if r.label == "Army size")
    assert [[p.number for p in cell] for cell in army.cells] == [["2"], ["3"]]
    territory = next(r for r in view.rows if r.label == "Territory")
    assert territory.cells[0][0].status == "deleted"
    assert territory.cells[1] == ()


def test_board_positions_matrix() -> None:
    """The positions matrix has a column per party and the latest stance per row."""
    view = BoardView.build(D)
    assert [p.name for p in view.parties] == ["Russia", "Ukraine"]
    money = next(r for r in view.rows if r.label == "Money")
    assert money.stances == ("rejects", "supports")
    md = nt.render_board(D, format="md")
    assert "| Money (20-point #4) | rejects | supports |" in md


def test_board_unknown_plan_suggests() -> None:
    """An unknown plan id raises UnknownReference with a hint."""
    with pytest.raises(nt.UnknownReference, match="peace-plan"):
        nt.render_board(D, "peace-plann")


def test_unknown_format_is_a_negotrack_error() -> None:
    """A format the view does not have is refused with the list of those it has."""
    with pytest.raises(RenderError, match="available: html, md"):
        nt.render_board(D, format="text")
    with pytest.raises(RenderError, match="did you mean 'html'"):
        nt.render_timeline(D, format="htm")


def test_missing_template_folder_is_refused(tmp_path: Path) -> None:
    """A template folder that does not exist is an error, not a silent fallback."""
    with pytest.raises(RenderError, match="does not exist"):
        Renderer(template_dir=tmp_path / "nope")


def test_user_template_extends_the_default(tmp_path: Path) -> None:
    """A user's html/timeline.html.j2 can extend the packaged one and change one block."""
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "timeline.html.j2").write_text(
        '{% extends "default/html/timeline.html.j2" %}'
        "{% block footer %}<p>Published by the Example desk.</p>{% endblock %}",
        encoding="utf-8",
    )
    html = nt.render_timeline(D, template_dir=tmp_path)
    assert "Published by the Example desk." in html
    assert "Made with negotrack" not in html
    assert 'id="ev-geneva"' in html


def test_custom_css_hook(tmp_path: Path) -> None:
    """html/css/custom.css in the user's folder is inlined after the default styles."""
    (tmp_path / "html" / "css").mkdir(parents=True)
    (tmp_path / "html" / "css" / "custom.css").write_text(
        ".event { border-radius: 0; }", encoding="utf-8"
    )
    html = nt.render_diff(DIFF, template_dir=tmp_path)
    assert html.index(".event { border-radius: 0; }") > html.index("/* content.css")


def test_strict_undefined(tmp_path: Path) -> None:
    """A template naming a field that does not exist fails instead of printing nothing,
    with a RenderError naming the template and the field."""
    (tmp_path / "md").mkdir()
    (tmp_path / "md" / "timeline.md.j2").write_text("{{ view.no_such_field }}", encoding="utf-8")
    with pytest.raises(RenderError, match=r"timeline\.md\.j2, line 1: .*'no_such_field'"):
        nt.render_timeline(D, format="md", template_dir=tmp_path)


def test_renderers_do_not_share_environments(tmp_path: Path) -> None:
    """Two renderers own two environments: an override in one does not leak to the other."""
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "board.html.j2").write_text("custom board", encoding="utf-8")
    custom, plain = Renderer(template_dir=tmp_path), Renderer()
    assert custom.env is not plain.env
    assert custom.board(D) == "custom board"
    assert plain.board(D) != "custom board"


def test_one_view_serves_every_format() -> None:
    """A TimelineView holds plain text: the same view renders as HTML (escaped), Markdown
    and text."""
    view = TimelineView.build(D)
    r = Renderer()
    assert "Geneva talks" in r.timeline_view(view, format="md")
    assert "Geneva talks" in r.timeline_view(view, format="text")
    assert "Geneva talks" in r.timeline_view(view)
    assert all(type(e.title) is str for e in view.events)


def test_timeline_view_model_is_typed() -> None:
    """The view-model resolves participants, numbers sources and lists filter options."""
    view = TimelineView.build(D)
    assert view.total == 5
    framework = next(e for e in view.events if e.id == "framework")
    assert [p.name for p in framework.participants] == ["Rustem Umerov", "Steve Witkoff"]
    assert [s.number for s in framework.sources] == [2, 3]
    assert [o.label for o in view.kinds] == ["military", "publication", "round", "statement"]
    assert [(o.label, o.events) for o in view.sides] == [("Russia", 1), ("Ukraine", 2), ("US", 3)]
    assert view.sources[2].url is None
    assert view.sources[2].unsafe_url == "javascript:alert(1)"


def test_notebook_reprs_are_scoped() -> None:
    """Every display wraps itself in a class and prefixes each style rule with it."""
    for obj in (D, D.version("20-point"), DIFF, TimelineView.build(D)):
        out = repr_html(obj)
        scope = re.search(r'<div class="negotrack-repr (nt-\w+)" lang="en" dir="ltr">', out)
        assert scope is not None
        css = re.search(r"<style>(.*?)</style>", out, re.S)
        assert css is not None
        rules = [line for line in css.group(1).splitlines() if "{" in line]
        assert rules
        # A container query only groups rules, each scoped itself (it queries the
        # display's own wrapper, the nearest container).
        assert all(
            line.startswith("." + scope.group(1)) or line == "@container (max-width: 36rem) {"
            for line in rules
        )


def test_repr_of_something_else_is_refused() -> None:
    """Only the documented objects have a display."""
    with pytest.raises(RenderError, match="no HTML display for int"):
        repr_html(3)


def test_render_site_writes_linked_files(tmp_path: Path) -> None:
    """render_site writes a home page, the timeline, the diff it links to, and a board per
    plan."""
    paths = render_site(D, tmp_path)
    names = sorted(p.name for p in paths)
    assert names == [
        "board-peace-plan.html",
        "board-peace-plan.md",
        "diff-us-28_to_20-point.html",
        "diff-us-28_to_20-point.md",
        "index.html",
        "index.md",
        "timeline.html",
        "timeline.md",
    ]
    timeline = (tmp_path / "timeline.html").read_text(encoding="utf-8")
    for href in re.findall(r'href="(diff-[^"]+)"', timeline):
        assert (tmp_path / href).exists()
    # The Markdown timeline links the Markdown report.
    markdown = (tmp_path / "timeline.md").read_text(encoding="utf-8")
    assert "](diff-us-28_to_20-point.md)" in markdown


def test_every_page_of_a_site_links_every_other(tmp_path: Path) -> None:
    """Each page of a site starts with a labelled list of links to all its pages (HTML to
    HTML, Markdown to Markdown), the page itself marked current and not linked in
    Markdown."""
    render_site(D, tmp_path)
    stems = ["index", "timeline", "diff-us-28_to_20-point", "board-peace-plan"]
    for stem in stems:
        html = (tmp_path / f"{stem}.html").read_text(encoding="utf-8")
        nav = re.search(
            r'<nav class="site-nav" aria-label="Pages of this dossier">(.*?)</nav>', html
        )
        assert nav is not None
        links = re.findall(
            r'<a href="([^"]+)" dir="auto"( aria-current="page")?>([^<]+)</a>', nav[1]
        )
        assert [href for href, _, _ in links] == [f"{s}.html" for s in stems]
        assert [href for href, current, _ in links if current] == [f"{stem}.html"]
        assert [label for _, _, label in links] == [
            "Contents",
            "Timeline",
            "What changed: us-28 → 20-point",
            "Status board",
        ]
        markdown = (tmp_path / f"{stem}.md").read_text(encoding="utf-8")
        first = markdown.splitlines()[0]
        for other in stems:
            assert (f"({other}.md)" in first) is (other != stem)
        assert first.count("**") == 2
    # Pages rendered on their own have no site navigation.
    assert '<nav class="site-nav"' not in nt.render_timeline(D)
    assert '<nav class="site-nav"' not in DIFF.to_html()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# heading", "\\# heading"),
        ("1. not a list", "1\\. not a list"),
        ("*x* [a](b) <i>", "\\*x\\* \\[a\\](b) &lt;i&gt;"),
        ("line\nbreak", "line break"),
        ("a|b", "a\\|b"),
    ],
)
def test_markdown_escaping(text: str, expected: str) -> None:
    """The Markdown filter neutralises emphasis, links, HTML, block starts and pipes."""
    assert _filters.md(text) == expected


def test_anchor_is_always_a_valid_distinct_id() -> None:
    """Unusual ids are encoded, so anchors stay valid and distinct."""
    assert _filters.anchor("ev", "geneva-1") == "ev-geneva-1"
    assert _filters.anchor("ev", 'a "b"') != _filters.anchor("ev", "a 'b'")
    assert re.fullmatch(r"[A-Za-z0-9_.~-]+", _filters.anchor("ev", "<x y='z'>"))


def test_a_view_with_markup_in_its_strings_is_escaped_on_the_page() -> None:
    """The page escapes what a view holds: a title with markup prints as text."""
    import attrs

    view = TimelineView.build(D)
    month = view.months[0]
    evil = month.events[0]._replace(title="<b>bold</b>")
    view = attrs.evolve(view, months=(month._replace(events=(evil,)), *view.months[1:]))
    page = Renderer().timeline_view(view)
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "<b>bold</b>" not in page
    assert "&lt;b&gt;" in repr_html(view)


def test_plain_text_timeline() -> None:
    """The text timeline lists each event with its date, kind, people and sources."""
    text = nt.render_timeline(D, format="text")
    assert "== December 2025" in text
    assert "c. 20 Dec 2025  [round, US-Ukraine]" in text
    assert "[3] A source with a script URL (address not linked: javascript:alert(1))" in text


def test_each_status_has_a_fill_of_its_own() -> None:
    """In the board's chart every status, light or dark, is drawn in a colour no other
    status has (kept and agreed were one green, amended and deferred one ochre)."""
    css = (Path(nt.__file__).parent / "render/templates/html/css/content.css").read_text("utf-8")
    dark_at = css.index("@media (prefers-color-scheme: dark)")
    for part, fixed in ((css[:dark_at], {}), (css[dark_at:], {"proposed": "accent"})):
        fills = dict(re.findall(r"\.st-([a-z]+) \{ --fill: ([^;]+); \}", part))
        fills.update(fixed)
        assert set(fills) >= {s.value for s in nt.Status}
        assert len(set(fills.values())) == len(fills)


def test_a_rendered_context_lets_go_of_what_it_was_given() -> None:
    """A template that defines a macro keeps its context in a reference cycle; the
    renderer empties it, so what the page was given is freed at once, not by the collector."""
    import gc
    import weakref

    import jinja2

    from negotrack.render.running import rendered

    class Given:
        a = 1

    template = jinja2.Environment().from_string("{% macro m() %}{{ x.a }}{% endmacro %}{{ m() }}")
    gc.disable()
    try:
        held, freed = Given(), Given()
        held_ref, freed_ref = weakref.ref(held), weakref.ref(freed)
        assert template.render(x=held) == rendered(template, {"x": freed}) == "1"
        del held, freed
        assert held_ref() is not None  # plain render: kept alive by the cycle
        assert freed_ref() is None
    finally:
        gc.enable()


def test_a_site_lines_up_each_plan_once_for_both_formats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The board's view (and the diffs behind it) is built once per plan, its HTML and
    Markdown pages rendered from it, and equal to what ``Renderer.board`` writes."""
    built: list[str | None] = []
    real = BoardView.build

    def counting(*args: object, **kwargs: object) -> BoardView:
        built.append(str(args[1]) if len(args) > 1 else None)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(BoardView, "build", counting)
    render_site(D, tmp_path, locale="fr")
    assert built == [p.id for p in D.plans if p.versions]
    # A view is rendered in the language its labels were written in, whatever the renderer's.
    view = real(D, "peace-plan", lang=Renderer(locale="fr").lang)
    french = Renderer(locale="fr").board(D, "peace-plan", format="md")
    assert Renderer().board_view(view, format="md") == french
    assert "tableau des statuts" in french


def test_a_board_row_without_topic_or_key_is_named_once() -> None:
    """A point with neither topic nor key is named by its reference alone (not "v2 #1
    (v2 #1)"), and the Markdown board gives each point's text, as the page does."""
    d = nt.loads(
        "negotrack: 1\ntitle: Talks\nplans:\n- id: p\n  title: Plan\n  versions:\n"
        "  - {id: v1, label: Draft, date: '2025-11-20', points: [{number: '1', "
        "text: The border opens.}]}\n",
        "yaml",
    )
    md = nt.render_board(d, format="md")
    assert "| v1 #1: The border opens. |" in md
    assert "v1 #1 (v1 #1)" not in md
    page = nt.render_board(d)
    assert page.count(">v1 #1<") == 1


def test_a_summary_keeps_its_paragraphs_in_every_format() -> None:
    """A summary written in two paragraphs reads as two: two Markdown paragraphs (the
    second line's "#" escaped, not a heading), two indented blocks in text, and its line
    break kept on the page (``white-space: pre-line``)."""
    d = nt.loads(
        "negotrack: 1\ntitle: Talks\nevents:\n- {id: a, when: '2025-11-20', title: Talks, "
        'kind: round, summary: "First paragraph.\\n\\n# Second, and more."}\n',
        "yaml",
    )
    md = nt.render_timeline(d, format="md")
    assert "\n\nFirst paragraph.\n\n\\# Second, and more.\n" in md
    text = nt.render_timeline(d, format="text")
    assert "  First paragraph.\n\n  # Second, and more.\n" in text
    page = nt.render_timeline(d)
    assert ">First paragraph.\n\n# Second, and more.</p>" in page
    assert re.search(r"\.summary, \.lede \{ white-space: pre-line; \}", page)
