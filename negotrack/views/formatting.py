"""Jinja filters and tests: formatting lives here, not in templates and not in the model.

Every function is pure and cheap; the renderer registers them on its own environment.
Escaping is not done here for HTML (autoescape does it); the Markdown and text helpers
escape for their own formats, because autoescape is off there.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from markupsafe import Markup

from negotrack.core.dates import Moment
from negotrack.core.datetext import iso_date
from negotrack.views.diff_words import edges

if TYPE_CHECKING:
    from negotrack.views.i18n import Interface

T = TypeVar("T")

__all__ = [
    "FILTERS",
    "TESTS",
    "anchor",
    "content_language",
    "datetime_attr",
    "display_date",
    "file_part",
    "iso_instant",
    "label",
    "lang_attr",
    "line",
    "md",
    "md_cell",
    "md_code",
    "md_mark",
    "md_paragraphs",
    "md_url",
    "md_words",
    "plain_date",
    "safe_url",
    "tick_label",
    "upper_first",
    "with_fields",
]

_SAFE_SCHEMES = ("http://", "https://", "mailto:")
# Characters a browser strips or ignores while reading a URL scheme ("java\tscript:").
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http, https or mailto URL that may become a link, else None.

    Anything else (``javascript:``, ``data:``, ``vbscript:``, relative or scheme-less text)
    is shown as text by the templates, never as a link. Leading, trailing and embedded
    control characters are refused outright, because browsers strip them before reading the
    scheme and a check that ignored them could be fooled.
    """
    if not url or _URL_NOISE.search(url):
        return None
    lowered = url.lower()
    if not lowered.startswith(_SAFE_SCHEMES):
        return None
    if lowered.startswith(("http://", "https://")) and len(url) <= len("https://"):
        return None
    return url


def display_date(moment: Moment | None) -> str:
    """The date as a reader sees it, without the "c." of approximation (shown apart)."""
    if moment is None:
        return ""
    text = moment.display()
    return text[3:] if moment.approximate else text


def plain_date(moment: Moment | None) -> str:
    """The date as a reader sees it, with "c." for approximate dates (Markdown, text)."""
    return "" if moment is None else moment.display()


def iso_instant(t: datetime) -> str:
    """An aware instant as ISO 8601 in UTC, to the second ("2025-11-23T00:00:00Z")."""
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def tick_label(t: datetime, unit: str) -> str:
    """A label for a gridline of the time axis at ``unit`` ("day", "week", "month", "year").

    Days and weeks read "23 Nov"; months "Nov 2025"; years "2025".
    """
    if unit == "year":
        return str(t.year)
    if unit == "month":
        return f"{_SHORT_MONTHS[t.month - 1]} {t.year}"
    return f"{t.day} {_SHORT_MONTHS[t.month - 1]}"


def datetime_attr(moment: Moment) -> str:
    """A valid HTML ``<time datetime>`` value at the moment's precision."""
    v = moment.value
    date = iso_date(v, moment.precision)
    return date if date is not None else v.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def content_language(dossier: object, lang: Interface) -> str | None:
    """The declared language of ``dossier`` (or of anything else with a ``language``,
    such as what ``suggest_links`` returns) when it differs from the interface's (so the
    page marks the user's text with it and a screen reader switches voice), else None."""
    declared = getattr(dossier, "language", None)
    if not declared:
        return None
    base = str(declared).replace("_", "-").split("-", 1)[0].lower()
    return None if base == lang.code else str(declared)


_LANG_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")


def lang_attr(code: str | None) -> Markup:
    """`` lang="en"`` for a content language that differs from the page's, else nothing;
    a value that is not a language tag is dropped rather than written into the page."""
    if not code or _LANG_TAG.fullmatch(code) is None:
        return Markup("")
    return Markup(f' lang="{code}"')


def label(value: Any) -> str:
    """An enum value or identifier as words: ``media_report`` → "media report"."""
    return str(value).replace("_", " ")


def upper_first(text: str) -> str:
    """``text`` with its first character upper-cased and the rest as it was: "zu Prüfen" →
    "Zu Prüfen", where Jinja's ``capitalize`` lowercases the rest ("Zu prüfen"), which breaks
    German nouns and every proper name in a translated or user string."""
    return text[:1].upper() + text[1:]


_ANCHOR_BAD = re.compile(r"[^A-Za-z0-9_.-]")


def anchor(prefix: str, ident: str) -> str:
    """A fragment id for ``ident``: readable when it is plain, and always a valid id.

    Unusual characters are percent-style encoded (``~XX``), so two distinct ids never share
    an anchor and no id can break out of an attribute or a CSS selector.
    """
    if _ANCHOR_BAD.search(ident) is None and ident:
        return f"{prefix}-{ident}"
    safe = _ANCHOR_BAD.sub(lambda m: "".join(f"~{b:02x}" for b in m[0].encode()), ident)
    return f"{prefix}-{safe}"


_FILE_BAD = re.compile(r"[^A-Za-z0-9.-]|^\.")
_FILE_MAX = 120


def file_part(text: str) -> str:
    """``text`` made safe as part of a file name and of a relative link to that file.

    Both the writer (:func:`negotrack.publish.render_site`) and the timeline's links use it,
    so a link always names the file that was written. The mapping is one-to-one, so two
    ids never share a file: letters, digits, ``-`` and ``.`` stay as they are; any other
    character (``_`` included, and a leading ``.``) becomes ``_`` and the two hex digits of
    each of its UTF-8 bytes (``Київ`` → ``_d0_9a_d0_b8...``). A ``_`` is thus always
    followed by a hex digit, which frees ``_to_`` to separate two ids in one name. A name
    that would be too long for a file system is cut and given a hash of the whole.
    """
    safe = _FILE_BAD.sub(lambda m: "".join(f"_{b:02x}" for b in m[0].encode()), text) or "_"
    if len(safe) <= _FILE_MAX:
        return safe
    import hashlib

    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{safe[: _FILE_MAX - 18]}_h{digest}"


# -- Markdown ----------------------------------------------------------------------------

# Inline specials always; block starters only where a line could begin.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_BLOCK_START = re.compile(r"^(\s?)([#+=>-]|\d+(?=[.)]))")
_SPACE = re.compile(r"\s+")
# Control characters but the white space _SPACE folds: a terminal showing the Markdown
# would act on them (ESC starts an escape sequence), so they are shown as ``\x1b``.
_MD_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e]")
"""Control characters, and the bidi embeddings and overrides that reorder the text around
them on a terminal or a page (the plain-text reports show them as escapes too)."""


def isolate(text: Any, direction: str | None = None) -> str:
    """``text`` between Unicode's first-strong isolate and its closing mark (both
    invisible), for user text set beside an arrow in plain text or Markdown, where no
    ``<bdi>`` can: in a right-to-left line "minsk-1 ← minsk-2" (or, in a left-to-right one,
    two Arabic labels and "→") would otherwise fuse into one run of the other direction,
    read backwards.

    Given the page's ``direction`` ("ltr"), text with no right-to-left letter (and no
    direction mark of its own) is returned as it is: it needs no isolate there, and the
    marks, invisible in a browser, show as boxes in some editors and survive copying.
    Without a direction, or in a right-to-left page, the text is always isolated.
    """
    s = str(text)
    if direction == "ltr" and not any(unicodedata.bidirectional(ch) in _BIDI for ch in s):
        return s
    return f"\u2068{s}\u2069"


# Right-to-left letters, and the marks that change the direction of what follows them.
_BIDI = frozenset({"R", "AL", "RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "FSI", "PDF", "PDI"})


_LINE_BREAKS = re.compile(r"[ \t]*\n[ \t\n]*")
"""A newline and the spaces and tabs around it: the one line break a plain-text report
keeps (every other, "\\r", "\\x85", "\\u2028"..., is shown as its escape by
:func:`negotrack.core.controls.printable`)."""


def line(text: Any) -> str:
    """``text`` kept on one line of a plain-text report: each newline, with the spaces and
    tabs around it, becomes one space. A report's lines are its structure ("[deleted]
    us-28 #3", "  status: ..."), so a note or a text that broke the line could start a
    line that reads as the report's own (the Markdown reports fold white space for the same
    reason, see :func:`md`)."""
    return _LINE_BREAKS.sub(" ", str(text))


def md(text: Any) -> str:
    """``text`` escaped for Markdown: no emphasis, links, headings or raw HTML survive.

    Runs of white space (newlines included) become one space, so that a user string can
    never start a block (a heading, a list, a fence) of its own; a leading or trailing
    space is kept as one space, because word-diff runs carry their spaces. A control
    character is shown as its escape (``\\x1b``), never passed to whoever prints the text.
    """
    s = _controls_shown(str(text))
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = _SPACE.sub(" ", s)
    return _MD_BLOCK_START.sub(_block_escape, s)


def md_paragraphs(text: Any) -> str:
    """``text`` as Markdown paragraphs: each of its lines (a line break in a summary, or a
    blank line between two) its own paragraph, escaped by :func:`md`, so that the breaks
    a writer put in are kept (the page keeps them too) and no line starts a block."""
    lines = [md(line).strip() for line in _LINE_BREAK.split(str(text))]
    return "\n\n".join(line for line in lines if line)


_LINE_BREAK = re.compile(r"\r\n|[\r\n]")
"""A line break a writer types (not the vertical tab or form feed ``splitlines`` takes for
one: those are control characters, shown as escapes)."""


def _controls_shown(s: str) -> str:
    return _MD_CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), s)


def _block_escape(m: re.Match[str]) -> str:
    # "# x" becomes "\# x"; "1. x" becomes "1\. x" (a digit cannot take the backslash).
    lead, mark = m.group(1), m.group(2)
    if mark[0].isdigit():
        return lead + mark + "\\"
    return lead + "\\" + mark


def md_mark(text: Any, op: str) -> str:
    """A word-diff run marked for Markdown without relying on colour: ``**[+ new]**`` for
    an insertion, ``~~[− old]~~`` for a deletion, spaces kept outside the marks."""
    s = md(text)
    core = s.strip()
    if not core:
        return s
    lead = " " if s[0] == " " else ""
    trail = " " if s[-1] == " " else ""
    if op == "insert":  # always set apart, so it never glues to a deletion before it
        return f" **[+ {core}]**{trail}"
    if op == "delete":
        return f"{lead}~~[− {core}]~~{trail}"
    return s


def md_words(runs: Iterable[tuple[str, str]]) -> str:
    """A word diff (``(op, text)`` runs) as one Markdown paragraph, each edit marked by
    :func:`md_mark`, and set one space apart from a word it would touch.

    GitHub reads ``~~`` (or ``**``) as a mark only where it is "flanking": the marks hold
    brackets, so a space or punctuation must stand on their other side, and
    ``machines~~[− , for 10 years]~~`` shows its tildes instead of striking the words
    through. The space goes between the word and the mark, not into the words, and an
    edit after a space gets no second one.
    """
    out: list[str] = []
    loose = False  # the piece before ends with a mark that touches what follows
    for op, text in runs:
        piece = md_mark(text, op)
        if not piece:
            continue
        if loose and not _apart(piece[0]):
            piece = " " + piece
        marked = op in {"insert", "delete"} and bool(piece.strip())
        if marked and not out:
            piece = piece.lstrip(" ")  # nothing before it to set it apart from
        if marked and out and not piece[0].isspace() and not _apart(out[-1][-1]):
            piece = " " + piece
        elif marked and out and piece[0] == " " and out[-1][-1] == " ":
            piece = piece[1:]  # an insertion is set apart; one space is enough
        loose = marked and not piece[-1].isspace()
        out.append(piece)
    return "".join(out)


def _apart(ch: str) -> bool:
    """Whether a mark beside ``ch`` still opens or closes: white space or punctuation (as
    every CommonMark version counts it: ASCII punctuation and Unicode's P categories)."""
    return ch.isspace() or ch in string.punctuation or unicodedata.category(ch)[0] == "P"


def md_cell(text: Any) -> str:
    """``text`` escaped for a Markdown table cell (pipes too, and never empty)."""
    s = md(text)
    return s or " "


_BACKTICKS = re.compile(r"`+")


def md_code(text: Any) -> str:
    """``text`` as a Markdown code span that nothing inside can end early.

    White space runs (newlines included) become one space, so the span cannot be cut by a
    blank line into a paragraph where raw HTML would render; the fence is one backtick
    longer than the longest run inside, padded with a space when the text touches it. A
    control character is shown as its escape, as :func:`md` shows it.
    """
    s = _SPACE.sub(" ", _controls_shown(str(text))) or " "
    fence = "`" * (max((len(r) for r in _BACKTICKS.findall(s)), default=0) + 1)
    pad = " " if s[0] in "` " or s[-1] in "` " else ""
    return f"{fence}{pad}{s}{pad}{fence}"


def md_url(url: str) -> str:
    """A safe URL written so that Markdown cannot misread it (angle-bracket form), a
    control character in it percent-encoded."""
    from urllib.parse import quote

    url = _MD_CONTROL.sub(lambda m: quote(m[0]), url)
    return "<" + url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E") + ">"


def with_fields(records: Iterable[T]) -> Iterator[tuple[T, T]]:
    """Each record twice, for a loop that unpacks a record's fields into local names and
    keeps the record too: ``{% for e, (id, anchor, ...) in month.events | with_fields %}``
    (one tuple unpacking per record instead of a lookup per field printed)."""
    items = records if isinstance(records, tuple | list) else tuple(records)
    return zip(items, items, strict=True)


FILTERS = {
    "anchor": anchor,
    "datetime_attr": datetime_attr,
    "display_date": display_date,
    "edges": edges,
    "file_part": file_part,
    "isolate": isolate,
    "label": label,
    "lang_attr": lang_attr,
    "line": line,
    "md": md,
    "md_paragraphs": md_paragraphs,
    "md_cell": md_cell,
    "md_code": md_code,
    "md_mark": md_mark,
    "md_url": md_url,
    "md_words": md_words,
    "plain_date": plain_date,
    "safe_url": safe_url,
    "upper_first": upper_first,
    "with_fields": with_fields,
}
"""Registered on every :class:`negotrack.Renderer` environment under these names."""

TESTS = {"safe_url": lambda url: safe_url(url) is not None}
"""Jinja tests: ``{% if source.url is safe_url %}``."""
