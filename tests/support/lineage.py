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
