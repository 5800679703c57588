"""Plain data <-> model records: the dossier file layout, checked with every problem placed.

Parsed JSON or YAML arrives here as dicts, lists and scalars. :func:`from_data` takes a fast
path that assumes a record is valid and, only for a record that fails, a careful path that
explains each problem with its JSON path. ``negotrack.io.storage.to_data`` writes the layout
back.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import Any

import attrs

from negotrack.core.refs import PointRef
from negotrack.dossier.dossier import Dossier
from negotrack.dossier.eventnames import EventNames
from negotrack.errors import DossierError, NegotrackError, Problem, did_you_mean
from negotrack.io.specs import SPECS, STR_ONLY, TEXT_OK, Spec
from negotrack.io.values import read_value, typename

__all__ = ["RECORD_LISTS", "SCHEMA_VERSION", "from_data"]

SCHEMA_VERSION = 1

#: The top-level lists of a dossier file, in file order.
RECORD_LISTS = ("participants", "sources", "events", "plans", "status_log", "position_log")
_LISTS = RECORD_LISTS
_TOP = ("negotrack", "title", "description", "language", *_LISTS)
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def from_data(data: Any, *, file: str | None = None) -> Dossier:
    """A dossier from plain data (parsed JSON or YAML), or every problem with its place."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise DossierError(
            Problem(
                f"a dossier is a mapping, found {typename(data)}",
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
        problems.append(Problem(f"expected text, found {typename(description)}", "$.description"))
    language = data.get("language")
    if language is not None and (
        not isinstance(language, str) or _LANGUAGE_TAG.fullmatch(language) is None
    ):
        problems.append(
            Problem(
                f"expected a language tag, found {language!r}",
                "$.language",
                hint='write the language the texts are in as "en", "uk", "ar", "pt-BR", ...',
            )
        )
        language = None
    found = _Found(problems)
    parts: dict[str, list[Any]] = {}
    for name in _LISTS:
        raw = data.get(name)
        if raw is None:
            parts[name] = []
        elif not isinstance(raw, list):
            problems.append(Problem(f"expected a list, found {typename(raw)}", f"$.{name}"))
            parts[name] = []
        else:
            parts[name] = _records(SPECS[name], raw, f"$.{name}", found)
    d = Dossier._unchecked(
        title=title if isinstance(title, str) else "",
        description=description if isinstance(description, str) else None,
        language=language,
        **{name: tuple(v) for name, v in parts.items()},
    )
    if problems:
        # Records that failed are not in the dossier: integrity problems are placed back at
        # the file's own indices, and those that only echo a failed record are left out.
        for p in d._problems(found.named):
            placed = attrs.evolve(p, path=found.relocate(p.path))
            if placed.path not in found.partial and not _about(placed, found.broken):
                problems.append(placed)
    else:
        problems.extend(d._problems(found.named))
    if problems:
        raise DossierError([p.at(file) for p in problems])
    # A status change recorded twice, the same in every field (as retried runs may leave),
    # is kept once: the first.
    d._status_log = tuple(dict.fromkeys(d._status_log))
    d._reindex()
    if "negotrack" not in data:
        unversioned = Problem(
            "no 'negotrack: 1' line: the file is read as format 1",
            "$",
            hint="add 'negotrack: 1' so that a later format can tell this file's version",
        )
        vars(d)["_file_warnings"] = (unversioned,)  # see negotrack.dossier.warnings
    return d


class _Found:
    """What reading a file has found so far: problems, and what they mean for the rest."""

    __slots__ = ("broken", "kept", "named", "partial", "problems")

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.named: EventNames | None = None
        """What the events name, gathered as they were built, when they were all built at
        once (see :func:`_at_once`)."""
        self.broken: set[str] = set()
        """Ids and numbers of records that could not be built."""
        self.partial: set[str] = set()
        """Paths of records built without their faulty optional fields."""
        self.kept: dict[str, list[int]] = {}
        """For a list some of whose records failed: the file index of each record built."""

    def relocate(self, path: str) -> str:
        """``path`` (indices into the records built) at the file's own indices."""
        if not self.kept:
            return path
        out, at = "$", 1
        while (m := _STEP.match(path, at)) is not None:
            kept = self.kept.get(out + m.group(1))
            index = int(m.group(2))
            if kept is not None and index < len(kept):
                index = kept[index]
            out += f"{m.group(1)}[{index}]"
            at = m.end()
        return out + path[at:]


_STEP = re.compile(r"(\.\w+)\[(\d+)\]")


def _records(spec: Spec, raw: list[Any], path: str, found: _Found) -> list[Any]:
    """The records of one list: a fast path for valid input, else each problem explained.

    A class that checks its own fields has its records built in one pass
    (:func:`_at_once`). Otherwise, or should one of them fail, they are built one by one:
    the fast path checks shapes with C-level set operations (known keys, text where text
    belongs) and lets the model's converters do the rest (they refuse a mapping where a
    list belongs); any record that fails anything is handed to :func:`_explain` with its
    path. A record whose nested records fail is still built with the others, so that its
    siblings and references are checked too.
    """
    if spec.checks_itself:
        built = _at_once(spec, raw, path, found)
        if built is not None:
            out, found.named = built
            return out
    problems = found.problems
    start = len(problems)
    out, kept = _one_by_one(spec, raw, path, found)
    # Should an item of a text list (participants, tags, ...) not be text, every record of
    # this list is explained field by field instead.
    if not _texts_in_lists(spec, out):
        del problems[start:]
        out, kept = [], []
        for i, item in enumerate(raw):
            built = _explain(spec, item, f"{path}[{i}]", found)
            if built is not None:
                out.append(built)
                kept.append(i)
    if kept is not None and len(kept) != len(raw):
        found.kept[path] = kept
    return out


def _texts_in_lists(spec: Spec, records: list[Any]) -> bool:
    """Whether every item of the records' text lists is text, all checked at C speed."""
    if spec.text_lists is None:
        return True
    items = chain.from_iterable(map(spec.text_lists, records))
    if spec.text_list_count > 1:
        items = chain.from_iterable(items)
    return STR_ONLY.issuperset(map(type, items))


_CHUNK = 1024  # records built at once before they are checked: their names fit in the cache


def _at_once(
    spec: Spec, raw: list[Any], path: str, found: _Found
) -> tuple[list[Any], EventNames] | None:
    """Every record of the list, with what they name, for a class that checks its own
    fields (:attr:`Spec.checks_itself`: events); None as soon as one record fails (they are
    then built one by one, each failure explained).

    Large files hold events by the 100,000; comprehensions over them, with no check the
    class makes again, save a tenth of building them. They are built a chunk at a time, and
    each chunk's text lists are checked and its names gathered (:class:`EventNames`, for
    the integrity check) right after, while what was just read is still in the cache.
    """
    if not _DICTS_ONLY(map(type, raw)):
        return None
    cls, flat, problems = spec.cls, frozenset(spec.nested).isdisjoint, found.problems
    mark = len(problems)
    out: list[Any] = []
    named = EventNames()
    try:
        for first in range(0, len(raw), _CHUNK):
            chunk = [
                cls(**item) if flat(item) else _with_nested(spec, item, f"{path}[{i}]", found)
                for i, item in enumerate(raw[first : first + _CHUNK], first)
            ]
            if not _texts_in_lists(spec, chunk):
                break
            named.add(chunk)
            out += chunk
        else:
            return out, named
    except Exception:  # a record failed
        pass
    del problems[mark:]  # the records are built again one by one, which explains them
    return None


_DICTS_ONLY = frozenset((dict,)).issuperset


def _with_nested(spec: Spec, item: dict[str, Any], path: str, found: _Found) -> Any:
    """One record whose nested lists (an event's quotes) are read as records first."""
    kwargs = dict(item)
    for k in spec.nested:
        if k in item:
            kwargs[k] = _records(spec.fields[k], item[k], f"{path}.{k}", found)
    return spec.cls(**kwargs)


def _one_by_one(
    spec: Spec, raw: list[Any], path: str, found: _Found
) -> tuple[list[Any], list[int] | None]:
    """The records built one at a time, each that fails explained; and, once one failed,
    the file index of each record built."""
    problems = found.problems
    cls, keys, texts = spec.cls, spec.keys, spec.texts
    required, flat = spec.required_texts, frozenset(spec.nested).isdisjoint
    out: list[Any] = []
    append = out.append
    kept: list[int] | None = None
    text_ok, str_only = TEXT_OK.issuperset, STR_ONLY.issuperset
    checks_texts = spec.checks_itself
    for i, item in enumerate(raw):
        if type(item) is dict and keys.issuperset(item):
            get = item.get
            if checks_texts or (
                text_ok(map(type, map(get, texts))) and str_only(map(type, map(get, required)))
            ):
                mark = len(problems)
                try:
                    append(
                        cls(**item)
                        if flat(item)
                        else _with_nested(spec, item, f"{path}[{i}]", found)
                    )
                    if kept is not None:
                        kept.append(i)
                    continue
                except Exception:  # explained below, field by field
                    del problems[mark:]
        if kept is None:
            kept = list(range(len(out)))
        built = _explain(spec, item, f"{path}[{i}]", found)
        if built is not None:
            append(built)
            kept.append(i)
    return out, kept


def _explain(spec: Spec, raw: Any, path: str, found: _Found) -> Any:
    """One record, field by field, each problem placed; the record itself when it can be
    built without its faulty optional fields (so its other fields are still checked)."""
    problems = found.problems
    if not isinstance(raw, dict):
        problems.append(Problem(f"expected a mapping of fields, found {typename(raw)}", path))
        return None
    before = len(problems)
    fixed: dict[str, Any] = {}
    failed = False  # a field of this record (not of a nested one) is wrong
    for key, value in raw.items():
        kind = spec.fields.get(key)
        where = f"{path}.{key}"
        if kind is None:
            problems.append(
                Problem(f"unknown field {key!r}", where, hint=did_you_mean(str(key), spec.fields))
            )
        elif value is None:
            continue
        elif isinstance(kind, Spec):
            if isinstance(value, list):
                fixed[key] = _records(kind, value, where, found)
            else:
                problems.append(Problem(f"expected a list, found {typename(value)}", where))
                failed = True
        else:
            n = len(problems)
            converted = read_value(kind, value, where, problems)
            if len(problems) == n:
                fixed[key] = converted
            elif key in spec.required:
                failed = True
            else:
                found.partial.add(path)
    for name in spec.required:
        if raw.get(name) is None:
            problems.append(Problem(f"missing required field {name!r}", path))
            failed = True
    if not failed:
        try:
            built = spec.cls(**fixed)
        except NegotrackError as exc:
            problems.extend(p.under(path) for p in exc.problems)
        except (TypeError, ValueError) as exc:
            problems.append(Problem(str(exc), path))
        else:
            if len(problems) > before:
                found.partial.add(path)
            return built
    found.partial.discard(path)
    _remember(raw, found.broken)
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
        name in broken or (PointRef.split(name) or ("",))[0] in broken
        for name in _QUOTED.findall(problem.message)
    )
