"""Every page in real Chromium: offline, no console error, filters by keyboard, screenshots,
and an axe-core audit in light and dark."""

from __future__ import annotations

import collections
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import negotrack as nt
from negotrack.render.shared import repr_html
from negotrack.views.diff import DiffView
from tests.support.dossiers import SEEDS, seed_dossier, small_dossier
from tests.support.lineage import unkeyed
from tests.system.browser.conftest import Loaded, axe

pytestmark = pytest.mark.browser


def _pages() -> dict[str, str]:
    d = seed_dossier()
    pages = {"timeline": nt.render_timeline(d)}
    plan = d.plans[0]
    if len(plan.versions) >= 2:
        pd = d.diff(plan.versions[0].id, plan.versions[-1].id)
        pages["diff"] = pd.to_html()
        pages["board"] = nt.render_board(d, plan.id)
        # Right to left and Cyrillic: every check below runs on these too (axe, overflow,
        # offline, screenshots at 375 and 1280 px into tests/artifacts/).
        pages["diff-ar"] = pd.to_html(locale="ar")
        pages["board-ar"] = nt.render_board(d, plan.id, locale="ar")
        # A page of a published site, with its links to the other pages.
        with tempfile.TemporaryDirectory() as folder:
            nt.render_site(d, folder)
            pages["site-diff"] = next(Path(folder).glob("diff-*.html")).read_text("utf-8")
            pages["site-index"] = (Path(folder) / "index.html").read_text("utf-8")
    # Notebook displays, in a page as Jupyter puts them: the diff of long texts and the
    # suggestions must fit a phone too (the diff's table stacks in a narrow cell).
    colombia = unkeyed("colombia-2016.yaml")
    for name, shown in {
        "repr-diff-colombia": colombia.diff("final-aug", "final-nov"),
        "repr-suggestions-colombia": colombia.suggest_links("final-aug", "final-nov"),
        "repr-diff-ar": colombia.diff("final-aug", "final-nov"),
    }.items():
        body = repr_html(shown, locale="ar" if name.endswith("-ar") else None)
        pages[name] = (
            f"<!doctype html><html lang='en'><head><title>{name}</title></head>"
            f"<body>{body}</body></html>"
        )
    pages["timeline-uk"] = nt.render_timeline(d, locale="uk")
    pages["timeline-ar"] = nt.render_timeline(d, locale="ar")
    return pages


PAGES = _pages()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_is_clean_offline(open_page: Callable[..., Loaded], name: str) -> None:
    """The page loads with its CSP on, logs no error and asks for nothing from the network."""
    loaded = open_page(PAGES[name])
    assert loaded.console_errors == []
    assert loaded.page_errors == []
    assert [u for u in loaded.requests if not u.startswith(("about:", "data:"))] == []
    assert loaded.pwned() == []


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots(
    open_page: Callable[..., Loaded], artifacts: Path, name: str, width: int
) -> None:
    """Screenshots at phone and desktop widths are written; nothing overflows sideways."""
    for dark in (False, True):
        loaded = open_page(PAGES[name], width=width, dark=dark)
        path = artifacts / f"{name}-{width}{'-dark' if dark else ''}.png"
        loaded.page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 1000
        overflow = loaded.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}px"


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_axe_audit(open_page: Callable[..., Loaded], name: str, dark: bool) -> None:
    """axe-core finds no serious or critical accessibility violation."""
    loaded = open_page(PAGES[name], dark=dark, csp=False)
    violations = axe(loaded.page)
    assert violations == [], [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations
    ]


def _shown(page: Any) -> int:
    return int(page.evaluate("document.querySelectorAll('li.event:not([hidden])').length"))


def test_filters_by_keyboard(open_page: Callable[..., Loaded]) -> None:
    """Tabbing to the filters and choosing by keys narrows the events; search too; reset clears."""
    loaded = open_page(nt.render_timeline(small_dossier()))
    page = loaded.page
    total = _shown(page)
    assert total == 5
    assert page.is_visible("#filters")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the kind menu
    assert page.evaluate("document.activeElement.name") == "kind"
    page.keyboard.press("ArrowDown")  # first kind, in label order
    chosen = page.evaluate("document.activeElement.selectedOptions[0].textContent")
    assert _shown(page) < total
    said = page.evaluate("document.querySelector('#filter-count').textContent")
    assert said == f"Events shown: {_shown(page)} of {total}.", chosen
    page.keyboard.press("Home")  # back to "All kinds"
    assert _shown(page) == total
    for _ in range(4):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.type("zakharova")
    assert _shown(page) == 1
    assert page.is_visible("#ev-zakharova")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Clear filters"
    page.wait_for_function(f"document.querySelectorAll('li.event:not([hidden])').length == {total}")
    assert _shown(page) == total
    assert loaded.console_errors == []


def test_side_and_participant_filters(open_page: Callable[..., Loaded]) -> None:
    """Choosing a side or a participant keeps exactly the events they took part in."""
    page = open_page(nt.render_timeline(small_dossier())).page
    page.select_option("select[name=side]", label="Russia (1)")
    assert _shown(page) == 1
    page.select_option("select[name=side]", index=0)
    page.select_option("select[name=participant]", label="Rustem Umerov (2)")
    assert _shown(page) == 2
    hidden_months = page.evaluate("document.querySelectorAll('section.month[hidden]').length")
    assert hidden_months == 0


def test_page_complete_without_javascript(open_page: Callable[..., Loaded]) -> None:
    """With scripts off every event is shown and the filter form stays out of the way."""
    loaded = open_page(nt.render_timeline(small_dossier()), javascript=False)
    assert _shown(loaded.page) == 5
    assert not loaded.page.is_visible("#filters")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_fits_a_360px_screen(open_page: Callable[..., Loaded], name: str) -> None:
    """At 360px nothing but the board's own scrolling tables is wider than the screen."""
    page = open_page(PAGES[name], width=360).page
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_print_hides_the_controls(open_page: Callable[..., Loaded], artifacts: Path) -> None:
    """On paper the filters and the skip link go; the events stay."""
    page = open_page(PAGES["timeline"]).page
    page.emulate_media(media="print")
    assert not page.is_visible("#filters")
    assert page.is_visible("li.event")
    page.pdf(path=str(artifacts / "timeline-print.pdf"))
    assert (artifacts / "timeline-print.pdf").stat().st_size > 1000


def test_side_by_side_toggle_without_script(open_page: Callable[..., Loaded]) -> None:
    """Ticking the checkbox (by keyboard, scripts off) shows old and new side by side."""
    page = open_page(
        nt.render_diff(small_dossier().diff("us-28", "20-point")), javascript=False
    ).page
    assert not page.is_visible(".side-by-side")
    page.focus("#sbs")
    page.keyboard.press("Space")
    assert page.is_visible(".side-by-side")
    assert not page.is_visible(".inline")


def test_anchor_per_event_is_targetable(open_page: Callable[..., Loaded]) -> None:
    """Every event has an id a link can target, and the month navigation reaches months."""
    page = open_page(nt.render_timeline(small_dossier())).page
    ids = page.evaluate("[...document.querySelectorAll('li.event')].map(e => e.id)")
    assert len(ids) == len(set(ids)) == 5
    page.click("nav.month-nav a >> nth=1")
    assert page.evaluate("location.hash") == "#m-2025-12"


def test_the_counts_choose_what_to_show_without_script(open_page: Callable[..., Loaded]) -> None:
    """Choosing a count (by pointer, or by arrow keys, scripts off) shows only those
    changes; a link to a change the choice hides still shows it."""
    d = unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")
    shows = [(key, count) for key, _, count in DiffView.build(d).shows]
    page = open_page(d.to_html(), javascript=False).page

    def shown() -> int:
        return int(
            page.evaluate(
                "[...document.querySelectorAll('.changes > li')]"
                ".filter(e => e.getClientRects().length).length"
            )
        )

    counts = dict(shows)
    assert shown() == counts["all"]
    page.click("label[for=show-deleted]")
    assert page.is_checked("#show-deleted")
    assert shown() == counts["deleted"] < counts["all"]
    # The arrow keys move the choice along the counts, as in any radio group.
    keys = [key for key, _ in shows]
    after = keys[keys.index("deleted") + 1]
    page.focus("#show-deleted")
    page.keyboard.press("ArrowRight")
    assert page.is_checked(f"#show-{after}")
    assert shown() == counts[after]
    page.click("label[for=show-check]")
    assert shown() == counts["check"]
    # Showing deleted points, a deleted point's "may continue as" link leads to a point
    # that is not deleted: it is shown all the same.
    page.click("label[for=show-deleted]")
    link = page.locator("li.c-deleted:visible .counterparts a").first
    target = link.get_attribute("href")
    assert target is not None
    assert not page.is_visible(f"li{target}")
    link.click()
    assert page.is_visible(f"li{target}")
    assert shown() == counts["deleted"] + 1
    page.click("label[for=show-all]")
    assert shown() == counts["all"]


# Minsk's board charts five dates: 512px, wider than a phone.
WIDE = PAGES | {"board-minsk": nt.render_board(nt.load(SEEDS / "minsk-2014-2015.yaml"), "minsk")}


@pytest.mark.parametrize("name", sorted(WIDE))
def test_every_box_that_scrolls_on_a_phone_takes_the_keyboard(
    open_page: Callable[..., Loaded], name: str
) -> None:
    """At 375px every box that scrolls sideways (the board's chart and tables, the time
    axis) can be reached by Tab and is a named region (axe: scrollable-region-focusable)."""
    page = open_page(WIDE[name], width=375, csp=False).page  # csp=False admits axe
    boxes = page.evaluate(
        """[...document.querySelectorAll('body *')].filter(e => {
             const x = getComputedStyle(e).overflowX;
             return (x === 'auto' || x === 'scroll') && e.scrollWidth > e.clientWidth;
           }).map(e => [e.querySelector('svg') ? 'chart' : e.className, e.tabIndex,
                        e.getAttribute('role'),
                        e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')])"""
    )
    if name == "board-minsk":
        assert "chart" in [what for what, *_ in boxes]
    for what, tab, role, label in boxes:
        assert tab >= 0, f"{name}: {what} scrolls but takes no focus"
        assert role == "region", f"{name}: {what}"
        assert label, f"{name}: {what} has no name"
    if name == "board-minsk":
        assert [v["id"] for v in axe(page)] == []


@pytest.mark.parametrize("width", [375, 1280])
def test_the_boards_point_texts_are_read_whole(
    open_page: Callable[..., Loaded], width: int
) -> None:
    """No point text on the board is cut short: each box is as tall as its text (a text
    cut to three lines could be read nowhere else on the page)."""
    page = open_page(WIDE["board-minsk"], width=width).page
    cut = page.evaluate(
        """[...document.querySelectorAll('.point-text')]
             .filter(e => e.scrollHeight > e.clientHeight + 1).map(e => e.textContent)"""
    )
    assert page.locator(".point-text").count() > 5
    assert cut == []


@pytest.mark.parametrize("name", ["board-minsk", "board-ar"])
def test_the_board_stacks_on_a_phone_and_stays_a_table(
    open_page: Callable[..., Loaded], name: str
) -> None:
    """At 375px the board's point table is a column of cards: nothing in it scrolls
    sideways, and each cell is led by its version's name (a cell of two columns is no help
    when the other scrolled away). A screen reader still meets a table of rows, row
    headers and cells (the browser's own accessibility tree, not the markup's). At
    1,280px the table is the table, its cells' own labels hidden."""
    narrow = open_page(WIDE[name], width=375).page
    wrap = narrow.locator(".table-wrap:has(table.stack)").first
    assert wrap.evaluate("e => e.scrollWidth - e.clientWidth") == 0
    first = narrow.locator("table.stack tbody td").first
    label = first.locator(".cell-label")
    header = narrow.locator("table.stack thead th").nth(1)
    assert label.is_visible()
    assert label.inner_text().split("\n")[0] == header.inner_text().split("\n")[0]
    head = narrow.locator("table.stack thead").first.bounding_box()
    assert head is not None
    assert head["width"] <= 1
    # The label sits beside the cell's number, not above it: one line of the card.
    body = first.locator(".cell-body").bounding_box()
    box = label.bounding_box()
    assert body is not None
    assert box is not None
    assert abs(body["y"] - box["y"]) < 4
    wide = open_page(WIDE[name], width=1280).page
    # A screen reader meets the same table either way: rows, their headers, cells.
    assert _table_roles(narrow) == _table_roles(wide)
    assert _table_roles(narrow)["rowheader"] >= 5
    # The cells' own labels are not read twice: no cell's name holds its column's name
    # (a screen reader names the column from its header).
    names = _cell_names(narrow)
    column = header.locator("bdi").first.inner_text()
    assert any("#" in text for text in names)
    assert not [text for text in names if column in text]
    assert not wide.locator("table.stack tbody td .cell-label").first.is_visible()
    assert wide.locator("table.stack thead th").nth(1).is_visible()


def _table_roles(page: Any) -> collections.Counter[str]:
    """How many of each table role the browser's accessibility tree holds (what a screen
    reader is given, whatever the markup says)."""
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    roles = (n.get("role", {}).get("value") for n in tree if not n.get("ignored"))
    wanted = {"table", "row", "rowheader", "columnheader", "cell"}
    return collections.Counter(r for r in roles if r in wanted)


def _cell_names(page: Any) -> list[str]:
    """The accessible names of the cells in the browser's accessibility tree."""
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    return [
        str(n.get("name", {}).get("value", ""))
        for n in tree
        if not n.get("ignored") and n.get("role", {}).get("value") == "cell"
    ]
