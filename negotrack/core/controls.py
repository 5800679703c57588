"""Control characters in plain text: shown as their escapes, never passed on.

A dossier's text may hold control characters (copied from PDFs and terminals; ``negotrack
validate`` warns about them). A plain-text report of lines, printed or written to a file,
shows each one as its escape (``\\x1b``), so that nothing in it can move a terminal's cursor,
recolour or retitle it; its own newlines and tabs are kept, and so are the isolates
(U+2066..U+2069) the reports put around labels beside an arrow. HTML pages show a stand-in
instead (:mod:`negotrack.render.htmltext`), Markdown an escape as here
(:func:`negotrack.views.formatting.md`).

Its own module, with nothing but :mod:`re`: the command line prints through it, and its
start-up is a bar.
"""

from __future__ import annotations

import re

__all__ = ["printable", "visible"]

# Control characters (escape sequences start with one), and the invisible marks that
# reorder or hide text on a terminal (bidi overrides and isolates).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

_UNSAFE_IN_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]")


def visible(text: str) -> str:
    """``text``, one value on a line, with control characters shown as escapes (``\\x1b``,
    ``\\n``), so that no dossier text can move the cursor, recolour or retitle the terminal
    it is printed on."""
    return _UNSAFE.sub(_escape, text)


def printable(text: str) -> str:
    """``text``, a plain-text report of lines, with each control character shown as its
    escape (``\\x1b``), its newlines and tabs kept."""
    return _UNSAFE_IN_LINES.sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    return m[0].encode("unicode_escape").decode("ascii")
