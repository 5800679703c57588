"""User text for HTML: escaped, and its control characters shown.

A dossier's text can hold control characters (C0 but tab, line feed and carriage return;
DEL; C1), copied from PDFs and terminals; ``negotrack validate`` warns about them. In HTML
they are parse errors, and a browser shows them as nothing, as a box or as a line break
that is not in the text. So every HTML output shows each one visibly instead: a C0 control
or DEL as its Unicode control picture (NUL as "␀", ESC as "␛", DEL as "␡"), a C1 control,
which has no picture, as the replacement character "�". The dossier keeps its text as it
is (JSON output and saved files hold the characters themselves); Markdown and the text
reports show them as escapes (``\\x1b``, :func:`negotrack.views.formatting.md`).

This module is where user text is escaped for HTML. Jinja's autoescape and the ``e``
filter call :func:`escape_html` (:func:`escaping_html` sets a renderer's environment up
so); the timeline's and the diff report's fast paths, which escape their records before
the template, call :func:`visible` on what they escape.
"""

from __future__ import annotations

import re
from collections.abc import Callable, MutableMapping
from types import CodeType
from typing import Any

import jinja2
from markupsafe import Markup, escape

__all__ = ["CONTROLS", "HtmlTemplate", "escape_html", "escaping_html", "visible"]

CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""The characters a page shows by a stand-in: C0 but for tab, line feed and carriage
return; DEL; C1 (those ``negotrack validate`` warns about)."""

_SHOWN = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
_SHOWN[0x7F] = 0x2421  # ␡
_SHOWN.update(dict.fromkeys(range(0x80, 0xA0), 0xFFFD))


def visible(text: str) -> str:
    """``text`` with each control character replaced by its stand-in (a control picture,
    or U+FFFD for a C1 control); ``text`` itself when it holds none (most texts)."""
    # Most texts are printable throughout, which str.isprintable tells at C speed.
    if text.isprintable() or CONTROLS.search(text) is None:
        return text
    return text.translate(_SHOWN)


def escape_html(value: Any) -> Markup:
    """``value`` escaped for HTML (as ``markupsafe.escape``), with its control characters
    shown (:func:`visible`); markup given as :class:`~markupsafe.Markup` is kept, its
    control characters shown too (markup a template built around user text holds them)."""
    out = escape(value)
    if out.isprintable() or CONTROLS.search(out) is None:
        return out
    return Markup(str.translate(out, _SHOWN))


class HtmlTemplate(jinja2.Template):
    """A Jinja template whose autoescape is :func:`escape_html`.

    Jinja has no setting for the function autoescape calls: a compiled template calls the
    name ``escape`` of its own module, which it imports from Jinja. Each template made here
    has that name point at :func:`escape_html` instead, so every value a page prints with
    autoescape on (view attributes, macro results, markup formatted around user text) has
    its control characters shown. The ``finalize`` hook would do it too, but it runs on
    every value printed, also in the loops that print records escaped in advance (some
    400,000 values on a 10,000-event timeline: a third more time); autoescape runs only
    where the page escapes.
    """

    @classmethod
    def from_code(
        cls,
        environment: jinja2.Environment,
        code: CodeType,
        globals: MutableMapping[str, Any],
        uptodate: Callable[[], bool] | None = None,
    ) -> jinja2.Template:
        template = super().from_code(environment, code, globals, uptodate)
        # The module namespace the template's code runs in: its render functions, blocks
        # and macros all look ``escape`` up there.
        template.root_render_func.__globals__["escape"] = escape_html
        return template


def escaping_html(env: jinja2.Environment) -> None:
    """Set ``env`` up to escape with :func:`escape_html`: the templates it compiles from
    now on autoescape with it (:class:`HtmlTemplate`), and so do its ``e`` and ``escape``
    filters."""
    env.template_class = HtmlTemplate
    env.filters["e"] = env.filters["escape"] = escape_html
