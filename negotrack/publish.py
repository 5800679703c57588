"""Publishing: a dossier to a folder of linked pages (timeline, diff reports, boards).

The top of the library's layers below the command line: it renders (:mod:`negotrack.render`)
and writes files atomically (:mod:`negotrack.io`), so a reader never sees half a page.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from negotrack.io.storage import atomic_write
from negotrack.render.renderer import Renderer
from negotrack.views.board import BoardView
from negotrack.views.home import HomeView
from negotrack.views.site import site_pages
from negotrack.views.timeline import DEFAULT_DIFF_HREF

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier
    from negotrack.plandiff.compare import PlanDiff

__all__ = ["render_site"]


def render_site(
    dossier: Dossier,
    folder: str | Path,
    *,
    template_dir: str | Path | None = None,
    threshold: float | None = None,
    log: Callable[[Path], None] | None = None,
    locale: str | None = None,
) -> list[Path]:
    """Write the dossier's pages into ``folder`` and return their paths.

    ``index.html`` and ``index.md``, the home page: the dossier's title and summary, then
    every other page with a line on what it holds (a report's versions and counts of
    changes, a board's plan and points by status), so a folder published as it is opens
    on it; ``timeline.html`` and ``timeline.md``; for every version with a predecessor,
    ``diff-OLD_to_NEW.html`` and ``.md`` (the names the timeline links to, one-to-one:
    see :func:`negotrack.views.formatting.file_part`); and
    ``board-PLAN.html`` and ``.md`` per plan with versions
    (:func:`negotrack.views.site.site_pages`). Every page links every other (the HTML
    pages the HTML ones, the Markdown pages the Markdown ones). ``threshold`` goes to every
    diff (reports and boards alike); ``log`` is called with each path written. Every page
    is in ``locale`` (default English; an unknown one is a ``LocaleError``). Every page is
    rendered before the first is written, so an error writes nothing.
    """
    out = Path(folder)
    if out.exists() and not out.is_dir():  # before the work of rendering every page
        why = (
            "a file, not a folder: a site is a folder of pages (name a folder, or remove the file)"
        )
        raise FileExistsError(errno.EEXIST, why, str(out))
    renderer = Renderer(template_dir=template_dir, locale=locale)
    pages = site_pages(dossier, renderer.lang)
    rendered: list[tuple[str, str]] = []
    diffs: dict[str, PlanDiff] = {}
    boards: dict[str, BoardView] = {}
    for page in pages:
        if page.kind == "index":
            continue  # last: it counts what the other pages show
        # A report's diff is worked out once, for both its formats (and the home page).
        pd = dossier.diff(page.old, page.new, threshold=threshold) if page.kind == "diff" else None
        if pd is not None:
            diffs[page.stem] = pd
        if page.kind == "board":  # one view (its diffs) for both formats
            board = BoardView.build(dossier, page.plan, threshold=threshold, lang=renderer.lang)
            boards[page.stem] = board
        for format, suffix in (("html", ".html"), ("md", ".md")):
            nav = page.nav(pages, suffix)
            if pd is not None:
                text = renderer.diff(pd, format=format, content_lang=dossier.language, nav=nav)
            elif page.kind == "timeline":
                # The Markdown timeline links the Markdown reports.
                href = DEFAULT_DIFF_HREF.removesuffix(".html") + suffix
                text = renderer.timeline(dossier, format=format, diff_href=href, nav=nav)
            else:
                text = renderer.board_view(board, format=format, nav=nav)
            rendered.append((page.stem + suffix, text))
    home = HomeView.build(dossier, pages, diffs=diffs, boards=boards, lang=renderer.lang)
    for page in pages:
        if page.kind == "index":
            for format, suffix in (("html", ".html"), ("md", ".md")):
                text = renderer.home_view(home, format=format, nav=page.nav(pages, suffix))
                rendered.insert(0 if format == "html" else 1, (page.stem + suffix, text))
    # Every page is rendered before any is written: a page that cannot be rendered (a
    # broken custom template) leaves the folder as it was, not half old and half new.
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, text in rendered:
        path = out / name
        atomic_write(path, text)  # a reader never sees half a page
        written.append(path)
        if log is not None:
            log(path)
    return written
