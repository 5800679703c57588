"""The timeline explains the mark of an approximate date only when a date on it is one."""

from __future__ import annotations

import negotrack as nt


def _dossier(when: str) -> nt.Dossier:
    return nt.Dossier(title="t", events=[nt.Event(id="e", when=when, title="E", kind="round")])


def test_no_approximate_date_no_legend() -> None:
    """Exact dates only: no page says "Dates marked c. are approximate"."""
    d = _dossier("2025-11-23")
    assert "are approximate" not in nt.render_timeline(d)
    assert "are approximate" not in nt.render_timeline(d, format="md")
    assert "marks an approximate date" not in nt.render_timeline(d, format="text")


def test_an_approximate_date_brings_the_legend() -> None:
    """One approximate date: each format explains the mark."""
    d = _dossier("2025-11~")
    assert "are approximate." in nt.render_timeline(d)
    assert "are approximate." in nt.render_timeline(d, format="md")
    assert "marks an approximate date." in nt.render_timeline(d, format="text")
