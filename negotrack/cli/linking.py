"""The review loop's commands: ``negotrack link``, ``negotrack unlink`` and ``negotrack
suggest-links``.

Both change a dossier file only through :func:`negotrack.io.update.update` (locked,
validated, atomic, the person's YAML comments kept): a refused link leaves the file as it
was. ``suggest-links`` prints its listing on stdout (text or JSON, for scripts) and, with
``--accept``, what it pinned on stderr.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from types import MappingProxyType
from typing import TYPE_CHECKING

from negotrack.cli import values
from negotrack.cli.output import STDOUT, committed, emit, inert_json, note, printable
from negotrack.errors import NegotrackError

if TYPE_CHECKING:
    from negotrack.core.model import PointLink
    from negotrack.dossier.dossier import Dossier
    from negotrack.dossier.links import LinkSuggestion, Suggestions

__all__ = ["link", "suggest_links", "unlink"]

_BOTH = "OLD_REF NEW_REF"
_LINK_ARGUMENTS = MappingProxyType({"old_ref": "OLD_REF", "new_ref": "NEW_REF", "$": _BOTH})
"""How the problems of Dossier.link place a problem of its arguments (one end, or the pair
as a whole: "a link needs a point"), and how the usage line names them."""
_PLAN_LINKS = re.compile(r"\$\.plans\[\d+\]\.links")
"""Where Dossier.unlink places a link that is not there (the plan may have no ``links:``)."""


def link(args: argparse.Namespace) -> int:
    """``negotrack link FILE OLD_REF NEW_REF [--note TEXT] [--distinct]``."""
    from negotrack.io.update import update

    def change(d: Dossier) -> tuple[PointLink, list[str]]:
        pair = (args.old_ref, args.new_ref)
        had = any((k.old, k.new) == pair for plan in d.plans for k in plan.links)
        before = _made_pairs(d, args.old_ref, args.new_ref)
        made = values.arguments(
            lambda: d.link(args.old_ref, args.new_ref, note=args.note, distinct=args.distinct),
            _LINK_ARGUMENTS.get,
        )
        if had:
            return made, []
        if made.distinct:
            return made, _freed(d, made, before)
        return made, _alone(made) + _beside(d, made, args.file) + _displaced(d, made, before)

    made, beside = update(args.file, change)
    if made.distinct:
        committed(f"linked {made.old} -> {made.new} as distinct: not the same point", args.file)
    else:
        committed(f"linked {made.old} -> {made.new}", args.file)
    for line in beside:
        note(line)
    return 0


def _alone(made: PointLink) -> list[str]:
    """What a link to a bare version means, which ``linked OLD -> NEW`` does not say (a
    reader of that line may take the version for a point)."""
    from negotrack.core.refs import PointRef

    if not PointRef.names_point(made.new):
        return [f"{made.old} has no successor in {made.new}: diffs show it deleted"]
    if not PointRef.names_point(made.old):
        return [f"{made.new} has no predecessor in {made.old}: diffs show it added"]
    return []


def _beside(d: Dossier, made: PointLink, file: str) -> list[str]:
    """What the new link makes with the links already at its points: a point linked a
    second time is a split (or a merger), which a person who meant to correct the first
    link would not see in ``linked OLD -> NEW`` alone."""
    from negotrack.core.refs import PointRef
    from negotrack.views.suggestions import command_line

    said = []
    links = d.plan_of(d.link_end(made.old).id).links
    ways = (("old", "new", "to", "split"), ("new", "old", "from", "merger"))
    for mine, theirs, verb, kind in ways:
        point = getattr(made, mine)
        if not PointRef.names_point(point):
            continue
        others = [
            getattr(k, theirs)
            for k in links
            if getattr(k, mine) == point
            and not k.distinct
            and (k.old, k.new) != (made.old, made.new)
            and PointRef.names_point(getattr(k, theirs))
            and d.link_end(getattr(k, theirs)).id == d.link_end(getattr(made, theirs)).id
        ]
        if others:
            ends = " and ".join([*others, getattr(made, theirs)])
            old, new = (point, others[0]) if mine == "old" else (others[0], point)
            said.append(
                f"{point} is now linked {verb} {ends}: a {kind} (if the new link replaces "
                f"{old} -> {new}: {command_line('unlink', file, old, new)})"
            )
    return said


_HOW = MappingProxyType(
    {
        "text": "by its text",
        "split": "by its text",
        "merge": "by its text",
        "exact": "by identical text",
    }
)
"""How a pair not made by a link was made, as ``link`` says it (a key names itself)."""

Pairs = dict[str, tuple[str, float, str]]
"""Each point of two versions paired other than by a link: its first partner, the pair's
confidence and how it was made (:data:`_HOW`, or "by the key 'K'")."""


def _made_pairs(d: Dossier, old_ref: str, new_ref: str) -> Pairs | None:
    """Before (or after) a link is made: each point of the two versions ``old_ref`` and
    ``new_ref`` name that was paired other than by a link (by its text, as a piece of a
    split or merger, by a shared lineage key, or by identical text), with its first partner
    in the diff's order (as :attr:`Suggestions.taken` has it for text), the confidence and
    how; None when the ends name no two versions a link may join (the link is refused
    then, with its own message)."""
    from negotrack.core.refs import PointRef

    try:
        old, new = d.link_end(old_ref).id, d.link_end(new_ref).id
        found = d.diff(old, new)
    except NegotrackError:
        return None
    out: Pairs = {}
    for c in found.changes:
        if c.old is None or c.new is None or c.matched_by == "link":
            continue
        how = _HOW.get(c.matched_by) or f"by the key {c.old.key!r}"
        o, n = PointRef.format(old, c.old.number), PointRef.format(new, c.new.number)
        out.setdefault(o, (n, c.confidence, how))
        out.setdefault(n, (o, c.confidence, how))
    return out


def _was(point: str, partner: str, sure: float, how: str) -> str:
    """ "X was paired by its text with Y (0.99)": the confidence of a pair found by text
    (one made by a key or identical text is sure, and says how instead)."""
    from negotrack.core.confidence import cut_down

    if how == _HOW["text"]:
        return f"{point} was paired {how} with {partner} ({cut_down(sure):.2f})"
    return f"{point} was paired with {partner} {how}"


def _displaced(d: Dossier, made: PointLink, before: Pairs | None) -> list[str]:
    """What the new link took from the pairs made without a link (by text, a key or
    identical text): a pair made with either end of the link, now broken, and what became
    of the point left (unpaired, or paired anew). A person pinning a candidate would
    otherwise not see that it undid a pair the text was sure of (the review sheet shows
    each pair alone), nor a person correcting a key that the key's pair is gone."""
    if not before:
        return []
    after = _made_pairs(d, made.old, made.new) or {}
    said = []
    for end, other in ((made.old, made.new), (made.new, made.old)):
        if end not in before or before[end][0] == other:
            continue
        left = before[end][0]
        said.append(
            f"{_was(end, *before[end])}; the link takes {end}, and {left} is {_now(after, left)}"
        )
    return said


def _now(after: Pairs, point: str) -> str:
    """Where ``point`` stands after a link: "now paired with X (0.75)", "now paired with X
    by the key 'K'", or unpaired."""
    from negotrack.core.confidence import cut_down

    if point not in after:
        return "now left unpaired"
    partner, sure, how = after[point]
    if how == _HOW["text"]:
        return f"now paired with {partner} ({cut_down(sure):.2f})"
    return f"now paired with {partner} {how}"


def _freed(d: Dossier, made: PointLink, before: Pairs | None) -> list[str]:
    """What a distinct link undid: the pair made of its two points without a link (by
    text, a key or identical text), and what became of each (unpaired, or paired anew);
    nothing when they were not paired so."""
    if not before or before.get(made.old, ("",))[0] != made.new:
        return []
    after = _made_pairs(d, made.old, made.new) or {}
    said = [f"{_was(made.old, *before[made.old])}; the link takes that pair apart"]
    return said + [f"{end} is {_now(after, end)}" for end in (made.old, made.new)]


def unlink(args: argparse.Namespace) -> int:
    """``negotrack unlink FILE OLD_REF NEW_REF``: remove a curated link, as written."""
    from negotrack.io.update import update

    gone = update(args.file, lambda d: _unlink(d, args.old_ref, args.new_ref))
    committed(f"unlinked {gone.old} -> {gone.new}", args.file)
    return 0


def _unlink(d: Dossier, old_ref: str, new_ref: str) -> PointLink:
    """``d.unlink``, each problem named by its argument: an end that names nothing, and a
    link that is not there (a problem of the pair given, not of a place in the file)."""

    def pair(path: str) -> str | None:
        return _BOTH if _PLAN_LINKS.fullmatch(path) else _LINK_ARGUMENTS.get(path)

    values.found(("OLD_REF", d.link_end, old_ref), ("NEW_REF", d.link_end, new_ref))
    return values.arguments(lambda: d.unlink(old_ref, new_ref), pair)


def suggest_links(args: argparse.Namespace) -> int:
    """``negotrack suggest-links FILE OLD NEW [--format text|json|md] [--locale LANG]
    [--min-confidence X] [--accept]``."""
    from negotrack.core.confidence import cut_down

    least = values.cut("--min-confidence", args.min_confidence, zero=True) or 0.0
    locale = values.locale(args.locale, args.format, ("md",))
    d = values.load(args.file)
    values.found(("OLD", d.version, args.old), ("NEW", d.version, args.new))
    # Versions no link could join (the newer first, two plans, one version twice) are
    # refused before anything is listed: a problem of OLD, as link's of OLD_REF.
    found = values.arguments(
        lambda: d.suggest_links(args.old, args.new, min_confidence=least),
        {"old": "OLD", "new": "NEW"}.get,
    )
    if args.format == "md" and args.accept:
        # The sheet is for what is left to review: it is written after pinning (a pinned
        # pair is curated, and no longer listed), not before with commands already run.
        _accepting(args, d, found, least)
        now = values.load(args.file)
        left = now.suggest_links(args.old, args.new, min_confidence=least)
        try:
            emit(printable(_sheet(left, locale, args.file)), None)
        except OSError as exc:  # the links are saved all the same
            note(f"{STDOUT}: the sheet was not shown ({exc.strerror or exc}); the links are saved")
        if not left:
            note(_nothing(now, args.old, args.new, least))
        return 0
    if args.format == "json":
        listed = json.dumps([s.to_json_data() for s in found], ensure_ascii=False, indent=2)
    elif args.format == "md":
        listed = _sheet(found, locale, args.file)
    else:
        listed = "".join(
            f"{s.old} -> {s.new}\t{cut_down(s.confidence):.2f}\t{s.matched_by}\n" for s in found
        )
    try:
        emit(inert_json(listed) + "\n" if args.format == "json" else printable(listed), None)
    except OSError as exc:
        if not args.accept:
            raise
        # The change asked for is made all the same: a listing that could not be shown is
        # no reason to leave the file as it was (as for every command that writes one).
        note(f"{STDOUT}: the listing was not shown ({exc.strerror or exc}); accepting anyway")
    if not found and args.format != "json":  # nothing listed; the person is told why
        note(_nothing(d, args.old, args.new, least))
    if args.accept:
        _accepting(args, d, found, least)
    return 0


def _sheet(found: Suggestions, locale: str | None, file: str) -> str:
    """The review sheet of ``found`` (``--format md``), with commands for ``file``."""
    from negotrack.render.shared import default_renderer

    return default_renderer().suggestions(found, locale=locale, file=file)


def _accepting(args: argparse.Namespace, d: Dossier, found: Suggestions, least: float) -> None:
    """``--accept``: pin the pairs made at the cut given, or, given none, at CHECK_BELOW
    (and say how many were left below it, for a person to check)."""
    from negotrack.core.counts import counted

    paired = [s for s in found if s.paired]
    if args.min_confidence is not None:
        _accept(args, least, paired, lambda: _weakest(d, args.old, args.new))
        return
    # Given no cut, --accept pins only what the reports do not ask a person to check:
    # a pair marked "check this" becomes a curated link only when asked for.
    from negotrack.plandiff.changes import CHECK_BELOW

    unsure = [s for s in paired if s.confidence < CHECK_BELOW]
    paired = [s for s in paired if s.confidence >= CHECK_BELOW]
    _accept(args, CHECK_BELOW, paired, lambda: _weakest(d, args.old, args.new))
    if unsure:
        n = counted(len(unsure), "pair")
        note(
            f"not linked {n} below {CHECK_BELOW:g}, marked 'check this' in the reports: "
            "check each and pin it with `negotrack link`, or pin them all with "
            "--min-confidence 0 --accept"
        )


def _weakest(d: Dossier, old: str, new: str) -> dict[tuple[str, str], tuple[str, float]]:
    """For each piece of a split or merge text matching found, its group's least sure
    piece, as ``OLD -> NEW`` and its confidence (what holds the group back)."""
    from negotrack.core.refs import PointRef

    groups: dict[int, list[tuple[str, str, float]]] = {}
    for c in d.diff(old, new).changes:
        if c.group is not None and c.old is not None and c.new is not None:
            refs = (PointRef.format(old, c.old.number), PointRef.format(new, c.new.number))
            groups.setdefault(c.group, []).append((*refs, c.confidence))
    out: dict[tuple[str, str], tuple[str, float]] = {}
    for members in groups.values():
        a, b, sure = min(members, key=lambda m: m[2])
        out.update({(m[0], m[1]): (f"{a} -> {b}", sure) for m in members})
    return out


def _nothing(d: Dossier, old: str, new: str, least: float) -> str:
    """Why ``suggest-links`` lists nothing from ``old`` to ``new``: all it would list is
    below ``least``, or every point is paired otherwise or has no candidate."""
    from negotrack.core.counts import counted
    from negotrack.dossier.links import FOUND_BY_TEXT

    found = d.diff(old, new)
    changes = found.changes
    both = [c for c in changes if c.old is not None and c.new is not None]
    below = sum(c.matched_by in FOUND_BY_TEXT for c in both) + len(found.candidates)
    if below:
        n = counted(below, "suggestion")
        return f"nothing at --min-confidence {least:g} or more: {n} below it (0 lists every one)"
    for version, end in ((old, "old"), (new, "new")):
        if all(getattr(c, end) is None for c in changes):
            return f"nothing to pair: version {version!r} has no point"
    said = f"nothing to suggest from {old} to {new}: "
    alone = len(changes) - len(both)
    if not alone:
        return said + "every point is paired by a curated link, a key or identical text"
    pairs = f"{counted(len(both), 'pair')} made by a curated link, a key or identical text"
    rest = f"{counted(alone, 'point')} added or deleted, with no candidate to pair by text"
    return said + (f"{pairs}; {rest}" if both else rest)


def _accept(
    args: argparse.Namespace,
    least: float,
    listed: list[LinkSuggestion],
    weakest: Callable[[], dict[tuple[str, str], tuple[str, float]]],
) -> None:
    """``suggest-links --accept``: pin what the matcher paired at ``least`` or more (each
    split or merge whole, never a candidate) through the safe update, then say on stderr
    each pair linked, and each piece listed but held back with its split or merge."""
    from negotrack.core.confidence import cut_down
    from negotrack.io.update import update

    # How the cut is named: the option given, or --accept's own when none was.
    given = args.min_confidence is not None
    cut = f"--min-confidence {least:g}" if given else f"{least:g}, --accept's default cut"
    # Refused from the newer version to the older: a problem of OLD (as link's of OLD_REF).
    pinned = update(
        args.file,
        lambda d: values.arguments(
            lambda: d.accept_suggestions(args.old, args.new, min_confidence=least),
            {"old": "OLD", "new": "NEW"}.get,
        ),
    )
    for k in pinned:
        note(f"linked {k.old} -> {k.new}")
    done = {(k.old, k.new) for k in pinned}
    held = [s for s in listed if (s.old, s.new) not in done and s.matched_by in {"split", "merge"}]
    pieces = weakest() if held else {}  # another diff: only when something was held back
    for s in held:
        piece, sure = pieces.get((s.old, s.new), ("a piece", 0.0))
        note(
            f"not linked {s.old} -> {s.new}: its {s.matched_by} has {piece} at "
            f"{cut_down(sure):.2f}, below {cut} (a split or merge "
            "is linked whole or not at all)"
        )
    if not pinned:
        note("linked no pair")
