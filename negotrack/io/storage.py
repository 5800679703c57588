"""Dossier files: JSON and YAML with one schema, read with every problem placed, written atomically.

The file shape mirrors the model (see ``docs/format.md``); ``negotrack: 1`` is the schema
version. Reading reports every problem at once with the file, the JSON path and, for YAML,
the line (see :mod:`negotrack.io.records`). Saving writes a stable, readable layout through a
temporary file, ``fsync`` and an atomic rename, so a crash leaves either the old file or the
new one, never a torn one.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import json
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, ParamSpec, TypeVar

import attrs

from negotrack.core.dates import Moment
from negotrack.dossier.dossier import Dossier
from negotrack.errors import FormatError, NegotrackError, Problem
from negotrack.io.records import RECORD_LISTS, SCHEMA_VERSION, from_data
from negotrack.io.yaml import dump_yaml, line_index, line_of, load_yaml

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
#: Larger files are refused before parsing: they are almost surely a mistake.
MAX_BYTES = 512 * 1024 * 1024


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
    fmt = format_of(path)
    name = str(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise FormatError(
                Problem(f"the file is {size:,} bytes, over the limit of {MAX_BYTES:,}", "$", name)
            )
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except UnicodeDecodeError as exc:
        raise FormatError(
            Problem(f"not UTF-8 text ({exc.reason} at byte {exc.start})", "$", name)
        ) from None
    except FileNotFoundError:
        raise FormatError(Problem("no such file", "$", name)) from None
    except (IsADirectoryError, PermissionError) as exc:
        raise FormatError(Problem(f"cannot read it: {exc.strerror}", "$", name)) from None
    return loads(text, fmt, file=name)


_P = ParamSpec("_P")
_T = TypeVar("_T")


def _collector_paused(fn: Callable[_P, _T]) -> Callable[_P, _T]:
    """``fn`` run with the cyclic garbage collector paused, its state restored after.

    Loading builds a great many small objects and no cycles worth collecting: with the
    collector on, it re-scans them again and again (about 40% of the time of a large load).
    """

    @functools.wraps(fn)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        collecting = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if collecting:
                gc.enable()

    return paused


@_collector_paused
def loads(text: str, format: Format = "json", *, file: str | None = None) -> Dossier:
    """Read a dossier from JSON or YAML text; problems name ``file`` when given."""
    if format == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise FormatError(
                Problem(f"not valid JSON: {exc.msg} (column {exc.colno})", "$", file, exc.lineno)
            ) from None
        except RecursionError:
            raise FormatError(
                Problem("the JSON document is nested too deeply", "$", file)
            ) from None
        return from_data(data, file=file)
    if format == "yaml":
        data = load_yaml(text, file)
        try:
            return from_data(data, file=file)
        except NegotrackError as exc:
            lines = line_index(text)
            placed = [p.at(file, line_of(p.path, lines)) for p in exc.problems]
            raise type(exc)(placed) from None
    raise FormatError(Problem(f"unknown format {format!r}", "$", file, hint="use 'json' or 'yaml'"))


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
    fields = {a.name: getattr(record, a.name) for a in attrs.fields(type(record)) if a.init}
    return _clean(fields)


def to_data(dossier: Dossier) -> dict[str, Any]:
    """Plain data in the file layout: stable key order, optional fields left out."""
    data: dict[str, Any] = {"negotrack": SCHEMA_VERSION, "title": dossier.title}
    if dossier.description is not None:
        data["description"] = dossier.description
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
        return dump_yaml(data)
    raise FormatError(f"unknown format {format!r}", hint="use 'json' or 'yaml'")


def save(dossier: Dossier, path: str | Path) -> None:
    """Write the dossier to ``path`` (format by suffix) atomically."""
    atomic_write(path, dumps(dossier, format_of(path)))


_SERIAL = itertools.count()


def atomic_write(
    path: str | Path, text: str, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Replace ``path`` with ``text`` so that readers see the old or the new file, never half.

    Writes a temporary file in the same directory, flushes and ``fsync``s it, gives it the
    old file's mode, renames it over ``path`` and ``fsync``s the directory.
    """
    target = os.fspath(path)
    folder = os.path.dirname(target) or "."
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    # A name of our own rather than tempfile's: importing tempfile costs the command line
    # more start-up time than the whole write. O_EXCL makes the name ours alone.
    while True:
        tmp = os.path.join(folder, f".{os.path.basename(target)}.{os.getpid()}.{next(_SERIAL)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
            os.fchmod(f.fileno(), mode)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
