"""Point references: ``VERSION#NUMBER`` names one point of one plan version.

:class:`PointRef` is the one place that knows the form: it parses (``PointRef.parse``) and
formats (``str(ref)``) it, and says why a text is not one. A version id or a point number
may not contain ``#``, so every reference splits one way only.
"""

from __future__ import annotations

import attrs

from negotrack.errors import UnknownReference

__all__ = ["END_PATTERN", "REF_PATTERN", "SEPARATOR", "PointRef"]

SEPARATOR = "#"
"""What separates a version id from a point number in a reference."""

_NUMBER = rf"[^{SEPARATOR}]*[^{SEPARATOR}\s][^{SEPARATOR}]*"
"""A point number as a reference writes it: no separator, and something besides spaces
(a number as printed may hold spaces: "Annex 4 I.1", "5 bis")."""

REF_PATTERN = rf"^[^{SEPARATOR}\s]+{SEPARATOR}{_NUMBER}$"
"""A point reference as the JSON Schema checks it (an ECMA-262 regex): ``VERSION#NUMBER``,
neither side empty nor holding the separator, the version id without spaces."""

END_PATTERN = rf"^[^{SEPARATOR}\s]+(?:{SEPARATOR}{_NUMBER})?$"
"""One end of a curated link as the JSON Schema checks it: a point reference, or a bare
version id (no counterpart in that version; "us-28 12", a version and a number written
apart, is neither)."""

_EXAMPLE = "write VERSION#NUMBER, for example 'us-28#12'"


def _hint(text: object) -> str:
    """What to write instead of ``text``: the reference it seems to mean when it names a
    version and a number apart ("us-28 12"), else the form."""
    meant = PointRef.meant(text)
    if meant is not None:
        return f"did you mean {meant!r}? write VERSION{SEPARATOR}NUMBER"
    return _EXAMPLE


@attrs.frozen(order=True)
class PointRef:
    """A reference to point ``number`` of plan version ``version``; prints as
    ``VERSION#NUMBER``."""

    version: str
    number: str

    @classmethod
    def parse(cls, text: str | PointRef) -> PointRef:
        """The reference ``text`` names; raises :class:`UnknownReference` when it is not
        one (no ``#``, more than one, or an empty side)."""
        if isinstance(text, PointRef):
            return text
        found = cls.split(text)
        if found is None:
            raise cls.refusal(text)
        return cls(*found)

    @staticmethod
    def refusal(text: object) -> UnknownReference:
        """The error for ``text``, which is not a point reference: it says what to write
        (the reference ``text`` seems to mean, when there is one)."""
        return UnknownReference(f"{text!r} is not a point reference", hint=_hint(text))

    @staticmethod
    def split(text: object) -> tuple[str, str] | None:
        """``(version, number)`` of a reference's text, or None when it is not one."""
        if not isinstance(text, str):
            return None
        version, sep, number = text.partition(SEPARATOR)
        if not sep or not version or not number or SEPARATOR in number:
            return None
        return version, number

    @staticmethod
    def meant(text: object) -> str | None:
        """The reference ``text`` seems to mean when it writes a version id and a number
        apart, as the reports print a point ("us-28 #12") or as one types it ("us-28 12",
        "us-28# 12"); None when it is written as one already, or is something else."""
        if not isinstance(text, str) or text.count(SEPARATOR) > 1:
            return None
        parts = text.replace(SEPARATOR, " ").split()
        if len(parts) != 2:
            return None
        meant = PointRef.format(*parts)
        return None if meant == text else meant

    @staticmethod
    def names_point(text: str) -> bool:
        """Whether ``text`` is written as a point reference (it holds the separator), not
        as a bare version id."""
        return SEPARATOR in text

    @staticmethod
    def format(version: str, number: str) -> str:
        """The text of the reference to point ``number`` of ``version``."""
        return f"{version}{SEPARATOR}{number}"

    @staticmethod
    def problem(part: str, value: str) -> str | None:
        """Why ``value`` cannot be a version id or point number (``part``), or None."""
        if SEPARATOR in value:
            return f"a {part} cannot contain '{SEPARATOR}' (found {value!r})"
        return None

    def __str__(self) -> str:
        return f"{self.version}{SEPARATOR}{self.number}"
