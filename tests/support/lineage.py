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
