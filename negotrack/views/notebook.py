"""Notebook displays: which view-model (and which template) shows a value inline.

:func:`notebook_view` dispatches on the value's type with :func:`functools.singledispatch`,
so the renderer never needs to know the model's classes: it renders whatever view this
returns with the ``html/repr/KIND.html.j2`` template.
"""

from __future__ import annotations

from functools import singledispatch
from typing import Any

from negotrack.core.model import PlanVersion
from negotrack.dossier.dossier import Dossier
from negotrack.errors import RenderError
from negotrack.plandiff.compare import PlanDiff
from negotrack.views.board import DossierSummary, VersionView
from negotrack.views.diff import DiffView
from negotrack.views.i18n import ENGLISH, Interface
from negotrack.views.timeline import TimelineView

__all__ = ["notebook_view"]


@singledispatch
def notebook_view(obj: Any, lang: Interface = ENGLISH) -> tuple[str, Any]:
    """``(kind, view)`` for a value's notebook display, labelled in ``lang``; a
    :class:`RenderError` for others."""
    raise RenderError(
        f"no HTML display for {type(obj).__name__}",
        hint="displays exist for Dossier, PlanVersion, PlanDiff and TimelineView",
    )


@notebook_view.register
def _(obj: Dossier, lang: Interface = ENGLISH) -> tuple[str, Any]:
    return "dossier", DossierSummary.build(obj, lang=lang)


@notebook_view.register
def _(obj: PlanVersion, lang: Interface = ENGLISH) -> tuple[str, Any]:
    return "version", VersionView.build(obj, lang=lang)


@notebook_view.register
def _(obj: PlanDiff, lang: Interface = ENGLISH) -> tuple[str, Any]:
    return "diff", DiffView.build(obj, lang=lang)


@notebook_view.register
def _(obj: TimelineView, lang: Interface = ENGLISH) -> tuple[str, Any]:
    return "timeline", obj
