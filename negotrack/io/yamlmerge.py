"""Comment-preserving YAML updates: merge new dossier data into a round-trip YAML tree.

A scripted change (``negotrack status set``) to a hand-edited YAML dossier must not throw
away the editor's comments, key order, quoting or indentation. So instead of dumping the
dossier afresh, :func:`merge_text` loads the file with ruamel.yaml's round-trip loader
(which keeps comments and layout attached to the nodes), walks it alongside the new plain
data (from :func:`negotrack.io.storage.to_data`), and changes only what differs:

- the walk compares the dossier's canonical data before and after the change (both from
  :func:`negotrack.io.storage.to_data`) and touches the tree only where they differ, so an
  unchanged value keeps its node, hence its quoting, comments and written form (a bare
  ``2025-11-23``, a number ``12``), and defaults the editor left out stay left out;
- a changed scalar is replaced;
- mapping keys are added (after their predecessor in the new order) or removed;
- list items are aligned by what they are (an ``id``, a point's ``number``, a link's ``old``
  and ``new``, else their whole data), so removing or inserting one anywhere removes or
  adds its lines only; aligned items are merged, and the comment lines between items stay
  where they stood (:mod:`negotrack.io.yamlgaps`);
- a node whose type changed is replaced.

The file's indentation is guessed and reused, and lines are never re-wrapped, so a status
update adds lines and changes little else. ruamel.yaml keeps no line breaks of a plain or
quoted scalar the editor wrapped over several lines (a long ``note:`` typed on, then
continued on the next line, indented): it writes it back on one line. So the text of every
such scalar left as it was is put back as the editor wrote it (:func:`_rewrapped`), and
the result is kept only when it reads as the same data. Strings that a YAML 1.1 reader would misread
(a bare ``on`` key, ``yes``, ``1.10``) are quoted wherever they are written, and text with
characters some readers take for line breaks (NEL, U+2028) is written with escapes.
"""

from __future__ import annotations

import collections
import difflib
import io
import json
import re
from collections.abc import Iterator
from typing import Any

__all__ = ["fresh", "merge_text", "writer"]


def merge_text(text: str, before: dict[str, Any], after: dict[str, Any]) -> str:
    """``text`` changed from holding ``before`` to holding ``after``, keeping its layout.

    ``before`` and ``after`` are plain data in the canonical file layout
    (:func:`negotrack.io.storage.to_data`) of the dossier as read from ``text`` and as changed;
    only their differences touch the tree, so fields the editor left to their defaults
    stay unwritten.
    """
    crlf = text.count("\r\n") * 2 > text.count("\n")  # a file written on Windows
    if crlf:
        text = text.replace("\r\n", "\n")
    # What ruamel.yaml drops: the comments and directives before a "---" (with the
    # comment on its line), and a closing "..." with what follows it. Kept as written.
    head, text, tail = _ends(text)
    yaml = writer(text)
    yaml.preserve_quotes = True
    wrapped: list[Any] = []
    parser, yaml.Parser = yaml.Parser, _recording(wrapped)
    tree = yaml.load(text)
    yaml.Parser = parser
    wrapped = list(wrapped)  # the parser made for the load is kept and goes on noting
    merged = _merge(tree, before, after)
    out = io.StringIO()
    yaml.dump(merged, out)
    result = head + _rewrapped(yaml, text, wrapped, out.getvalue()) + tail
    return result.replace("\n", "\r\n") if crlf else result


def writer(text: str) -> Any:
    """The round-trip YAML a safe update of ``text`` reads and writes it with: strings a
    YAML 1.1 reader would misread quoted, lines never re-wrapped, the file's indentation."""
    from ruamel.yaml import YAML

    from negotrack.io.yaml import yaml11_safe

    yaml = yaml11_safe(YAML(typ="rt"))
    yaml.width = 1 << 16  # never re-wrap a line the editor wrote
    yaml.indent(**_guess_indent(text))
    return yaml


_DOC_START = re.compile(r"---[ \t]*(?:#.*)?")
_DOC_END = re.compile(r"\.\.\.[ \t]*(?:#.*)?")
_ASIDE = re.compile(r"[ \t]*(?:#.*|%.*)?")
"""A line of comment, a directive (``%YAML 1.2``), or a blank one."""


def _ends(text: str) -> tuple[str, str, str]:
    """``text`` cut into the lines up to a document start ("---") that only comments,
    directives and blank lines come before, the document, and a document end ("...") with
    only comments and blank lines after it; the first and last empty when there are none."""
    lines = text.splitlines(keepends=True)
    start = 0
    for k, line in enumerate(lines):
        if _DOC_START.fullmatch(line.rstrip("\n")):
            start = k + 1
            break
        if not _ASIDE.fullmatch(line.rstrip("\n")):
            break
    end = len(lines)
    for k in range(len(lines) - 1, start - 1, -1):
        line = lines[k].rstrip("\n")
        if _DOC_END.fullmatch(line):
            end = k
            break
        if not _ASIDE.fullmatch(line) or line.lstrip().startswith("%"):
            break
    return "".join(lines[:start]), "".join(lines[start:end]), "".join(lines[end:])


def _rewrapped(yaml: Any, text: str, wrapped: list[Any], result: str) -> str:
    """``result`` with each scalar of ``wrapped`` (events of ``text`` that span several
    lines) that ``result`` writes on one line at the same column, with the same value after
    the same few scalars (the keys and values just before it), written as in ``text``
    again, with the rest of its last line (a comment's spacing); ``result`` itself when that
    would read differently.

    The scalars just before a value in its mapping tell two equal values apart (two links'
    equal notes name their points just before them), so removing or adding one does not
    move another's line breaks; among values with the same ones, the k-th in ``result`` is
    the k-th in ``text``. The style may differ: a plain value with a blank line comes back
    quoted.
    """
    if not wrapped:
        return result
    values = {e.value for e in wrapped}
    queues: dict[tuple[object, ...], list[tuple[int, str, str] | None]] = {}
    for e, key in _keyed(yaml, text, values):
        first, last = e.start_mark, e.end_mark
        tail = text[last.index : _line_end(text, last.index)]
        written = (first.column, text[first.index : last.index], tail)
        queues.setdefault(key, []).append(written if first.line != last.line else None)
    spans: list[tuple[int, int, str]] = []
    for e, key in _keyed(yaml, result, values):
        if not queues.get(key):
            continue
        was = queues[key].pop(0)
        first, last = e.start_mark, e.end_mark
        if was is None or was[0] != first.column or first.line != last.line:
            continue
        stop, lines = last.index, was[1]
        line_end = _line_end(result, stop)
        if result[stop:line_end].strip() == was[2].strip():  # a comment after it, or nothing
            stop, lines = line_end, was[1] + was[2]
        spans.append((first.index, stop, lines))
    if not spans:
        return result
    parts: list[str] = []
    at = 0
    for begin, stop, lines in spans:
        parts += [result[at:begin], lines]
        at = stop
    restored = "".join([*parts, result[at:]])
    try:  # the same events, scalar values included: the same data, read the same way
        same = _shape(yaml, restored) == _shape(yaml, result)
    except Exception:  # a wrapped scalar that no longer fits where it stands
        same = False
    return restored if same else result


_CONTEXT = 4
"""How many scalars just before a value tell it apart from an equal one."""


def _keyed(yaml: Any, text: str, values: set[str]) -> Iterator[tuple[Any, tuple[object, ...]]]:
    """Each scalar event of ``text`` whose value is in ``values``, with its key: its value
    and the values of the scalars just before it in the same mapping or list, after the
    key of that mapping or list.

    Only scalars of its own container count, so a list item removed or inserted before a
    value's item, or a nested list changed before the value, does not change its key.
    """
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent, ScalarEvent

    before: collections.deque[str] = collections.deque(maxlen=_CONTEXT)
    outer: list[collections.deque[str]] = []
    for e in yaml.parse(text):
        if isinstance(e, CollectionStartEvent):
            outer.append(before)
            before = collections.deque(list(before)[-1:], maxlen=_CONTEXT)
        elif isinstance(e, CollectionEndEvent):
            before = outer.pop()
        elif isinstance(e, ScalarEvent):
            if e.value in values:
                yield e, (e.value, *before)
            before.append(e.value)


def _shape(yaml: Any, text: str) -> list[tuple[type, object]]:
    """The events of ``text`` with their values: equal for two texts holding the same data
    the same way."""
    return [(type(e), getattr(e, "value", None)) for e in yaml.parse(text)]


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end == -1 else end


def _recording(wrapped: list[Any]) -> type:
    """ruamel.yaml's round-trip parser, noting in ``wrapped`` each plain or quoted scalar
    written over several lines (what its dumper would write on one)."""
    from ruamel.yaml.events import ScalarEvent
    from ruamel.yaml.parser import RoundTripParser

    class Recording(RoundTripParser):
        def get_event(self) -> Any:
            event = super().get_event()
            if (
                isinstance(event, ScalarEvent)
                and event.style in (None, "'", '"')
                and event.start_mark.line != event.end_mark.line
            ):
                wrapped.append(event)
            return event

    return Recording


def _guess_indent(text: str) -> dict[str, int]:
    """The file's indentation as ruamel.yaml's ``indent()`` arguments.

    ``mapping``: spaces a nested mapping is indented; ``offset``: spaces before a block
    sequence's dash, relative to its key; ``sequence``: dash to item content plus offset.
    """
    mapping: int | None = None
    sequence: int | None = None
    offset: int | None = None
    key_indent: int | None = None
    for line in text.splitlines():
        body = line.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        lead = len(line) - len(body)
        if key_indent is not None:
            if body.startswith("- ") and offset is None and lead >= key_indent:
                offset = lead - key_indent
                after = body[1:]
                sequence = offset + 1 + len(after) - len(after.lstrip(" "))
            elif not body.startswith("-") and mapping is None and lead > key_indent:
                mapping = lead - key_indent
        key_indent = lead if body.rstrip().endswith(":") and not body.startswith("-") else None
        if mapping is not None and offset is not None:
            break
    offset = offset or 0
    sequence = sequence if sequence is not None and sequence > offset else offset + 2
    return {"mapping": mapping or 2, "sequence": sequence, "offset": offset}


def _merge(node: Any, old: Any, new: Any) -> Any:
    """The node to store for ``new`` where ``node`` (which held ``old``) was: ``node``
    itself, changed in place where ``old`` and ``new`` differ, so comments and style survive.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if old == new:
        return node
    if isinstance(new, dict) and isinstance(old, dict) and isinstance(node, CommentedMap):
        for key in [k for k in old if k not in new and k in node]:
            del node[key]
        keys = list(new)
        for i, key in enumerate(keys):
            if key in old and old[key] == new[key]:
                continue
            if key in node and key in old:
                merged = _merge(node[key], old[key], new[key])
                if merged is not node[key]:
                    node[key] = merged
                if new[key] == [] and node.ca.items.get(key):
                    # ruamel.yaml would write the comment over the first item, then "[]"
                    # at the start of the next line, where it does not parse.
                    node.ca.items[key][3] = None
            elif key in node:
                node[key] = fresh(new[key])
            else:
                node.insert(_position(node, keys[:i]), key, fresh(new[key]))
        return node
    if isinstance(new, list) and isinstance(old, list) and isinstance(node, CommentedSeq):
        if len(node) != len(old):  # the tree and the data disagree: do not guess
            return fresh(new)
        _merge_list(node, old, new)
        return node
    return fresh(new)


def _merge_list(node: Any, old: list[Any], new: list[Any]) -> None:
    """Change the sequence ``node`` (which held ``old``) to hold ``new``, item by item.

    Items are aligned by what they are (:func:`_identity`), not by their place, so an item
    removed or inserted anywhere takes or brings only its own lines: the items around it
    keep their nodes. An aligned item whose data changed is merged in place; so are the
    unnamed items of a run replaced by as many others (a status entry whose note changed),
    while a record replaced by one of another name is removed and the other inserted, so
    that the first one's comments do not pass to it. The comment lines between items are
    taken out first and put back after (:mod:`negotrack.io.yamlgaps`), so a heading over
    the next item stays over it when the item before is removed, and an item inserted
    before a heading goes above it, at the end of the section before.
    """
    from negotrack.io.yamlgaps import attach, detach

    olds, news = [_identity(x) for x in old], [_identity(x) for x in new]
    matcher = difflib.SequenceMatcher(None, olds, news, autojunk=False)
    gaps = detach(node)
    items: list[Any] = []
    entries: list[Any] = []  # each item's comment slots in the sequence (a scalar's comment)
    between = [gaps[0]]  # between[k] stands before items[k]; the last after the last item
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (
            tag == "replace"
            and i2 - i1 == j2 - j1
            and all(k[0] == _UNNAMED for k in olds[i1:i2] + news[j1:j2])
        ):
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                items.append(_merge(node[i], old[i], new[j]))
                entries.append(node.ca.items.get(i))
                between.append(gaps[i + 1])
            continue
        # The lines after removed items join those before them; new items go above them.
        gap = between.pop() + "".join(gaps[i1 + 1 : i2 + 1])
        for item in new[j1:j2]:
            between.append("")
            items.append(fresh(item))
            entries.append(None)
        between.append(gap)
    node.ca.items.clear()
    while node:
        node.pop()
    node.extend(items)
    for k, entry in enumerate(entries):
        if entry is not None:
            node.ca.items[k] = entry
    attach(node, between)


_IDENTITIES = (("id",), ("number",), ("old", "new"))
"""The keys that name a record in a list: an id, a point's number, a link's two ends."""
_UNNAMED = "data"
"""The identity of an item without those keys: all of its data."""


def _identity(item: Any) -> tuple[object, ...]:
    """What ``item`` of a list is, to align two versions of the list: the keys that name it,
    or else all of it."""
    if isinstance(item, dict):
        for keys in _IDENTITIES:
            if all(k in item for k in keys):
                return (keys, *(str(item[k]) for k in keys))
    return (_UNNAMED, json.dumps(item, sort_keys=True, default=str))


def _position(old: Any, before: list[str]) -> int:
    """Where to insert a new key: just after the last of ``before`` that ``old`` holds."""
    existing = list(old)
    for key in reversed(before):
        if key in old:
            return existing.index(key) + 1
    return 0


def fresh(value: Any) -> Any:
    """``value`` as round-trip nodes, so new containers are written in block style, and
    long prose as a folded block, as :meth:`negotrack.Dossier.save` writes it."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from negotrack.io.yaml import fold

    if isinstance(value, dict):
        m = CommentedMap()
        for k, v in value.items():
            m[k] = fresh(v)
        return m
    if isinstance(value, list | tuple):
        s = CommentedSeq()
        s.extend(fresh(v) for v in value)
        return s
    return fold(value)
