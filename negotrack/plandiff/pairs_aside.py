"""The pairs a diff sets aside from its changes: those it leaves to a person's check
(:class:`Candidate`) and those a person turned down (:class:`DistinctPair`).

:class:`negotrack.plandiff.changes.PlanDiff` holds both beside its changes; the reports show
a candidate on the cards of its two points ("may continue as"), and a pair turned down on
both points' cards ("not the same point, per a curated link").
"""

from __future__ import annotations

import attrs

from negotrack.core.model import Point

__all__ = ["Candidate", "DistinctPair"]


@attrs.frozen
class Candidate:
    """A pair text matching did *not* make but a person should look at: ``old`` was left
    deleted or ``new`` added (or both), and the other point is among its best candidates,
    above what chance gives one point (the text could not decide: two look-alikes, a piece
    two wholes could claim, a rewrite sharing few words), or the best of the points left
    over facing it between the same two paired neighbours, sharing more than unrelated
    points do (a rewrite in place). ``confidence`` is on the pairs' scale: below the cut
    when the text was too thin, above it when a rival was as good."""

    old: Point
    new: Point
    confidence: float


@attrs.frozen
class DistinctPair:
    """A pair a person turned down: a curated link with ``distinct`` between a point of
    each version says ``old`` and ``new`` are *not* the same point, so text matching
    neither paired them nor offered one for the other. ``note`` is why (the link's)."""

    old: Point
    new: Point
    note: str | None = None
