"""The command line's output: stdout and files written safely, one-line errors, colour only
on a terminal, and dossier text that cannot drive the terminal it is printed on."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import re
import sys
from typing import TextIO

from negotrack.core.controls import printable, visible

__all__ = [
    "STDOUT",
    "colour",
    "columns",
    "committed",
    "emit",
    "error",
    "inert_json",
    "note",
    "paint",
    "printable",
    "replaces",
    "undecodable",
    "visible",
]


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
    _to_stderr(paint(visible(line), "31", sys.stderr))


def note(line: str) -> None:
    """Print a line for the person on stderr (what a command did or why it did nothing),
    dossier text in it shown with :func:`visible`."""
    _to_stderr(visible(line))


def _to_stderr(line: str) -> None:
    # Nowhere is left to report a failure to write stderr: the exit code still tells.
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(line, file=sys.stderr, flush=True)


STDOUT = "standard output"
"""How a problem with stdout names it (in place of a file name)."""


def emit(text: str, out: str | None) -> bool:
    """Write ``text`` to ``out``: stdout for None or ``-``, else the file, atomically.

    Returns False when stdout's reader has gone (``negotrack ... | head``), which is fine
    for a report. Any other failure to write stdout (closed, a full disk) is an OSError
    naming standard output, and a failure to write a file names the file, never the
    input. Paths that are not regular files (``/dev/null``, a FIFO, ``/dev/stdout``) are
    written through; a symlink's target is replaced, the link stays.
    """
    if out is None or out == "-":
        return _to_stdout(text)
    from negotrack.io.files import atomic_write

    try:
        atomic_write(out, text)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write the output: {exc.strerror or exc}", out) from None
    return True


def replaces(file: str | None, out: str | None) -> str | None:
    """Why writing a rendering (a page, a report, an export) to ``out`` would destroy a
    dossier, or None: ``out`` is the dossier ``file`` being read (by another name, or
    through a link), or another file that holds a negotrack dossier. A mistyped ``-o``
    must not replace a dossier with a page."""
    if out is None or out == "-" or not os.path.isfile(out):
        return None
    if file is not None and file != "-":
        with contextlib.suppress(OSError):
            if os.path.samefile(file, out):
                return "-o would replace the dossier being read (choose another output file)"
    if os.path.splitext(out)[1].lower() not in (".json", ".yaml", ".yml"):
        return None
    try:
        with open(out, "rb") as f:
            head = f.read(4096).decode("utf-8", "replace")
    except OSError:
        return None  # the write will say what is wrong
    if _DOSSIER_START.search(head):
        return (
            "-o would replace a negotrack dossier (choose another output file, or remove it first)"
        )
    return None


_DOSSIER_START = re.compile(r'\A\ufeff?(?:\s*#[^\n]*\n)*\s*(?:negotrack\s*:|\{\s*"negotrack"\s*:)')
"""The start of a dossier as negotrack writes it, YAML or JSON: its schema version first,
after comments."""


def _to_stdout(text: str) -> bool:
    stream = sys.stdout
    try:
        if stream is None:  # started with stdout closed (``>&-``): Python gives None
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        _discard_stdout()
        return False
    except (OSError, ValueError) as exc:  # ValueError: a stream closed in this process
        _discard_stdout()
        code = getattr(exc, "errno", None) or errno.EBADF
        why = f"cannot write the output: {os.strerror(code)}"
        raise OSError(code, why, STDOUT) from None
    return True


def _discard_stdout() -> None:
    """Point stdout's descriptor at the null device: what is left in its buffer then goes
    nowhere at exit, instead of failing again ("Exception ignored ... BrokenPipeError")."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # None, closed, or not a file (tests)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


# What JSON leaves raw but a terminal acts on: json.dumps escapes C0 controls, not DEL,
# C1 controls or bidi marks. Any of them in a JSON text is inside a string, where a
# \uXXXX escape is the same character to every reader.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def inert_json(text: str) -> str:
    """``text``, a JSON document, with every character a terminal would act on written as
    a ``\\uXXXX`` escape (the data it holds is unchanged)."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


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


def committed(text: str, file: str, what: str | None = None) -> None:
    """Confirm on stdout, in ``text`` (a line, or lines), a change already written to
    ``file``; say on stderr what was saved (``what``, by default ``text``) if stdout
    cannot take it.

    A change once saved must not look unsaved because its confirmation could not be
    printed (a closed stdout, a full disk, a reader gone: ``... | true``), or a retry loop
    would record it twice: the command still exits 0, and says so on stderr.
    """
    try:
        if emit(printable(text) + "\n", None):
            return
        why = "its reader has gone"
    except OSError as exc:
        why = os.strerror(exc.errno) if exc.errno else str(exc)
    note(f"{file}: saved ({what or text}), but not confirmed on {STDOUT} ({why})")
