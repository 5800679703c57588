"""The help formatter of every command: argparse's, sized without importing shutil."""

from __future__ import annotations

import argparse
import os
import sys

__all__ = ["Formatter"]


class Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter for help with examples, sized to the terminal as argparse
    sizes it but without importing shutil for it: argparse makes one per argument added,
    to check its metavar, and shutil brings zlib, bz2 and lzma with it (over a millisecond
    of every command's start-up, which is a bar)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _columns() - 2  # as argparse leaves two columns free
        super().__init__(prog, indent_increment, max_help_position, width)


def _columns() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` tells it: ``$COLUMNS``,
    else standard output's terminal, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80
