"""Notebook displays: which view-model (and which template) shows a value inline.

:func:`notebook_view` dispatches on the value's type with :func:`functools.singledispatch`,
so the renderer never needs to know the model's classes: it renders whatever view this
returns with the ``html/repr/KIND.html.j2`` template.
"""

from __future__ import annotations

from functools import singledispatch
from typing import Any, NamedTuple

import attrs

from negotrack.core.model import Plan, PlanVersion, PointLink
from negotrack.core.refs import PointRef
from negotrack.dossier.dossier import Dossier
from negotrack.dossier.links import Suggestions
from negotrack.errors import RenderError
from negotrack.plandiff.compare import PlanDiff
from negotrack.views.board import DossierSummary, VersionView
from negotrack.views.diff import DiffView
from negotrack.views.i18n import ENGLISH, Interface
from negotrack.views.suggestions import SuggestionsView
from negotrack.views.timeline import TimelineView

__all__ = [
    "LinkLine",
    "PlanSummary",
    "VersionLine",
    "notebook_view",
]


class VersionLine(NamedTuple):
    """A version in a plan's display: how readers name it, its id and date, its points."""

    id: str
    label: str
    date: str
    points: int
    derived_from: tuple[str, ...]


class LinkLine(NamedTuple):
    """A curated link as written ("us-28#12", or a bare version id: no counterpart there)."""

    old: str
    new: str
    note: str | None
    means: str = ""
    """What a bare version id says, in the page's language ("no successor, per a curated
    link"), as the diff reports say it, or a distinct link ("not the same point, per a
    curated link"); "" for a link between two points."""


@attrs.frozen
class PlanSummary:
    """A plan in a glance: its versions and the links a person pinned between them."""

    id: str
    title: str
    summary: str | None
    versions: tuple[VersionLine, ...]
    links: tuple[LinkLine, ...]

    @classmethod
    def build(cls, plan: Plan, *, lang: Interface = ENGLISH) -> PlanSummary:
        """The summary of ``plan``, its dates in ``lang``."""
        return cls(
            id=plan.id,
            title=plan.title,
            summary=plan.summary,
            versions=tuple(
                VersionLine(v.id, v.label, lang.plain_date(v.date), len(v.points), v.derived_from)
                for v in plan.versions
            ),
            links=tuple(LinkLine(k.old, k.new, k.note, _means(k, lang)) for k in plan.links),
        )


def _means(link: PointLink, lang: Interface) -> str:
    """:attr:`LinkLine.means` of ``link``."""
    if link.distinct:
        return lang.gettext("not the same point, per a curated link")
    if not PointRef.names_point(link.new):
        return lang.gettext("no successor, per a curated link")
    if not PointRef.names_point(link.old):
        return lang.gettext("no predecessor, per a curated link")
    return ""


@singledispatch
def notebook_view(obj: Any, lang: Interface = ENGLISH) -> tuple[str, Any]:
    """``(kind, view)`` for a value's notebook display, labelled in ``lang``; a
    :class:`RenderError` for others."""
    raise RenderError(
        f"no HTML display for {type(obj).__name__}",
        hint="displays exist for Dossier, Plan, PlanVersion, PlanDiff, TimelineView and the"
        " suggestions of d.suggest_links",
    )


@notebook_view.register
def _(obj: Dossier, lang: Interface = ENGLISH) -> tuple[str, Any]:
    return "dossier", DossierSummary.build(obj, lang=lang)


@notebook_view.register
def _(obj: Plan, lang: Interface = ENGLISH) -> tuple[str, Any]:
    return "plan", PlanSummary.build(obj, lang=lang)


@notebook_view.register
def _(obj: PlanVersion, lang: Interface = ENGLISH) -> tuple[str, Any]:
    return "version", VersionView.build(obj, lang=lang)


@notebook_view.register
def _(obj: PlanDiff, lang: Interface = ENGLISH) -> tuple[str, Any]:
    return "diff", DiffView.build(obj, lang=lang)


@notebook_view.register
def _(obj: TimelineView, lang: Interface = ENGLISH) -> tuple[str, Any]:
    return "timeline", obj


@notebook_view.register
def _(obj: Suggestions, lang: Interface = ENGLISH) -> tuple[str, Any]:
    return "suggestions", SuggestionsView.build(obj, lang=lang)
