"""The diff report in real Chromium: unique ids and links to cards under a filter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import negotrack as nt
from negotrack.views.diff import DiffView
from tests.support.lineage import unkeyed
from tests.system.browser.conftest import Loaded

pytestmark = pytest.mark.browser

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
IRAN = nt.load(SEEDS / "iran-2015.yaml").diff("lausanne", "jcpoa")
MINSK = nt.load(SEEDS / "minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")


def _visible(page: Any, selector: str) -> list[str]:
    """The ids of the elements matching ``selector`` that are drawn."""
    return list(
        page.evaluate(
            f"[...document.querySelectorAll({selector!r})]"
            ".filter(e => e.getClientRects().length).map(e => e.id)"
        )
    )


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_id_of_every_seed_report_is_unique(
    open_page: Callable[..., Loaded], seed: Path
) -> None:
    """In the report of every pair of versions of every seed, as Chromium parses it, no
    two elements share an id (merge pieces stand at one new point)."""
    d = nt.load(seed)
    for plan in d.plans:
        for old, new in zip(plan.versions, plan.versions[1:], strict=False):
            page = open_page(d.diff(old.id, new.id).to_html(), javascript=False).page
            ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
            repeated = sorted({i for i in ids if ids.count(i) > 1})
            assert repeated == [], f"{seed.stem} {old.id}->{new.id}: {repeated}"
            page.close()


def test_a_link_to_a_merged_point_reaches_its_first_piece_under_any_filter(
    open_page: Callable[..., Loaded],
) -> None:
    """With only deleted points shown, a link to jcpoa #7 (a merge) shows the card of its
    first piece, and only that card; the other pieces have ids of their own."""
    page = open_page(IRAN.to_html(), javascript=False).page
    pieces = page.evaluate(
        "[...document.querySelectorAll('li.change')].filter(e =>"
        " e.querySelector('h3 .ref bdi:last-of-type').textContent === 'jcpoa #7').map(e => e.id)"
    )
    assert pieces[0] == "p-jcpoa-7"
    assert len(pieces) == len(set(pieces)) > 1
    page.click("label[for=show-deleted]")
    assert not set(pieces) & set(_visible(page, "li.change"))
    page.evaluate("location.hash = '#p-jcpoa-7'")
    shown = set(_visible(page, "li.change"))
    assert "p-jcpoa-7" in shown
    assert not set(pieces[1:]) & shown
    box = page.locator("#p-jcpoa-7").bounding_box()
    assert box is not None
    assert 0 <= box["y"] < 900  # scrolled into view


def test_paper_shows_every_change_whatever_the_choice(
    open_page: Callable[..., Loaded], artifacts: Path
) -> None:
    """Printing with only deleted points (or those to check) chosen still prints every
    change, without the radio group, with a plain line of counts instead."""
    d = unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")
    page = open_page(d.to_html(), javascript=False).page
    total = page.locator("li.change").count()
    assert not page.is_visible(".print-summary")  # on screen the counts are the choice
    for choice in ("deleted", "check"):
        page.emulate_media(media="screen")
        page.click(f"label[for=show-{choice}]")
        assert len(_visible(page, "li.change")) < total
        page.emulate_media(media="print")
        assert len(_visible(page, "li.change")) == total
        assert not page.is_visible(".summary-counts")
        assert not page.is_visible("#sbs")
        line = page.inner_text(".print-summary")
        assert "deleted" in line
        assert "to check" in line
    page.pdf(path=str(artifacts / "diff-print.pdf"))
    assert (artifacts / "diff-print.pdf").stat().st_size > 1000


def test_the_marks_of_edits_are_not_struck_and_add_no_space(
    open_page: Callable[..., Loaded],
) -> None:
    """The line through a deletion (under an insertion) is drawn on its words, not on the
    "−" (or "+") before them, which struck would read "="; no <ins> or <del> adds a margin
    to the text's own single space; the marks are not read out (the hidden words say what
    they mean)."""
    page = open_page(MINSK.to_html(), javascript=False).page
    styles = page.evaluate(
        """[...document.querySelectorAll('#p-minsk-2-10 .inline :is(ins, del)')].map(e => {
             const own = getComputedStyle(e);
             const mark = getComputedStyle(e, '::before');
             const words = getComputedStyle(e.querySelector(':scope > .edit'));
             return [e.tagName, own.textDecorationLine, words.textDecorationLine,
                     mark.content, own.marginInlineStart, own.marginInlineEnd];
           })"""
    )
    assert {tag for tag, *_ in styles} == {"INS", "DEL"}
    lines = {"INS": "underline", "DEL": "line-through"}
    for tag, own, words, mark, start, end in styles:
        # Decorations reach every inline descendant of the box that has them, the mark
        # (::before) included: so the <ins>/<del> itself has none.
        assert own == "none"
        assert words == lines[tag]
        assert mark == ('"+" / ""' if tag == "INS" else '"−" / ""')
        assert (start, end) == ("0px", "0px")


@pytest.mark.parametrize(
    ("dark", "accent"), [(False, "rgb(11, 87, 208)"), (True, "rgb(121, 184, 255)")]
)
def test_the_change_a_link_led_to_is_outlined(browser: Any, dark: bool, accent: str) -> None:
    """A card reached by its anchor gets the accent's outline (in light and dark), which
    forced colours keep; it flashes only for readers who allow motion."""

    def card_styles(motion: str, forced: str) -> dict[str, list[str]]:
        ctx = browser.new_context(
            color_scheme="dark" if dark else "light",
            reduced_motion=motion,
            forced_colors=forced,
            java_script_enabled=False,
        )
        try:
            page = ctx.new_page()
            page.set_content(MINSK.to_html())
            page.evaluate("location.hash = '#p-minsk-2-10'")
            return dict(
                page.evaluate(
                    """['p-minsk-2-10', 'p-minsk-2-11'].map(id => {
                         const s = getComputedStyle(document.getElementById(id));
                         return [id, [s.outlineStyle, s.outlineWidth, s.outlineColor,
                                      s.animationName]];
                       })"""
                )
            )
        finally:
            ctx.close()

    styles = card_styles("no-preference", "none")
    assert styles["p-minsk-2-10"] == ["solid", "3px", accent, "nt-arrived"]
    assert styles["p-minsk-2-11"][0] == "none"
    still = card_styles("reduce", "none")["p-minsk-2-10"]
    assert still[:3] == ["solid", "3px", accent]
    assert still[3] == "none"
    forced = card_styles("no-preference", "active")["p-minsk-2-10"]
    assert forced[:2] == ["solid", "3px"]


def test_each_count_is_named_with_a_space_before_its_word(
    open_page: Callable[..., Loaded],
) -> None:
    """Chromium names the radio buttons "19 all", "8 to check" (not "19all"), and the word
    still stands .3rem from its count, as it did before the space was there."""
    d = unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")
    page = open_page(d.to_html(), width=375, javascript=False).page
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")
    names = [n["name"]["value"] for n in tree["nodes"] if n.get("role", {}).get("value") == "radio"]
    want = [f"{count} {label}" for _, label, count in DiffView.build(d).shows]
    assert names == want
    gaps = page.evaluate(
        """[...document.querySelectorAll('.summary-counts label')].map(l => {
             const count = l.querySelector('b').firstChild;
             const word = count.parentNode.nextSibling;
             const a = document.createRange(); a.selectNodeContents(count);
             const b = document.createRange();
             b.setStart(word, word.data.length - word.data.trimStart().length);
             b.setEnd(word, word.data.length);
             return b.getBoundingClientRect().left - a.getBoundingClientRect().right;
           })"""
    )
    assert gaps
    assert all(abs(gap - 4.8) < 0.5 for gap in gaps), gaps  # .3rem


def test_check_this_is_explained_without_hovering(open_page: Callable[..., Loaded]) -> None:
    """On a phone, the legend of confidence stands visible above the changes, and Chromium
    gives each "check this" badge that text as its description (a tooltip alone is out of
    reach on touch and keyboard)."""
    d = unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")
    page = open_page(d.to_html(), width=375, javascript=False).page
    assert page.is_visible("#term-confidence")
    legend = page.inner_text("#term-confidence")
    assert "below 0.80" in legend
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")
    described = [n for n in tree["nodes"] if n.get("description", {}).get("value") == legend]
    badges = page.locator(".badge.check[aria-describedby=term-confidence]").count()
    assert badges > 0
    assert len(described) == badges
    # A point with candidates is marked too, and described by what a candidate is.
    candidates = page.inner_text("#term-candidates")
    assert "the text alone could not decide" in candidates
    described = [n for n in tree["nodes"] if n.get("description", {}).get("value") == candidates]
    marked = page.locator(".badge.check[aria-describedby=term-candidates]").count()
    assert marked > 0
    assert len(described) == marked


_LINES_OF_IDS = """[...document.querySelectorAll('.ident')].filter(e => e.getClientRects().length)
  .map(e => { const r = document.createRange(); r.selectNodeContents(e);
              return [e.textContent,
                      new Set([...r.getClientRects()].map(x => Math.round(x.top))).size]; })"""
_SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.yaml")), ids=lambda p: p.stem)
def test_ids_and_references_stay_whole_on_a_phone(
    open_page: Callable[..., Loaded], artifacts: Path, seed: Path
) -> None:
    """At 375 px no version id or point reference ("final-nov #1.1", "minsk-2 #4") is cut
    across two lines at its hyphen or space, in the header, the cards, their groups and
    candidates, keyed or not, in English and Arabic; and the page is no wider than the
    screen."""
    for d in (nt.load(seed), unkeyed(seed.name)):
        for plan in d.plans:
            for old, new in zip(plan.versions, plan.versions[1:], strict=False):
                for locale in ("en", "ar"):
                    html = d.diff(old.id, new.id).to_html(locale=locale)
                    page = open_page(html, width=375, javascript=False).page
                    ids = page.evaluate(_LINES_OF_IDS)
                    assert ids
                    assert [text for text, lines in ids if lines > 1] == [], (old.id, locale)
                    assert page.evaluate(_SIDEWAYS) <= 0
                    page.close()
    page = open_page(nt.load(seed).diff(old.id, new.id).to_html(), width=375).page
    page.screenshot(path=str(artifacts / f"diff-{seed.stem}-375.png"), full_page=True)


def test_an_id_wider_than_the_screen_wraps_rather_than_widen_the_page(
    open_page: Callable[..., Loaded],
) -> None:
    """A version id longer than a phone's line still wraps inside itself: kept whole,
    it would make the page scroll sideways."""
    long = "a-version-id-much-longer-than-any-phone-can-show-on-one-single-line-2025"
    old = nt.PlanVersion(id="a", label="A", date="2025-01-01", points=[nt.Point("1", "x y")])
    new = nt.PlanVersion(id=long, label="B", date="2025-02-01", points=[nt.Point("1", "x z")])
    page = open_page(nt.diff(old, new).to_html(), width=375, javascript=False).page
    assert page.evaluate(_SIDEWAYS) <= 0
    assert any(lines > 1 for _, lines in page.evaluate(_LINES_OF_IDS))


def test_a_deleted_points_options_are_struck_through_as_its_text(
    open_page: Callable[..., Loaded],
) -> None:
    """A point the new version dropped shows its text struck through, and its options too
    (they went with it); a kept point's options are not."""
    options = ("within six months", "within a year")
    old = nt.PlanVersion(
        id="v1",
        label="Draft",
        date="2022-11-02",
        points=[
            nt.Point("1", "Both parties stop all hostilities at once."),
            nt.Point("2", "An interim administration governs the region.", options=options),
            nt.Point("3", "Elections are held in the region.", options=options),
        ],
    )
    new = nt.PlanVersion(
        id="v2",
        label="Declaration",
        date="2022-11-12",
        points=[
            nt.Point("1", "Both parties stop all hostilities at once."),
            nt.Point("2", "Elections are held in the region.", options=options),
        ],
    )
    page = open_page(nt.diff(old, new).to_html()).page
    struck = page.evaluate(
        """[...document.querySelectorAll('.change')].map(c => [c.className,
             [...c.querySelectorAll('.options .opt')]
               .map(o => getComputedStyle(o).textDecorationLine)])"""
    )
    gone = [lines for kind, lines in struck if "c-deleted" in kind]
    kept = [lines for kind, lines in struck if "c-deleted" not in kind and lines]
    assert gone == [["line-through", "line-through"]]
    assert kept
    assert all(line == "none" for lines in kept for line in lines)
