"""Plain data <-> model records: the dossier file layout, checked with every problem placed.

Parsed JSON or YAML arrives here as dicts, lists and scalars. :func:`from_data` takes a fast
path that assumes a record is valid and, only for a record that fails, a careful path that
explains each problem with its JSON path. ``negotrack.io.storage.to_data`` writes the layout
back.
"""

from __future__ import annotations

import re
from itertools import chain
from operator import attrgetter
from typing import Any

from negotrack.core.dates import Moment
from negotrack.core.model import (
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
from negotrack.dossier.dossier import Dossier
from negotrack.errors import DossierError, NegotrackError, Problem, did_you_mean

__all__ = ["RECORD_LISTS", "SCHEMA_VERSION", "from_data"]

SCHEMA_VERSION = 1

# Field kinds: "str", "strs" (list of text), "moment", a str enum class, or a nested record.
_STR, _STRS, _MOMENT = "str", "strs", "moment"


class _Spec:
    """How one record type is read: its class, field kinds and required fields.

    A plain class rather than attrs: it is built at import, and the command line's start-up
    time is a bar.
    """

    __slots__ = (
        "cls",
        "fields",
        "keys",
        "nested",
        "required",
        "required_texts",
        "text_list_count",
        "text_lists",
        "texts",
    )

    def __init__(self, cls: type[Any], fields: dict[str, Any], required: tuple[str, ...]):
        self.cls = cls
        self.fields = fields
        self.required = required
        self.keys = frozenset(fields)
        self.texts = tuple(k for k, v in fields.items() if v == _STR)
        self.nested = tuple(k for k, v in fields.items() if isinstance(v, _Spec))
        # Event's references are checked as references by the integrity pass, which also
        # finds items that are not text; its other lists are checked here.
        skip = {"participants", "sources", "versions"} if cls is Event else set()
        names = [k for k, v in fields.items() if v == _STRS and k not in skip]
        # One getter for all text lists: a record gives a tuple of its lists (or the list).
        self.text_lists = attrgetter(*names) if names else None
        self.text_list_count = len(names)
        self.required_texts = tuple(k for k in required if fields[k] == _STR)


# The types the fast path lets through without a closer look.
_TEXT_OK = frozenset((str, type(None)))
_STR_ONLY = frozenset((str,))


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
#: The top-level lists of a dossier file, in file order.
RECORD_LISTS = ("participants", "sources", "events", "plans", "status_log", "position_log")
_LISTS = RECORD_LISTS
_TOP = ("negotrack", "title", "description", *_LISTS)


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
    # Blank is ASCII white space only: "\x85" (NEL) is a title that must load back.
    if not isinstance(title, str) or not title.strip(" \t\r\n\f\v"):
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
    """The records of one list: a fast path for valid input, else each problem explained.

    The fast path checks shapes with C-level set operations (known keys, text where text
    belongs) and lets the model's converters do the rest (they refuse a mapping where a
    list belongs); any record that fails anything is handed to :func:`_explain` with its
    path.
    """
    cls, keys, texts, nested = spec.cls, spec.keys, spec.texts, spec.nested
    required, flat = spec.required_texts, frozenset(nested).isdisjoint
    out: list[Any] = []
    append = out.append
    text_ok, str_only = _TEXT_OK.issuperset, _STR_ONLY.issuperset
    checks_texts = cls is Event
    start = len(problems)
    for i, item in enumerate(raw):
        if type(item) is dict and keys.issuperset(item):
            get = item.get
            # Event checks its own text fields (it is the class large files hold most of).
            if checks_texts or (
                text_ok(map(type, map(get, texts))) and str_only(map(type, map(get, required)))
            ):
                try:
                    if flat(item):
                        append(cls(**item))
                        continue
                    before = len(problems)
                    kwargs = dict(item)
                    for k in nested:
                        if k in item:
                            kwargs[k] = _records(
                                spec.fields[k], item[k], f"{path}[{i}].{k}", problems, broken
                            )
                    if len(problems) == before:
                        append(cls(**kwargs))
                    else:
                        _remember(item, broken)
                    continue
                except Exception:  # explained below, field by field
                    pass
        built = _explain(spec, item, f"{path}[{i}]", problems, broken)
        if built is not None:
            append(built)
    # The items of text lists (participants, tags, ...), all at once at C speed; should one
    # not be text, every record of this list is explained field by field instead.
    if spec.text_lists is not None:
        values = map(spec.text_lists, out)
        items = chain.from_iterable(values)
        if spec.text_list_count > 1:
            items = chain.from_iterable(items)
        if not str_only(map(type, items)):
            del problems[start:]
            return [
                r
                for i, item in enumerate(raw)
                if (r := _explain(spec, item, f"{path}[{i}]", problems, broken)) is not None
            ]
    return out


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


_TYPENAMES = {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}


def _typename(value: Any) -> str:
    return "nothing" if value is None else _TYPENAMES.get(type(value), type(value).__name__)
