"""The comment lines between the items of a YAML list, taken out of ruamel.yaml's tree and
put back, so that items can be removed and inserted without taking them along.

ruamel.yaml keeps a full-line comment (or a blank line) that stands between two items of a
block sequence on whatever node happens to end before it: the comment slot of the last
scalar of the preceding item, at any depth, after that scalar's end-of-line comment; the
end of a nested list; or the slot "before item ``i``" of the sequence. So deleting an item
deletes the heading of the next one (``# -- 2015: the Package of Measures``), and inserting
one after an item puts it below that heading.

:func:`detach` takes every such comment out of a sequence as text, one *gap* before each
item and one after the last; :func:`attach` writes gaps back, each gap in the slot before
its item and the last after the last item's last line. Between the two, items and gaps
can be moved as plain values. A gap is whole lines, each indented as written, each with
its line break. The comments inside an item (its end-of-line comments, and full-line ones
between its own lines) stay on the item; the comment before the first item (on the
sequence itself, ``ca.comment``) and after the list (``ca.end``) stay where they are.
"""

from __future__ import annotations

from typing import Any

__all__ = ["attach", "detach"]

_EOL, _BEFORE = 0, 1
"""A sequence's comment slots per item: after a scalar item, and the lines before it."""
_AFTER_VALUE = 2
"""A mapping's comment slot per key: after its value."""


def detach(seq: Any) -> list[str]:
    """The gaps of ``seq``, taken out of its tree: ``len(seq) + 1`` texts, the ``i``-th the
    comment lines just before item ``i``, the last the ones after the last item."""
    gaps = []
    for i in range(len(seq)):
        before = seq.ca.items.get(i)
        tokens = before[_BEFORE] if before and before[_BEFORE] else []
        if before:
            before[_BEFORE] = None
        gaps.append((_take_tail(seq, i - 1) if i else "") + "".join(map(_full_lines, tokens)))
    gaps.append(_take_tail(seq, len(seq) - 1) if seq else "")
    return gaps


def attach(seq: Any, gaps: list[str]) -> None:
    """Write back ``gaps`` (``len(seq) + 1`` of them, as :func:`detach` gives) into ``seq``:
    each before its item, the last after the last item; none when the list is empty."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    for i, gap in enumerate(gaps[: len(seq)]):
        if gap:
            entry = seq.ca.items.setdefault(i, [None, None, None, None])
            entry[_BEFORE] = [CommentToken(gap, CommentMark(0), None)]
    if not seq:
        seq.ca.comment = [None, None]  # a list now empty: its comments go with its items
    elif gaps[-1]:
        _put_tail(seq, len(seq) - 1, gaps[-1])


def _full_lines(token: Any) -> str:
    """A comment token that starts a line, as the lines it writes."""
    value: str = token.value
    return value if value.startswith("\n") else " " * token.start_mark.column + value


def _last_key(node: Any) -> Any:
    """The key of the last value of a non-empty mapping or sequence."""
    return list(node)[-1] if isinstance(node, dict) else len(node) - 1


def _slot(container: Any, key: Any) -> tuple[dict[Any, Any], Any, int, bool]:
    """Where the comment after ``container[key]`` is kept, at the deepest level: the slots,
    the key, the position, and whether the value is a block scalar (which ends its own
    last line, so the comment starts a line)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    value = container[key]
    if isinstance(value, CommentedMap | CommentedSeq) and value and not value.fa.flow_style():
        return _slot(value, _last_key(value))
    position = _AFTER_VALUE if isinstance(container, dict) else _EOL
    block = isinstance(value, FoldedScalarString | LiteralScalarString)
    return container.ca.items, key, position, block


def _ends(container: Any, key: Any) -> list[Any]:
    """The nested containers that end where ``container[key]`` ends, outermost first."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    value = container[key]
    if isinstance(value, CommentedMap | CommentedSeq) and value and not value.fa.flow_style():
        return [value, *_ends(value, _last_key(value))]
    return []


def _take_tail(container: Any, key: Any) -> str:
    """The comment lines after ``container[key]`` (after its last line's own comment),
    taken out of the tree."""
    slots, at, position, block = _slot(container, key)
    entry: list[Any] = slots.get(at) or [None, None, None, None]
    token = entry[position]
    lines = ""
    if token is not None:
        value: str = token.value
        if block:
            lines, entry[position] = _full_lines(token), None
        elif "\n" in value:
            eol, _, lines = value.partition("\n")
            token.value = eol + "\n"
            if not eol:
                entry[position] = None
    # A nested list's end comments are written after its last item: after this value.
    for node in reversed(_ends(container, key)):
        lines += "".join(map(_full_lines, node.ca.end or []))
        if node.ca.end:
            node.ca.end = []
    return lines


def _put_tail(container: Any, key: Any, lines: str) -> None:
    """Write ``lines`` after ``container[key]``, after its last line's own comment."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    slots, at, position, block = _slot(container, key)
    entry = slots.setdefault(at, [None, None, None, None])
    token = entry[position]
    if token is not None and not block:
        token.value = token.value + lines
    elif block:
        lines = (_full_lines(token) if token is not None else "") + lines
        entry[position] = CommentToken(lines, CommentMark(0), None)
    else:
        entry[position] = CommentToken("\n" + lines, CommentMark(0), None)
