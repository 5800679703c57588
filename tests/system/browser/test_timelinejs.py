"""The TimelineJS export, loaded into TimelineJS itself (the npm package) in headless
Chromium, offline: it builds one slide per event plus the title slide, and runs no script
from the data."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import negotrack as nt
from negotrack.export.formats import to_timelinejs
from tests.support.dossiers import ROOT, SEEDS, make_small
from tests.system.browser.conftest import TRAP

pytestmark = pytest.mark.browser

DIST = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS check</title>
<link rel="stylesheet" href="{dist}/css/timeline.css">
<script src="{dist}/js/timeline.js"></script></head>
<body><div id="timeline-embed" style="width: 1000px; height: 600px"></div></body></html>
"""


@pytest.fixture
def timelinejs(browser: Any, tmp_path: Path) -> Iterator[Any]:
    """A fresh offline page (a file:// URL, so TimelineJS can resolve its own files) with
    TimelineJS's script and styles loaded from node_modules."""
    script = DIST / "js" / "timeline.js"
    if not script.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"TimelineJS is required in CI but {script} is missing (run npm ci)")
        pytest.skip("TimelineJS is not installed (npm ci)")
    index = tmp_path / "index.html"
    index.write_text(PAGE.format(dist=DIST.as_uri()), encoding="utf-8")
    ctx = browser.new_context(viewport={"width": 1100, "height": 700}, offline=True)
    ctx.add_init_script(TRAP)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(index.as_uri(), wait_until="load")
    page.errors = errors
    try:
        yield page
    finally:
        ctx.close()


def _load(page: Any, exported: str) -> int:
    """Build a TimelineJS timeline from ``exported`` JSON; the number of slides it made."""
    page.evaluate(
        """(data) => {
            window.__tl = new TL.Timeline('timeline-embed', data,
                {language: 'en', hash_bookmark: false});
        }""",
        json.loads(exported),
    )
    page.wait_for_function("document.querySelectorAll('.tl-slide').length > 0", timeout=15000)
    page.wait_for_timeout(200)  # let TimelineJS finish building its slides
    return int(page.evaluate("document.querySelectorAll('.tl-slide').length"))


def test_seed_dossier_loads_with_one_slide_per_event(timelinejs: Any) -> None:
    """The seed's export builds its title slide and one slide per event."""
    seed = sorted(SEEDS.glob("*.yaml"))[0]
    d = nt.load(seed)
    slides = _load(timelinejs, to_timelinejs(d))
    assert slides == len(d.events) + 1
    assert timelinejs.errors == []
    headlines = timelinejs.evaluate(
        "[...document.querySelectorAll('.tl-slide .tl-headline')].map(h => h.textContent)"
    )
    assert any(d.events[0].title in h for h in headlines)


def test_hostile_text_stays_text(timelinejs: Any) -> None:
    """Markup and script in titles, summaries and URLs are shown as text and never run."""
    d = make_small()
    hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    d.add_source(nt.Source(id="evil", title=hostile, url="javascript:alert(3)"))
    d.add_event(
        nt.Event(
            id="evil",
            when="2025-12-24",
            title=hostile,
            summary=hostile,
            kind="statement",
            sources=["evil"],
            location='"><svg onload=alert(4)>',
        )
    )
    slides = _load(timelinejs, to_timelinejs(d))
    assert slides == len(d.events) + 1
    assert timelinejs.evaluate("window.__pwned") == []
    assert timelinejs.evaluate("document.querySelectorAll('.tl-slide img[src=x]').length") == 0
    assert timelinejs.evaluate("document.querySelectorAll('.tl-slide script').length") == 0
    assert (
        timelinejs.evaluate(
            "[...document.querySelectorAll('a')].filter(a => /^javascript:/i.test(a.href)).length"
        )
        == 0
    )
    texts = timelinejs.evaluate(
        "[...document.querySelectorAll('.tl-slide .tl-headline')].map(h => h.textContent)"
    )
    assert hostile in texts


def test_a_large_timeline_loads(timelinejs: Any, tmp_path: Path) -> None:
    """Two hundred events at every precision make two hundred and one slides."""
    d = make_small()
    for i in range(197):
        when = ("2025", "2025-06", f"2025-07-{1 + i % 28:02d}", "2025-08-01T10:00 Europe/Kyiv")[
            i % 4
        ]
        d.add_event(nt.Event(id=f"e{i}", when=when, title=f"Event {i}", kind="meeting"))
    assert _load(timelinejs, to_timelinejs(d)) == 201
