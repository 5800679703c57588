"""Whether a point's options are shown as a list, one to a line, or in a line, joined by "or".

A point's options are the alternative wordings its draft leaves open. Most are phrases, "20
km" or "40 km", and a line reads them best as alternatives in the language's own words:
"20 km or 40 km" (:meth:`~negotrack.views.i18n.Interface.either`). Some are whole sentences,
and joined that way they run together: "... on the day of the agreement. or A working group
..." (an "or" after a full stop), "A; B; or C.". A point with such an option has its options
shown as a list instead, one item each: in HTML a list, in Markdown and in plain text a
bulleted one (a Markdown table cell, which can hold no list, numbers them).

The rule (:func:`listed`): an option is a *sentence* when it ends with a sentence's closing
punctuation (``.``, ``!``, ``?``, ``…``, or the Arabic, Urdu and CJK marks), before any
closing quotation mark or bracket; it is *long* when it holds more than :data:`LONG_WORDS`
words or more than :data:`LONG_CHARACTERS` characters. A sentence is listed whatever its
length, since its full stop is what reads badly before an "or". Ten words is about a line of
a report: an option longer than that is a clause, and two clauses joined by "or" make a line
the reader must read twice to see where one alternative ends and the next begins. The count
of characters is for the scripts that do not space their words (Chinese, Japanese, Thai),
where a word count says nothing. One such option lists all of the point's options (in a
diff, both versions'): a list with some items in a line would be neither.

An abbreviation at an option's end ("the U.S.") makes it a sentence by this rule, so a
short option may be listed; a list is still easy to read, and the rule stays one a reader
can predict from the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from negotrack.plandiff.options import OptionRun, option_runs

if TYPE_CHECKING:
    from negotrack.core.plans import Point

__all__ = ["LONG_CHARACTERS", "LONG_WORDS", "listed", "sentence_like", "shown_options"]

LONG_WORDS = 10
"""An option of more words than this is long: listed, not joined by "or"."""
LONG_CHARACTERS = 70
"""An option of more characters than this is long (for scripts that do not space their
words; seventy characters is about ten English words)."""

_SENTENCE_END = frozenset(".!?…؟۔。！？")
"""The punctuation that ends a sentence: Latin, Cyrillic and Greek texts' (and the
ellipsis), the Arabic question mark, the Urdu full stop, the CJK full-width marks."""
_CLOSERS = "\"'”’»›)]}」』）】 \t\n"
"""What may stand after a sentence's end: closing quotation marks and brackets, spaces."""


def sentence_like(option: str) -> bool:
    """Whether ``option`` reads as a sentence or is long (see the module's note)."""
    if option.rstrip(_CLOSERS)[-1:] in _SENTENCE_END:
        return True
    return len(option) > LONG_CHARACTERS or len(option.split()) > LONG_WORDS


def listed(*sides: Iterable[str]) -> bool:
    """Whether the options of a point (``sides``: each version's, in a diff) are shown as a
    list: when any of them reads as a sentence or is long (:func:`sentence_like`)."""
    return any(sentence_like(option) for side in sides for option in side)


def shown_options(
    old: Point | None, new: Point | None
) -> tuple[tuple[OptionRun, ...], tuple[OptionRun, ...], bool]:
    """The options of a change from ``old`` to ``new`` (either may be None) as a report
    shows them: the old point's and the new point's, each marked
    (:func:`~negotrack.plandiff.options.option_runs`; all "equal" when one point is
    missing: nothing was dropped or added), and whether they are :func:`listed`."""
    before = old.options if old is not None else ()
    after = new.options if new is not None else ()
    if not before and not after:  # most points
        return (), (), False
    if old is None or new is None:
        runs = (tuple(("equal", t) for t in before), tuple(("equal", t) for t in after))
    else:
        runs = option_runs(before, after)
    return runs[0], runs[1], listed(before, after)
