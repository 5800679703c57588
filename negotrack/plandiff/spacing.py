"""Texts the same up to spacing: what the exact-text stage pairs, and what a change reads as
kept word for word (:mod:`negotrack.plandiff.align`, :mod:`negotrack.plandiff.changes`)."""

from __future__ import annotations

from negotrack.core.model import Point

__all__ = ["collapsed", "same_pair_text", "same_text"]


def collapsed(text: str) -> str:
    """``text`` with its spaces collapsed (one space between words, none at the ends).

    Most texts are so already: a printable text (every white space but " " is a control
    character or a separator, which are not printable) without two spaces in a row and
    without a space at either end is returned as is, without splitting it."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def same_text(a: str, b: str) -> bool:
    """Whether two texts are the same up to spacing."""
    return a == b or collapsed(a) == collapsed(b)


def same_pair_text(o: Point, n: Point, via: str) -> bool:
    """Whether a pair's texts are the same up to spacing (:func:`same_text`), known without
    reading them for a pair matched by its exact text (always) or by text similarity
    (never: texts the same up to spacing are all paired before text matching, so no such
    pair of points is left to it)."""
    if via == "exact":
        return True
    if via == "text":
        return False
    return same_text(o.text, n.text)
