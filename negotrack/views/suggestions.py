"""The review sheet: what ``d.suggest_links(old, new)`` lists, each pair with both texts.

A person decides a pair by reading its two points, so the sheet shows them side by side
(in a notebook, :mod:`negotrack.views.notebook`) or one after the other (the Markdown of
``negotrack suggest-links --format md``), least sure first, with how sure the matcher is,
what found the pair, whether the reports mark it "check this", and the call or command
that pins it: ``d.link("minsk-1#3", "minsk-2#11")`` in Python, ``negotrack link FILE
minsk-1#3 minsk-2#11`` on the command line, ready to copy; and the one that turns it down
when the two are not the same point (``distinct=True``, ``--distinct``).
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Iterable
from typing import NamedTuple

import attrs

from negotrack.core.refs import PointRef
from negotrack.dossier.links import CANDIDATE, Suggestions
from negotrack.plandiff.changes import CHECK_BELOW
from negotrack.views.formatting import content_language
from negotrack.views.i18n import ENGLISH, Interface

__all__ = [
    "LeftOver",
    "Linked",
    "SuggestionLine",
    "SuggestionsView",
    "Taken",
    "command_line",
    "pin_call",
]


class Taken(NamedTuple):
    """Another pair text matching made with one of a suggestion's points, which pinning
    the suggestion alone would undo (a link takes its points out of text matching): the
    point, its partner there, that pair's confidence and how it was found (as the page
    writes them), and what pins that pair too, if both are right (a split or merger)."""

    point: str
    other: str
    confidence: str
    found_by: str
    pin: str


class Linked(NamedTuple):
    """A point of a suggestion that a curated link already pairs with ``other``: pinning
    the suggestion keeps that link, so the point becomes a split (``split``: an old point,
    continued in both) or a merger (a new point, continuing both)."""

    point: str
    other: str
    split: bool


class SuggestionLine(NamedTuple):
    """A pair for a person to decide, with both texts: its references as written
    (``minsk-1#3``, what :meth:`~negotrack.Dossier.link` takes), how sure the matcher is
    (as the page's language writes it), what found it and whether the reports mark it."""

    old: str
    old_text: str
    new: str
    new_text: str
    confidence: str
    found_by: str
    """How the pair was found, in the page's language: by text, as a piece of a split or
    merge, or left unpaired (a candidate)."""
    paired: bool
    """Whether the diff made the pair (False for a candidate it left unpaired)."""
    check: bool
    """Whether the reports mark it "check this" (a pair below the cut, or a candidate)."""
    pin: str = ""
    """The call or command that pins this pair (see :func:`pin_call`)."""
    turn_down: str = ""
    """The call or command that turns this pair down: the two are not the same point (see
    :func:`pin_call`)."""
    taken: tuple[Taken, ...] = ()
    """The other pairs text matching made with either point, which pinning this pair
    alone undoes: minsk-1#9 -> minsk-2#12, a candidate, would take minsk-1#9 from its
    pair with minsk-2#4, right too (Minsk I's elections point split in two)."""
    linked: tuple[Linked, ...] = ()
    """The links that already pair either point with another: pinning this pair keeps
    them, and makes a split or a merger."""


class LeftOver(NamedTuple):
    """A point text matching left with no counterpart and no candidate (see
    :attr:`~negotrack.dossier.suggestions.Suggestions.left`): its reference, its text, and
    what says it has none ("no successor" for an old point, "no predecessor" for a new
    one), ready to copy."""

    ref: str
    text: str
    settle: str


def pin_call(old: str, new: str, file: str | None = None, *, distinct: bool = False) -> str:
    """What pins the pair ``old`` -> ``new``: the Python call ``d.link("old", "new")``, or
    with ``file`` the shell command ``negotrack link FILE OLD NEW``, each argument quoted
    for a POSIX shell where it needs it (a path with spaces, a "#" that starts a word).
    With ``distinct``, what turns the pair down instead (``distinct=True``,
    ``--distinct``)."""
    if file is None:
        quoted = [json.dumps(ref, ensure_ascii=False) for ref in (old, new)]
        if distinct:
            quoted.append("distinct=True")
        return "d.link({})".format(", ".join(quoted))
    return command_line("link", file, old, new, options=("--distinct",) if distinct else ())


def command_line(command: str, *operands: str, options: tuple[str, ...] = ()) -> str:
    """``negotrack COMMAND [OPTION...] OPERAND...`` as a POSIX shell runs it when pasted:
    each word quoted where it needs it, and ``--`` before the operands when one starts
    with "-" (a file ``-draft.yaml``, a version ``-v2``), which the command line would
    otherwise take for an option (the ``options`` stand before it)."""
    ends = ["--"] if any(o.startswith("-") for o in operands) else []
    return shlex.join(["negotrack", command, *options, *ends, *operands])


@attrs.frozen
class SuggestionsView:
    """What ``d.suggest_links(old, new)`` lists, least sure first, each with its texts."""

    old: str
    new: str
    lines: tuple[SuggestionLine, ...]
    check_below: float = CHECK_BELOW
    content_lang: str | None = None
    """The points' own language when it differs from the interface's, else None."""
    call: str = "d.link(OLD, NEW)"
    """How a pair is pinned, in general (the sheet's introduction names it)."""
    left_old: tuple[LeftOver, ...] = ()
    """The old points left with no counterpart and no candidate, in reading order."""
    left_new: tuple[LeftOver, ...] = ()
    """The new points left so."""

    @classmethod
    def build(
        cls, suggestions: Suggestions, *, lang: Interface = ENGLISH, file: str | None = None
    ) -> SuggestionsView:
        """The view of ``suggestions``, labelled in ``lang``; ``file``: the dossier's path,
        when the pairs are pinned from the command line (else with ``d.link``)."""
        # A list made by hand has no versions: its pairs are shown without their texts.
        old, new = suggestions.old, suggestions.new
        olds = {p.number: p.text for p in old.points} if old is not None else {}
        news = {p.number: p.text for p in new.points} if new is not None else {}
        found_by = {
            "text": lang.pgettext("found by", "by its text"),
            "split": lang.pgettext("found by", "piece of a split"),
            "merge": lang.pgettext("found by", "piece of a merger"),
            CANDIDATE: lang.pgettext("found by", "candidate, left unpaired"),
        }
        lines = []
        for s in suggestions:
            paired = s.matched_by != CANDIDATE
            taken = tuple(
                Taken(
                    point,
                    k.new if k.old == point else k.old,
                    lang.fraction(k.confidence),
                    found_by.get(k.matched_by, k.matched_by),
                    pin_call(k.old, k.new, file),
                )
                for point in (s.old, s.new)
                for k in suggestions.taken.get(point, ())
                if (k.old, k.new) != (s.old, s.new)
            )
            linked = tuple(
                Linked(point, other, point == s.old)
                for point in (s.old, s.new)
                for other in suggestions.linked.get(point, ())
                if other not in (s.old, s.new)
            )
            lines.append(
                SuggestionLine(
                    old=s.old,
                    old_text=_text(olds, s.old),
                    new=s.new,
                    new_text=_text(news, s.new),
                    confidence=lang.fraction(s.confidence),
                    found_by=found_by.get(s.matched_by, s.matched_by),
                    paired=paired,
                    check=not paired or s.confidence < CHECK_BELOW,
                    pin=pin_call(s.old, s.new, file),
                    turn_down=pin_call(s.old, s.new, file, distinct=True),
                    taken=taken,
                    linked=linked,
                )
            )
        old_id = old.id if old is not None else _version_of(s.old for s in suggestions)
        new_id = new.id if new is not None else _version_of(s.new for s in suggestions)
        left_old, left_new = suggestions.left
        return cls(
            old_id,
            new_id,
            tuple(lines),
            content_lang=content_language(suggestions, lang),
            call="d.link(OLD, NEW)" if file is None else "negotrack link FILE OLD NEW",
            left_old=tuple(
                LeftOver(ref, _text(olds, ref), pin_call(ref, new_id, file)) for ref in left_old
            ),
            left_new=tuple(
                LeftOver(ref, _text(news, ref), pin_call(old_id, ref, file)) for ref in left_new
            ),
        )


def _text(texts: dict[str, str], ref: str) -> str:
    """The text of the point ``ref`` names, among ``texts`` (by number; "" if unknown)."""
    return texts.get(PointRef.parse(ref).number, "")


def _version_of(refs: Iterable[str]) -> str:
    """The version the first of ``refs`` names ("" when there is none)."""
    for ref in refs:
        return PointRef.parse(ref).version
    return ""
