"""A site's home page (index.html, index.md): the dossier, then each page with what it holds."""

from __future__ import annotations

import re
from pathlib import Path

import negotrack as nt
from tests.support.dossiers import small_dossier
from tests.support.lineage import unkeyed

HOSTILE = '<script>alert("x")</script>&'


def _body(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[html.index("<body") :]


def test_the_home_page_lists_every_page_in_reading_order(tmp_path: Path) -> None:
    """index.html holds the dossier's title and summary, then a link to each page of the
    site in the order of the navigation, each with a line on what it holds."""
    nt.render_site(small_dossier(), tmp_path)
    body = _body(tmp_path / "index.html")
    assert '<a class="skip" href="#main">' in body
    assert '<h1 dir="auto">Peace talks, late 2025</h1>' in body
    assert "A small test dossier." in body
    contents = body[body.index('<ol class="contents"') : body.index("</ol>")]
    hrefs = re.findall(r'<h3><a href="([^"]+)"', contents)
    assert hrefs == ["timeline.html", "diff-us-28_to_20-point.html", "board-peace-plan.html"]
    assert "5 events, <bdi>20 Nov 2025</bdi> – <bdi>Dec 2025</bdi>." in contents
    assert (
        "<bdi>US 28-point draft</bdi> (20 Nov 2025) → <bdi>20-point framework</bdi>"
        " (c. Dec 2025)" in contents
    )
    assert "<b>1</b> reworded" in contents
    assert '<span class="st st-proposed">proposed</span> × 4' in contents
    # Every page's navigation starts with the home page, marked current on itself only.
    for name in ("index.html", "timeline.html", "board-peace-plan.html"):
        nav = re.search(r'<nav class="site-nav"[^>]*><ul><li><a href="([^"]+)"([^>]*)>([^<]+)<',
                        (tmp_path / name).read_text(encoding="utf-8"))  # fmt: skip
        assert nav is not None
        assert nav[1] == "index.html"
        assert nav[3] == "Contents"
        assert ('aria-current="page"' in nav[2]) is (name == "index.html")


def test_the_markdown_home_page_links_the_markdown_pages(tmp_path: Path) -> None:
    """index.md lists the Markdown pages, numbered, with the same lines."""
    nt.render_site(small_dossier(), tmp_path)
    md = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert md.splitlines()[0].startswith("**Contents** · [Timeline](timeline.md)")
    items = re.findall(r"^\d+\. \[[^\]]+\]\(([^)]+)\)", md, flags=re.M)
    assert items == ["timeline.md", "diff-us-28_to_20-point.md", "board-peace-plan.md"]
    assert "**1** added · **1** deleted" in md


def test_the_home_page_escapes_the_dossiers_text(tmp_path: Path) -> None:
    """A title, summary, plan title and version label holding markup are printed as text."""
    d = nt.Dossier(
        title=HOSTILE,
        description=HOSTILE,
        plans=[
            nt.Plan(
                id="p",
                title=HOSTILE,
                versions=[
                    nt.PlanVersion(id="a", label=HOSTILE, date="2025-11-01", points=[]),
                    nt.PlanVersion(id="b", label=HOSTILE, date="2025-11-02", points=[]),
                ],
            )
        ],
    )
    nt.render_site(d, tmp_path)
    body = _body(tmp_path / "index.html")
    assert "<script>" not in body
    assert body.count("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&amp;") >= 4
    assert "Neither version has any point." in body
    md = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "<script>" not in md


def test_a_localised_home_page(tmp_path: Path) -> None:
    """A French site's home page is in French, its navigation's first link "Sommaire"."""
    nt.render_site(small_dossier(), tmp_path, locale="fr")
    body = _body(tmp_path / "index.html")
    assert '<a href="index.html" dir="auto" aria-current="page">Sommaire</a>' in body
    assert "5 événements" in body


def test_the_home_page_says_how_many_changes_a_report_asks_to_check(tmp_path: Path) -> None:
    """A report whose pairs a person should check says so on the home page, as its own
    counts do ("7 to check"): the reader who opens the site learns there is work to do."""
    d = unkeyed("minsk-2014-2015.yaml")
    n = len(d.diff("minsk-1", "minsk-2").to_check)
    assert n > 0
    nt.render_site(d, tmp_path)
    md = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert f"**5** deleted · **{n}** to check\n" in md
    assert f"<b>{n}</b> to check</p>" in _body(tmp_path / "index.html")
    report = (tmp_path / "diff-minsk-1_to_minsk-2.md").read_text(encoding="utf-8")
    assert f"· **{n}** to check\n" in report
