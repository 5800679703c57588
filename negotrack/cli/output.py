"""The command line's output: stdout and files written safely, one-line errors, colour only
on a terminal, and dossier text that cannot drive the terminal it is printed on."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from typing import TextIO

__all__ = ["colour", "columns", "committed", "emit", "error", "paint", "undecodable", "visible"]


def colour(stream: TextIO) -> bool:
    """Whether to colour ``stream``: a terminal, and neither NO_COLOR nor TERM=dumb set."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def paint(text: str, code: str, stream: TextIO) -> str:
    """``text`` in the SGR colour ``code`` when ``stream`` is coloured (see :func:`colour`)."""
    return f"\x1b[{code}m{text}\x1b[0m" if colour(stream) else text


def error(line: str) -> None:
    """Print one problem on stderr, always on one line (a parser's message is folded)."""
    line = " ".join(part.strip() for part in line.splitlines() if part.strip())
    print(paint(line, "31", sys.stderr), file=sys.stderr)


def emit(text: str, out: str | None) -> bool:
    """Write ``text`` to ``out``: stdout for None or ``-``, else the file, atomically.

    Returns False when stdout's reader has gone (``negotrack ... | head``), which is fine
    for a report. A failure to write a file is reported with the file's name, never the
    input's. Paths that are not regular files (``/dev/null``, a FIFO, ``/dev/stdout``) are
    written through; a symlink's target is replaced, the link stays.
    """
    if out is None or out == "-":
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return False
        return True
    from negotrack.io.files import atomic_write

    try:
        atomic_write(out, text)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write the output: {exc.strerror or exc}", out) from None
    return True


# Control characters (escape sequences start with one), and the invisible marks that
# reorder or hide text on a terminal (bidi overrides and isolates).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``, ``\\n``), so that no
    dossier text can move the cursor, recolour or retitle the terminal it is printed on."""
    return _UNSAFE.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


def columns(rows: list[tuple[str, ...]], stream: TextIO) -> list[str]:
    """The rows as aligned columns, the header in bold, every cell shown with :func:`visible`."""
    rows = [tuple(visible(cell) for cell in row) for row in rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for n, r in enumerate(rows):
        line = "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
        out.append(paint(line, "1", stream) if n == 0 else line)
    return out


_POSITIONAL = frozenset({"file", "ref", "status", "old", "new", "plan", "old_ref", "new_ref"})


def undecodable(args: argparse.Namespace) -> str | None:
    """The option whose value held bytes that are not UTF-8, or None.

    Python hands such bytes over as lone surrogates, which no output could hold. File
    names are exempt: the operating system takes them back as they came.
    """
    for name, value in vars(args).items():
        if name in ("file", "output"):
            continue
        values = value if isinstance(value, list) else [value]
        for v in values:
            if isinstance(v, str) and any("\ud800" <= ch <= "\udfff" for ch in v):
                return name.upper() if name in _POSITIONAL else "--" + name.replace("_", "-")
    return None


def committed(line: str, file: str) -> None:
    """Report a change already written to ``file``: on stdout, or on stderr if stdout is gone.

    A reader that left (``negotrack status set ... | true``) must not turn a recorded change
    into a failure, or a retry loop would record it twice: the command still exits 0.
    """
    if not emit(line + "\n", None):
        with contextlib.suppress(OSError):
            print(f"{file}: recorded ({line}); stdout was closed", file=sys.stderr)
