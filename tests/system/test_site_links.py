"""A published site's links resolve: every relative link in every page written by
``negotrack site`` points at a file that exists."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from negotrack.cli.commands import main
from tests.support.dossiers import SEEDS

_MD_LINK = re.compile(r"\]\(<([^>]+)>|\]\(([^)\s<]+)\)")


class _Links(HTMLParser):
    """The ``href`` and ``src`` values of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.extend(v for k, v in attrs if k in ("href", "src") and v)


def _relative_links(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    if page.suffix == ".html":
        parser = _Links()
        parser.feed(text)
        links = parser.found
    else:
        links = [a or b for a, b in _MD_LINK.findall(text)]
    out = []
    for link in links:
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or not parts.path:
            continue  # external (http, mailto, data) or a link within the page
        out.append(unquote(parts.path))
    return out


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_relative_link_of_the_site_resolves(
    seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each page of the site of each seed links only to pages the site holds."""
    site = tmp_path / "site"
    assert main(["site", str(seed), "-o", str(site)]) == 0
    written = [Path(line) for line in capsys.readouterr().out.splitlines()]
    assert {p.name for p in written} >= {"timeline.html", "timeline.md"}
    checked = 0
    for page in written:
        for link in _relative_links(page):
            assert (page.parent / link).is_file(), f"{page.name} links to missing {link}"
            checked += 1
    assert checked > 0 or not any(p.name.startswith("diff-") for p in written)
