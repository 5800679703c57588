"""Publishing: a dossier to a folder of linked pages (timeline, diff reports, boards).

The top of the library's layers below the command line: it renders (:mod:`negotrack.render`)
and writes files atomically (:mod:`negotrack.io`), so a reader never sees half a page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from negotrack.io.storage import atomic_write
from negotrack.render.renderer import Renderer
from negotrack.views import formatting as _filters
from negotrack.views.timeline import DEFAULT_DIFF_HREF, predecessor

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier

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

    ``timeline.html`` and ``timeline.md``; for every version with a predecessor,
    ``diff-OLD_to_NEW.html`` and ``.md`` (the names the timeline links to, one-to-one:
    see :func:`negotrack.views.formatting.file_part`); and
    ``board-PLAN.html`` and ``.md`` per plan with versions. ``threshold`` goes to every
    diff (reports and boards alike); ``log`` is called with each path written. Every page
    is in ``locale`` (default English; an unknown one is a ``LocaleError``).
    """
    renderer = Renderer(template_dir=template_dir, locale=locale)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def write(name: str, text: str) -> None:
        path = out / name
        atomic_write(path, text)  # a reader never sees half a page
        written.append(path)
        if log is not None:
            log(path)

    write("timeline.html", renderer.timeline(dossier, format="html"))
    write("timeline.md", renderer.timeline(dossier, format="md"))
    for plan in dossier.plans:
        for version in plan.versions:
            old = predecessor(dossier, version)
            if old is None:
                continue
            pd = dossier.diff(old.id, version.id, threshold=threshold)
            stem = DEFAULT_DIFF_HREF.format(
                old=_filters.file_part(old.id), new=_filters.file_part(version.id)
            ).removesuffix(".html")
            write(stem + ".html", renderer.diff(pd, format="html", content_lang=dossier.language))
            write(stem + ".md", renderer.diff(pd, format="md", content_lang=dossier.language))
        if plan.versions:
            stem = "board-" + _filters.file_part(plan.id)
            write(
                stem + ".html", renderer.board(dossier, plan.id, format="html", threshold=threshold)
            )
            write(stem + ".md", renderer.board(dossier, plan.id, format="md", threshold=threshold))
    return written
