"""A point a person pinned as having no successor (or no predecessor) says so in every report."""

from __future__ import annotations

import re

import negotrack as nt
from negotrack.render.shared import repr_html
from tests.support.dossiers import two_versions

NOTE = "dropped <at> Geneva"


def _diff() -> nt.PlanDiff:
    d = two_versions(
        [nt.Point(number="1", text="alpha beta gamma"), nt.Point(number="2", text="delta epsilon")],
        [
            nt.Point(number="1", text="alpha beta gamma"),
            nt.Point(number="2", text="zeta eta theta"),
        ],
    )
    d.link("a#2", "b", note=NOTE)
    d.link("a", "b#2", note="new in Miami")
    return d.diff("a", "b")


def test_every_report_says_no_successor_and_no_predecessor() -> None:
    """HTML, Markdown, text and the notebook display name the curated absence, with its note
    (escaped in HTML), not only "curated link"."""
    pd = _diff()
    html = pd.to_html()
    assert re.findall(r'<span class="badge curated">([^<]*)</span>', html) == [
        "no successor, per a curated link",
        "no predecessor, per a curated link",
    ]
    assert "dropped &lt;at&gt; Geneva" in html
    md = pd.to_markdown()
    assert "*No successor, per a curated link*: dropped &lt;at&gt; Geneva" in md
    assert "*No predecessor, per a curated link*: new in Miami" in md
    text = pd.to_text()
    assert "  no successor, per a curated link: dropped <at> Geneva" in text
    assert "  no predecessor, per a curated link: new in Miami" in text
    shown = repr_html(pd)
    assert "no successor, per a curated link: <bdi>dropped &lt;at&gt; Geneva</bdi>" in shown
    assert "no predecessor, per a curated link: <bdi>new in Miami</bdi>" in shown


def test_a_localised_report_says_it_too() -> None:
    """The words are translated (French here)."""
    assert "aucun successeur" in _diff().to_text(locale="fr")
