"""The pages of a site and their navigation labels."""

from __future__ import annotations

import attrs

import negotrack as nt
from negotrack.render.catalogs import interface
from negotrack.views.site import SiteLink, site_pages
from tests.support.dossiers import SEEDS

# What comes from the dossier is isolated in a right-to-left page, so that it reads right
# there; a left-to-right page needs no isolate around left-to-right ids.
MINSK_1, MINSK_2 = "minsk-1", "minsk-2"
ISOLATED_1, ISOLATED_2 = "\u2068minsk-1\u2069", "\u2068minsk-2\u2069"


def test_a_dossier_of_two_plans_names_each_board_by_its_plan() -> None:
    """Iran and Minsk in one dossier: a home page, a timeline, each plan's report and its
    board, and each board named by its plan's title (one board alone is just the status
    board)."""
    both = nt.merge(nt.load(SEEDS / "iran-2015.yaml"), nt.load(SEEDS / "minsk-2014-2015.yaml"))
    pages = site_pages(both)
    assert [(p.kind, p.stem) for p in pages] == [
        ("index", "index"),
        ("timeline", "timeline"),
        ("diff", "diff-lausanne_to_jcpoa"),
        ("board", "board-iran-nuclear"),
        ("diff", "diff-minsk-1_to_minsk-2"),
        ("board", "board-minsk"),
    ]
    boards = [p.label for p in pages if p.kind == "board"]
    assert boards == [f"{plan.title}: status board" for plan in both.plans]
    alone = site_pages(nt.load(SEEDS / "minsk-2014-2015.yaml"))
    assert [p.label for p in alone] == [
        "Contents",
        "Timeline",
        f"What changed: {MINSK_1} → {MINSK_2}",
        "Status board",
    ]


def test_navigation_marks_the_page_it_is_on() -> None:
    """A page's navigation links every page in the format asked, itself marked current."""
    pages = site_pages(nt.load(SEEDS / "minsk-2014-2015.yaml"))
    assert pages[2].nav(pages, ".md") == (
        SiteLink("Contents", "index.md", False),
        SiteLink("Timeline", "timeline.md", False),
        SiteLink(f"What changed: {MINSK_1} → {MINSK_2}", "diff-minsk-1_to_minsk-2.md", True),
        SiteLink("Status board", "board-minsk.md", False),
    )


def test_labels_are_in_the_sites_language() -> None:
    """A French site's navigation reads "Chronologie", "Ce qui a changé : ...", "Tableau des
    statuts"."""
    pages = site_pages(nt.load(SEEDS / "minsk-2014-2015.yaml"), interface("fr"))
    assert [p.label for p in pages] == [
        "Sommaire",
        "Chronologie",
        f"Ce qui a changé\u00a0: {MINSK_1} → {MINSK_2}",
        "Tableau des statuts",
    ]


def test_an_arabic_label_keeps_its_versions_in_reading_order() -> None:
    """In Arabic the report's label reads from minsk-1 to minsk-2, right to left: each id
    is isolated, so the two ids and the arrow do not fuse into one left-to-right run."""
    pages = site_pages(nt.load(SEEDS / "minsk-2014-2015.yaml"), interface("ar"))
    label = pages[2].label
    assert label.index(ISOLATED_1) < label.index(ISOLATED_2)
    assert "←" in label


def test_a_label_isolates_only_what_needs_it() -> None:
    """In an English site an id or title with no right-to-left letter gets no invisible
    isolate (some editors show them as boxes, and they survive copying); an Arabic title
    does, and so does every label of an Arabic site."""
    d = nt.load(SEEDS / "minsk-2014-2015.yaml")
    labels = "".join(p.label for p in site_pages(d))
    assert "\u2068" not in labels
    assert "\u2069" not in labels
    titled = nt.Dossier(
        title=d.title,
        participants=d.participants,
        sources=d.sources,
        plans=[attrs.evolve(d.plans[0], title="مينسك")],
    )
    both = nt.merge(titled, nt.load(SEEDS / "iran-2015.yaml"))
    boards = [p.label for p in site_pages(both) if p.kind == "board"]
    assert boards[0] == "\u2068مينسك\u2069: status board"
    assert "\u2068" not in boards[1]
    arabic = "".join(p.label for p in site_pages(d, interface("ar"))[1:])
    assert ISOLATED_1 in arabic
    assert ISOLATED_2 in arabic
