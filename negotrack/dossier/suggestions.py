"""What the review loop proposes: pairs for a person to confirm, with both versions.

:meth:`negotrack.Dossier.suggest_links` (:mod:`negotrack.dossier.links`) returns a
:class:`Suggestions`, a plain list of :class:`LinkSuggestion` that also holds the two
versions, so that its displays (a notebook table, the Markdown review sheet) show each
pair with its two texts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from negotrack.core.confidence import cut_down
from negotrack.core.model import PlanVersion

__all__ = ["CANDIDATE", "FOUND_BY_TEXT", "LinkSuggestion", "Suggestions"]

FOUND_BY_TEXT = frozenset({"text", "split", "merge"})
CANDIDATE = "candidate"
"""What a suggestion the matcher did not pair says it is (see :class:`LinkSuggestion`)."""


@attrs.frozen
class LinkSuggestion:
    """A pair for a person to confirm: ``old`` and ``new`` are point references
    (``VERSION#NUMBER``), ``confidence`` how sure the matcher is (0..1, ordinal) and
    ``matched_by`` what found it (``"text"``, ``"split"`` or ``"merge"``), or
    ``"candidate"`` for a pair it left unpaired because the text alone could not decide
    (see :class:`negotrack.plandiff.changes.Candidate`)."""

    old: str
    new: str
    confidence: float
    matched_by: str

    @property
    def paired(self) -> bool:
        """Whether the diff made this pair (``False`` for a candidate it left unpaired)."""
        return self.matched_by != CANDIDATE

    def to_json_data(self) -> dict[str, Any]:
        """``{"old": REF, "new": REF, "confidence": FLOAT, "matched_by": STR}``, the
        confidence cut down to four decimals (never rounded up to 1)."""
        return {
            "old": self.old,
            "new": self.new,
            "confidence": cut_down(self.confidence, 4),
            "matched_by": self.matched_by,
        }


class Suggestions(list[LinkSuggestion]):
    """What :meth:`Linking.suggest_links` returns: a list of :class:`LinkSuggestion` (it
    compares, slices and serialises as a plain list), which also holds the two versions,
    so that a notebook shows each pair with its two texts side by side, for a person to
    decide (``_repr_html_``) without looking every point up."""

    def __init__(
        self,
        suggestions: Iterable[LinkSuggestion] = (),
        *,
        old: PlanVersion | None = None,
        new: PlanVersion | None = None,
        language: str | None = None,
        taken: Mapping[str, tuple[LinkSuggestion, ...]] | None = None,
        linked: Mapping[str, tuple[str, ...]] | None = None,
        left: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
    ) -> None:
        super().__init__(suggestions)
        self.old = old
        self.new = new
        self.language = language
        """The language the points are written in (the dossier's), when declared."""
        self.taken: Mapping[str, tuple[LinkSuggestion, ...]] = dict(taken or {})
        """Each point text matching paired (by its text, or as a piece of a split or
        merge), by its reference, with its pairs, whatever their confidence: pinning a
        candidate that names such a point takes the point from its pair (a link wins over
        text matching), which the review sheet says before a person pins it."""
        self.linked: Mapping[str, tuple[str, ...]] = dict(linked or {})
        """Each point a curated link pairs with a point of the other version, by its
        reference, with those points: pinning a candidate that names such a point keeps
        that link and makes the point a split (an old point) or a merger (a new one),
        which the review sheet says too."""
        self.left: tuple[tuple[str, ...], tuple[str, ...]] = left
        """The points of the old version and of the new one, by reference, that text
        matching left with no counterpart and offered no candidate, and that no link says
        have none: points a person places by hand, reading them side by side, or settles
        with "no successor" (an old point) or "no predecessor" (a new one). The review
        sheet lists them after the pairs, whatever ``min_confidence``."""

    def to_markdown(self, *, locale: str | None = None) -> str:
        """The review sheet in Markdown, in ``locale`` (default English): each pair with
        both its texts, least sure first, how sure and how found, "check this" where the
        reports mark it, and the ``d.link(...)`` call that pins it."""
        from negotrack.render.shared import default_renderer

        sheet: str = default_renderer().suggestions(self, locale=locale)
        return sheet

    def _repr_html_(self) -> str:
        from negotrack.render.shared import repr_html

        html: str = repr_html(self)
        return html
