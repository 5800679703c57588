"""The Markdown diff report as a CommonMark renderer with GitHub's strikethrough reads it:
every edit it marks is a mark, not stray tildes or asterisks."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import negotrack as nt
from negotrack.views.formatting import md_mark, md_words
from tests.support.dossiers import SEEDS
from tests.support.lineage import unkeyed

GITHUB = MarkdownIt("commonmark").enable("strikethrough")


def _reports() -> list[tuple[str, str]]:
    """Every seed's Markdown diff reports, with and without its curated lineage."""
    out = []
    for seed in sorted(Path(SEEDS).glob("*.yaml")):
        for keyed, d in (("keyed", nt.load(seed)), ("unkeyed", unkeyed(seed.name))):
            for plan in d.plans:
                for old, new in zip(plan.versions, plan.versions[1:], strict=False):
                    name = f"{seed.stem} {old.id}->{new.id} {keyed}"
                    out.append((name, d.diff(old.id, new.id).to_markdown()))
    return out


def _assert_every_mark_renders(name: str, md: str, *, literal: bool = False) -> None:
    """Each mark of ``md`` (the user's own tildes and asterisks are escaped, so a "~~[− "
    or "**[+ " in the source is a mark) renders as one; unless the texts may hold them
    (``literal``), no "~~" or "**" is left in the page either."""
    html = GITHUB.render(md)
    assert html.count("<s>[− ") == md.count("~~[− "), name
    assert html.count("<strong>[+ ") == md.count("**[+ "), name
    if not literal:
        assert "~~" not in html, (name, re.findall(r".{20}~~.{20}", html))
        assert "**" not in html, (name, re.findall(r".{20}\*\*.{20}", html))


def test_every_deletion_in_the_iran_report_is_struck_through() -> None:
    """Iran's report has deletions glued to the word before them ("machines" then ", for
    10 years" deleted): each renders as <s>, and no "~~" is left in the rendered page."""
    md = nt.load(SEEDS / "iran-2015.yaml").diff("lausanne", "jcpoa").to_markdown()
    assert "machines ~~[− , for 10 years]~~" in md
    html = GITHUB.render(md)
    assert "machines <s>[− , for 10 years]</s>" in html
    assert html.count("<s>") == md.count("~~") // 2 > 12
    _assert_every_mark_renders("iran", md)


def test_every_edit_of_every_seed_report_renders_as_a_mark() -> None:
    """In every seed's report, keyed and unkeyed, each deletion is struck through and each
    insertion is strong: no mark is left as literal text."""
    for name, md in _reports():
        _assert_every_mark_renders(name, md)


def test_the_words_stay_as_they_were() -> None:
    """md_words only adds spaces between a word and a mark (and drops a second space
    before an insertion): without spaces, it is the runs marked one by one."""
    runs = [
        ("equal", "the machines"),
        ("delete", ", for 10 years"),
        ("insert", "s"),
        ("equal", "x"),
    ]
    out = md_words(runs)
    assert out == "the machines ~~[− , for 10 years]~~ **[+ s]** x"
    assert out.replace(" ", "") == "".join(md_mark(t, op) for op, t in runs).replace(" ", "")


def test_an_edit_that_opens_the_text_has_no_space_before_it() -> None:
    """An insertion or deletion at the very start of a point is not set apart from
    nothing: the E3 seed's point 7 read " **[+ Whether]** Ukraine..." with a space first."""
    assert md_words([("insert", "Whether"), ("equal", " Ukraine joins")]) == (
        "**[+ Whether]** Ukraine joins"
    )
    assert md_words([("delete", " Ukraine writes"), ("insert", "It")]) == (
        "~~[− Ukraine writes]~~ **[+ It]**"
    )
    assert md_words([("equal", "So"), ("insert", "it")]) == "So **[+ it]**"


_WORD = st.text(
    alphabet=st.sampled_from("aZ9,.;:()-'\"“”«»—…$+=~*_[]\\кйب "),
    min_size=1,
    max_size=8,
)


@st.composite
def _runs(draw: st.DrawFn) -> list[tuple[str, str]]:
    """A word diff's runs: no two neighbours of the same kind, as the diff writes them."""
    ops = draw(st.lists(st.sampled_from(["equal", "delete", "insert"]), min_size=1, max_size=6))
    runs: list[tuple[str, str]] = []
    for op in ops:
        if not runs or runs[-1][0] != op:
            runs.append((op, draw(_WORD)))
    return runs


@settings(max_examples=500)
@given(_runs())
def test_any_word_diff_renders_its_marks(runs: list[tuple[str, str]]) -> None:
    """Whatever the characters around an edit (letters of any script, digits, brackets,
    quotes, tildes, asterisks), each marked run renders as a mark."""
    md = md_words(runs)
    _assert_every_mark_renders(repr(runs), md, literal=True)
    deleted = sum(1 for op, text in runs if op == "delete" and text.strip())
    assert GITHUB.render(md).count("<s>") == deleted


def test_the_title_isolates_plan_names_only_where_needed() -> None:
    """An English report's title holds no invisible isolate around English plan names
    (editors show them as boxes, and they survive copy-paste); an Arabic report's does,
    and so does an English one whose plan names are Arabic."""
    pd = nt.load(SEEDS / "iran-2015.yaml").diff("lausanne", "jcpoa")
    title = pd.to_markdown().splitlines()[0]
    assert title == (
        "# What changed: Lausanne parameters (US fact sheet) → Joint Comprehensive Plan"
        " of Action (Vienna)"
    )
    arabic = pd.to_markdown(locale="ar").splitlines()[0]
    assert "\u2068Lausanne parameters (US fact sheet)\u2069 ←" in arabic
    old = nt.PlanVersion(id="a", label="مسودة", date="2025-01-01", points=[])
    new = nt.PlanVersion(id="b", label="اتفاق", date="2025-02-01", points=[])
    assert "\u2068مسودة\u2069 → \u2068اتفاق\u2069" in nt.diff(old, new).to_markdown()


def _levels(md: str) -> list[int]:
    return [len(m[1]) for m in re.finditer(r"^(#+) ", md, re.M)]


def test_heading_levels_step_down_one_at_a_time() -> None:
    """Every Markdown page (each seed's diff reports, timeline and boards) starts at "#"
    and never skips a level going down: the diff report's changes stand under a "##"."""
    pages = [md for _, md in _reports()]
    for seed in sorted(Path(SEEDS).glob("*.yaml")):
        d = nt.load(seed)
        pages.append(nt.render_timeline(d, format="md"))
        pages += [nt.render_board(d, plan.id, format="md") for plan in d.plans]
    for md in pages:
        levels = _levels(md)
        assert levels[0] == 1, md[:80]
        assert all(b <= a + 1 for a, b in pairwise(levels)), md[:80]
    md = nt.load(SEEDS / "iran-2015.yaml").diff("lausanne", "jcpoa").to_markdown()
    assert "\n## Point by point\n" in md


def test_the_board_tables_end_where_their_rows_do() -> None:
    """Read as GitHub reads tables, each Markdown board's tables hold one row per board
    row, and the notes after them ("? marks ...", "“check this” marks ...") are
    paragraphs: a line right after a table's last row, with no blank line between, is
    read as one more row (it was, on the boards that had a note)."""
    from negotrack.views.board import BoardView

    reader = MarkdownIt("commonmark").enable("table")
    boards = [(nt.load(seed), plan.id) for seed in sorted(Path(SEEDS).glob("*.yaml"))
              for plan in nt.load(seed).plans]  # fmt: skip
    keyless = unkeyed("iran-2015.yaml")  # it has a "check this" row
    boards.append((keyless, keyless.plans[0].id))
    notes = 0
    for d, plan in boards:
        view = BoardView.build(d, plan)
        html = reader.render(nt.render_board(d, plan, format="md"))
        tables = re.findall(r"<tbody>(.*?)</tbody>", html, re.S)
        assert len(tables) == 1 + bool(view.parties), plan
        for body in tables:
            assert body.count("<tr>") == len(view.rows), plan
        for note, shown in (("? marks a status", view.uncertain), ("marks a point", view.unsure)):
            if shown:
                notes += 1
                assert re.search(rf"<p>[^<]*{re.escape(note)}", html), (plan, note)
    assert notes >= 2  # both notes are read, on some board
