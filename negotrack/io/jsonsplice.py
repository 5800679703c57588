"""JSON dossiers changed in place: only the sections a change touched are encoded again.

JSON has no comments, but keeping the rest of a file as it was pays all the same: the
top-level object is scanned once (its values parsed, their positions kept), and only the
sections the change touched (for a status update, ``status_log``) are encoded again and put
in place of their old text. A reviewer's diff shows only the change, and a scripted update
on a large dossier skips re-encoding everything else (on a file negotrack wrote, the result
is exactly what :meth:`~negotrack.Dossier.save` would write). A file that is not one plain
object with distinct keys is re-encoded whole. Used by :func:`negotrack.io.update.update`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from negotrack.io.records import RECORD_LISTS

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier

__all__ = ["SECTIONS", "Spans", "sections", "spans_of", "splice"]

SECTIONS = ("title", "description", *RECORD_LISTS)


def sections(d: Dossier) -> dict[str, object]:
    return {name: getattr(d, name) for name in SECTIONS}


Spans = dict[str, tuple[Any, int, int, int]]
"""Top-level key -> (parsed value, where its key starts, where its value starts and ends)."""


def spans_of(text: str) -> Spans | None:
    """The top-level object's values with where their text starts and ends, or None when
    the text is not one plain object with distinct keys (then the ordinary loader speaks).
    """
    import json

    decoder = json.JSONDecoder()
    ws = " \t\n\r"
    n = len(text)
    i = 0
    while i < n and text[i] in ws:
        i += 1
    if i >= n or text[i] != "{":
        return None
    spans: Spans = {}
    i += 1
    try:
        while True:
            while i < n and text[i] in ws:
                i += 1
            if i < n and text[i] == "}" and not spans:
                i += 1
                break
            if i >= n or text[i] != '"':
                return None
            key_start = i
            key, i = decoder.raw_decode(text, i)
            while i < n and text[i] in ws:
                i += 1
            if i >= n or text[i] != ":":
                return None
            i += 1
            while i < n and text[i] in ws:
                i += 1
            value, end = decoder.raw_decode(text, i)
            if key in spans:
                return None
            spans[key] = (value, key_start, i, end)
            i = end
            while i < n and text[i] in ws:
                i += 1
            if i < n and text[i] == ",":
                i += 1
                continue
            if i < n and text[i] == "}":
                i += 1
                break
            return None
    except (ValueError, RecursionError):
        return None
    return spans if not text[i:].strip(ws) else None


def splice(text: str, spans: Spans | None, before: dict[str, object], d: Dossier) -> str:
    """The JSON text for ``d``: ``text`` with only the changed sections re-encoded.

    A status update rewrites the status log and leaves every other byte of the file as it
    was, which is both faster than re-encoding the whole dossier and kinder to a reviewer
    reading the diff. Files that are not one plain object are re-encoded whole.
    """
    from types import SimpleNamespace

    from negotrack.io.storage import dumps, to_data

    after = sections(d)
    changed = [k for k in SECTIONS if after[k] is not before[k] and after[k] != before[k]]
    if not changed:
        return text
    if spans is None or "title" not in spans:
        return dumps(d, "json")
    # to_data of a stand-in holding only the changed sections: the rest is not re-encoded.
    partial = SimpleNamespace(
        **{k: after[k] if k in changed else () for k in SECTIONS[2:]},
        title=after["title"],
        description=after["description"],
    )
    data = to_data(cast("Dossier", partial))
    lead = text[text.index("{") + 1 : min(span[1] for span in spans.values())]
    indent = len(lead) - len(lead.rstrip(" ")) if "\n" in lead else None
    edits: list[tuple[int, int, str]] = []
    order = list(SECTIONS)
    for key in changed:
        value = data.get(key, [] if key in order[2:] else None)
        encoded = _encode(value, indent)
        if key in spans:
            _, _, start, end = spans[key]
            edits.append((start, end, encoded))
            continue
        # A new section goes before the next section present in the file, or last.
        later = [spans[k][1] for k in order[order.index(key) + 1 :] if k in spans]
        if later:
            at = min(later)
            edits.append((at, at, f'"{key}": {encoded},{lead}'))
        else:
            end = max(span[3] for span in spans.values())
            edits.append((end, end, f',{lead}"{key}": {encoded}'))
    out = text
    for start, end, piece in sorted(edits, reverse=True):
        out = out[:start] + piece + out[end:]
    return out


def _encode(value: Any, indent: int | None) -> str:
    """``value`` as JSON nested one level inside an object indented by ``indent``."""
    import json

    encoded = json.dumps(value, ensure_ascii=False, indent=indent)
    return encoded.replace("\n", "\n" + " " * indent) if indent else encoded
