"""Dossier files: JSON and YAML with one schema, checked with every problem placed.

The file shape mirrors the model (see ``docs/format.md``); ``negotrack: 1`` is the schema
version. Loading takes a fast path that assumes valid input and, only for a record that
fails, a careful path that explains each problem with its JSON path (and, for YAML, its
line). Saving writes a stable, readable layout through a temporary file, ``fsync`` and an
atomic rename, so a crash leaves either the old file or the new one, never a torn one.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import attrs

from negotrack._yaml import dump_yaml, line_index, line_of, load_yaml
from negotrack.dates import Moment
from negotrack.dossier import Dossier
from negotrack.errors import DossierError, FormatError, NegotrackError, Problem, did_you_mean
from negotrack.model import (
    Event,
    EventKind,
    Participant,
    ParticipantKind,
    Plan,
    PlanVersion,
    Point,
    PointLink,
    Position,
    Quote,
    Source,
    SourceKind,
    Stance,
    Status,
    StatusChange,
)

__all__ = [
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

SCHEMA_VERSION = 1
Format = Literal["json", "yaml"]
#: Larger files are refused before parsing: they are almost surely a mistake.
MAX_BYTES = 512 * 1024 * 1024

# Field kinds: "str", "strs" (list of text), "moment", a str enum class, or a nested record.
_STR, _STRS, _MOMENT = "str", "strs", "moment"


@attrs.frozen
class _Spec:
    cls: type[Any]
    fields: dict[str, Any]
    required: tuple[str, ...]
    texts: tuple[str, ...] = attrs.field(init=False)
    lists: tuple[str, ...] = attrs.field(init=False)

    @texts.default
    def _texts(self) -> tuple[str, ...]:
        return tuple(k for k, v in self.fields.items() if v == _STR)

    @lists.default
    def _lists(self) -> tuple[str, ...]:
        return tuple(k for k, v in self.fields.items() if v == _STRS or isinstance(v, _Spec))


_QUOTE = _Spec(
    Quote, {"text": _STR, "source": _STR, "speaker": _STR, "note": _STR}, ("text", "source")
)
_SPECS: dict[str, _Spec] = {
    "participants": _Spec(
        Participant,
        {
            "id": _STR,
            "name": _STR,
            "kind": ParticipantKind,
            "side": _STR,
            "role": _STR,
            "aliases": _STRS,
            "notes": _STR,
        },
        ("id", "name"),
    ),
    "sources": _Spec(
        Source,
        {
            "id": _STR,
            "title": _STR,
            "kind": SourceKind,
            "publisher": _STR,
            "url": _STR,
            "published": _MOMENT,
            "notes": _STR,
        },
        ("id", "title"),
    ),
    "events": _Spec(
        Event,
        {
            "id": _STR,
            "when": _MOMENT,
            "until": _MOMENT,
            "title": _STR,
            "kind": EventKind,
            "track": _STR,
            "location": _STR,
            "participants": _STRS,
            "sources": _STRS,
            "summary": _STR,
            "quotes": _QUOTE,
            "tags": _STRS,
            "versions": _STRS,
        },
        ("id", "when", "title"),
    ),
    "points": _Spec(
        Point,
        {
            "number": _STR,
            "text": _STR,
            "key": _STR,
            "topic": _STR,
            "options": _STRS,
            "notes": _STR,
            "sources": _STRS,
            "status": Status,
        },
        ("number", "text"),
    ),
    "links": _Spec(PointLink, {"old": _STR, "new": _STR, "note": _STR}, ("old", "new")),
    "status_log": _Spec(
        StatusChange,
        {"ref": _STR, "status": Status, "on": _MOMENT, "source": _STR, "by": _STR, "note": _STR},
        ("ref", "status", "on"),
    ),
    "position_log": _Spec(
        Position,
        {"ref": _STR, "party": _STR, "stance": Stance, "on": _MOMENT, "source": _STR, "note": _STR},
        ("ref", "party", "stance", "on", "source"),
    ),
}
_SPECS["versions"] = _Spec(
    PlanVersion,
    {
        "id": _STR,
        "label": _STR,
        "date": _MOMENT,
        "side": _STR,
        "summary": _STR,
        "derived_from": _STRS,
        "sources": _STRS,
        "points": _SPECS["points"],
    },
    ("id", "label", "date"),
)
_SPECS["plans"] = _Spec(
    Plan,
    {
        "id": _STR,
        "title": _STR,
        "summary": _STR,
        "links": _SPECS["links"],
        "versions": _SPECS["versions"],
    },
    ("id", "title"),
)
_TOP = (
    "negotrack",
    "title",
    "description",
    "participants",
    "sources",
    "events",
    "plans",
    "status_log",
    "position_log",
)
_LISTS = _TOP[3:]


# -- reading ---------------------------------------------------------------------------------


def format_of(path: str | Path) -> Format:
    """The file format a path's suffix names: ``.json``, or ``.yaml``/``.yml``."""
    suffix = Path(path).suffix.lower()
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


def from_data(data: Any, *, file: str | None = None) -> Dossier:
    """A dossier from plain data (parsed JSON or YAML), or every problem with its place."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise DossierError(
            Problem(
                f"a dossier is a mapping, found {_typename(data)}",
                "$",
                file,
                hint="start the file with 'title:' and 'negotrack: 1'",
            )
        )
    for key in data:
        if key not in _TOP:
            problems.append(
                Problem(f"unknown field {key!r}", f"$.{key}", hint=did_you_mean(str(key), _TOP))
            )
    version = data.get("negotrack", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        problems.append(
            Problem(
                f"schema version {version!r} is not supported (this negotrack reads "
                f"{SCHEMA_VERSION})",
                "$.negotrack",
                hint="upgrade negotrack" if isinstance(version, int) and version > 1 else None,
            )
        )
    title = data.get("title")
    if isinstance(title, int | float) and not isinstance(title, bool):
        title = str(title)  # YAML reads "title: 2025" as a number
    if not isinstance(title, str) or not title.strip():
        problems.append(Problem("a dossier needs a title (text)", "$.title"))
    description = data.get("description")
    if description is not None and not isinstance(description, str):
        problems.append(Problem(f"expected text, found {_typename(description)}", "$.description"))
    broken: set[str] = set()
    parts: dict[str, list[Any]] = {}
    for name in _LISTS:
        raw = data.get(name)
        if raw is None:
            parts[name] = []
        elif not isinstance(raw, list):
            problems.append(Problem(f"expected a list, found {_typename(raw)}", f"$.{name}"))
            parts[name] = []
        else:
            parts[name] = _records(_SPECS[name], raw, f"$.{name}", problems, broken)
    d = Dossier._unchecked(
        title=title if isinstance(title, str) else "",
        description=description if isinstance(description, str) else None,
        **{name: tuple(v) for name, v in parts.items()},
    )
    problems.extend(p for p in d._problems() if not _about(p, broken))
    if problems:
        raise DossierError([p.at(file) for p in problems])
    d._reindex()
    return d


def _records(
    spec: _Spec, raw: list[Any], path: str, problems: list[Problem], broken: set[str]
) -> list[Any]:
    out = []
    for i, item in enumerate(raw):
        built = _record(spec, item, f"{path}[{i}]", problems, broken)
        if built is not None:
            out.append(built)
    return out


def _record(spec: _Spec, raw: Any, path: str, problems: list[Problem], broken: set[str]) -> Any:
    """One record: the fast path for valid input, else an explanation of each problem."""
    if type(raw) is dict and raw.keys() <= spec.fields.keys():
        fast = True
        for name in spec.texts:
            v = raw.get(name)
            if v is not None and type(v) is not str:
                fast = False
                break
        if fast:
            for name in spec.lists:
                v = raw.get(name)
                if v is not None and type(v) is not list:
                    fast = False
                    break
        if fast:
            nested = [k for k in spec.lists if isinstance(spec.fields[k], _Spec) and k in raw]
            try:
                if not nested:
                    return spec.cls(**raw)
                before = len(problems)
                kwargs = dict(raw)
                for k in nested:
                    kwargs[k] = _records(spec.fields[k], raw[k], f"{path}.{k}", problems, broken)
                if len(problems) == before:
                    return spec.cls(**kwargs)
                _remember(raw, broken)
                return None
            except Exception:  # explained below, field by field
                pass
    return _explain(spec, raw, path, problems, broken)


def _explain(spec: _Spec, raw: Any, path: str, problems: list[Problem], broken: set[str]) -> Any:
    if not isinstance(raw, dict):
        problems.append(Problem(f"expected a mapping of fields, found {_typename(raw)}", path))
        return None
    before = len(problems)
    fixed: dict[str, Any] = {}
    for key, value in raw.items():
        kind = spec.fields.get(key)
        where = f"{path}.{key}"
        if kind is None:
            problems.append(
                Problem(f"unknown field {key!r}", where, hint=did_you_mean(str(key), spec.fields))
            )
        elif value is None:
            continue
        elif isinstance(kind, _Spec):
            if isinstance(value, list):
                fixed[key] = _records(kind, value, where, problems, broken)
            else:
                problems.append(Problem(f"expected a list, found {_typename(value)}", where))
        else:
            fixed[key] = _field(kind, value, where, problems)
    for name in spec.required:
        if raw.get(name) is None:
            problems.append(Problem(f"missing required field {name!r}", path))
    if len(problems) == before:
        try:
            return spec.cls(**fixed)
        except NegotrackError as exc:
            problems.extend(p.under(path) if p.path == "$" else p for p in exc.problems)
        except (TypeError, ValueError) as exc:
            problems.append(Problem(str(exc), path))
    _remember(raw, broken)
    return None


def _field(kind: Any, value: Any, where: str, problems: list[Problem]) -> Any:
    if kind == _STR:
        if isinstance(value, str):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)  # YAML reads 12 and 1.5 as numbers; they are text here
        problems.append(Problem(f"expected text, found {_typename(value)}", where))
    elif kind == _STRS:
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list):
            problems.append(Problem(f"expected a list of text, found {_typename(value)}", where))
            return ()
        return tuple(_field(_STR, v, f"{where}[{k}]", problems) for k, v in enumerate(value))
    elif kind == _MOMENT:
        try:
            return Moment.of(value)
        except NegotrackError as exc:
            problems.extend(p.under(where) for p in exc.problems)
    else:
        try:
            return kind.coerce(value)
        except NegotrackError as exc:
            problems.extend(p.under(where) for p in exc.problems)
    return None


def _remember(raw: Any, broken: set[str]) -> None:
    if isinstance(raw, dict):
        for key in ("id", "number"):
            if isinstance(raw.get(key), str):
                broken.add(raw[key])


_QUOTED = re.compile(r"'([^']*)'")


def _about(problem: Problem, broken: set[str]) -> bool:
    """Whether an integrity problem only echoes a record that already failed to load."""
    if not broken or not problem.message.startswith(("unknown", "version ")):
        return False
    return any(
        name in broken or name.rpartition("#")[0] in broken
        for name in _QUOTED.findall(problem.message)
    )


def _typename(value: Any) -> str:
    return {
        dict: "a mapping",
        list: "a list",
        str: "text",
        bool: "true/false",
        type(None): "nothing",
    }.get(type(value), type(value).__name__)


# -- writing ---------------------------------------------------------------------------------


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
    for name in _LISTS:
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


def atomic_write(
    path: str | Path, text: str, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Replace ``path`` with ``text`` so that readers see the old or the new file, never half.

    Writes a temporary file in the same directory, flushes and ``fsync``s it, gives it the
    old file's mode, renames it over ``path`` and ``fsync``s the directory.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
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
