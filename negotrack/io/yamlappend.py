"""Appends to a YAML dossier's lists, written as new lines without a round trip.

Most scripted updates only append: ``negotrack status set`` adds one entry at the end of
``status_log``, a recorded position one at the end of ``position_log``. The general merge
(:mod:`negotrack.io.yamlmerge`) loads the whole file with ruamel.yaml's round-trip loader
and dumps it again, in pure Python: seconds on a large dossier, for a change of five lines.

:func:`append_text` does the same change as text: when the dossier's canonical data before
and after the change differ only by items appended at the end of existing top-level block
lists, the new items are written (by the same writer, with the file's indentation and the
same YAML-1.1-safe quoting as the merge) and put just after the line on which each list's
last item ends. An end-of-line comment stays on its line; the comment and blank lines after
the list (the next section's heading) stay after the new items, as the merge leaves them.
The list and its last item are found from the nodes the parser composes, with their
places in the text.

A list the dossier does not have yet (the first status change of a dossier without
``status_log``) is written as the merge writes it when its key goes at the end of the
document: after the file's last top-level key, which is the last the dossier had, and
after the comments that end the file.

Anything this does not cover returns ``None``, and the caller merges instead: a change
other than appends, a new list whose key goes before a key the file has (the merge puts
it in its place), a list written in flow style
(``status_log: [...]``), a last item ending in an empty value or in a block scalar that
keeps its trailing blank lines (``|+``), a document with markers or directives (``---``,
``...``, ``%YAML``), tabs, line breaks other than LF or CRLF throughout, anchors, aliases
or tags in the list, an indentation the writer would not reproduce. The caller keeps the
result only when it reads back as the changed dossier.
"""

from __future__ import annotations

import io
import re
from typing import Any

__all__ = ["append_text"]


def append_text(text: str, before: dict[str, Any], after: dict[str, Any]) -> str | None:
    """``text``, which holds ``before``, with the items ``after`` appends to its lists; or
    ``None`` when the change is not only appends, or the file is not one this handles.

    ``before`` and ``after`` are the canonical data of the dossier as read and as changed
    (:func:`negotrack.io.storage.to_data`), as for :func:`negotrack.io.yamlmerge.merge_text`.
    """
    added, new = _appended(before, after)
    if not (added or new) or _UNUSUAL.search(text) or text.startswith("\ufeff"):
        return None
    crlf = "\r\n" in text
    if crlf:
        if text.count("\r\n") != text.count("\n"):  # mixed line endings
            return None
        text = text.replace("\r\n", "\n")
    if "\r" in text:
        return None
    from negotrack.io.yaml import compose_yaml

    root = compose_yaml(text)
    lists = _top_lists(root)
    if lists is None:
        return None
    edits = _requoted(text, root)
    if edits is None:
        return None
    for key, items in added.items():
        found = lists.get(key)
        if found is None or len(found[1].value) != len(before[key]):
            return None
        at = _insert_at(text, *found)
        if at is None:
            return None
        lines = _written(text, {key: items})
        lines = lines[lines.index("\n") + 1 :]  # the items, under the key the file has
        if not _same_indent(text, found[1].value[-1], lines):
            return None
        edits.append((at, at, lines))
    if new:
        # The merge inserts a new key after the last key before it that the file holds.
        if not text.endswith("\n") or list(lists)[-1:] != list(before)[-1:]:
            return None
        edits.append((len(text), len(text), _written(text, new)))
    parts: list[str] = []
    done = 0
    for start, end, piece in sorted(edits):
        parts += [text[done:start], piece]
        done = end
    result = "".join([*parts, text[done:]])
    return result.replace("\n", "\r\n") if crlf else result


_UNUSUAL = re.compile(r"^(?:---|\.\.\.)(?:[ \t]|$)|^%|[\t\x85\u2028\u2029]", re.MULTILINE)
"""Document markers and directives, tabs, and the characters YAML 1.1 readers (and the C
parser) take for line breaks, which would put its lines where Python's are not."""
_PROPERTIES = re.compile(r"(?:^|[\s\[{,:-])[&*!][^\s,\[\]{}]")
"""An anchor, an alias or a tag (the ``&``, ``*`` or ``!`` that starts a token)."""
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")
"""A block scalar's indicator, chomping and indentation (``>-``, ``|+``, ``>2-``)."""
_REST_OF_LINE = re.compile(r" *(?:#[^\n]*)?\n")
"""What may follow the last scalar of a list on its line: spaces and a comment."""


def _appended(
    before: dict[str, Any], after: dict[str, Any]
) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """The items ``after`` appends at the end of lists ``before`` has, by key, and the
    lists it adds after all of ``before``'s keys (in the dossier's order of keys); both
    empty when anything else differs (a key removed or added before another, a value
    changed, an item inserted)."""
    nothing: tuple[dict[str, list[Any]], dict[str, list[Any]]] = ({}, {})
    keys = list(after)
    if keys[: len(before)] != list(before):
        return nothing
    new = {key: after[key] for key in keys[len(before) :]}
    if not all(isinstance(items, list) and items for items in new.values()):
        return nothing
    added: dict[str, list[Any]] = {}
    for key, old in before.items():
        items = after[key]
        if items == old:
            continue
        if not (isinstance(old, list) and isinstance(items, list) and old):
            return nothing
        if len(items) <= len(old) or items[: len(old)] != old:
            return nothing
        added[key] = items[len(old) :]
    return added, new


def _top_lists(root: Any) -> dict[str, tuple[Any, Any]] | None:
    """The top-level keys of a block mapping at the first column, each with its key node
    and value node; ``None`` when the document is not such a mapping."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode

    if not isinstance(root, MappingNode) or root.flow_style or root.start_mark.column != 0:
        return None
    return {k.value: (k, v) for k, v in root.value if isinstance(k, ScalarNode)}


def _requoted(text: str, root: Any) -> list[tuple[int, int, str]] | None:
    """The plain scalars of ``text`` that a YAML 1.1 reader would not read as the text
    they hold (a bare ``on`` key, ``yes``, ``1_000``), each with its place and quoted as
    the merge writes every string it writes (it writes them all); ``None`` for one that
    would need escapes, which a plain scalar cannot hold as the merge would write it."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode

    from negotrack.io.yaml import quote_style

    edits: dict[int, tuple[int, int, str]] = {}  # by start: an alias is its anchor's node
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            if not node.style and node.value and quote_style(node.value) is not None:
                if node.tag != _STR:
                    continue  # a number, a date or null: the merge writes it as written
                start, end = node.start_mark.index, node.end_mark.index
                if quote_style(node.value) != "'" or text[start:end] != node.value:
                    return None
                edits[start] = (start, end, f"'{node.value}'")
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack += (key, value)
        else:
            stack += node.value
    return list(edits.values())


_STR = "tag:yaml.org,2002:str"


def _insert_at(text: str, key: Any, seq: Any) -> int | None:
    """Where the new items of the block list ``seq`` (the value of ``key``) go: just after
    the line on which its last item ends; ``None`` when that cannot be told for sure."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    if not isinstance(seq, SequenceNode) or seq.flow_style or not seq.value:
        return None
    last: Any = seq.value[-1]
    while isinstance(last, MappingNode | SequenceNode) and not last.flow_style and last.value:
        last = last.value[-1][1] if isinstance(last, MappingNode) else last.value[-1]
    start, end = last.start_mark.index, last.end_mark.index
    if _PROPERTIES.search(text, key.start_mark.index, end):
        return None
    if isinstance(last, ScalarNode) and last.style in ("|", ">"):
        # A block scalar's end is past the blank lines after it: its last line is the last
        # that is not blank, unless those blank lines are its own ("keep", ``|+``).
        header = _BLOCK_HEADER.match(text, start)
        if header is None or "+" in header.group():
            return None
        end = start + len(text[start:end].rstrip(" \n"))
        newline = text.find("\n", end)
        return None if newline == -1 else newline + 1
    if isinstance(last, ScalarNode) and last.value == "" and not last.style:
        return None  # an empty value: nothing written marks where it ends
    rest = _REST_OF_LINE.match(text, end)
    return None if rest is None else rest.end()


def _written(text: str, lists: dict[str, list[Any]]) -> str:
    """``lists`` as top-level keys of ``text``, as the merge writes new items and keys
    (:func:`negotrack.io.yamlmerge.merge_text`): the same writer, settings and nodes."""
    from negotrack.io.yamlmerge import fresh, writer

    out = io.StringIO()
    writer(text).dump(fresh(lists), out)
    return out.getvalue()


def _same_indent(text: str, item: Any, lines: str) -> bool:
    """Whether the written items start as the list's last item does: the same spaces, dash
    and spaces before the item's first value (else they would not read as its items)."""
    start = item.start_mark.index
    lead = text[text.rfind("\n", 0, start) + 1 : start]
    after = lines[len(lead) : len(lead) + 1]
    return lead.strip(" ") == "-" and lines.startswith(lead) and after not in ("", " ")
