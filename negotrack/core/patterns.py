"""The text forms of the file format's values, as the JSON Schema checks them.

ECMA-262 regexes (no named groups, no verbose mode), kept in core next to the parsers they
describe: :mod:`negotrack.core.dates` for dates, :mod:`negotrack.core.refs` for point
references. A test holds each to its parser on a list of forms, so a form added to one
and not the other fails it.
"""

from __future__ import annotations

from negotrack.core.refs import SEPARATOR

__all__ = ["DATE_PATTERN", "REF_PATTERN"]

_ZONE = r"[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*"
DATE_PATTERN = (
    r"^(~|c\.\s*|circa\s+)?\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?"
    r"((Z|[+-]\d{2}:?\d{2})(\s+" + _ZONE + r")?|\s+" + _ZONE + r"))?)?)?~?$"
)
"""A date's text forms: year, month, day, minute with an offset or a zone (a time of day
means nothing without one), each optionally approximate (``~2025-11-20``, ``c. 2025-11``)."""

REF_PATTERN = rf"^[^{SEPARATOR}\s]+{SEPARATOR}[^{SEPARATOR}\s]+$"
"""A point reference: ``VERSION#NUMBER``, neither side empty nor holding the separator."""
