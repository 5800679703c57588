"""A published site opens on its home page, and every link there leads to a page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import negotrack as nt
from tests.support.dossiers import seed_dossier

pytestmark = pytest.mark.browser


def test_every_link_of_the_home_page_opens_a_page(browser: Any, tmp_path: Path) -> None:
    """index.html, opened from disk as a static host serves it, links the timeline, each
    report and each board; following each link (by keyboard) opens that page, which names
    itself current in its navigation and links back to the home page first."""
    written = nt.render_site(seed_dossier(), tmp_path)
    ctx = browser.new_context(offline=True)
    try:
        page = ctx.new_page()
        page.goto((tmp_path / "index.html").as_uri())
        assert page.locator("main h1, header h1").first.inner_text() == seed_dossier().title
        links = page.locator("ol.contents h3 a")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        expected = [p.name for p in written if p.suffix == ".html" and p.name != "index.html"]
        assert hrefs == expected
        for i, href in enumerate(hrefs):
            page.goto((tmp_path / "index.html").as_uri())
            link = page.locator("ol.contents h3 a").nth(i)
            link.focus()
            with page.expect_navigation():
                page.keyboard.press("Enter")
            assert page.url == (tmp_path / href).as_uri()
            assert page.locator("main").count() == 1
            current = page.locator('nav.site-nav a[aria-current="page"]')
            assert current.get_attribute("href") == href
            assert page.locator("nav.site-nav a").first.get_attribute("href") == "index.html"
    finally:
        ctx.close()
