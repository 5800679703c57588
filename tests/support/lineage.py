"""Seed dossiers with their curated lineage removed: what the matcher must find alone."""

from __future__ import annotations

import attrs

import negotrack as nt
from tests.support.dossiers import SEEDS


def unkeyed(name: str) -> nt.Dossier:
    """A seed dossier with every lineage key and curated link removed."""
    d = nt.load(SEEDS / name)
    plans = [
        attrs.evolve(
            plan,
            links=(),
            versions=tuple(
                attrs.evolve(v, points=tuple(attrs.evolve(p, key=None) for p in v.points))
                for v in plan.versions
            ),
        )
        for plan in d.plans
    ]
    return nt.Dossier(
        title=d.title,
        participants=d.participants,
        sources=d.sources,
        events=d.events,
        plans=plans,
        language=d.language,
    )


def undecided(name: str, *refs: str) -> nt.Dossier:
    """A seed dossier whose points ``refs`` (``VERSION#NUMBER``) lost their lineage key:
    points a person has not placed yet, which text matching may pair with, or offer to,
    the points a key or a link placed (two placed points it keeps apart)."""
    d = nt.load(SEEDS / name)
    for ref in refs:
        vid, number = ref.split("#")
        version = next(v for plan in d.plans for v in plan.versions if v.id == vid)
        points = tuple(
            attrs.evolve(p, key=None) if p.number == number else p for p in version.points
        )
        assert points != version.points, f"{ref} names no keyed point"
        d.replace(attrs.evolve(version, points=points))
    return d


CITATION = " (Article 3)"
"""What the DRC-Rwanda agreement's 2.1 says of the mechanism it names: Article 3's."""


def uncited(d: nt.Dossier | None = None) -> nt.Dossier:
    """The DRC-Rwanda dossier ``d`` (by default :func:`unkeyed`), with the citation taken
    out of the agreement's 2.1 ("the Joint Security Coordination Mechanism monitors it"):
    the mechanism's words there then read as 2.1's own, and text matching draws the
    declaration's 2.4 (explore such a mechanism) to it, a wrong pair for a person to turn
    down (:mod:`negotrack.plandiff.citations`)."""
    d = unkeyed("drc-rwanda-2025.yaml") if d is None else d
    version = d.plan("drc-rwanda-peace").version("agreement")
    points = tuple(
        attrs.evolve(p, text=p.text.replace(CITATION, "")) if p.number == "2.1" else p
        for p in version.points
    )
    assert points != version.points, f"agreement 2.1 no longer says {CITATION!r}"
    d.replace(attrs.evolve(version, points=points))
    return d


def text_edges(d: nt.PlanDiff) -> dict[tuple[str, str], float]:
    """The pairs and pieces text matching made in ``d``, with their confidence."""
    return {
        (c.old.number, c.new.number): c.confidence
        for c in d.changes
        if c.old is not None and c.new is not None and c.matched_by in {"text", "split", "merge"}
    }
