"""The shared renderers, and the ``render_*`` functions users call.

Building a Jinja environment costs far more than rendering a small page, so
:func:`render_timeline`, :func:`render_diff`, :func:`render_board`, :func:`repr_html`, the
facades of the values (``PlanDiff.to_html``, ``Suggestions.to_markdown``, ...) and the
notebook displays reuse one :class:`~negotrack.render.renderer.Renderer` per template
folder and language (:func:`default_renderer`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from negotrack.core.dates import MomentLike
from negotrack.core.model import EventKind
from negotrack.render.catalogs import interface
from negotrack.render.renderer import Renderer

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier
    from negotrack.dossier.selection import EventFilter
    from negotrack.plandiff.compare import PlanDiff

__all__ = ["default_renderer", "render_board", "render_diff", "render_timeline", "repr_html"]


@functools.lru_cache(maxsize=16)
def default_renderer(template_dir: str | None = None, locale: str | None = None) -> Renderer:
    """The shared :class:`Renderer` for ``template_dir`` (the packaged templates when None)
    and ``locale`` (English when None).

    Building a Jinja environment costs far more than rendering a small page, so the
    ``render_*`` functions, ``PlanDiff.to_html`` and the notebook displays reuse one
    renderer per template folder. Templates are read once: a renderer made with
    ``Renderer(template_dir=...)`` sees later edits to the folder.
    """
    return Renderer(template_dir=template_dir, locale=locale)


def _shared(template_dir: str | Path | None, locale: str | None = None) -> Renderer:
    code = interface(locale).code  # an unknown locale fails here, before any cache entry
    folder = None if template_dir is None else str(Path(template_dir).resolve())
    return default_renderer(folder, None if code == "en" else code)


def render_timeline(
    dossier: Dossier,
    format: str = "html",
    *,
    template_dir: str | Path | None = None,
    embed: bool = False,
    select: EventFilter | None = None,
    since: MomentLike | None = None,
    until: MomentLike | None = None,
    kind: str | EventKind | Iterable[str | EventKind] | None = None,
    participant: str | Iterable[str] | None = None,
    side: str | Iterable[str] | None = None,
    track: str | Iterable[str] | None = None,
    tag: str | Iterable[str] | None = None,
    locale: str | None = None,
) -> str:
    """The timeline page of ``dossier`` in ``locale`` (default English): the events
    matching ``select`` and the criteria given as keywords (as
    :meth:`Dossier.filter_events`); ``embed`` for a fragment."""
    return _shared(template_dir, locale).timeline(
        dossier,
        format=format,
        embed=embed,
        select=select,
        since=since,
        until=until,
        kind=kind,
        participant=participant,
        side=side,
        track=track,
        tag=tag,
    )


def render_diff(
    plan_diff: PlanDiff,
    format: str = "html",
    *,
    template_dir: str | Path | None = None,
    locale: str | None = None,
    content_lang: str | None = None,
) -> str:
    """The diff report of ``plan_diff`` in ``format`` ("html", "md" or "text") and
    ``locale`` (default English)."""
    return _shared(template_dir, locale).diff(plan_diff, format=format, content_lang=content_lang)


def render_board(
    dossier: Dossier,
    plan_id: str | None = None,
    format: str = "html",
    *,
    as_of: MomentLike | None = None,
    threshold: float | None = None,
    template_dir: str | Path | None = None,
    locale: str | None = None,
) -> str:
    """The status board of a plan in ``format`` ("html" or "md") and ``locale``, as it
    stood on ``as_of`` when given."""
    return _shared(template_dir, locale).board(
        dossier, plan_id, format=format, as_of=as_of, threshold=threshold
    )


def repr_html(obj: Any, *, locale: str | None = None) -> str:
    """The notebook display of a Dossier, Plan, PlanVersion, PlanDiff or TimelineView."""
    return _shared(None, locale).repr_html(obj)
