"""The timeline's time axis in Chromium: zoom, lanes, filters on the axis, the address,
phones, print, no script."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import negotrack as nt
from tests.support.dossiers import big_dossier, seed_dossier
from tests.system.browser.conftest import Loaded

pytestmark = pytest.mark.browser

SEED_PAGE = nt.render_timeline(seed_dossier())
DENSE_PAGE = nt.render_timeline(big_dossier(600))


def _visible_marks(page: Any) -> int:
    return int(
        page.evaluate(
            "[...document.querySelectorAll('.nt-mark')]"
            ".filter(m => !m.hidden && getComputedStyle(m).display !== 'none').length"
        )
    )


def test_marks_sit_in_proportion_to_time(open_page: Callable[..., Loaded]) -> None:
    """A mark's drawn left edge follows its data-start along the track (points only)."""
    page = open_page(SEED_PAGE).page
    rows = page.evaluate(
        """() => {
        const t = document.querySelector('.nt-axis-track').getBoundingClientRect();
        const a = document.getElementById('axis').dataset;
        const t0 = Date.parse(a.start), t1 = Date.parse(a.end);
        return [...document.querySelectorAll('.nt-mark.point')].map(m => [
          (m.getBoundingClientRect().left - t.left) / t.width,
          (Date.parse(m.dataset.start) - t0) / (t1 - t0)]);
    }"""
    )
    assert rows
    for drawn, expected in rows:
        assert drawn == pytest.approx(expected, abs=0.01)


def test_zoom_by_button_key_and_range(open_page: Callable[..., Loaded]) -> None:
    """+ widens the track, the keyboard zooms from the focused axis, the range control sets
    the level, "Whole range" goes back."""
    page = open_page(SEED_PAGE).page

    def width() -> float:
        return float(page.evaluate("document.querySelector('.nt-axis-track').offsetWidth"))

    base = width()
    page.click("button[data-zoom=in]")
    assert width() == pytest.approx(2 * base, rel=0.01)
    page.focus(".nt-axis-box")
    page.keyboard.press("+")
    assert width() == pytest.approx(4 * base, rel=0.01)
    page.keyboard.press("-")
    assert width() == pytest.approx(2 * base, rel=0.01)
    page.fill("input[name=zoom]", "3")
    page.dispatch_event("input[name=zoom]", "input")
    assert width() == pytest.approx(8 * base, rel=0.01)
    page.click("button[data-zoom=fit]")
    assert width() == pytest.approx(base, rel=0.01)


def test_dense_stretches_cluster_and_zoom_separates_them(
    open_page: Callable[..., Loaded],
) -> None:
    """At the overview crowded marks are hidden behind counted clusters; zooming shows them;
    activating a cluster zooms into it."""
    page = open_page(DENSE_PAGE).page
    clusters = page.locator(".nt-cluster")
    assert clusters.count() > 0
    hidden_at_overview = 600 - _visible_marks(page)
    counted = page.evaluate(
        "[...document.querySelectorAll('.nt-cluster')].reduce((n, c) => n + +c.textContent, 0)"
    )
    assert hidden_at_overview == counted > 0
    clusters.first.focus()
    page.keyboard.press("Enter")
    assert _visible_marks(page) == 600
    assert page.evaluate("document.getElementById('axis').classList.contains('nt-zoomed')")


def test_filters_act_on_the_axis_and_live_in_the_address(
    open_page: Callable[..., Loaded],
) -> None:
    """Choosing a kind hides other marks and writes #kind=...; opening that address restores
    the same view."""
    loaded = open_page(SEED_PAGE)
    page = loaded.page
    page.select_option(
        "select[name=kind]",
        label=page.evaluate(
            "[...document.querySelectorAll('select[name=kind] option')]"
            ".find(o => o.dataset.key === 'military').textContent"
        ),
    )
    shown = _visible_marks(page)
    assert shown == 3
    url = page.evaluate("location.href")
    assert url.endswith("#kind=military")
    page.select_option("select[name=lanes]", "side")
    url = page.evaluate("location.href")
    assert url.endswith("#kind=military&lanes=side")
    again = open_page(SEED_PAGE).page
    again.evaluate(f"history.replaceState(null, '', {url[url.index('#') :]!r})")
    again.evaluate("document.querySelector('script') && 0")
    # Reload the page text under that address: the script reads the hash on start.
    again.set_content(SEED_PAGE)
    again.evaluate(f"location.hash = {url[url.index('#') :]!r}")
    again.set_content(SEED_PAGE)
    assert again.evaluate("document.querySelector('select[name=kind]').value") != ""
    assert _visible_marks(again) == 3
    assert again.evaluate("document.querySelector('select[name=lanes]').value") == "side"


def test_a_mark_leads_to_its_card_and_keeps_the_address(open_page: Callable[..., Loaded]) -> None:
    """Activating a mark by keyboard scrolls to its card and focuses its link; the filter
    state in the address survives."""
    page = open_page(SEED_PAGE).page
    page.select_option("select[name=lanes]", "kind")
    mark = page.locator('.nt-mark[href="#ev-talks-envoys"]')
    mark.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('li.event').id") == "ev-talks-envoys"
    assert page.evaluate("location.hash") == "#lanes=kind"


def test_lanes_regroup_by_side_and_kind(open_page: Callable[..., Loaded]) -> None:
    """Switching lanes relabels the axis and moves each mark to its kind's lane."""
    page = open_page(SEED_PAGE).page
    page.select_option("select[name=lanes]", "kind")
    labels = page.evaluate(
        "[...document.querySelectorAll('.nt-lanes:not([hidden]) span')].map(s => s.textContent)"
    )
    assert "military" in labels
    lanes = page.evaluate(
        "[...document.querySelectorAll('.nt-mark.k-military')].map(m => m.dataset.lane)"
    )
    assert set(lanes) == {"military"}


def test_phone_axis_scrolls_in_its_own_box(
    open_page: Callable[..., Loaded], artifacts: Path
) -> None:
    """At 375 px the axis box scrolls sideways and the page does not."""
    page = open_page(SEED_PAGE, width=375).page
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    box = page.evaluate(
        "(() => { const b = document.querySelector('.nt-axis-box');"
        " return [b.scrollWidth, b.clientWidth]; })()"
    )
    assert box[0] > box[1]
    page.locator("#axis").screenshot(path=str(artifacts / "axis-375.png"))


def test_without_script_the_overview_shows(open_page: Callable[..., Loaded]) -> None:
    """With JavaScript off the marks and clusters are drawn and the controls stay hidden."""
    page = open_page(DENSE_PAGE, javascript=False).page
    assert page.locator(".nt-cluster").count() > 0
    assert _visible_marks(page) > 0
    assert not page.locator(".nt-axis-tools").is_visible()


def test_print_keeps_the_axis_and_drops_the_controls(
    open_page: Callable[..., Loaded], artifacts: Path
) -> None:
    """On paper the axis shows whole; its tools and the filters do not."""
    page = open_page(SEED_PAGE).page
    page.emulate_media(media="print")
    assert page.locator(".nt-axis-track").is_visible()
    assert not page.locator(".nt-axis-tools").is_visible()
    assert not page.locator("#filters").is_visible()
    page.pdf(path=str(artifacts / "timeline-print.pdf"))


_TICKS = """() => {
  const box = document.querySelector('.nt-axis-box').getBoundingClientRect();
  const track = document.querySelector('.nt-axis-track').getBoundingClientRect();
  const a = document.getElementById('axis').dataset;
  const t0 = Date.parse(a.start), t1 = Date.parse(a.end);
  return [...document.querySelectorAll('.nt-ticks time')].map(t => {
    const label = t.getBoundingClientRect(), line = t.parentNode.getBoundingClientRect();
    return {text: t.textContent, left: label.left, right: label.right, width: label.width,
            line: (line.left - track.left) / track.width,
            date: (Date.parse(t.dateTime) - t0) / (t1 - t0),
            frame: [box.left, box.right], track: [track.left, track.right]};
  });
}"""


@pytest.mark.parametrize(
    ("media", "width", "javascript"),
    [("print", 794, True), ("print", 640, True), ("print", 794, False), ("screen", 375, True)],
)
def test_tick_labels_stay_inside_the_frame(
    open_page: Callable[..., Loaded], media: str, width: int, javascript: bool
) -> None:
    """Every gridline's label lies inside the axis's frame and its track, on paper (A4's
    width and less, the ticks the page was written with or the script's) and on a phone,
    and each gridline stays at its date. The last month's name ran past the frame."""
    page = open_page(SEED_PAGE, width=width, javascript=javascript).page
    page.emulate_media(media=media)
    ticks = page.evaluate(_TICKS)
    assert ticks
    # The case in question is there: a label longer than the room its gridline leaves.
    room = [(t["track"][1] - t["track"][0]) * (1 - t["line"]) for t in ticks]
    assert any(r < t["width"] for r, t in zip(room, ticks, strict=True))
    for t in ticks:
        assert t["line"] == pytest.approx(t["date"], abs=0.002), t["text"]
        assert t["track"][0] - 0.5 <= t["left"], t
        assert t["right"] <= t["track"][1] + 0.5, t
        if media == "print":  # on a phone the frame scrolls: the track is what it shows
            assert t["frame"][0] - 0.5 <= t["left"], t
            assert t["right"] <= t["frame"][1] + 0.5, t
    if media == "screen":  # and it scrolls no further than the track's end
        assert page.evaluate(
            "(() => { const b = document.querySelector('.nt-axis-box');"
            " const t = document.querySelector('.nt-axis-track');"
            " return b.scrollWidth <= t.offsetWidth + 1; })()"
        )


def test_embedded_fragment_is_styled_and_leaves_its_host_alone(
    open_page: Callable[..., Loaded],
) -> None:
    """In a host page the fragment gets negotrack's colours and type, the host keeps its
    own, and the axis still zooms."""
    fragment = nt.render_timeline(seed_dossier(), embed=True)
    host = (
        "<!doctype html><html lang='en'><head><title>host</title><style>"
        "body { font-family: serif; background: rgb(253, 246, 227); }"
        "a { color: rgb(1, 2, 3); }</style></head><body>"
        f"<p id='host'><a href='#x'>host link</a></p>{fragment}</body></html>"
    )
    loaded = open_page(host, csp=False)
    page = loaded.page
    styles = page.evaluate(
        """() => {
        const e = getComputedStyle(document.querySelector('.nt-embed'));
        const h = getComputedStyle(document.querySelector('#host a'));
        const m = getComputedStyle(document.querySelector('.nt-embed .month-nav a'));
        return [e.backgroundColor, e.fontFamily, h.color, m.color,
                getComputedStyle(document.body).fontFamily];
    }"""
    )
    assert styles[0] == "rgb(255, 255, 255)"
    assert "system-ui" in styles[1]
    assert styles[2] == "rgb(1, 2, 3)"
    assert styles[3] != "rgb(1, 2, 3)"
    assert styles[4] == "serif"
    page.click(".nt-embed button[data-zoom=in]")
    assert page.evaluate("document.getElementById('axis').classList.contains('nt-zoomed')")
    assert loaded.page_errors == []


# Seven months that end two days after the last month's gridline: at 375 px the last label
# has no room, and moved back inside the frame it covered the one before ("Mar 2(").
LATE_END_PAGE = nt.render_timeline(
    nt.Dossier(
        title="Ends just after a month",
        events=[
            nt.Event(id="start", when="2022-09-01", title="Talks open", kind="round"),
            nt.Event(id="mid", when="2022-12-10", title="A meeting", kind="meeting"),
            nt.Event(id="end", when="2023-04-03", title="Review", kind="statement"),
        ],
    )
)


def _labels(page: Any) -> list[list[Any]]:
    """Each tick label's text, left and right edges, and whether it is shown."""
    result: list[list[Any]] = page.evaluate(
        """[...document.querySelectorAll('.nt-ticks time')].map(t => {
             const r = t.getBoundingClientRect();
             return [t.textContent, r.left, r.right, getComputedStyle(t).visibility];
           })"""
    )
    return result


@pytest.mark.parametrize("width", [375, 1280])
def test_no_tick_label_covers_another(open_page: Callable[..., Loaded], width: int) -> None:
    """The labels shown never overlap, at load and after zooming; a label left out keeps
    its gridline, and one with room is shown (at 1,280 px every label fits)."""
    page = open_page(LATE_END_PAGE, width=width).page
    for step in range(3):
        labels = _labels(page)
        shown = [lab for lab in labels if lab[3] == "visible"]
        assert all(b[1] >= a[2] for a, b in itertools.pairwise(shown)), shown
        assert page.locator(".nt-ticks li").count() == len(labels)
        if width == 1280 and step == 0:
            assert shown == labels
        if width == 375 and step == 0:
            assert shown[-1][0] == "Mar 2023"
            assert labels[-1][0] == "Apr 2023"
        page.locator("button[data-zoom=in]").click()
