"""Outputs that stay inert and unambiguous whatever the ids and texts: Markdown read by a
real CommonMark renderer, site file names, terminal output."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import negotrack as nt
from negotrack.cli.commands import main
from negotrack.views.formatting import file_part, md_code, md_paragraphs
from tests.support.dossiers import make_small, two_versions
from tests.support.hostile import HOSTILE

HOSTILE_ID = "v1\n\n<img src=x onerror=alert(1)>\n\n`x`"


def test_a_hostile_version_id_renders_no_raw_html_in_markdown() -> None:
    """A version id with blank lines and an ``<img onerror>`` stays text in CommonMark."""
    d = two_versions(
        [nt.Point(number="1", text="a")], [nt.Point(number="1", text="b")], ids=(HOSTILE_ID, "v2")
    )
    report = d.diff(HOSTILE_ID, "v2").to_markdown()
    html = MarkdownIt("commonmark").render(report)
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize("text", ["a", "``", "`a`", " a ", "a\n\nb", "", "x ``` y"])
def test_md_code_is_one_code_span_holding_the_text(text: str) -> None:
    """``md_code`` renders as exactly one code span with the text, white space collapsed."""
    html = MarkdownIt("commonmark").render(md_code(text))
    spans = re.findall(r"<code>(.*?)</code>", html)
    assert len(spans) == 1
    expected = " ".join(text.split()) if text.strip() else " "
    assert spans[0].strip() == expected.strip().replace("&", "&amp;")


def test_file_part_is_one_to_one() -> None:
    """Distinct ids never share a file name: non-ASCII, underscores and dots included."""
    ids = [
        "Київ",
        "Москва",
        "Genève",
        "a_b",
        "a-b",
        "a b",
        "a/b",
        ".hidden",
        "_2ehidden",
        "x" * 300,
        "x" * 301,
    ]
    names = [file_part(i) for i in ids]
    assert len(set(names)) == len(ids)
    assert all(
        re.fullmatch(r"[A-Za-z0-9._-]+", n) and not n.startswith(".") and len(n) <= 120
        for n in names
    )


def test_render_site_names_never_collide(tmp_path: Path) -> None:
    """``diff-a-b-c`` was two pairs' name; every pair now has its own file, linked right."""
    d = nt.Dossier(
        title="t",
        plans=[
            nt.Plan(
                id="p",
                title="P",
                versions=[
                    nt.PlanVersion(
                        id="a",
                        label="A",
                        date="2025-11-01",
                        points=[nt.Point(number="1", text="x")],
                    ),
                    nt.PlanVersion(
                        id="b-c", label="B-C", date="2025-11-02", derived_from=["a"], points=[]
                    ),
                    nt.PlanVersion(id="a-b", label="A-B", date="2025-11-03", points=[]),
                    nt.PlanVersion(
                        id="c", label="C", date="2025-11-04", derived_from=["a-b"], points=[]
                    ),
                    nt.PlanVersion(
                        id="Київ", label="K", date="2025-11-05", derived_from=["c"], points=[]
                    ),
                    nt.PlanVersion(
                        id="Москва", label="M", date="2025-11-06", derived_from=["c"], points=[]
                    ),
                ],
            )
        ],
        events=[
            nt.Event(
                id=f"e{i}",
                when=f"2025-11-0{i + 1}",
                title=f"E{i}",
                kind="publication",
                versions=[v],
            )
            for i, v in enumerate(["a", "b-c", "a-b", "c", "Київ", "Москва"])
        ],
    )
    paths = nt.render_site(d, tmp_path)
    # The home page, the timeline, five reports and the board, in two formats each.
    assert len(paths) == len({p.name for p in paths}) == 2 + 2 + 2 * 5 + 2
    timeline = (tmp_path / "timeline.html").read_text(encoding="utf-8")
    # The events' "what changed" links (the site's navigation lists the same reports).
    main = timeline[timeline.index("<main") :]
    hrefs = re.findall(r'href="(diff-[^"]+)"', main)
    assert len(hrefs) == 5
    for href in hrefs:
        report = (tmp_path / href.replace(".html", ".md")).read_text(encoding="utf-8")
        old, new = re.findall(r"`([^`]+)`", report)[:2]
        assert href == f"diff-{file_part(old)}_to_{file_part(new)}.html"


def test_sources_keep_the_approximate_mark() -> None:
    """A source published "~2025-09-28" is listed as "c. 28 Sep 2025" (the mark was dropped)."""
    d = make_small()
    d = nt.Dossier(
        title=d.title,
        participants=d.participants,
        sources=[
            nt.Source(id=s.id, title=s.title, published="~2025-09-28") if s.id == "s2" else s
            for s in d.sources
        ],
        events=d.events,
        plans=d.plans,
    )
    assert "c. 28 Sep 2025" in nt.render_timeline(d, format="md")
    assert "c. 28 Sep 2025" in nt.render_timeline(d)


def test_status_show_prints_no_terminal_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Escape sequences in dossier text are shown as ``\\x1b``, never sent to the terminal."""
    path = tmp_path / "d.json"
    d = make_small()
    d.set_status(
        "us-28#1", "disputed", on="2025-12-01", by="umerov", note="\x1b]0;owned\x07\x1b[2J"
    )
    d.save(path)
    assert main(["status", "show", str(path), "us-28#1"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "\\x1b]0;owned\\x07\\x1b[2J" in out


@pytest.mark.parametrize(
    "text",
    [*HOSTILE[:60], "First.\n\n# Second\n- third\n\n\n1. fourth", "a\r\nb", "only one line"],
)
def test_md_paragraphs_are_paragraphs_and_nothing_else(text: str) -> None:
    """Each line of a summary is one CommonMark paragraph of its own text: no heading, list,
    code block, raw HTML or link comes out of a line, however it starts."""
    html = MarkdownIt("commonmark").render(md_paragraphs(text))
    blocks = re.findall(r"<(\w+)[ >]", html)
    assert set(blocks) <= {"p"}
    lines = [" ".join(line.split()) for line in re.split(r"\r\n|[\r\n]", text)]
    lines = [line for line in lines if line]
    shown = [html_module.unescape(p) for p in re.findall(r"<p>(.*?)</p>", html, re.S)]
    assert len(shown) == len(lines)
    for said, line in zip(shown, lines, strict=True):
        if line.isprintable():  # a control character is shown as its escape
            assert said == line
