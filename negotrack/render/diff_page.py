"""The diff report's fast path: each change's strings escaped once, before the template.

A report of 2,000 changes prints each point's text three times (inline, then on both
sides of the side-by-side view) and some 40 other values per change. Autoescaping every
value as it is printed, and calling a macro per inserted or deleted run, cost more than
the rest of the report together. So the renderer hands the page, beside the plain
:class:`~negotrack.views.diff.DiffView`, the same changes with every string escaped once
(:func:`diff_records`), and the page's changes loop prints them with autoescape off. The
escaped strings are :class:`markupsafe.Markup`, so a template that prints one with
autoescape on prints it unchanged rather than escaping it twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from markupsafe import Markup, escape

from negotrack.render.htmltext import visible
from negotrack.views.diff import (
    ChangeView,
    Counterpart,
    DiffView,
    FigureView,
    NotSame,
    PositionView,
    WordView,
)
from negotrack.views.diff_words import edges

__all__ = ["ChangeHtml", "DiffRecords", "WordsHtml", "diff_records"]


class ChangeHtml(NamedTuple):
    """A change as the report's loop prints it: ``html`` is ``plain`` with every string
    escaped; ``changed_words`` is worked out once (the loop tests it three times)."""

    plain: ChangeView
    html: ChangeView
    changed_words: bool


class WordsHtml(NamedTuple):
    """A change's escaped word diff written out as the report prints it: ``inline`` with
    its insertions and deletions marked, ``before`` the old text with its deletions
    marked, ``after`` the new text with its insertions marked. Empty when no word changed."""

    inline: str
    before: str
    after: str


_NO_WORDS = WordsHtml(Markup(), Markup(), Markup())


class DiffRecords(NamedTuple):
    """The changes of a report, escaped for HTML, in the view's order."""

    changes: tuple[ChangeHtml, ...]

    def rows(
        self, ins_a: str, ins_b: str, del_a: str, del_b: str
    ) -> Iterator[tuple[ChangeView, ChangeView, bool, ChangeView, WordsHtml]]:
        """Each change as ``(plain, html, changed_words, html, words)``: the page's loop
        unpacks the second ``html`` into local names in
        :class:`~negotrack.views.diff.ChangeView`'s field order (one tuple unpacking per
        change instead of a lookup per field printed), and prints ``words``, the word diff
        written out (:class:`WordsHtml`) with each inserted run between ``ins_a`` and
        ``ins_b`` and each deleted run between ``del_a`` and ``del_b`` (the marks the page
        gives, printed as they are), instead of a loop over the runs for each of its three
        paragraphs."""
        for plain, html, changed in self.changes:
            words = _written(html.words, ins_a, ins_b, del_a, del_b) if changed else _NO_WORDS
            yield plain, html, changed, html, words


def _written(
    runs: tuple[WordView, ...], ins_a: str, ins_b: str, del_a: str, del_b: str
) -> WordsHtml:
    """The three paragraphs of one word diff whose runs are escaped already. Joined, not
    added: ``str + Markup`` would escape the ``str``. The spaces at an edit's ends stay
    outside its marks (:func:`~negotrack.views.diff_words.edges`), and a deletion right
    before an insertion is set apart from it by one space in the inline paragraph, as the
    macro ``m.words`` does."""
    inline: list[str] = []
    before: list[str] = []
    after: list[str] = []
    glued = False  # the run before was a deletion with no space at its end
    for op, text in runs:
        if op == "equal":
            inline.append(text)
            before.append(text)
            after.append(text)
            glued = False
            continue
        if text[:1].isspace() or text[-1:].isspace():
            lead, core, trail = edges(text)
        else:  # most edits: words at both ends
            lead, core, trail = "", text, ""
        if not core:  # spacing alone is not an edit
            inline.append(text)
            (after if op == "insert" else before).append(text)
            glued = False
            continue
        if op == "insert":
            if glued and not lead:
                inline.append(" ")
            marked = (lead, ins_a, core, ins_b, trail)
            after += marked
            glued = False
        else:
            marked = (lead, del_a, core, del_b, trail)
            before += marked
            glued = not trail
        inline += marked
    return WordsHtml(
        _new(Markup, "".join(inline)), _new(Markup, "".join(before)), _new(Markup, "".join(after))
    )


def diff_records(view: DiffView) -> DiffRecords:
    """``view``'s changes with every string escaped for HTML."""
    esc = _Escaper()
    return DiffRecords(tuple([esc.change(c) for c in view.changes]))


class _Escaper:
    def __init__(self) -> None:
        # Kinds, labels, statuses and stances repeat from change to change.
        self.words: dict[str, Markup] = {}

    def word(self, s: str) -> Markup:
        found = self.words.get(s)
        if found is None:
            found = self.words[s] = _esc(s)
        return found

    def change(self, c: ChangeView) -> ChangeHtml:
        w = self.word
        old_text, new_text = c.old_text, c.new_text
        old_html = None if old_text is None else _esc(old_text)
        # Most pairs keep their text: it is escaped once for both sides.
        new_html = old_html if new_text == old_text else _maybe(new_text)
        changed = False
        runs = []
        if c.words:
            # The runs are pieces of the two texts: when neither text holds a character
            # to escape, no run does, and each is its own escaped form.
            clean = old_html == old_text and new_html == new_text
            for op, text in c.words:
                if op != "equal":
                    changed = True
                runs.append(WordView(w(op), _new(Markup, text) if clean else _esc(text)))
        m = _maybe
        # Every field in ChangeView's order, positionally (a test gives each field a value
        # of its own and finds it escaped in its place).
        html = ChangeView(
            w(c.kind),
            w(c.kind_label),
            _esc(c.anchor),
            m(c.old_ref),
            m(c.new_ref),
            old_html,
            new_html,
            m(c.topic),
            tuple(runs),
            tuple([FigureView(_esc(f.old), _esc(f.new)) for f in c.figures]),
            c.renumbered,
            c.similarity,
            c.group,
            m(c.group_label),
            m(c.status_old),
            m(c.status_new),
            c.status_changed,
            tuple([self.position(p) for p in c.positions]),
            w(c.via),
            c.confidence,
            c.check,
            m(c.status_old_key),
            m(c.status_new_key),
            tuple([Counterpart(_esc(ref), _esc(at), sure) for ref, at, sure in c.counterparts]),
            m(c.note),
            c.crossed,
            self.options(c.old_options),
            self.options(c.new_options),
            c.options_changed,
            c.options_listed,
            tuple([self.not_same(k) for k in c.not_same]),
        )
        return ChangeHtml(c, html, changed)

    @staticmethod
    def not_same(k: NotSame) -> NotSame:
        return NotSame(_esc(k.old_ref), _esc(k.new_ref), _esc(k.anchor), k.to_new, _maybe(k.note))

    def options(self, runs: tuple[WordView, ...]) -> tuple[WordView, ...]:
        return tuple([WordView(self.word(op), _esc(text)) for op, text in runs])

    def position(self, p: PositionView) -> PositionView:
        return PositionView(
            _esc(p.party),
            None if p.old is None else self.word(p.old),
            None if p.new is None else self.word(p.new),
        )


# Markup of a string known to need no escaping, without Markup's Python-level constructor.
_new = str.__new__


def _esc(s: str) -> Markup:
    """``escape(s)`` with its control characters shown (:func:`visible`, as every page
    shows them); most strings hold none of the five characters escape replaces and no
    control character, and are their own escaped form."""
    s = visible(s)
    if "&" in s or "<" in s or ">" in s or "'" in s or '"' in s:
        return escape(s)
    return _new(Markup, s)


def _maybe(s: str | None) -> Markup | None:
    return None if s is None else _esc(s)
