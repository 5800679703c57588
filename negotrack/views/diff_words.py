"""A word diff as a reader is shown it: changes of spacing alone are not edits.

The diff engine's runs (:func:`negotrack.plandiff.tokens.word_diff`) carry the spaces
between words, so a replaced word may take a space with it on one side and not the other:
Minsk II's point 10 deletes ``", fighters "`` and inserts ``" "``. Shown as they are, the
page draws an empty inserted box and a screen reader says "[inserted: ]". :func:`shown_runs`
keeps as plain text the spacing both sides of an edit share, and any edit that is only
spacing; :func:`edges` is how the pages keep the spaces at an edit's ends outside its mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["edges", "shown_runs"]


def shown_runs(runs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """``runs`` (``(op, text)``, ``op`` "equal", "delete" or "insert") with no edit that is
    only white space: between two equal runs, the white space the deleted and the inserted
    text both start or end with is moved into the equal runs, and what is left of either
    that is only white space becomes equal text. Equal runs next to each other are joined."""
    out: list[tuple[str, str]] = []
    gone = added = ""
    for op, text in runs:
        if op == "delete":
            gone += text
        elif op == "insert":
            added += text
        else:
            if gone or added:
                _block(out, gone, added)
                gone = added = ""
            _equal(out, text)
    if gone or added:
        _block(out, gone, added)
    return out


def _block(out: list[tuple[str, str]], gone: str, added: str) -> None:
    """Append one block of edits between two equal runs: ``gone`` replaced by ``added``."""
    head = _shared_space(gone, added, 1)
    if head:
        _equal(out, gone[:head])
        gone, added = gone[head:], added[head:]
    tail = _shared_space(gone, added, -1)
    if tail:
        kept = gone[len(gone) - tail :]
        gone, added = gone[: len(gone) - tail], added[: len(added) - tail]
    if gone and not gone.isspace():
        out.append(("delete", gone))
    if added and not added.isspace():
        if gone.isspace():  # spacing where words were inserted: it stays, before them
            _equal(out, gone)
        out.append(("insert", added))
    elif added or (gone and gone.isspace()):  # spacing only, or spacing after a deletion
        _equal(out, added or gone)
    if tail:
        _equal(out, kept)


def _shared_space(a: str, b: str, step: int) -> int:
    """How many white-space characters ``a`` and ``b`` share at their start (``step`` 1)
    or their end (``step`` -1)."""
    n = 0
    limit = min(len(a), len(b))
    while n < limit:
        i = n if step == 1 else -1 - n
        if a[i] != b[i] or not a[i].isspace():
            break
        n += 1
    return n


def _equal(out: list[tuple[str, str]], text: str) -> None:
    if out and out[-1][0] == "equal":
        out[-1] = ("equal", out[-1][1] + text)
    elif text:
        out.append(("equal", text))


def edges(text: str) -> tuple[str, str, str]:
    """``text`` as (its leading white space, the rest, its trailing white space): an
    inserted or deleted run is marked without the spaces at its ends, so its "+" or "−"
    stands against its first word and no space is struck through.

    The control characters Python counts as white space (vertical tab, form feed, the
    separators U+001C-U+001F, NEL) are not spaces here: a page shows each by a stand-in
    (a control picture, U+FFFD), a visible part of the run that is marked with it, as it
    is by the report's fast path, which reads the run once it is escaped."""
    core = text.strip()
    if not core:
        if _SHOWN_SPACES.isdisjoint(text):
            return text, "", ""
    elif _SHOWN_SPACES.isdisjoint(text[0] + text[-1]):
        start = text.find(core)
        return text[:start], core, text[start + len(core) :]
    m = _EDGES.fullmatch(text)
    assert m is not None  # every text matches: each group may be empty
    return m.group(1), m.group(2), m.group(3)


_SHOWN_SPACES = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f\x85")
"""White space to ``str.strip`` that pages show by a stand-in (control characters)."""
_EDGES = re.compile(r"([^\S\x0b\x0c\x1c-\x1f\x85]*)(.*?)([^\S\x0b\x0c\x1c-\x1f\x85]*)", re.S)
