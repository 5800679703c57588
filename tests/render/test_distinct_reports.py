"""A pair a person turned down (a ``distinct`` link) shows on both points' cards, in every
report and in the JSON, with the link's note: a reader sees that a person looked and said
"not the same point", whatever became of either point."""

from __future__ import annotations

import json
import re

import pytest

import negotrack as nt
from negotrack.render.shared import repr_html
from negotrack.views.diff import DiffView
from tests.support.dossiers import two_versions
from tests.support.lineage import unkeyed

DECL, AGR = "declaration", "agreement"
NOTE = "2.1 only names <the> mechanism"
SAID = "declaration #2.4 and agreement #2.1 are not the same point, per a curated link"


@pytest.fixture(scope="module")
def turned() -> nt.PlanDiff:
    """The DRC-Rwanda seed without its lineage; text makes declaration 2.4 a piece of a
    merger into agreement 2.1, and a person turns that pair down."""
    d = unkeyed("drc-rwanda-2025.yaml")
    d.link(f"{DECL}#2.4", f"{AGR}#2.1", note=NOTE, distinct=True)
    return d.diff(DECL, AGR)


def test_the_diff_lists_the_pairs_turned_down(turned: nt.PlanDiff) -> None:
    """``PlanDiff.distinct`` holds the pair with its note; the JSON lists it by number."""
    ((pair),) = turned.distinct
    assert (pair.old.number, pair.new.number, pair.note) == ("2.4", "2.1", NOTE)
    assert turned.to_json_data()["distinct"] == [{"old": "2.4", "new": "2.1", "note": NOTE}]
    assert json.loads(json.dumps(turned.to_json_data()))["distinct"][0]["note"] == NOTE


def test_only_links_between_the_two_versions_count() -> None:
    """Links given to ``nt.diff`` may be written either way round: the pair is listed old
    point first. A distinct link between other versions is not listed, nor is a link that
    pairs; a pair linked twice is listed once, with the first note, and pairs are listed
    in reading order."""
    plan = unkeyed("drc-rwanda-2025.yaml").plans[0]
    links = [
        nt.PointLink(f"{AGR}#2.1", f"{DECL}#2.4", "first", distinct=True),  # new to old
        nt.PointLink(f"{DECL}#2.4", f"{AGR}#2.1", "second", distinct=True),
        nt.PointLink(f"{DECL}#1.1", f"{AGR}#3", distinct=True),
        nt.PointLink("other#1", f"{AGR}#3", distinct=True),
        nt.PointLink(f"{DECL}#2.2", f"{AGR}#3"),
    ]
    pd = nt.diff(plan.version(DECL), plan.version(AGR), links=links)
    assert [(p.old.number, p.new.number, p.note) for p in pd.distinct] == [
        ("1.1", "3", None),
        ("2.4", "2.1", "first"),
    ]
    assert nt.diff(plan.version(DECL), plan.version(AGR)).distinct == ()
    backwards = nt.diff(plan.version(AGR), plan.version(DECL), links=links)
    assert [(p.old.number, p.new.number) for p in backwards.distinct] == [
        ("2.1", "2.4"),
        ("3", "1.1"),
    ]


def test_both_cards_say_it_and_link_to_each_other(turned: nt.PlanDiff) -> None:
    """The deleted 2.4's card and the card of 2.1 (now paired with 2.3) each carry one
    sentence naming both points, old first, the other point's reference a link to its card,
    and the note escaped; the legend explains curated links."""
    html = turned.to_html()
    found = re.findall(r'<p class="group not-same">(.*?)</p>', html)
    assert len(found) == 2
    kept, gone = found  # in the new version's reading order: 2.1, then 2.4 where it stood
    assert gone == (
        '<bdi class="ident" dir="ltr">declaration #2.4</bdi> and <a class="ident"'
        ' href="#p-agreement-2.1"><bdi dir="ltr">agreement #2.1</bdi></a> are not the same'
        ' point, per a curated link: <span dir="auto">2.1 only names &lt;the&gt; mechanism'
        "</span>"
    )
    assert kept.startswith(
        '<a class="ident" href="#p-declaration-2.4-gone"><bdi dir="ltr">declaration #2.4'
        '</bdi></a> and <bdi class="ident" dir="ltr">agreement #2.1</bdi>'
    )
    for anchor in ("p-agreement-2.1", "p-declaration-2.4-gone"):
        assert html.count(f'id="{anchor}"') == 1
    cards = re.findall(r'<li class="change[^"]*" id="([^"]+)">(.*?)</li>\n', html, re.S)
    holding = [at for at, body in cards if "not-same" in body]
    assert holding == ["p-agreement-2.1", "p-declaration-2.4-gone"]
    assert "Curated link" in html  # the legend's term


def test_markdown_text_and_the_notebook_say_it(turned: nt.PlanDiff) -> None:
    md = turned.to_markdown()
    assert md.count(f"*{SAID}*: 2\\.1 only names &lt;the&gt; mechanism") == 2
    assert "**Curated link**" in md
    text = turned.to_text()
    assert text.count(f"  {SAID}: {NOTE}") == 2
    shown = repr_html(turned)
    assert (
        shown.count(
            '<bdi dir="ltr">declaration #2.4</bdi> and <bdi dir="ltr">agreement #2.1</bdi> are not'
            " the same point, per a curated link: <bdi>2.1 only names &lt;the&gt; mechanism</bdi>"
        )
        == 2
    )


def test_a_split_piece_shows_it_once() -> None:
    """A point shown on several cards (the pieces of a split) names the pair turned down on
    its first card only."""
    d = two_versions(
        [nt.Point(number="1", text="x", key="k"), nt.Point(number="2", text="y")],
        [
            nt.Point(number="1", text="x one", key="k"),
            nt.Point(number="2", text="x two", key="k"),
            nt.Point(number="3", text="z"),
        ],
    )
    d.link("a#1", "b#3", distinct=True)
    view = DiffView.build(d.diff("a", "b"))
    marked = [(v.heading, [k.new_ref for k in v.not_same]) for v in view.changes if v.not_same]
    assert marked == [("a #1 → b #1", ["b #3"]), ("b #3", ["b #3"])]


def test_a_localised_report_says_it_in_its_language(turned: nt.PlanDiff) -> None:
    assert (
        "declaration #2.4 und agreement #2.1 sind nicht derselbe Punkt, laut manueller"
        " Verknüpfung: 2.1 only names <the> mechanism"
    ) in turned.to_text(locale="de")
    assert "ne sont pas le même point" in turned.to_html(locale="fr")
