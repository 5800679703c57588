"""Notebook displays: which view-model (and which template) shows a value inline.

:func:`notebook_view` dispatches on the value's type with :func:`functools.singledispatch`,
so the renderer never needs to know the model's classes: it renders whatever view this
returns with the ``html/repr/KIND.html.j2`` template.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import singledispatch
from typing import Any, NamedTuple

import attrs

from negotrack.core.model import Plan, PlanVersion
from negotrack.core.refs import PointRef
from negotrack.dossier.dossier import Dossier
from negotrack.dossier.links import CANDIDATE, Suggestions
from negotrack.errors import RenderError
from negotrack.plandiff.changes import CHECK_BELOW
from negotrack.plandiff.compare import PlanDiff
from negotrack.views.board import DossierSummary, VersionView
from negotrack.views.diff import DiffView
from negotrack.views.formatting import content_language
from negotrack.views.i18n import ENGLISH, Interface
from negotrack.views.timeline import TimelineView

__all__ = [
    "LinkLine",
    "PlanSummary",
    "SuggestionLine",
    "SuggestionsView",
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
            links=tuple(LinkLine(k.old, k.new, k.note) for k in plan.links),
        )


class SuggestionLine(NamedTuple):
    """A pair for a person to decide, with both texts: its references as written
    (``minsk-1#3``, what :meth:`~negotrack.Dossier.link` takes), how sure the matcher is
    (as the page's language writes it), what found it and whether the reports mark it."""

    old: str
    old_text: str
    new: str
    new_text: str
    confidence: str
    found_by: str
    """How the pair was found, in the page's language: by text, as a piece of a split or
    merge, or left unpaired (a candidate)."""
    paired: bool
    """Whether the diff made the pair (False for a candidate it left unpaired)."""
    check: bool
    """Whether the reports mark it "check this" (a pair below the cut, or a candidate)."""


@attrs.frozen
class SuggestionsView:
    """What ``d.suggest_links(old, new)`` lists, least sure first, each with its texts."""

    old: str
    new: str
    lines: tuple[SuggestionLine, ...]
    check_below: float = CHECK_BELOW
    content_lang: str | None = None
    """The points' own language when it differs from the interface's, else None."""

    @classmethod
    def build(cls, suggestions: Suggestions, *, lang: Interface = ENGLISH) -> SuggestionsView:
        """The view of ``suggestions``, labelled in ``lang``."""
        # A list made by hand has no versions: its pairs are shown without their texts.
        old, new = suggestions.old, suggestions.new
        olds = {p.number: p.text for p in old.points} if old is not None else {}
        news = {p.number: p.text for p in new.points} if new is not None else {}
        found_by = {
            "text": lang.pgettext("found by", "by its text"),
            "split": lang.pgettext("found by", "piece of a split"),
            "merge": lang.pgettext("found by", "piece of a merger"),
            CANDIDATE: lang.pgettext("found by", "candidate, left unpaired"),
        }
        lines = []
        for s in suggestions:
            paired = s.matched_by != CANDIDATE
            lines.append(
                SuggestionLine(
                    old=s.old,
                    old_text=olds.get(PointRef.parse(s.old).number, ""),
                    new=s.new,
                    new_text=news.get(PointRef.parse(s.new).number, ""),
                    confidence=lang.fraction(s.confidence),
                    found_by=found_by.get(s.matched_by, s.matched_by),
                    paired=paired,
                    check=not paired or s.confidence < CHECK_BELOW,
                )
            )
        old_id = old.id if old is not None else _version_of(s.old for s in suggestions)
        new_id = new.id if new is not None else _version_of(s.new for s in suggestions)
        return cls(old_id, new_id, tuple(lines), content_lang=content_language(suggestions, lang))


def _version_of(refs: Iterable[str]) -> str:
    """The version the first of ``refs`` names ("" when there is none)."""
    for ref in refs:
        return PointRef.parse(ref).version
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
