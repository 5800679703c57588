"""What a diff says: the kinds of change, one change per point (or piece), and the diff.

These are the frozen values :func:`negotrack.plandiff.compare.diff` returns. A change's
inline word diff and changed figures are computed when first read, so that what does not
need them (the JSON output, the summary) does not pay for them; so is a reworded or moved
pair's similarity (the summary and a caller counting kinds do not need it), which is
otherwise an ordinary field: equality, hashing, ``repr``, :func:`attrs.evolve`,
:func:`attrs.asdict` and pickling read it, and so measure it, like any other field.
"""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING, Any

import attrs

from negotrack.core.model import PlanVersion, Point, Stance, Status
from negotrack.plandiff.diffjson import diff_json
from negotrack.plandiff.figures import figure_pairs, may_hold_figure
from negotrack.plandiff.options import same_options
from negotrack.plandiff.pairs_aside import Candidate, DistinctPair
from negotrack.plandiff.spacing import same_text
from negotrack.plandiff.tokens import Piece, WordOp, kept_matching, word_diff

__all__ = [
    "CHECK_BELOW",
    "DEFAULT_THRESHOLD",
    "Candidate",
    "ChangeKind",
    "DistinctPair",
    "FigureChange",
    "MatchedBy",
    "PlanDiff",
    "PointChange",
    "PositionDelta",
    "StatusDelta",
]

DEFAULT_THRESHOLD = 0.5
"""The least confidence at which text matching pairs two points, by default."""

CHECK_BELOW = 0.8
"""Pairs matched by text with a confidence below this are worth a person's check: the
reports mark them "check this" and :meth:`negotrack.Dossier.suggest_links` lists them."""

MatchedBy = str
"""What matched a pair: ``"link"`` (curated), ``"key"`` (a shared lineage key),
``"exact"`` (the same text), ``"text"`` (text similarity), ``"split"`` or ``"merge"``
(a piece found by text), or ``""`` for an added or deleted point. A suggestion of
:meth:`negotrack.Dossier.suggest_links` may also say ``"candidate"``: a pair the matcher
left unpaired (:class:`Candidate`)."""


class ChangeKind(enum.StrEnum):
    """What happened to a point between two versions (a str enum: members are their values)."""

    UNCHANGED = "unchanged"
    REWORDED = "reworded"
    RENUMBERED = "renumbered"
    MOVED = "moved"
    ADDED = "added"
    DELETED = "deleted"
    SPLIT = "split"
    MERGED = "merged"


@attrs.frozen
class FigureChange:
    """A figure that changed: ``"600,000"`` became ``"800,000"``. An empty side means the
    figure was dropped (``new == ""``) or added (``old == ""``)."""

    old: str
    new: str


@attrs.frozen
class StatusDelta:
    """A point's status as of the old version's date and as of the new one's."""

    old: Status | None
    new: Status | None

    @property
    def changed(self) -> bool:
        return self.old != self.new


@attrs.frozen
class PositionDelta:
    """A party's stance on the point as of each version's date, where it differs.

    ``party`` is the participant id; ``name`` the participant's name, for readers.
    """

    party: str
    old: Stance | None
    new: Stance | None
    name: str | None = None


@attrs.frozen
class PointChange:
    """What became of one point (or one piece of a split or merge).

    ``similarity`` says how much of the text is the same: 1.0 for identical text and 0.0
    for added and deleted points; for a reworded pair the share of words kept, for a piece
    of a split or merge the share of the piece's words found in the whole.
    ``confidence`` (0..1) says how sure the *pairing* is, which is another thing: a point
    rewritten by another hand may keep a third of its words (similarity 0.3) and still be
    unmistakably paired (confidence 0.99). Curated links, keys and exact texts are sure
    (1.0); a pair found by text has the confidence ``threshold`` compares (ordinal: higher
    is stronger, not a probability); added and deleted points have 0.0.
    ``matched_by`` says what matched the pair (see :data:`MatchedBy`). ``group`` is shared
    by the members of one split or merge. ``note``, for a pair a curated link made, is why
    a person linked it (``PointLink.note``; the notes of a chain of links, joined by "; ").

    ``words`` (the inline word diff) and ``figures`` are computed when first read, so the
    JSON output and the summary do not pay for them; so is the ``similarity`` of a
    reworded or moved pair, so the summary does not pay for it.
    """

    kind: ChangeKind
    old: Point | None
    new: Point | None
    similarity: float
    group: int | None = None
    renumbered: bool = False
    matched_by: MatchedBy = "text"
    confidence: float = 1.0
    status: StatusDelta | None = None
    positions: tuple[PositionDelta, ...] = ()
    note: str | None = None
    _words: tuple[WordOp, ...] | None = attrs.field(
        default=None, eq=False, repr=False, alias="words"
    )
    _group_figures: GroupFigures | None = attrs.field(
        default=None, eq=False, repr=False, alias="group_figures"
    )
    """A split's or merge's figures, shared by its members (see :class:`GroupFigures`)."""
    _language: str | None = attrs.field(default=None, eq=False, repr=False, alias="language")
    """The language of the texts, when its number words and units of time are not
    English's alone (:mod:`.figure_words`): what ``figures`` reads."""
    _lazy: dict[str, Any] = attrs.field(factory=dict, eq=False, repr=False, init=False)

    @property
    def via(self) -> MatchedBy:
        """The same as ``matched_by`` (its earlier name)."""
        return self.matched_by

    @property
    def check(self) -> bool:
        """Whether a person should check this pair: matched by text (or as a piece found
        by text) with a confidence below :data:`CHECK_BELOW`."""
        return self.matched_by in {"text", "split", "merge"} and self.confidence < CHECK_BELOW

    @property
    def words(self) -> tuple[WordOp, ...]:
        """The inline word diff of a reworded, moved or piece pair (empty otherwise)."""
        if self._words is not None:
            return self._words
        if "words" not in self._lazy:
            self._lazy["words"] = _word_ops(self)
        return self._lazy["words"]  # type: ignore[no-any-return]

    def measure_later(self) -> None:
        """Measure ``similarity`` (the share of words kept from the old text to the new)
        when it is first read, not now (internal to the diff engine, for a pair whose
        texts differ): the field is unset until then."""
        object.__delattr__(self, "similarity")

    if not TYPE_CHECKING:  # type checkers keep flagging unknown attributes

        def __getattr__(self, name: str) -> Any:
            # Reached only for an attribute that is not set: ``similarity`` of a pair
            # measured later (see measure_later).
            if name != "similarity":
                raise AttributeError(name)
            share, matching = kept_matching(self.old.text, self.new.text)
            object.__setattr__(self, "similarity", share)
            if "words" not in self._lazy:  # the word diff, when read, reuses the matching
                self._lazy["matching"] = matching
            return share

    @property
    def options_changed(self) -> bool:
        """Whether the pair's options (its bracketed alternatives) differ, in any order,
        up to spacing: a pair whose text is the same and whose options are not is
        reworded. False for an added or deleted point."""
        o, n = self.old, self.new
        return o is not None and n is not None and not same_options(o.options, n.options)

    @property
    def figures(self) -> tuple[FigureChange, ...]:
        """The figures that changed, paired by what they count, each once (a figure the
        other text also has is no change). On a piece of a split or merge: the figures
        the group changed that this piece holds (see :class:`GroupFigures`)."""
        if "figures" not in self._lazy:
            self._lazy["figures"] = _figures(self)
        return self._lazy["figures"]  # type: ignore[no-any-return]


@attrs.frozen(repr=False)  # its repr is one line: the default held every point, twice
class PlanDiff:
    """Every point of two versions and what became of it, in the new version's reading
    order; a deleted point is placed where it stood, after the point it followed. The
    pieces of a split or merge are listed together, where its first new point stands
    (a split into #4 and #12 lists both at #4). A point a curated link says has no
    counterpart is deleted (or added) with ``matched_by`` "link" and confidence 1.0.
    ``old`` and ``new`` are the two versions and ``changes`` a :class:`PointChange` each.
    ``candidates`` are the pairs text matching left unpaired for a person to check
    (:class:`Candidate`), in old-version order. ``threshold`` is the cut text matching
    paired at when one was asked for (``diff(..., threshold=0.3)``), else None (the
    matcher's own): the reports say so, since their pairs depend on it. ``distinct`` are
    the pairs curated links turned down between the two versions (:class:`DistinctPair`),
    in old-version order: the reports show them on both points' cards."""

    old: PlanVersion
    new: PlanVersion
    changes: tuple[PointChange, ...]
    candidates: tuple[Candidate, ...] = ()
    threshold: float | None = None
    distinct: tuple[DistinctPair, ...] = ()

    @property
    def summary(self) -> dict[str, int]:
        """How many changes of each kind (every kind listed, zeros included)."""
        counts = dict.fromkeys((k.value for k in ChangeKind), 0)
        for c in self.changes:
            counts[c.kind.value] += 1
        return counts

    @property
    def to_check(self) -> tuple[PointChange, ...]:
        """The changes a person should check, those the reports mark "check this": pairs
        found by text with a low confidence (:attr:`PointChange.check`), and deleted or
        added points that text matching left with candidates (:attr:`candidates`)."""
        unsure_old = {c.old.number for c in self.candidates}
        unsure_new = {c.new.number for c in self.candidates}
        return tuple(
            c
            for c in self.changes
            if c.check
            or (c.new is None and c.old is not None and c.old.number in unsure_old)
            or (c.old is None and c.new is not None and c.new.number in unsure_new)
        )

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {kind}" for kind, n in self.summary.items() if n)
        return f"<PlanDiff {self.old.id!r} -> {self.new.id!r}: {counts or 'no change'}>"

    def to_json_data(self) -> dict[str, Any]:
        """The JSON of ``negotrack diff --format json``: old and new version ids, a summary
        by kind, and each change's kind, numbers, similarity, confidence, matched_by, the
        curated link's note (null when none), whether a person should check the pair
        (``check``) or the change at all (``to_check``: such a pair, or a deleted or added
        point with candidates, as the reports mark "check this"), whether its options
        changed (``options_changed``) and, when either point has options, both sides' and
        those dropped and added (``options``, else null); then the ``candidates`` text
        matching left unpaired, as old and new numbers with a confidence, and the pairs
        curated links turned down (``distinct``), as old and new numbers with the link's
        note (:mod:`.diffjson`)."""
        return diff_json(self)

    def to_text(self, *, locale: str | None = None) -> str:
        """A plain-text report in ``locale`` (default English; rendered by
        :func:`negotrack.render_diff`)."""
        from negotrack.render.shared import render_diff

        return render_diff(self, format="text", locale=locale)

    def to_markdown(self, *, locale: str | None = None) -> str:
        """A Markdown report in ``locale`` (default English; rendered by
        :func:`negotrack.render_diff`)."""
        from negotrack.render.shared import render_diff

        return render_diff(self, format="md", locale=locale)

    def to_html(self, *, locale: str | None = None) -> str:
        """A self-contained HTML report in ``locale`` (default English; rendered by
        :func:`negotrack.render_diff`)."""
        from negotrack.render.shared import render_diff

        return render_diff(self, format="html", locale=locale)

    def _repr_html_(self) -> str:
        from negotrack.render.shared import repr_html

        return repr_html(self)


_PIECE: dict[ChangeKind, Piece] = {ChangeKind.SPLIT: "new", ChangeKind.MERGED: "old"}
"""Which text of a split's or merge's member is the piece (:func:`word_diff`)."""


def _word_ops(c: PointChange) -> tuple[WordOp, ...]:
    """The inline diff of a pair or piece whose texts differ (a piece against its whole)."""
    if c.old is None or c.new is None:
        return ()
    # A reworded pair's texts differ (that is how it was classified), unless its options
    # alone changed: no need to compare them otherwise.
    reworded = c.kind is ChangeKind.REWORDED and not c.options_changed
    if not reworded and same_text(c.old.text, c.new.text):
        return ()
    if not _unmeasured(c):
        # Measured already (a piece against its whole, or a pair whose similarity was
        # read first): the matching behind that, if it is at hand, serves the word diff.
        piece = _PIECE.get(c.kind)
        return word_diff(c.old.text, c.new.text, c._lazy.pop("matching", None), piece)[0]
    # A pair measured later, read for its words first (as the reports do): the word diff
    # measures the share kept in the same pass, so both texts are tokenised and their
    # words matched once for the two.
    ops, share = word_diff(c.old.text, c.new.text)
    object.__setattr__(c, "similarity", share)
    return ops


def _unmeasured(c: PointChange) -> bool:
    """Whether ``c``'s similarity is still to be measured (see ``measure_later``)."""
    try:
        object.__getattribute__(c, "similarity")  # not __getattr__, which would measure it
    except AttributeError:
        return True
    return False


class GroupFigures:
    """The figures that changed across one split or merge, each shown on one of its
    members. A piece compared with its whole alone would report as added every figure of
    the whole the other pieces brought (or, in a split, as dropped every figure the other
    pieces took), so the group's old texts are compared with its new texts together, and
    each change goes to the member whose old and new texts hold its two sides (else its
    old side, else its new side, else the first member)."""

    def __init__(self, members: list[tuple[Point, Point]], language: str | None = None) -> None:
        self._members = members
        self._language = language
        self._found: dict[tuple[str, str], tuple[FigureChange, ...]] | None = None

    def of(self, old: Point, new: Point) -> tuple[FigureChange, ...]:
        """The figure changes shown on the member ``old`` -> ``new``."""
        if self._found is None:
            self._found = self._assign()
        return self._found.get((old.number, new.number), ())

    def _assign(self) -> dict[tuple[str, str], tuple[FigureChange, ...]]:
        olds = list({id(o): o for o, _ in self._members}.values())
        news = list({id(n): n for _, n in self._members}.values())
        joined = ("\n".join(o.text for o in olds), "\n".join(n.text for n in news))
        found: dict[tuple[str, str], list[FigureChange]] = {}
        for a, b in figure_pairs(*joined, distinct=True, language=self._language):
            owner = self._members[0]
            for wanted in ((a, b), (a, None), (None, b)):
                hit = [m for m in self._members if _holds(m, wanted)]
                if hit:
                    owner = hit[0]
                    break
            found.setdefault((owner[0].number, owner[1].number), []).append(FigureChange(a, b))
        return {k: tuple(v) for k, v in found.items()}


def _holds(member: tuple[Point, Point], sides: tuple[str | None, str | None]) -> bool:
    """Whether the member's old text holds the first side and its new text the second
    (a side that is None or empty asks nothing)."""
    return all(
        not side or re.search(rf"(?<!\w){re.escape(side)}(?!\w)", point.text) is not None
        for side, point in zip(sides, member, strict=True)
    )


def _figures(c: PointChange) -> tuple[FigureChange, ...]:
    if c.old is None or c.new is None:
        return ()
    if c.group is not None:
        return c._group_figures.of(c.old, c.new) if c._group_figures is not None else ()
    edits = [op.text for op in c.words if op.op != "equal"]
    # One search over the edits, joined by a line break (no figure, month name or number
    # word spans one), not one per edit; none at all for a text kept as it was.
    if not edits or not may_hold_figure("\n".join(edits), c._language):
        return ()
    pairs = figure_pairs(c.old.text, c.new.text, language=c._language)
    return tuple(FigureChange(a, b) for a, b in pairs)
