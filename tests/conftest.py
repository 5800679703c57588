"""Shared fixtures and the hypothesis profile for the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import negotrack as nt

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# A noisy 2-core machine: no per-example deadlines; speed is measured by `make bench`.
settings.register_profile(
    "negotrack",
    deadline=None,
    max_examples=100,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("negotrack")

_SYSTEM = Path(__file__).resolve().parent / "system"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/system/ carries the ``system`` marker (``make check-fast``
    deselects them with ``-m "not system"``)."""
    for item in items:
        if _SYSTEM in item.path.parents:
            item.add_marker(pytest.mark.system)


def make_small() -> nt.Dossier:
    """A small dossier with every kind of record, built through the public constructors."""
    return nt.Dossier(
        title="Talks on a test war",
        participants=[
            nt.Participant(id="witkoff", name="Steve Witkoff", side="US", role="Special envoy"),
            nt.Participant(
                id="umerov", name="Rustem Umerov", side="Ukraine", role="Chief negotiator"
            ),
            nt.Participant(
                id="zakharova", name="Maria Zakharova", side="Russia", role="Spokeswoman"
            ),
        ],
        sources=[
            nt.Source(
                id="s1", title="A report", url="https://example.org/r", published="2025-11-20"
            ),
            nt.Source(id="s2", title="A statement", kind="on_record", published="2025-12"),
        ],
        events=[
            nt.Event(
                id="geneva",
                when="2025-11-23",
                until="2025-11-24",
                title="Geneva talks",
                kind="round",
                participants=["witkoff", "umerov"],
                sources=["s1"],
                track="diplomacy",
                tags=["geneva"],
                versions=["geneva-19"],
            ),
            nt.Event(
                id="strike",
                when="~2025-11-20",
                title="A strike",
                kind="military",
                sources=["s1"],
                track="military",
            ),
            nt.Event(
                id="press",
                when="2025-12",
                title="Briefing",
                kind="statement",
                participants=["zakharova"],
                sources=["s2"],
                quotes=[nt.Quote(text="slow but steady", source="s2", speaker="zakharova")],
            ),
        ],
        plans=[
            nt.Plan(
                id="peace-plan",
                title="The plan",
                versions=[
                    nt.PlanVersion(
                        id="us-28",
                        label="US 28-point draft",
                        date="2025-11-20",
                        sources=["s1"],
                        points=[
                            nt.Point(number="1", text="Sovereignty is confirmed.", key="sov"),
                            nt.Point(
                                number="12", text="The army is capped at 600,000.", key="army"
                            ),
                        ],
                    ),
                    nt.PlanVersion(
                        id="geneva-19",
                        label="Geneva text",
                        date="2025-11-23",
                        derived_from=["us-28"],
                        points=[
                            nt.Point(number="1", text="Sovereignty is confirmed.", key="sov"),
                            nt.Point(number="9", text="The army is capped at 800,000.", key="army"),
                        ],
                    ),
                ],
            )
        ],
    )


@pytest.fixture
def small() -> nt.Dossier:
    """A fresh small dossier for each test (it is mutable)."""
    return make_small()
