"""Duplicate keys in JSON text: found while parsing, placed by a second look.

Python's JSON reader keeps the last of two values under one key, and says nothing: a
dossier with ``"title"`` twice would lose one title without a word, where the YAML reader
refuses the file. :func:`unique_pairs` is the reader's ``object_pairs_hook`` that notices
(on texts up to :data:`CHECKED_CHARS`); :func:`first_duplicate` then walks the text once
more (only when there is one) to name the key's place and line, as every other problem in
the file is named.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["CHECKED_CHARS", "DuplicateKey", "checked", "first_duplicate", "unique_pairs"]

CHECKED_CHARS = 8 << 20
"""The longest text checked for keys given twice. The check calls back into Python for every
object, a seventh of the load of a 30 MB file of 100,000 events; a file that large is a
program's output (a JSON writer never repeats a key), while hand-kept dossiers, where a
key pasted twice happens, are a thousand times smaller."""


def checked(text: str) -> bool:
    """Whether ``text`` is checked for keys given twice (at most CHECKED_CHARS long)."""
    return len(text) <= CHECKED_CHARS


class DuplicateKey(ValueError):
    """An object of the JSON text has a key twice."""


def unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's pairs as a dict, or :class:`DuplicateKey` when a key repeats."""
    data = dict(pairs)
    if len(data) != len(pairs):
        raise DuplicateKey
    return data


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]')


def first_duplicate(text: str) -> tuple[str, str, int] | None:
    """``(key, path, line)`` of the first key that repeats in its object in ``text``
    (valid JSON), the path that of the object (``$.events[2]``), the line the second
    occurrence starts on; None when no key repeats."""
    # One frame per open container: an object's keys so far and its current key, or an
    # array's current index.
    stack: list[tuple[set[str], list[str]] | list[int]] = []
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token == "{":
            stack.append((set(), [""]))
        elif token == "[":
            stack.append([0])
        elif token in "}]":
            stack.pop()
        elif token == "," and stack and isinstance(stack[-1], list):
            stack[-1][0] += 1
        elif token.startswith('"') and stack and isinstance(stack[-1], tuple):
            after = text[m.end() :].lstrip()
            if not after.startswith(":"):
                continue  # a value, not a key
            keys, current = stack[-1]
            key = json.loads(token)
            if key in keys:
                return key, _path(stack[:-1]), text.count("\n", 0, m.start()) + 1
            keys.add(key)
            current[0] = key
    return None


def _path(stack: list[tuple[set[str], list[str]] | list[int]]) -> str:
    """The JSON path of the innermost open container, from the frames around it."""
    path = "$"
    for frame in stack:
        path += f"[{frame[0]}]" if isinstance(frame, list) else f".{frame[1][0]}"
    return path
