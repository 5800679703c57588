"""The timeline page's axis, its typed filters, the embeddable fragment and the cached
default renderer."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import negotrack as nt
from negotrack.dossier.selection import EventFilter
from negotrack.render.renderer import Renderer
from negotrack.render.shared import default_renderer
from negotrack.views.timeline import TimelineView
from tests.support.dossiers import SEED, small_dossier

D = small_dossier()


class _Marks(HTMLParser):
    """Collects the attributes of every element with class nt-mark."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if "nt-mark" in (a.get("class") or "").split():
            self.marks.append(a)


def _marks(page: str) -> list[dict[str, str | None]]:
    p = _Marks()
    p.feed(page)
    return p.marks


def test_every_event_is_an_nt_mark_with_its_bounds_and_lane() -> None:
    """The contract: one nt-mark per event with ISO 8601 UTC data-start/data-end and a lane,
    linking to the event's card and named by title and date."""
    d = nt.load(SEED)
    page = nt.render_timeline(d, format="html")
    marks = _marks(page)
    assert len(marks) == len(d.events)
    iso = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
    for m in marks:
        assert iso.fullmatch(m["data-start"] or "")
        assert iso.fullmatch(m["data-end"] or "")
        assert (m["data-start"] or "") < (m["data-end"] or "")
        assert m["data-lane"]
        href = m["href"] or ""
        assert f'id="{href[1:]}"' in page
        assert m["aria-label"]
        assert ", " in m["aria-label"]
    talks = next(m for m in marks if m["href"] == "#ev-talks-envoys")
    assert talks["data-lane"] == "diplomacy"
    assert talks["aria-label"] == (
        "Zelensky and Ukraine's negotiators talk with Witkoff and Kushner, 25 Dec 2025"
    )


def test_the_page_stays_one_file_with_one_script() -> None:
    """The axis adds no external resource and no second script; the CSP hash still fits."""
    page = nt.render_timeline(D)
    assert page.count("<script") == 1
    assert not re.search(r'(src|href)="(https?:)?//', page.split("<main", 1)[1].split("Sources")[0])
    assert f"script-src '{Renderer().env.globals['script_hash']}'" in page


def test_keyword_filters_are_typed_and_reach_the_axis() -> None:
    """render_timeline(d, kind=...) keeps only those events, in the list and on the axis."""
    page = nt.render_timeline(D, format="html", kind="round", since="2025-11")
    assert [m["href"] for m in _marks(page)] == ["#ev-geneva", "#ev-framework"]
    assert "filtered by since = “<bdi>2025-11</bdi>”, kind = “<bdi>round</bdi>”" in page
    with pytest.raises(TypeError):
        nt.render_timeline(D, kinds="round")  # type: ignore[call-arg]


def test_an_event_filter_value_selects_too() -> None:
    """An EventFilter works as select=, and keywords narrow it further."""
    chosen = EventFilter(track="US-Ukraine")
    page = nt.render_timeline(D, select=chosen)
    assert len(_marks(page)) == 3
    page = nt.render_timeline(D, select=chosen, kind="publication")
    assert [m["href"] for m in _marks(page)] == ["#ev-us-draft"]
    view = TimelineView.build(D, select=chosen, until="2025-11-30")
    assert view.total == 2


def test_filter_options_carry_the_keys_the_address_uses() -> None:
    """Each filter option names its value as #kind=round&track=... writes it."""
    page = nt.render_timeline(D)
    assert 'data-key="round"' in page
    assert 'data-key="US-Ukraine"' in page
    assert 'data-key="witkoff"' in page


def test_the_axis_works_without_script_and_explains_itself() -> None:
    """The controls are hidden until the script shows them; lanes are labelled and the
    legend says how imprecise dates are drawn."""
    page = nt.render_timeline(D)
    assert '<div class="nt-axis-tools" hidden>' in page
    assert "<span><bdi>US-Ukraine</bdi></span>" in page
    assert "<span>Point statuses</span>" in page
    assert "an approximate date: drawn wider, faded" in page
    assert "the whole stretch the date may mean" in page


def test_embed_gives_a_scoped_fragment() -> None:
    """embed=True writes the axis and the list inside .nt-embed, styles under @scope, the
    one script, and no document frame."""
    frag = nt.render_timeline(D, embed=True)
    assert frag.startswith('<div class="nt-embed timeline" lang="en" dir="ltr">')
    assert "<html" not in frag
    assert "<head" not in frag
    assert "<main" not in frag
    assert "@scope (.nt-embed) {" in frag
    assert ":scope {" in frag
    assert ":root" not in frag.split("</style>")[0]
    assert 'class="nt-axis"' in frag
    assert 'class="event ' in frag
    assert frag.count("<script>") == 1
    assert frag.rstrip().endswith("</div>")


def test_embed_is_html_only() -> None:
    """A Markdown fragment is refused with a way out."""
    with pytest.raises(nt.NegotrackError, match="only HTML can be embedded"):
        nt.render_timeline(D, "md", embed=True)


def test_a_plain_view_and_the_renderers_own_path_agree() -> None:
    """A public (plain) TimelineView renders to the same page as Renderer.timeline."""
    r = Renderer()
    assert r.timeline_view(TimelineView.build(D)) == r.timeline(D)
    assert r.timeline_view(TimelineView.build(D), embed=True) == r.timeline(D, embed=True)


def test_event_extra_renders_for_each_event_escaped(tmp_path: Path) -> None:
    """A template overriding the scoped event_extra block gets each event as `e`; its output
    is autoescaped once, never twice."""
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "timeline.html.j2").write_text(
        '{% extends "default/html/timeline.html.j2" %}\n'
        '{% block event_extra %}<p class="x">{{ e.title }} / {{ e.id }}</p>{% endblock %}\n',
        encoding="utf-8",
    )
    d = small_dossier()
    evil = nt.Event(id="evil", when="2025-12-01", title="<b>x</b> & y", kind="other")
    d = nt.Dossier(
        title=d.title,
        participants=d.participants,
        sources=d.sources,
        events=[*d.events, evil],
        plans=d.plans,
    )
    page = nt.render_timeline(d, template_dir=tmp_path)
    assert page.count('<p class="x">') == len(d.events)
    assert '<p class="x">&lt;b&gt;x&lt;/b&gt; &amp; y / evil</p>' in page
    assert "event_extra" not in nt.render_timeline(d)
    assert '<p class="x">' not in nt.render_timeline(d)


def test_the_default_renderer_is_built_once_per_template_folder(tmp_path: Path) -> None:
    """render_*, to_html and the notebook displays share one Renderer per folder."""
    assert default_renderer() is default_renderer()
    (tmp_path / "html").mkdir()
    assert default_renderer(str(tmp_path)) is not default_renderer()
    plan_diff = D.diff("us-28", "20-point")
    before = default_renderer.cache_info().misses
    plan_diff.to_html()
    plan_diff.to_markdown()
    nt.render_board(D)
    D._repr_html_()
    assert default_renderer.cache_info().misses == before


def test_a_missing_template_folder_is_still_an_error(tmp_path: Path) -> None:
    """The cache does not hide a typo in a folder name."""
    with pytest.raises(nt.NegotrackError, match="does not exist"):
        nt.render_timeline(D, template_dir=tmp_path / "nope")


def test_rendering_leaves_the_garbage_collector_as_it_was() -> None:
    """The page pauses the cyclic collector while it is built and restores it, on or off,
    even when rendering fails."""
    import gc

    assert gc.isenabled()
    nt.render_timeline(D)
    assert gc.isenabled()
    gc.disable()
    try:
        nt.render_timeline(D)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(nt.NegotrackError):
        Renderer().timeline(D, format="pdf")
    assert gc.isenabled()
