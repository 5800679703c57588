"""Errors: one root, :class:`NegotrackError`, and leaves that say where and what to do.

Every error carries one or more :class:`Problem` values. A problem names the file (when
there is one), the place in the document as a JSON path (``$.plans[0].versions[1]``), the
YAML line when the parser gave one, what was wrong, and a hint when one exists. The command
line prints each problem as one line; nothing else ever reaches a user for bad input.

Leaves also subclass the matching built-in (``ValueError``, ``KeyError``, ``TimeoutError``)
so that ordinary ``except`` clauses keep working.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "DateError",
    "DossierError",
    "FormatError",
    "LocaleError",
    "LockTimeout",
    "MissingDependency",
    "NegotrackError",
    "Problem",
    "RenderError",
    "Suggestions",
    "UnknownReference",
    "by_line",
    "did_you_mean",
]


@attrs.frozen
class Problem:
    """One thing wrong with the input, and where it is: ``path`` is a JSON path in the
    document (``$.plans[0].links[3]``) or, for a problem with an argument of a call, the
    argument's name (``old_ref``)."""

    message: str
    path: str = "$"
    file: str | None = None
    line: int | None = None
    hint: str | None = None

    def at(self, file: str | None = None, line: int | None = None) -> Problem:
        """This problem, placed in ``file`` (and at ``line``) when it is not placed yet."""
        return attrs.evolve(
            self,
            file=self.file if self.file is not None else file,
            line=self.line if self.line is not None else line,
        )

    def under(self, prefix: str) -> Problem:
        """This problem with its path moved under ``prefix`` (``$`` → ``prefix``)."""
        return attrs.evolve(self, path=prefix + self.path[1:])

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = self.file + (f":{self.line}" if self.line is not None else "") + ": "
        # A bare "$" says nothing when no file is involved (an API call's argument).
        place = "" if self.path == "$" and self.file is None else f"{self.path}: "
        text = f"{where}{place}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class NegotrackError(Exception):
    """The root of every error negotrack raises on purpose.

    ``problems`` holds every problem found; ``str(error)`` is one line per problem.
    """

    problems: tuple[Problem, ...]

    def __init__(
        self,
        message: str | Problem | Sequence[Problem],
        *,
        path: str = "$",
        hint: str | None = None,
        file: str | None = None,
    ) -> None:
        if isinstance(message, str):
            problems: tuple[Problem, ...] = (Problem(message, path=path, hint=hint, file=file),)
        elif isinstance(message, Problem):
            problems = (message,)
        else:
            problems = tuple(message)
        self.problems = problems
        super().__init__(self._text())

    def _text(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def __str__(self) -> str:
        return self._text()


class DossierError(NegotrackError, ValueError):
    """A dossier, a file or a change to it is invalid; every problem is listed."""


class FormatError(DossierError):
    """A file could not be read at all: bad JSON or YAML, an unknown suffix, too large."""


class DateError(NegotrackError, ValueError):
    """A date or time could not be understood, or its time zone is unknown."""


class UnknownReference(NegotrackError, KeyError):
    """An id or a point reference names nothing in the dossier."""

    def __str__(self) -> str:
        # KeyError would quote the message; a user wants the plain sentence.
        return self._text()


class LockTimeout(NegotrackError, TimeoutError):
    """Another writer held the dossier's lock for longer than the timeout."""


class RenderError(NegotrackError, ValueError):
    """A render was asked for something that does not exist (a format, a template folder,
    a display for a value that has none)."""


class LocaleError(NegotrackError, ValueError):
    """A page was asked for in a language negotrack has no catalog for; the hint lists the
    known ones."""


class MissingDependency(NegotrackError, ImportError):
    """An optional package a feature needs is not installed (pandas for DataFrames)."""


def by_line(problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` in the file's order, as a reader fixes them: by line (those of one line,
    and those without a line, last, in the order found). The checks run by kind (fields,
    then references, then the plans), so line 70 came before line 68."""
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0))


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A "did you mean ...?" hint for ``word`` among ``choices``, or None.

    For many words against the same choices (a validation pass), build one
    :class:`Suggestions` instead: it indexes the choices once.
    """
    return Suggestions(choices).hint(word)


class Suggestions:
    """ "Did you mean ...?" hints for many words against one set of choices.

    Each hint costs at most :attr:`CAP` string comparisons whatever the number of choices,
    and a word asked twice is answered from memory, so a file with thousands of unknown
    names is checked in time linear in their number. With more than ``CAP`` choices, a word
    is compared with its neighbours in alphabetical order and in the order of the reversed
    texts: a typo nearly always leaves the start or the end of a word intact.
    """

    CAP = 32
    """The most choices one hint compares a word with."""

    __slots__ = ("_lowered", "_memo", "_options", "_reversed")

    def __init__(self, choices: Iterable[str]) -> None:
        self._options = sorted({str(c) for c in choices})
        self._lowered = {c.lower(): c for c in self._options}
        self._memo: dict[str, str | None] = {}
        self._reversed: list[str] = []
        if len(self._options) > self.CAP:
            self._reversed = sorted(c[::-1] for c in self._options)

    def hint(self, word: str) -> str | None:
        """The hint for ``word``: the closest choices, or every choice when there are few."""
        word = str(word)
        if word in self._memo:
            return self._memo[word]
        import difflib  # only when something is wrong

        close = difflib.get_close_matches(word, self._pool(word), n=3, cutoff=0.6)
        if not close and word.lower() in self._lowered:
            close = [self._lowered[word.lower()]]
        found: str | None = None
        if close:
            found = "did you mean " + " or ".join(repr(c) for c in close) + "?"
        elif 0 < len(self._options) <= 12:
            found = "expected one of " + ", ".join(repr(c) for c in self._options)
        self._memo[word] = found
        return found

    def _pool(self, word: str) -> list[str]:
        if not self._reversed:
            return self._options
        import bisect

        side = self.CAP // 4
        at = bisect.bisect_left(self._options, word)
        pool = set(self._options[max(0, at - side) : at + side])
        back = word[::-1]
        at = bisect.bisect_left(self._reversed, back)
        pool.update(c[::-1] for c in self._reversed[max(0, at - side) : at + side])
        return sorted(pool)
