"""The diff report's fast path writes what the plain autoescaped template wrote, byte for byte.

``tests/render/reference/html/diff.html.j2`` keeps the report's changes loop as it was
before the fast path (every value autoescaped as printed, word diffs by the macros); the
packaged page prints records escaped in advance with autoescape off. Rendering the same
diffs with both, in several languages, must give the same bytes: for the seeds, the hostile
dossier, a generated pair of 200 points, and any dossier hypothesis draws.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

import negotrack as nt
from negotrack.plandiff.compare import PlanDiff, diff
from negotrack.render.diff_page import diff_records
from negotrack.render.renderer import Renderer
from negotrack.views.diff import (
    ChangeView,
    Counterpart,
    DiffView,
    FigureView,
    NotSame,
    PositionView,
    WordView,
)
from tests.support.diffgen import generate
from tests.support.hostile import hostile_dossier
from tests.support.lineage import unkeyed
from tests.support.strategies import dossiers

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = Path(__file__).resolve().parent / "reference"
LOCALES = ("en", "ar", "fr", "ru")


def _pairs(d: nt.Dossier) -> list[PlanDiff]:
    out = []
    for plan in d.plans:
        for old, new in zip(plan.versions, plan.versions[1:], strict=False):
            out.append(d.diff(old.id, new.id))
    return out


def _same(plan_diffs: list[PlanDiff], locales: tuple[str, ...] = LOCALES) -> None:
    for locale in locales:
        fast = Renderer(locale=locale)
        plain = Renderer(locale=locale, template_dir=REFERENCE)
        for pd in plan_diffs:
            for content_lang in (None, "de"):
                got = fast.diff(pd, content_lang=content_lang)
                assert got == plain.diff(pd, content_lang=content_lang), (locale, pd.old.id)


@pytest.mark.parametrize("seed", sorted((ROOT / "seeds").glob("*.yaml")), ids=lambda p: p.stem)
def test_seed_reports_equal_the_autoescaped_template(seed: Path) -> None:
    """Every seed version pair's report is the reference template's, in four languages."""
    _same(_pairs(nt.load(seed)))


def test_hostile_reports_equal_the_autoescaped_template() -> None:
    """Hostile strings in every field come out escaped exactly as autoescape wrote them."""
    _same(_pairs(hostile_dossier()))


def test_generated_report_equals_the_autoescaped_template() -> None:
    """200 generated points (rewordings, moves, splits, merges, low-confidence pairs)."""
    case = generate(200, seed=3, share=0.3, p_reword=0.5, words=(5, 40))
    pd = diff(case.old, case.new)
    assert any(c.words for c in pd.changes)
    assert any(c.group is not None for c in pd.changes)
    assert any(c.check for c in pd.changes)
    _same([pd, diff(case.old, case.new, threshold=0.05)], locales=("en", "uk"))


@pytest.mark.parametrize("control", ["\x85", "\x1c", "\x0b", "\x0c"])
def test_a_control_white_space_at_an_edits_edge_is_marked_with_it(control: str) -> None:
    """A control character Python counts as white space (NEL, the separators U+001C-
    U+001F, vertical tab, form feed) at the edge of an inserted or deleted run is shown by
    a stand-in inside the run's mark, on the fast path and in the autoescaped template
    alike (the template kept it outside, as a space; hypothesis found the difference)."""
    old = nt.PlanVersion(
        id="a", label="A", date="2025-11-01", points=[nt.Point(number="1", text=f"{control}b")]
    )
    new = nt.PlanVersion(
        id="b", label="B", date="2025-11-02", points=[nt.Point(number="1", text="a h")]
    )
    pd = diff(old, new, links=[nt.PointLink("a#1", "b#1")])
    assert any(w.op != "equal" and control in w.text for w in pd.changes[0].words)
    _same([pd], locales=("en",))
    page = Renderer().diff(pd)
    assert not re.search(r"[\ufffd\u241c-\u241f\u240b\u240c]<del>", page)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(d=dossiers(), locale=st.sampled_from(LOCALES))
def test_any_dossier_report_equals_the_autoescaped_template(d: nt.Dossier, locale: str) -> None:
    """Whatever the texts, refs, topics, statuses and positions, the bytes are the same."""
    _same(_pairs(d), locales=(locale,))


def test_records_escape_every_string_once() -> None:
    """Each record holds its change as plain text and every string of it escaped, as Markup."""
    d = hostile_dossier()
    view = DiffView.build(_pairs(d)[0])
    records = diff_records(view)
    assert len(records.changes) == len(view.changes)
    for plain, record in zip(view.changes, records.changes, strict=True):
        assert record.plain is plain
        html = record.html
        for field in ("kind_label", "anchor", "old_ref", "new_ref", "old_text", "new_text"):
            value = getattr(plain, field)
            if value is None:
                assert getattr(html, field) is None
            else:
                assert isinstance(getattr(html, field), Markup)
                assert getattr(html, field) == escape(value)
        assert [w.text for w in html.words] == [escape(w.text) for w in plain.words]
        assert record.changed_words == plain.changed_words
    assert any("&lt;" in (r.html.new_text or "") for r in records.changes)


def _strings(value: object) -> list[object]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple):
        return [s for item in value for s in _strings(item)]
    return []


def test_no_string_of_a_record_is_left_unescaped() -> None:
    """Every string a record holds, in any field or nested tuple, is Markup: a field added
    to ChangeView and printed by the loop cannot reach the page unescaped."""
    pds = [pd for seed in sorted((ROOT / "seeds").glob("*.yaml")) for pd in _pairs(nt.load(seed))]
    pds += _pairs(hostile_dossier())
    pds += _pairs(unkeyed("minsk-2014-2015.yaml"))  # candidates the text could not decide
    seen: set[str] = set()
    for pd in pds:
        for record in diff_records(DiffView.build(pd)).changes:
            for field in record.html._fields:
                strings = _strings(getattr(record.html, field))
                assert all(isinstance(s, Markup) for s in strings), field
                if strings:
                    seen.add(field)
    assert {"old_text", "words", "figures", "positions", "group_label", "counterparts"} <= seen


def test_change_extra_renders_for_each_change_escaped_once(tmp_path: Path) -> None:
    """A template overriding the scoped change_extra block gets each change as `c`, plain
    text autoescaped once; without the override the block writes nothing."""
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "diff.html.j2").write_text(
        '{% extends "default/html/diff.html.j2" %}\n'
        '{% block change_extra %}<p class="x">{{ c.heading }} | {{ c.new_text }}</p>'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    old = nt.PlanVersion(id="a", label="A", date="2025-01-01", points=[nt.Point("1", "x")])
    new = nt.PlanVersion(
        id="b", label="B", date="2025-02-01", points=[nt.Point("1", "x"), nt.Point("2", "<b>&")]
    )
    pd = diff(old, new)
    page = nt.render_diff(pd, template_dir=tmp_path)
    assert page.count('<p class="x">') == len(pd.changes) == 2
    assert '<p class="x">b #2 | &lt;b&gt;&amp;</p>' in page
    assert '<p class="x">a #1 → b #1 | x</p>' in page
    assert '<p class="x">' not in nt.render_diff(pd)


def test_the_report_leaves_the_garbage_collector_as_it_was() -> None:
    """The report pauses the cyclic collector while it is built and restores it, on or
    off, even when rendering fails."""
    import gc

    pd = _pairs(hostile_dossier())[0]
    assert gc.isenabled()
    nt.render_diff(pd)
    assert gc.isenabled()
    gc.disable()
    try:
        nt.render_diff(pd)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(nt.NegotrackError):
        Renderer().diff(pd, format="pdf")
    assert gc.isenabled()


def test_the_unpacked_names_follow_the_change_fields() -> None:
    """The changes loop unpacks each escaped change into local names in ChangeView's field
    order, so a field added to ChangeView is added there too."""
    page = (ROOT / "negotrack" / "render" / "templates" / "html" / "diff.html.j2").read_text(
        encoding="utf-8"
    )
    found = re.search(r"{% for c, x, changed, \(([\w, ]+)\), \(inline, before, after\)", page)
    assert found is not None
    assert [name.strip() for name in found.group(1).split(",")] == list(ChangeView._fields)


def test_rows_give_each_change_with_its_escaped_fields_and_written_words() -> None:
    """Each row is the record's plain change, escaped change and flag, the escaped change
    again for the loop to unpack, and its word diff written out with the marks given:
    inline every run, before the kept and deleted runs, after the kept and inserted ones;
    an edit's end spaces outside its marks, a space between a deletion and the insertion
    right after it."""
    records = diff_records(DiffView.build(_pairs(hostile_dossier())[0]))
    rows = list(records.rows("[+", "+]", "[-", "-]"))
    assert len(rows) == len(records.changes)
    assert any(changed for _, _, changed, _, _ in rows)
    for (plain, html, changed, fields, words), record in zip(rows, records.changes, strict=True):
        assert (plain, html, changed) == tuple(record)
        assert fields is html
        if not changed:
            assert words == ("", "", "")
            continue
        mark = {"equal": ("", ""), "insert": ("[+", "+]"), "delete": ("[-", "-]")}
        runs = []
        inline = ""
        for w, last in zip(html.words, (None, *html.words), strict=False):
            text = w.text
            if w.op != "equal":
                lead = text[: len(text) - len(text.lstrip())]
                trail = text[len(text.rstrip()) :]
                text = lead + mark[w.op][0] + text.strip() + mark[w.op][1] + trail
                glued = last is not None and last.op == "delete" and not last.text[-1].isspace()
                if w.op == "insert" and glued and not lead:
                    inline += " "
            runs.append((w.op, text))
            inline += text
        assert words.inline == inline
        assert words.before == "".join(text for op, text in runs if op != "insert")
        assert words.after == "".join(text for op, text in runs if op != "delete")
        assert all(isinstance(paragraph, Markup) for paragraph in words)


def test_word_runs_of_texts_with_markup_characters_are_escaped() -> None:
    """A word diff between texts holding HTML's special characters has every run escaped;
    one between plain texts keeps each run as it is, as Markup."""

    def runs(old_text: str, new_text: str) -> list[tuple[str, str]]:
        a = nt.PlanVersion(id="a", label="A", date="2025-01-01", points=[nt.Point("1", old_text)])
        b = nt.PlanVersion(id="b", label="B", date="2025-02-01", points=[nt.Point("1", new_text)])
        pd = diff(a, b, links=[nt.PointLink("a#1", "b#1")])
        (record,) = diff_records(DiffView.build(pd)).changes
        assert all(isinstance(w.text, Markup) for w in record.html.words)
        return [(w.op, str(w.text)) for w in record.html.words]

    assert runs("Troops <b>withdraw</b> & stay", "Troops <i>return</i> & stay") == [
        ("equal", "Troops &lt;"),
        ("delete", "b&gt;withdraw&lt;/b"),
        ("insert", "i&gt;return&lt;/i"),
        ("equal", "&gt; &amp; stay"),
    ]
    assert runs("Troops withdraw and stay", "Troops return and stay") == [
        ("equal", "Troops "),
        ("delete", "withdraw"),
        ("insert", "return"),
        ("equal", " and stay"),
    ]


def test_no_view_or_record_outlives_the_report() -> None:
    """Once the report is written, its view and escaped records are gone without a
    collection: none is left in a reference cycle for the collector to walk."""
    import gc

    pd = _pairs(hostile_dossier())[0]
    gc.collect()
    gc.disable()
    try:
        nt.render_diff(pd)
        left = [o for o in gc.get_objects() if isinstance(o, ChangeView | DiffView)]
    finally:
        gc.enable()
    assert left == []


@given(st.text(alphabet=st.sampled_from("ab &<>'\"\u00e9\u0627"), max_size=30))
def test_the_quick_escape_is_markupsafes(text: str) -> None:
    """A string holding none of the five characters escape replaces is returned as it is,
    as Markup; any other is escaped by markupsafe: the same escaped text either way."""
    from negotrack.render.diff_page import _esc

    assert _esc(text) == escape(text)
    assert type(_esc(text)) is Markup


def test_every_field_of_a_change_is_copied_to_its_place_escaped() -> None:
    """Given a change whose every field holds a value of its own (strings with markup), the
    record holds each in the same field, strings escaped and the rest as they were."""
    values: dict[str, object] = {}
    for k, name in enumerate(ChangeView._fields):
        values[name] = f"<{name}&{k}>"
    values.update(
        words=(WordView("delete", "<a>"), WordView("insert", "&b")),
        figures=(FigureView("<1>", "&2"),),
        renumbered=True,
        similarity=0.25,
        group=7,
        status_changed=True,
        positions=(PositionView("<p>", "for", None),),
        confidence=0.5,
        check=True,
        counterparts=(Counterpart("<r>", "a&t", 0.25),),
        crossed=True,
        old_options=(WordView("delete", "<o>"), WordView("equal", "&k")),
        new_options=(WordView("insert", "<n>"),),
        options_changed=True,
        options_listed=True,
        not_same=(NotSame("<o>", "&n", "a&t", True, "<why>"), NotSame("a", "b", "c", False, None)),
    )
    plain = ChangeView(**values)  # type: ignore[arg-type]
    (record,) = diff_records(DiffView("a", "A", "", "b", "B", "", (), (plain,), 1, 1)).changes
    scalars = (
        "renumbered",
        "similarity",
        "group",
        "status_changed",
        "confidence",
        "check",
        "crossed",
        "options_changed",
        "options_listed",
    )
    for name in ChangeView._fields:
        got, given = getattr(record.html, name), getattr(plain, name)
        if isinstance(given, str):  # a string, or a field added since: given a string above
            assert got == escape(given), name
            assert isinstance(got, Markup), name
        elif name in scalars:
            assert got == given, name
    assert record.html.words == (("delete", "&lt;a&gt;"), ("insert", "&amp;b"))
    assert record.html.figures == (("&lt;1&gt;", "&amp;2"),)
    assert record.html.positions == (("&lt;p&gt;", "for", None),)
    assert record.html.counterparts == (("&lt;r&gt;", "a&amp;t", 0.25),)
    assert record.html.old_options == (("delete", "&lt;o&gt;"), ("equal", "&amp;k"))
    assert record.html.new_options == (("insert", "&lt;n&gt;"),)
    assert record.html.not_same == (
        ("&lt;o&gt;", "&amp;n", "a&amp;t", True, "&lt;why&gt;"),
        ("a", "b", "c", False, None),
    )
