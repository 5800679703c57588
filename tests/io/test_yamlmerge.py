"""Merging lists into hand-edited YAML: items are aligned by what they are, so removing or
inserting one changes its own lines only, and the comments between items stay put."""

from __future__ import annotations

import copy
import difflib
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

import negotrack as nt
from negotrack.io.storage import to_data
from negotrack.io.yamlmerge import merge_text
from tests.support.cli import run
from tests.support.dossiers import SEEDS

MINSK = SEEDS / "minsk-2014-2015.yaml"

ITEMS = {
    "a": "  - id: a\n"
    "    when: 2014-09-05        # a bare date\n"
    "    title: 'First'\n"
    "    # the editor's note inside a\n"
    "    tags: [x, z]\n",
    "b": "  - id: b   # b's own comment\n"
    "    when: '2014-09-19'\n"
    "    summary: >-\n"
    "      A folded summary\n"
    "      over two lines.\n",
    "c": '  - id: c\n    when: 2015-02-12\n    title: "Third"  # quoted\n',
    "d": "  - id: d\n    title: Fourth, wrapped\n      over two lines\n    sources: [s1]\n",
}
SECTIONED = (
    "# The record.\n"
    "events:\n"
    "  # -- 2014 --------\n"
    + ITEMS["a"]
    + ITEMS["b"]
    + "\n  # -- 2015 --------\n"
    + ITEMS["c"]
    + "  # the last one follows\n"
    + ITEMS["d"]
    + "\n# Sources, newest last.\nsources:\n  - id: s1\n"
)


def _data(text: str) -> Any:
    """What ``text`` holds, as plain data."""
    return YAML(typ="safe").load(text)


def _diff(old: str, new: str) -> list[str]:
    """The lines changed from ``old`` to ``new``, "-" or "+" first, hunk by hunk."""
    return [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if not line.startswith(("---", "+++"))
    ]


@pytest.mark.parametrize("gone", ["a", "b", "c", "d"], ids=["first", "second", "third", "last"])
def test_removing_an_item_removes_exactly_its_lines(gone: str) -> None:
    """Any item removed takes its own lines, its comments inside included, and nothing
    else: the headings before and after it, the next items' quotes, dates, wrapped lines
    and comments stay as written."""
    before = _data(SECTIONED)
    after = copy.deepcopy(before)
    after["events"] = [e for e in after["events"] if e["id"] != gone]
    merged = merge_text(SECTIONED, before, after)
    assert merged == SECTIONED.replace(ITEMS[gone], "")
    assert _data(merged) == after


def test_removing_items_around_a_heading_keeps_the_heading() -> None:
    """Removing the items on both sides of a section heading leaves the heading (and the
    blank line before it) standing over the next surviving item."""
    before = _data(SECTIONED)
    after = copy.deepcopy(before)
    after["events"] = [e for e in after["events"] if e["id"] in ("a", "d")]
    merged = merge_text(SECTIONED, before, after)
    assert merged == SECTIONED.replace(ITEMS["b"], "").replace(ITEMS["c"], "")


@pytest.mark.parametrize("at", [0, 1, 2, 3, 4])
def test_inserting_an_item_adds_only_its_lines(at: int) -> None:
    """An item inserted anywhere adds its lines just after the item before it, and every
    other line stays byte-identical: inserted before a heading, it goes above it, at the
    end of the section before."""
    before = _data(SECTIONED)
    after = copy.deepcopy(before)
    after["events"].insert(at, {"id": "new", "title": "Inserted"})
    merged = merge_text(SECTIONED, before, after)
    added = "  - id: new\n    title: Inserted\n"
    above = ITEMS["abcd"[at - 1]] if at else "  # -- 2014 --------\n"
    assert merged == SECTIONED.replace(above, above + added)
    assert _data(merged) == after


def test_a_link_inserted_in_the_middle_keeps_the_others(tmp_path: Path) -> None:
    """A link that canonical order puts between two others is written between them, and
    the links around it keep their text (the wrapped, folded note included)."""
    text = MINSK.read_text(encoding="utf-8")
    d = nt.load(MINSK)
    before = to_data(d)
    after = copy.deepcopy(before)
    link = {"old": "minsk-1#9", "new": "minsk-2#5", "note": "A third piece of the point."}
    after["plans"][0]["links"].insert(1, link)
    merged = merge_text(text, before, after)
    changed = _diff(text, merged)
    assert [line[0] for line in changed[1:]] == ["+"] * 3
    assert "+      - old: minsk-1#9" in changed
    assert merged.index("new: minsk-2#4") < merged.index("new: minsk-2#5")
    assert merged.index("new: minsk-2#5") < merged.index("new: minsk-2#12")


def test_a_record_replaced_by_another_does_not_inherit_its_comments() -> None:
    """An item replaced in place by one of another id is written afresh: the comments of
    the one it replaces go with it."""
    before = _data(SECTIONED)
    after = copy.deepcopy(before)
    after["events"][1] = {"id": "z", "when": "2014-09-19"}
    merged = merge_text(SECTIONED, before, after)
    assert "b's own comment" not in merged
    assert merged == SECTIONED.replace(ITEMS["b"], "  - id: z\n    when: '2014-09-19'\n")


def test_a_wrapped_value_after_a_removed_item_stays_wrapped() -> None:
    """A value the editor wrapped keeps its lines when an item before it is removed or
    inserted, even when it is one of the first values of its item."""
    text = (
        "points:\n  - number: 1\n    text: one\n"
        "  - number: 2\n    text: two, wrapped\n      over lines\n"
    )
    before = _data(text)
    merged = merge_text(text, before, {"points": before["points"][1:]})
    assert merged == "points:\n  - number: 2\n    text: two, wrapped\n      over lines\n"
    inserted = {"points": [before["points"][0], {"number": 5, "text": "x"}, before["points"][1]]}
    assert "      over lines\n" in merge_text(text, before, inserted)


def _block(text: str, first: str, following: str) -> str:
    """The lines of ``text`` from the line ``first`` up to the line ``following``."""
    start = text.index(first)
    return text[start : text.index(following, start)]


def test_cli_remove_of_an_early_event_removes_only_its_block(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``negotrack remove`` of Minsk's first event deletes that event's lines and no
    other: the section heading above it stays, the later events keep their quoting,
    dates and folded summaries, and the file loads as the dossier without the event."""
    path = tmp_path / MINSK.name
    shutil.copy(MINSK, path)
    text = MINSK.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "remove", str(path), "event", "protocol-signed")
    assert (code, out) == (0, f"{path}: removed event protocol-signed\n")
    block = _block(text, "  - id: protocol-signed\n", "  - id: ceasefire-2014\n")
    assert path.read_text(encoding="utf-8") == text.replace(block, "")
    expected = nt.load(MINSK)
    expected.remove("event", "protocol-signed")
    assert nt.load(path) == expected


def test_removing_the_event_before_a_heading_keeps_the_heading(tmp_path: Path) -> None:
    """Removing the last 2014 event, whose node ruamel.yaml hangs the "2015" heading on,
    keeps the heading over the first 2015 event."""
    path = tmp_path / MINSK.name
    shutil.copy(MINSK, path)
    text = MINSK.read_text(encoding="utf-8")
    nt.update(path, lambda d: d.remove("event", "memorandum-signed"))
    block = _block(text, "  - id: memorandum-signed\n", "\n  # -- 2015: the Package")
    assert path.read_text(encoding="utf-8") == text.replace(block, "")


_WORDS = st.sampled_from(["truce", "line", "zone", "Kyiv's", "20%", "2014-09-05", "'q'"])


@st.composite
def _items(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A few small records, each with its own written form: comments before, inside and
    after its lines, a quoted or bare value."""
    count = draw(st.integers(min_value=1, max_value=6))
    return [
        {
            "id": f"i{k}",
            "count": draw(st.integers(min_value=0, max_value=99)),
            "note": draw(_WORDS),
            "heading": draw(st.sampled_from(["", "  # -- a heading --\n", "\n  # next\n", "\n"])),
            "eol": draw(st.sampled_from(["", "  # eol"])),
            "inside": draw(st.sampled_from(["", "    # inside\n"])),
            "quote": draw(st.sampled_from(["", "'", '"'])),
        }
        for k in range(count)
    ]


def _written(item: dict[str, Any]) -> str:
    """The item's own lines: from its dash to its last line."""
    note: str = item["note"]
    if item["quote"] or note.startswith(("'", "2014")) or "%" in note:
        quote = item["quote"] or "'"
        note = quote + (note.replace("'", "''") if quote == "'" else note) + quote
    inside: str = item["inside"]
    return (
        f"  - id: {item['id']}{item['eol']}\n{inside}    count: {item['count']}\n    note: {note}\n"
    )


def _record(item: dict[str, Any]) -> dict[str, Any]:
    """The item as data."""
    return {"id": item["id"], "count": item["count"], "note": item["note"]}


@settings(max_examples=150, deadline=None)
@given(items=_items(), data=st.data())
def test_any_removal_and_insertion_keeps_the_other_items(
    items: list[dict[str, Any]], data: st.DataObject
) -> None:
    """For any list of commented records, removing some and inserting new ones anywhere
    gives text that reads as the new list, and that is the old text without the removed
    items' lines, plus the new items' lines: every other item, its comments and the
    headings over it kept as written."""
    text = "items:\n" + "".join(i["heading"] + _written(i) for i in items) + "\n# end\nrest: 1\n"
    kept = [i for i in items if data.draw(st.booleans(), label=f"keep {i['id']}")]
    new = list(kept)
    for k in range(data.draw(st.integers(min_value=0, max_value=3), label="insertions")):
        at = data.draw(st.integers(min_value=0, max_value=len(new)), label="at")
        new.insert(at, {"id": f"new{k}", "count": k, "note": "added"})
    before = {"items": [_record(i) for i in items], "rest": 1}
    after = {"items": [_record(i) for i in new], "rest": 1}
    if not new:
        after["items"] = []
    merged = merge_text(text, before, after)
    assert _data(merged) == after
    if not new:
        return  # an empty list is written "[]": its comments have no item to stand by
    without = text
    for item in items:
        if item not in kept:
            without = without.replace(_written(item), "", 1)
    for item in new:
        if item["note"] == "added":
            added = f"  - id: {item['id']}\n    count: {item['count']}\n    note: added\n"
            assert added in merged
            merged = merged.replace(added, "", 1)
    assert merged == without
    for item in kept:
        assert item["heading"] + _written(item) in without


def test_the_tree_written_back_unchanged_is_the_same_text() -> None:
    """Taking the comments between items out of every list of a seed and putting them back
    writes the same text, so a merge that keeps all items keeps all comments."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from negotrack.io.yamlgaps import attach, detach

    def lists(node: Any) -> list[Any]:
        if isinstance(node, CommentedMap):
            return [s for v in node.values() for s in lists(v)]
        if isinstance(node, CommentedSeq):
            return [node, *(s for v in node for s in lists(v))]
        return []

    for seed in [*sorted(SEEDS.glob("*.yaml")), None]:
        text = seed.read_text(encoding="utf-8") if seed else SECTIONED
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 1 << 16
        tree = yaml.load(text)
        for seq in lists(tree):
            attach(seq, detach(seq))
        out = io.StringIO()
        yaml.dump(tree, out)
        plain = io.StringIO()
        yaml.dump(yaml.load(text), plain)
        assert out.getvalue() == plain.getvalue(), seed
