"""The hostile corpus in a real Chromium: no script runs, nothing is injected, and the
strings show up as text, in every HTML output (pages and notebook displays)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import negotrack as nt
from negotrack.render.htmltext import visible
from negotrack.render.shared import repr_html
from negotrack.views.timeline import TimelineView
from tests.support.hostile import HOSTILE, hostile_dossier
from tests.system.browser.conftest import Loaded

pytestmark = pytest.mark.browser

DOSSIER = hostile_dossier()
PLAN = DOSSIER.plans[0]
DIFF = DOSSIER.diff(PLAN.versions[0].id, PLAN.versions[1].id)


def _fragment(body: str) -> str:
    # A notebook display is a fragment; Jupyter puts it in a page like this.
    return (
        f"<!doctype html><html lang='en'><head><title>repr</title></head><body>{body}</body></html>"
    )


OUTPUTS = {
    "timeline": nt.render_timeline(DOSSIER),
    "timeline-embed": _fragment(nt.render_timeline(DOSSIER, embed=True)),
    "board-as-of": nt.render_board(DOSSIER, as_of="2025-12-01"),
    "diff": DIFF.to_html(),
    "board": nt.render_board(DOSSIER),
    "repr-dossier": _fragment(repr_html(DOSSIER)),
    "repr-version": _fragment(repr_html(PLAN.versions[1])),
    "repr-diff": _fragment(repr_html(DIFF)),
    "repr-timeline": _fragment(repr_html(TimelineView.build(DOSSIER))),
}


def _norm(text: str) -> str:
    # The HTML parser turns CR LF and lone CR into LF; a control character arrives as its
    # visible stand-in (U+001B as "␛"); everything else arrives as written.
    return visible(text).replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_no_script_runs(open_page: Callable[..., Loaded], name: str) -> None:
    """With the page's CSP off, still no hostile string runs, opens a dialog or injects markup."""
    loaded = open_page(OUTPUTS[name], csp=False)
    loaded.page.wait_for_timeout(200)  # let any onload, onfocus or ontoggle fire
    loaded.page.mouse.move(300, 300)
    assert loaded.pwned() == []
    assert loaded.page_errors == []
    assert loaded.injected() == []
    assert loaded.requests == [] or all(u.startswith(("about:", "data:")) for u in loaded.requests)


def test_timeline_titles_show_as_text(open_page: Callable[..., Loaded]) -> None:
    """Every event title reads in the browser exactly as it was written."""
    page = open_page(OUTPUTS["timeline"], csp=False).page
    shown = page.evaluate("[...document.querySelectorAll('li.event h3')].map(h => h.textContent)")
    expected = [_norm(e.title) for e in DOSSIER.filter_events()]
    assert shown == expected


def test_every_hostile_string_shows_somewhere(open_page: Callable[..., Loaded]) -> None:
    """Each string of the corpus is in the timeline page's text (it is in some field)."""
    page = open_page(OUTPUTS["timeline"], csp=False).page
    text = page.evaluate("document.body.textContent")
    missing = [s[:60] for s in HOSTILE if _norm(s) not in text]
    assert missing == []


def test_diff_and_board_texts_show_as_text(open_page: Callable[..., Loaded]) -> None:
    """Point texts read in the diff's side-by-side view and the board exactly as written."""
    diff_page = open_page(OUTPUTS["diff"], csp=False).page
    after = diff_page.evaluate(
        "[...document.querySelectorAll('.side-by-side > div:last-child p')].map(p => {"
        " const c = p.cloneNode(true);"
        " c.querySelectorAll('.visually-hidden').forEach(x => x.remove());"
        " return c.textContent; })"
    )
    for point in PLAN.versions[1].points:
        assert _norm(point.text) in after
    board = open_page(OUTPUTS["board"], csp=False).page
    texts = board.evaluate("[...document.querySelectorAll('.point-text')].map(p => p.textContent)")
    assert _norm(PLAN.versions[1].points[0].text) in texts


def test_filters_still_work_on_hostile_data(open_page: Callable[..., Loaded]) -> None:
    """Searching for a script tag finds the events holding it, as text, and runs nothing."""
    page = open_page(OUTPUTS["timeline"]).page
    page.fill("input[name=q]", "<script>alert(1)</script>")
    shown = page.evaluate("document.querySelectorAll('li.event:not([hidden])').length")
    assert shown > 0
    page.fill("input[name=q]", "{{ 7*7 }} no such event")
    assert page.evaluate("document.querySelectorAll('li.event:not([hidden])').length") == 0
    assert page.evaluate("window.__pwned") == []


def test_axis_marks_lanes_and_tooltips_read_as_text(open_page: Callable[..., Loaded]) -> None:
    """Each mark is named by its title as written; lane labels read as the tracks; hovering
    and focusing every mark and status marker shows its name as text and runs nothing."""
    loaded = open_page(OUTPUTS["timeline"])
    page = loaded.page
    names = page.evaluate(
        "[...document.querySelectorAll('.nt-mark')].map(m => m.getAttribute('aria-label'))"
    )
    events = DOSSIER.filter_events()
    assert len(names) == len(events)
    for name, event in zip(names, events, strict=True):
        assert name.startswith(_norm(event.title) + ", ")
    lanes = page.evaluate(
        "[...document.querySelectorAll('.nt-lanes[data-mode=track] span')].map(s => s.textContent)"
    )
    tracks = {_norm(e.track) for e in events if e.track is not None}
    assert tracks <= set(lanes)
    page.click("button[data-zoom=in]")
    page.click("button[data-zoom=in]")
    for selector in (".nt-mark", ".nt-change", ".nt-cluster"):
        for i in range(min(12, page.locator(selector).count())):
            el = page.locator(selector).nth(i)
            el.dispatch_event("focusin")
            el.dispatch_event("mouseover")
            tip = page.evaluate("document.querySelector('.nt-tip').textContent")
            assert tip == el.get_attribute("aria-label")
    for mode in ("side", "kind", "track"):
        page.select_option("select[name=lanes]", mode)
    assert loaded.pwned() == []
    assert loaded.page_errors == []
    assert loaded.injected() == []


def test_board_chart_reads_as_text(open_page: Callable[..., Loaded]) -> None:
    """The board's chart table and bar titles hold only dates, counts and status words."""
    page = open_page(OUTPUTS["board"], csp=False).page
    rows = page.evaluate(
        "[...document.querySelectorAll('.chart-table tbody th')].map(t => t.textContent)"
    )
    bars = page.evaluate("document.querySelectorAll('svg.nt-chart rect').length")
    assert rows
    assert bars >= len(rows)


def test_the_trap_catches_an_unescaped_page(open_page: Callable[..., Loaded]) -> None:
    """The checks above are not vacuous: raw hostile markup is caught by both trap and probe."""
    loaded = open_page(_fragment("<p>" + HOSTILE[3] + HOSTILE[5] + "</p>"), csp=False)
    loaded.page.wait_for_timeout(200)
    assert "alert" in loaded.pwned()
    assert loaded.injected() != []
