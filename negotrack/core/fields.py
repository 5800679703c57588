"""Field documentation: what each field of a record means and what kind of value it holds.

The record classes say the file format once: every field carries ``metadata=doc(KIND,
"meaning")``, and the loader's specs (:mod:`negotrack.io.specs`) and the JSON Schema
(:mod:`negotrack.io.schema`) are derived from it. Adding a field to the format means adding
it, documented, to its class.

Kinds of field:

``"id"``
    an id of a record (a participant, a source, a version, ...);
``"ids"``
    a list of ids;
``"text"`` / ``"texts"``
    text, or a list of text;
``"date"``
    a :class:`~negotrack.core.dates.Moment`, written in one of the date forms;
``"ref"``
    a point reference, ``VERSION#NUMBER``;
``"end"``
    one end of a curated link: a point reference, or a bare ``VERSION`` id saying the
    point at the other end has no counterpart in that version;
``"number"``
    a point's number as printed (text; YAML's integers are read as text);
``"flag"``
    ``true`` or ``false``; written only when it is not its default;
a vocabulary
    a str enum of :mod:`negotrack.core.kinds` (its values are the allowed words);
a record class
    a list of those records (a plan's versions, an event's quotes).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

import attrs

__all__ = ["DOC", "KIND", "FieldKind", "doc", "documented", "is_vocabulary", "strs"]

DOC = "negotrack.doc"
"""The metadata key of a field's meaning."""
KIND = "negotrack.kind"
"""The metadata key of a field's kind."""

FieldKind = Literal["id", "ids", "text", "texts", "date", "ref", "end", "number", "flag"] | type
"""A field's kind: one of the words above, a vocabulary (str enum) or a record class."""


def doc(kind: FieldKind, meaning: str) -> dict[str, Any]:
    """The metadata of a field of ``kind`` that means ``meaning`` (for ``attrs.field``)."""
    return {KIND: kind, DOC: meaning}


if TYPE_CHECKING:
    _Field = attrs.Attribute[Any]
else:  # attrs.Attribute takes no type argument at run time, where pdoc reads annotations
    _Field = attrs.Attribute


def documented(cls: type) -> list[tuple[_Field, FieldKind, str]]:
    """The documented fields of the record class ``cls`` in order: (field, kind, meaning).

    Fields without documentation (private caches) are left out.
    """
    out = []
    for a in attrs.fields(cls):
        if KIND in a.metadata:
            out.append((a, a.metadata[KIND], a.metadata[DOC]))
    return out


def is_vocabulary(kind: FieldKind) -> bool:
    """Whether ``kind`` is a vocabulary (a str enum) rather than a word or a record."""
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def strs(value: Iterable[Any] | None) -> tuple[str, ...]:
    """Converter for lists of text: a list or tuple, one text alone, or None for none.

    Anything else (a mapping, a number) is refused rather than silently taken apart.
    """
    cls = value.__class__
    if cls is list or cls is tuple:
        return tuple(value)  # type: ignore[arg-type]
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple | frozenset | set):
        return tuple(value)
    raise TypeError(f"expected a list of text, found {type(value).__name__}")
