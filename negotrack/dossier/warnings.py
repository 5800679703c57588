"""Warnings: input that is valid but probably not meant, each placed by its JSON path.

``negotrack validate`` prints them and still exits 0; ``validate --strict`` makes them
errors. They are never checked on an ordinary load (a large dossier pays nothing for them).

What is suspicious:

- an empty (or blank) title, label or point text;
- an id with spaces (participants, sources, events, plans, versions): it has to be quoted
  on the command line and reads as two words;
- a file without its ``negotrack: 1`` line (it is read as format 1);
- a date far in the future: after :data:`LAST_YEAR`, or more than :data:`MARGIN` after the
  newest source's publication date (negotrack reads no clock: the sources say when now is);
- a control character in any text (an escape, a NUL, DEL, a C1 control such as NEL): it is
  not text a reader can read (HTML pages show a stand-in for it, such as "␛"), and a
  terminal acts on it (tabs and line breaks are text, not controls). Text copied from PDFs
  and terminals brings them in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import attrs

from negotrack.core.refs import PointRef
from negotrack.errors import Problem, UnknownReference

if TYPE_CHECKING:
    from negotrack.core.dates import Moment
    from negotrack.core.model import Plan
    from negotrack.dossier.dossier import Dossier

__all__ = ["LAST_YEAR", "MARGIN", "check_warnings"]

LAST_YEAR = 2100
"""A date after this year is taken for a typo (2099 for 2009, say)."""

MARGIN = timedelta(days=366)
"""How far after the newest source a date may be before it is taken for a typo."""


def check_warnings(d: Dossier) -> list[Problem]:
    """Every warning about ``d``, in file order."""
    return list(_warnings(d))


def _warnings(d: Dossier) -> Iterator[Problem]:
    yield from vars(d).get("_file_warnings", ())  # noticed by the loader in its file
    published = [s.published.end for s in d.sources if s.published is not None]
    newest = max(published) + MARGIN if published else None

    def future(m: Moment | None, where: str) -> Iterator[Problem]:
        if m is None:
            return
        if m.start.year > LAST_YEAR:
            yield Problem(f"the date {m} is after {LAST_YEAR}", where, hint="a typo in the year?")
        elif newest is not None and m.start > newest:
            yield Problem(
                f"the date {m} is more than a year after the newest source",
                where,
                hint="a typo in the year? (or record the source that reports it)",
            )

    def blank(text: str, what: str, where: str) -> Iterator[Problem]:
        if not text.strip():
            yield Problem(f"the {what} is empty", where)

    def spaced(id: str, where: str) -> Iterator[Problem]:
        if any(c.isspace() for c in id):
            yield Problem(
                f"the id {id!r} has spaces",
                where,
                hint="ids are easier to use as one word: " + repr("-".join(id.split())),
            )

    for name in ("participants", "sources", "events", "plans"):
        for i, r in enumerate(getattr(d, name)):
            yield from spaced(r.id, f"$.{name}[{i}].id")
    for i, s in enumerate(d.sources):
        yield from blank(s.title, "title", f"$.sources[{i}].title")
    for i, e in enumerate(d.events):
        yield from blank(e.title, "title", f"$.events[{i}].title")
        yield from future(e.when, f"$.events[{i}].when")
        yield from future(e.until, f"$.events[{i}].until")
    for i, plan in enumerate(d.plans):
        yield from blank(plan.title, "title", f"$.plans[{i}].title")
        for j, v in enumerate(plan.versions):
            where = f"$.plans[{i}].versions[{j}]"
            yield from spaced(v.id, f"{where}.id")
            yield from blank(v.label, "label", f"{where}.label")
            yield from future(v.date, f"{where}.date")
            for k, p in enumerate(v.points):
                yield from blank(p.text, "point's text", f"{where}.points[{k}].text")
        yield from _keyed_apart(d, plan, f"$.plans[{i}]")
    for i, c in enumerate(d.status_log):
        yield from future(c.on, f"$.status_log[{i}].on")
    for i, pos in enumerate(d.position_log):
        yield from future(pos.on, f"$.position_log[{i}].on")
    for name in ("title", "description", *_LISTS):
        yield from _controls(getattr(d, name), f"$.{name}")


def _keyed_apart(d: Dossier, plan: Plan, where: str) -> Iterator[Problem]:
    """A warning for each ``distinct`` link of ``plan`` between two points sharing a key."""
    for k, link in enumerate(plan.links):
        if not (
            link.distinct and PointRef.names_point(link.old) and PointRef.names_point(link.new)
        ):
            continue  # validation reports a distinct link to a bare version
        try:
            key, other = d.point(link.old).key, d.point(link.new).key
        except UnknownReference:  # validation reports it
            continue
        if key is not None and key == other:
            yield Problem(
                f"the distinct link {link.old} -> {link.new} turns down two points that"
                f" share the key {key!r}: a diff keeps them apart, as the link says",
                f"{where}.links[{k}]",
                hint="if they are one point, remove the link with negotrack unlink; if not,"
                " give one of them another key",
            )


_LISTS = ("participants", "sources", "events", "plans", "status_log", "position_log")


_CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters: C0 but for tab, line feed and carriage return; DEL; C1."""


def _controls(records: Any, where: str) -> Iterator[Problem]:
    """A warning for each text under ``records`` (records, lists, mappings) that holds a
    control character, at its path (attribute names, as the other warnings use). Most
    records hold none: their texts are searched first, and only one that holds one is
    walked again for the paths."""
    if records is None or isinstance(records, str):
        yield from _placed(records, where)
        return
    for i, record in enumerate(records):
        if _CONTROL.search("\n".join(_texts(record))) is not None:
            yield from _placed(record, f"{where}[{i}]")


def _texts(value: Any) -> Iterator[str]:
    """Every text under ``value``."""
    stack = [value]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, list | tuple):
            stack.extend(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
        else:
            stack.extend(getattr(value, n) for n in _fields(type(value)))


def _placed(value: Any, where: str) -> Iterator[Problem]:
    """:func:`_controls` for one value, walked with its paths."""
    if isinstance(value, str):
        found = _CONTROL.search(value)
        if found is not None:
            yield _control(found[0], where)
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _placed(item, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _placed(item, f"{where}.{key}")
    else:
        for name in _fields(type(value)):
            yield from _placed(getattr(value, name), f"{where}.{name}")


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    """The public fields of an attrs class (none for any other type: dates, numbers)."""
    names = _FIELDS.get(cls)
    if names is None:
        fields = attrs.fields(cls) if attrs.has(cls) else ()
        names = _FIELDS[cls] = tuple(
            f.name for f in fields if f.init and not f.name.startswith("_")
        )
    return names


def _control(char: str, where: str) -> Problem:
    return Problem(
        f"the text holds a control character (U+{ord(char):04X}): not text a reader can "
        "read (pages show a stand-in such as \u241b), and acted on by terminals",
        where,
        hint="delete it: text copied from a PDF or a terminal often brings them",
    )
