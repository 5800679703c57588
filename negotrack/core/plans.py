"""Plans as the model records them: a plan in its versions, each version's numbered
points, and curated lineage links between points of different versions.

Re-exported by :mod:`negotrack.core.model` with the other record classes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from negotrack.core.dates import Moment, to_moment
from negotrack.core.fields import doc, strs
from negotrack.core.keywords import each, keywords
from negotrack.core.kinds import Status, _status
from negotrack.core.refs import PointRef
from negotrack.errors import DossierError, UnknownReference, did_you_mean

__all__ = ["Plan", "PlanVersion", "Point", "PointLink"]


def _flag_ok(_: Any, field: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise DossierError(
            f"expected true or false, found {value!r}",
            path=f"$.{field.name}",
        )


def _number_ok(_: Any, __: Any, value: str) -> None:
    why = PointRef.problem("point number", value)
    if why is not None or not value.strip():
        raise DossierError(
            why or "a point number cannot be empty",
            path="$.number",
            hint="'#' separates a version from a point number in references: renumber it"
            if why
            else "a reference names a point by its number (VERSION#NUMBER)",
        )


@keywords
@attrs.frozen
class Point:
    """One numbered point of a plan version.

    ``key`` is a lineage id shared by the same point across versions, however renumbered
    (where two versions share keys, a diff never pairs two points of different keys by
    their text);
    ``options`` holds alternative wordings (bracketed text); ``status`` is the point's
    status when its version was tabled (later changes live in the dossier's status log).
    """

    number: str = attrs.field(
        converter=str, validator=_number_ok, metadata=doc("number", "As printed: 12, 21b.")
    )
    text: str = attrs.field(metadata=doc("text", "What the point says."))
    key: str | None = attrs.field(
        default=None,
        metadata=doc("text", "A lineage id shared by the same point across versions."),
    )
    topic: str | None = attrs.field(default=None, metadata=doc("text", "A topic for grouping."))
    options: tuple[str, ...] = attrs.field(
        default=(), converter=strs, metadata=doc("texts", "Alternative wordings still open.")
    )
    notes: str | None = attrs.field(default=None, metadata=doc("text", "Free notes."))
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=strs, metadata=doc("ids", "Source ids.")
    )
    status: Status = attrs.field(
        default=Status.PROPOSED,
        converter=_status,
        metadata=doc(Status, "The status as tabled; later changes go in status_log."),
    )


def _points(value: Iterable[Any]) -> tuple[Point, ...]:
    return each(Point, value)


@keywords
@attrs.frozen
class PlanVersion:
    """One version of a plan: its points in reading order, and what it derives from."""

    id: str = attrs.field(metadata=doc("id", "Unique in the whole dossier."))
    label: str = attrs.field(metadata=doc("text", "How readers name this version."))
    date: Moment = attrs.field(converter=to_moment, metadata=doc("date", "When it was tabled."))
    points: tuple[Point, ...] = attrs.field(
        default=(), converter=_points, metadata=doc(Point, "The points in reading order.")
    )
    derived_from: tuple[str, ...] = attrs.field(
        default=(), converter=strs, metadata=doc("ids", "Version ids this one derives from.")
    )
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=strs, metadata=doc("ids", "Source ids.")
    )
    side: str | None = attrs.field(default=None, metadata=doc("text", "Who drafted it."))
    summary: str | None = attrs.field(default=None, metadata=doc("text", "What it is."))
    _index: dict[str, Point] = attrs.field(
        init=False, repr=False, eq=False, hash=False, alias="_index"
    )

    @_index.default
    def _build_index(self) -> dict[str, Point]:
        return {p.number: p for p in self.points}

    def point(self, number: str | int) -> Point:
        """The point numbered ``number``; raises :class:`UnknownReference` with a hint."""
        found = self._index.get(str(number))
        if found is None:
            raise UnknownReference(
                f"version {self.id!r} has no point {str(number)!r}",
                hint=did_you_mean(str(number), self._index) or f"it has {len(self.points)}",
            )
        return found

    def __contains__(self, number: object) -> bool:
        return str(number) in self._index

    def _repr_html_(self) -> str:
        """The notebook display: its points in reading order (rendered by negotrack.render)."""
        from negotrack.render.shared import repr_html

        html: str = repr_html(self)
        return html


@keywords
@attrs.frozen
class PointLink:
    """Curated lineage: ``old`` (``VERSION#NUMBER``) became ``new``. Curated links win
    over keys and text matching; one old point linked to two new ones is a split. A bare
    version id on one side says the point has no counterpart there: "no successor"
    (``new`` is a version) or "no predecessor" (``old`` is).

    A ``distinct`` link says the opposite of a pair: ``old`` did *not* become ``new`` (a
    candidate a person turned down). Text matching never pairs the two nor offers one for
    the other, and goes on looking for each one's counterpart among the other points."""

    old: str = attrs.field(
        metadata=doc(
            "end", "The older point, VERSION#NUMBER; or a bare VERSION: the new one has none."
        )
    )
    new: str = attrs.field(
        metadata=doc(
            "end", "The newer point, VERSION#NUMBER; or a bare VERSION: the old one has none."
        )
    )
    note: str | None = attrs.field(
        default=None,
        metadata=doc("text", "Why these are the same point (or, if distinct, why not)."),
    )
    distinct: bool = attrs.field(
        default=False,
        validator=_flag_ok,
        metadata=doc(
            "flag",
            "true: the two points are not the same point; text matching never pairs them"
            " nor offers one for the other. Both ends name points.",
        ),
    )


def _versions(value: Iterable[Any]) -> tuple[PlanVersion, ...]:
    return each(PlanVersion, value)


def _links(value: Iterable[Any] | None) -> tuple[PointLink, ...]:
    if not value:
        return ()
    return each(PointLink, value)


@keywords
@attrs.frozen
class Plan:
    """A plan in its versions, plus curated lineage links between their points."""

    id: str = attrs.field(metadata=doc("id", "Unique among plans."))
    title: str = attrs.field(metadata=doc("text", "The plan's title."))
    versions: tuple[PlanVersion, ...] = attrs.field(
        default=(), converter=_versions, metadata=doc(PlanVersion, "The versions, in order.")
    )
    links: tuple[PointLink, ...] = attrs.field(
        default=(), converter=_links, metadata=doc(PointLink, "Curated lineage between points.")
    )
    summary: str | None = attrs.field(default=None, metadata=doc("text", "What it is."))

    def version(self, id: str) -> PlanVersion:
        """The version with this id; raises :class:`UnknownReference` with a hint."""
        for v in self.versions:
            if v.id == id:
                return v
        raise UnknownReference(
            f"plan {self.id!r} has no version {id!r}",
            hint=did_you_mean(id, [v.id for v in self.versions]),
        )

    def _repr_html_(self) -> str:
        """The notebook display: its versions and curated links (rendered by
        negotrack.render)."""
        from negotrack.render.shared import repr_html

        html: str = repr_html(self)
        return html
