"""Golden HTML snapshots keep the pages' shared stylesheet once, beside them.

Every full page inlines the same stylesheet; stored inside each page snapshot it would repeat
two hundred lines in every file and turn one style change into a change of every snapshot.
The page snapshot holds a marker in its place, and the stylesheet is one snapshot of its own
(``page.css`` in the snapshot folder). Fragments (notebook displays) keep their small scoped
styles inline.
"""

from __future__ import annotations

import re
from pathlib import Path

CSS_NAME = "page.css"
MARKER = "<style>/* the page stylesheet: see page.css beside this snapshot */</style>"
_HEAD_STYLE = re.compile(r"(<head>.*?)<style>(.*?)</style>", re.DOTALL)


def split(html: str) -> tuple[str, str | None]:
    """The page with its stylesheet replaced by the marker, and the stylesheet (or None
    for a fragment without a ``<head>``)."""
    m = _HEAD_STYLE.search(html)
    if m is None:
        return html, None
    page = html[: m.start()] + m.group(1) + MARKER + html[m.end() :]
    return page, m.group(2)


def check(folder: Path, name: str, html: str) -> None:
    """Assert that ``html`` equals the snapshot ``folder/name`` and its stylesheet
    ``folder/page.css``."""
    page, css = split(html)
    stored = folder / name
    assert stored.exists(), f"no snapshot {stored.name}: regenerate the snapshots"
    assert page == stored.read_text(encoding="utf-8")
    if css is not None:
        assert css == (folder / CSS_NAME).read_text(encoding="utf-8")


def write(folder: Path, name: str, html: str) -> None:
    """Store ``html`` as the snapshot ``folder/name`` (and its stylesheet as page.css)."""
    page, css = split(html)
    (folder / name).write_text(page, encoding="utf-8")
    if css is not None:
        (folder / CSS_NAME).write_text(css, encoding="utf-8")
