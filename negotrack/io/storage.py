"""Dossier files: JSON and YAML with one schema, read with every problem placed, written atomically.

The file shape mirrors the model (see ``docs/format.md``); ``negotrack: 1`` is the schema
version. Reading reports every problem at once with the file, the JSON path and, for YAML,
the line (see :mod:`negotrack.io.records`). Saving writes a stable, readable layout through a
temporary file, ``fsync`` and an atomic rename, so a crash leaves either the old file or the
new one, never a torn one.
"""

from __future__ import annotations

import json
import os
import re
from typing import TYPE_CHECKING, Any, Literal

import attrs

from negotrack.core.collector import collector_paused
from negotrack.core.dates import Moment
from negotrack.core.fields import KIND
from negotrack.dossier.dossier import Dossier
from negotrack.errors import FormatError, NegotrackError, Problem, by_line
from negotrack.io.files import MAX_BYTES, atomic_write, read_text
from negotrack.io.records import RECORD_LISTS, SCHEMA_VERSION, from_data

__all__ = [
    "MAX_BYTES",
    "SCHEMA_VERSION",
    "Format",
    "atomic_write",
    "dumps",
    "format_of",
    "from_data",
    "load",
    "loads",
    "save",
    "to_data",
]

if TYPE_CHECKING:
    from pathlib import Path

Format = Literal["json", "yaml"]


def format_of(path: str | Path) -> Format:
    """The file format a path's suffix names: ``.json``, or ``.yaml``/``.yml``."""
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    raise FormatError(
        Problem(
            f"cannot tell the format from the suffix {suffix or '(none)'!r}",
            "$",
            str(path),
            hint="name the file .json, .yaml or .yml",
        )
    )


def load(path: str | Path) -> Dossier:
    """Read a dossier from a JSON or YAML file (by suffix), reporting every problem at once."""
    # Read first: a folder or a missing file is that, not a name that lacks a suffix.
    text = read_text(path)
    return loads(text, format_of(path), file=str(path))


@collector_paused()
def loads(text: str, format: Format = "json", *, file: str | None = None) -> Dossier:
    """Read a dossier from JSON or YAML text; problems name ``file`` when given."""
    if format == "json":
        return from_data(parse_json(text, file), file=file)
    if format == "yaml":
        # Imported here: a command on a JSON dossier need not pay for the YAML reader (its
        # start-up is a bar).
        from negotrack.io.yaml import line_index, line_of, load_yaml

        data = load_yaml(text, file)
        check_surrogates(text, data, file)
        try:
            return from_data(data, file=file)
        except NegotrackError as exc:
            lines = line_index(text)
            raise type(exc)(
                by_line(p.at(file, line_of(p.path, lines)) for p in exc.problems)
            ) from None
    raise FormatError(Problem(f"unknown format {format!r}", "$", file, hint="use 'json' or 'yaml'"))


def parse_json(text: str, file: str | None) -> Any:
    """Plain data from JSON text, every failure a located :class:`FormatError` (a key
    twice in one object too: JSON readers would keep only the last)."""
    from negotrack.io.jsonkeys import DuplicateKey, checked, first_duplicate, unique_pairs

    try:
        data = json.loads(text, object_pairs_hook=unique_pairs if checked(text) else None)
    except json.JSONDecodeError as exc:
        raise FormatError(
            Problem(f"not valid JSON: {exc.msg} (column {exc.colno})", "$", file, exc.lineno)
        ) from None
    except DuplicateKey:
        found = first_duplicate(text)
        key, path, line = found if found is not None else ("?", "$", None)
        raise FormatError(
            Problem(
                f"not valid JSON: the key {json.dumps(key, ensure_ascii=False)} appears twice "
                "in one object (only the last would be read)",
                path,
                file,
                line,
                hint="keep one of the two",
            )
        ) from None
    except RecursionError:
        raise FormatError(Problem("the JSON document is nested too deeply", "$", file)) from None
    except ValueError:  # an integer of more digits than Python converts (4,300)
        raise FormatError(
            Problem(
                "not valid JSON: a number has too many digits to read",
                "$",
                file,
                hint="write long numbers as text, in quotes",
            )
        ) from None
    check_surrogates(text, data, file)
    return data


# An escaped UTF-16 surrogate (``\ud800``): the only way a lone one gets into the data.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]|\\U0000[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def check_surrogates(text: str, data: Any, file: str | None) -> None:
    """Refuse text holding a lone UTF-16 surrogate (it cannot be written out as UTF-8).

    Only escapes can put one there, so the data is searched only when the text has one.
    A text without a backslash has no escape at all: that takes a scan for one character,
    a tenth of the time the pattern's search of a 30 MB text takes.
    """
    if "\\" not in text or _SURROGATE_ESCAPE.search(text) is None:
        return
    stack: list[tuple[Any, str]] = [(data, "$")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, str):
            if _LONE_SURROGATE.search(node):
                raise FormatError(
                    Problem(
                        "the text holds a lone UTF-16 surrogate escape, which is not a character",
                        path,
                        file,
                        hint="write the character itself, or a valid surrogate pair",
                    )
                )
        elif isinstance(node, dict):
            for k, v in node.items():
                stack.append((k, path))
                stack.append((v, f"{path}.{k}"))
        elif isinstance(node, list):
            stack.extend((v, f"{path}[{i}]") for i, v in enumerate(node))


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in fields.items():
        if v is None or v == ():
            continue
        if isinstance(v, Moment):
            v = v.isoformat()
        elif isinstance(v, str):
            v = str(v)  # str enums become their plain value
        elif isinstance(v, tuple):
            v = [_plain(x) for x in v]
        out[k] = v
    return out


def _plain(value: Any) -> Any:
    if attrs.has(type(value)):
        return _record_data(value)
    return str(value) if isinstance(value, str) else value


def _record_data(record: Any) -> dict[str, Any]:
    cls = type(record)
    fields = {a.name: getattr(record, a.name) for a in attrs.fields(cls) if a.init}
    for name, default in _flags(cls):
        if fields[name] == default:  # a flag left at its default is not written
            del fields[name]
    return _clean(fields)


_FLAGS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _flags(cls: type) -> tuple[tuple[str, Any], ...]:
    """The flag (true/false) fields of a record class, with their defaults (worked out
    once per class: a large dossier writes records by the 100,000)."""
    found = _FLAGS.get(cls)
    if found is None:
        found = _FLAGS[cls] = tuple(
            (a.name, a.default) for a in attrs.fields(cls) if a.metadata.get(KIND) == "flag"
        )
    return found


def to_data(dossier: Dossier) -> dict[str, Any]:
    """Plain data in the file layout: stable key order, optional fields left out."""
    data: dict[str, Any] = {"negotrack": SCHEMA_VERSION, "title": dossier.title}
    if dossier.description is not None:
        data["description"] = dossier.description
    language = getattr(dossier, "language", None)
    if language is not None:
        data["language"] = language
    for name in RECORD_LISTS:
        records = getattr(dossier, name)
        if records:
            data[name] = [_record_data(r) for r in records]
    return data


def dumps(dossier: Dossier, format: Format = "json") -> str:
    """The dossier as JSON or YAML text."""
    data = to_data(dossier)
    if format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if format == "yaml":
        from negotrack.io.yaml import dump_yaml

        return dump_yaml(data)
    raise FormatError(f"unknown format {format!r}", hint="use 'json' or 'yaml'")


def save(dossier: Dossier, path: str | Path) -> None:
    """Write the dossier to ``path`` (format by suffix) atomically."""
    atomic_write(path, dumps(dossier, format_of(path)))
