"""The JSON form of a plan diff: what ``negotrack diff --format json`` writes.

Each change says whether a person should check it in two ways: ``check``, the pair's own
(found by text with a low confidence, :attr:`PointChange.check`), and ``to_check``, what
the reports mark "check this" and count "to check" (:attr:`PlanDiff.to_check`): such a
pair, or a deleted or added point that text matching left with candidates. A script that
lists what needs a person's eye filters on ``to_check``. ``distinct`` lists the pairs a
person turned down (curated links saying two points are not the same), which text matching
kept apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from negotrack.core.confidence import cut_down
from negotrack.plandiff.options import options_json

if TYPE_CHECKING:
    from negotrack.plandiff.changes import PlanDiff

__all__ = ["diff_json"]


def diff_json(d: PlanDiff) -> dict[str, Any]:
    """The JSON data of ``d`` (see :meth:`PlanDiff.to_json_data`)."""
    unsure = {id(c) for c in d.to_check}
    changes = []
    for c in d.changes:
        changes.append(
            {
                "kind": c.kind.value,
                "old": c.old.number if c.old is not None else None,
                "new": c.new.number if c.new is not None else None,
                "similarity": round(c.similarity, 4),
                "confidence": cut_down(c.confidence, 4),  # never 1 unless sure
                "matched_by": c.matched_by,
                "note": c.note,
                "check": c.check,
                "to_check": id(c) in unsure,
                "options_changed": c.options_changed,
                "options": options_json(c.old, c.new),
            }
        )
    return {
        "old": d.old.id,
        "new": d.new.id,
        "summary": d.summary,
        "changes": changes,
        "candidates": [
            {"old": c.old.number, "new": c.new.number, "confidence": cut_down(c.confidence, 4)}
            for c in d.candidates
        ],
        "distinct": [
            {"old": p.old.number, "new": p.new.number, "note": p.note} for p in d.distinct
        ],
    }
