"""What ``d.suggest_links`` returns shows, in a notebook, each pair with both its texts."""

from __future__ import annotations

import json
import re

import attrs
from markupsafe import escape

import negotrack as nt
from tests.support.lineage import undecided, unkeyed


def _minsk() -> nt.Dossier:
    return unkeyed("minsk-2014-2015.yaml")


def test_suggestions_are_a_plain_list_of_link_suggestions() -> None:
    """The result is a ``list`` of :class:`nt.LinkSuggestion` (the contract): it equals the
    plain list of its items, slices and serialises as one, and holds the two versions."""
    d = _minsk()
    found = d.suggest_links("minsk-1", "minsk-2")
    assert isinstance(found, list)
    assert isinstance(found, nt.Suggestions)
    assert found == list(found)
    assert all(isinstance(s, nt.LinkSuggestion) for s in found)
    assert json.loads(json.dumps([s.to_json_data() for s in found[:2]]))
    assert (found.old, found.new) == (d.version("minsk-1"), d.version("minsk-2"))


def test_the_display_shows_each_pair_with_both_texts_least_sure_first() -> None:
    """Each row holds the pair's references as ``d.link`` takes them, both texts, the
    confidence and how it was found; candidates and pairs below the cut are marked
    "check this", the others are not."""
    d = _minsk()
    found = d.suggest_links("minsk-1", "minsk-2")
    html = found._repr_html_()
    assert '<div class="negotrack-repr nt-' in html
    n = len(found)
    assert f"{n} pairs to review, from <code>minsk-1</code> to <code>minsk-2</code>" in html
    pairs = html.split("</table>", 1)[0]  # the pairs (the points left over follow)
    rows = re.findall(r"<tr><td>(.*?)</td></tr>", pairs, re.S)
    assert len(rows) == n
    for s, row in zip(found, rows, strict=True):
        old = d.point(s.old)
        new = d.point(s.new)
        assert f'<code dir="ltr">{s.old}</code><div dir="auto">' in row
        assert f'<code dir="ltr">{s.new}</code>' in row
        assert str(escape(old.text)) in row
        assert str(escape(new.text)) in row
        assert f'<span class="nt-num">{int(s.confidence * 100) / 100:.2f}</span>' in row
        unsure = s.matched_by == "candidate" or s.confidence < 0.8
        assert ("check this" in row) == unsure
        label = {
            "candidate": "candidate, left unpaired",
            "text": "by its text",
            "split": "piece of a split",
            "merge": "piece of a merger",
        }[s.matched_by]
        assert f'<span class="nt-mark">{label}</span>' in row


def test_the_display_says_which_pair_pinning_a_candidate_alone_would_undo() -> None:
    """Pinning the candidate Minsk I #9 -> Minsk II #12 alone takes #9 from its pair with
    #4 (Minsk I's elections point split in two): the old point's cell says so, with the
    ``d.link`` call that keeps that pair too; the new point's cell, whose point is free,
    says nothing of the kind."""
    html = _minsk().suggest_links("minsk-1", "minsk-2")._repr_html_()
    (row,) = [
        r
        for r in re.findall(r"<tr><td>(.*?)</td></tr>", html, re.S)
        if '<code dir="ltr">minsk-1#9</code><div' in r and '<code dir="ltr">minsk-2#12</code>' in r
    ]
    old_cell, new_cell = row.split("</td><td>")[1:]
    assert (
        '<div class="nt-mark"><code dir="ltr">minsk-1#9</code> is paired with <code dir="ltr">'
        "minsk-2#4</code> (0.98, by its text): pinning this pair alone takes it from that one."
        ' If both are right, pin that pair too: <code dir="ltr">d.link(&#34;minsk-1#9&#34;, '
        "&#34;minsk-2#4&#34;)</code></div>"
    ) in old_cell
    assert "is paired with" not in new_cell


def test_the_display_says_a_candidate_of_a_linked_point_makes_a_merger() -> None:
    """In the seed, a person linked us-28 #21b to 20-point #14; before they placed #21a
    and #21c (keys of their own: dropped), text matching offers #21a as another
    predecessor of #14: pinning it keeps the link and makes #14 a merger, which the new
    point's cell says (the old point, linked to nothing, hears nothing)."""
    d = undecided("ukraine-2025-12.yaml", "us-28#21a", "us-28#21c")
    html = d.suggest_links("us-28", "20-point")
    page = html._repr_html_()
    (row,) = [
        r
        for r in re.findall(r"<tr><td>(.*?)</td></tr>", page, re.S)
        if '<code dir="ltr">us-28#21a</code><div' in r
    ]
    old_cell, new_cell = row.split("</td><td>")[1:]
    assert (
        '<div class="nt-mark"><code dir="ltr">20-point#14</code> is already linked to <code '
        'dir="ltr">us-28#21b</code>: pinning this pair too keeps that link and makes <code '
        'dir="ltr">20-point#14</code> a merger of both.</div>'
    ) in new_cell
    assert "already linked" not in old_cell


def test_the_display_escapes_the_texts() -> None:
    """A point's text is shown as text, never as markup."""
    d = _minsk()
    plan = d.plan("minsk")
    version = plan.version("minsk-1")
    hostile = "<script>alert(1)</script> Both sides stop using weapons immediately."
    points = tuple(attrs.evolve(p, text=hostile) if p.number == "1" else p for p in version.points)
    d.replace(attrs.evolve(version, points=points))
    html = d.suggest_links("minsk-1", "minsk-2")._repr_html_()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_display_lists_the_points_left_with_nothing_to_offer() -> None:
    """After the pairs, the points text matching left with no pair and no candidate, old
    and new side by side, each with its text (escaped) and the ``d.link`` call that says
    it has no counterpart: Minsk I's national dialogue, recovery programme and the safety
    of the participants, Minsk II's social and economic links."""
    d = _minsk()
    plan = d.plan("minsk")
    version = plan.version("minsk-1")
    points = tuple(
        attrs.evolve(p, text=f"{p.text} <b>") if p.number == "7" else p for p in version.points
    )
    d.replace(attrs.evolve(version, points=points))
    html = d.suggest_links("minsk-1", "minsk-2")._repr_html_()
    _, left = html.split("</table>", 1)
    assert '<p class="nt-h">Left over, with no candidate</p>' in left
    old_cell, new_cell = re.findall(r"<tr><td>(.*?)</td></tr>", left, re.S)[0].split("</td><td>")
    assert re.findall(r'<div class="nt-left"><code dir="ltr">(.*?)</code>', old_cell) == [
        "minsk-1#7",
        "minsk-1#11",
        "minsk-1#12",
    ]
    assert "An inclusive national dialogue continues. &lt;b&gt;" in old_cell
    assert (
        '<div class="nt-mark">If it has no successor: <code dir="ltr">'
        "d.link(&#34;minsk-1#7&#34;, &#34;minsk-2&#34;)</code></div>"
    ) in old_cell
    assert re.findall(r'<div class="nt-left"><code dir="ltr">(.*?)</code>', new_cell) == [
        "minsk-2#8"
    ]
    assert (
        '<div class="nt-mark">If it has no predecessor: <code dir="ltr">'
        "d.link(&#34;minsk-1&#34;, &#34;minsk-2#8&#34;)</code></div>"
    ) in new_cell
    d.link("minsk-1#7", "minsk-2")
    d.link("minsk-1#11", "minsk-2#8")
    d.link("minsk-1#12", "minsk-2")
    assert "Left over" not in d.suggest_links("minsk-1", "minsk-2")._repr_html_()


def test_nothing_to_review_reads_so_and_the_display_follows_the_locale() -> None:
    """An empty result says there is nothing to review; the labels follow the locale."""
    from negotrack.render.shared import repr_html

    d = nt.load("seeds/gaza-2025.yaml")
    empty = d.suggest_links("us-21", "us-20")
    assert empty == []
    html = empty._repr_html_()
    assert "0 pairs to review, from <code>us-21</code> to <code>us-20</code>" in html
    assert "<table>" not in html
    french = repr_html(_minsk().suggest_links("minsk-1", "minsk-2"), locale="fr")
    assert 'lang="fr"' in french
    assert "Confidence" not in french
    assert "paires à examiner, de <code>minsk-1</code> à <code>minsk-2</code>" in french
    assert "candidat, laissé sans paire" in french
    assert "0,20" in french


def test_the_texts_carry_their_language_and_the_call_reads_as_code() -> None:
    """Texts written in another language than the page's are marked with it (a screen
    reader switches voice); the call to pin a pair stays left-to-right code in every
    language."""
    from negotrack.render.shared import repr_html

    d = unkeyed("colombia-es-2016.yaml")
    found = d.suggest_links("final-aug", "final-nov")
    assert found.language == "es"
    english = found._repr_html_()
    assert '<div dir="auto" lang="es">' in english
    assert '<code dir="ltr">d.link(OLD, NEW)</code>' in english
    spanish = repr_html(found, locale="es")
    assert 'lang="es">' not in spanish.split("<table>", 1)[1]
    arabic = repr_html(_minsk().suggest_links("minsk-1", "minsk-2"), locale="ar")
    assert '<code dir="ltr">d.link(OLD, NEW)</code>' in arabic
    assert '<div dir="auto" lang="en">' in arabic


def test_a_list_made_without_its_versions_shows_its_pairs_without_texts() -> None:
    """``nt.Suggestions`` built by hand, with no versions, has no texts to show: its
    display still lists each pair, its references and confidence."""
    made = nt.Suggestions([nt.LinkSuggestion("a#1", "b#1", 0.5, "text")])
    assert made == [nt.LinkSuggestion("a#1", "b#1", 0.5, "text")]
    html = made._repr_html_()
    assert "1 pair to review, from <code>a</code> to <code>b</code>" in html
    assert '<code dir="ltr">a#1</code><div dir="auto"></div>' in html
    assert "0.50" in html


def test_an_empty_list_made_by_hand_names_no_versions() -> None:
    """An empty ``nt.Suggestions()`` knows no versions: it says there is nothing to review,
    not "0 pairs to review, from  to " with the two ids left blank."""
    from negotrack.render.shared import repr_html

    html = nt.Suggestions()._repr_html_()
    assert "No pairs to review." in html
    assert "from" not in html.split("</style>", 1)[1]
    assert "<table>" not in html
    assert "Aucune paire à examiner." in repr_html(nt.Suggestions(), locale="fr")
