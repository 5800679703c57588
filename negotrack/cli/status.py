"""The status commands: ``negotrack status set`` records a point's new status through the
safe update; ``negotrack status show`` lists points with their status, now or as of a date,
with each answer's doubts (text or JSON)."""

from __future__ import annotations

import argparse
import json
import sys
from itertools import pairwise
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from negotrack.cli import values
from negotrack.cli.output import columns, committed, emit, inert_json, visible

if TYPE_CHECKING:
    from negotrack.core.dates import Moment
    from negotrack.core.model import Status, StatusChange
    from negotrack.dossier.dossier import AsOfRule, Dossier

__all__ = ["status_set", "status_show"]


def status_set(args: argparse.Namespace) -> int:
    """``negotrack status set FILE REF STATUS --on DATE [--source ID] [--by ID] [--note TEXT]``."""
    from negotrack.core.model import Status
    from negotrack.io.update import update

    status = values.checked("STATUS", Status.coerce, args.status)
    on = values.moment("--on", args.on)
    change = update(args.file, lambda d: _record(d, args, status, on), timeout=args.timeout)
    word = f"source {change.source}" if change.source else f"by {change.by}"
    if change.source and change.by:
        word += f", by {change.by}"
    committed(f"{change.ref}: {change.status.value} on {change.on.isoformat()} ({word})", args.file)
    return 0


_NEITHER = "--source, --by"
"""How ``status set`` names a change with neither a source nor a participant."""
_FIELDS = MappingProxyType({"status": "STATUS", "on": "--on", "source": "--source", "by": "--by"})
"""A status change's fields, as ``status set`` names the values it takes for them."""


def _record(d: Dossier, args: argparse.Namespace, status: Status, on: Moment) -> StatusChange:
    """``d.set_status`` with the command line's values, each problem with one of them named
    by its argument: the change is not in the file, so its place there (the next
    ``$.status_log[N]``) would point at nothing; a REF that names nothing is REF's."""
    from negotrack.errors import NegotrackError

    values.found(("REF", d.resolve, args.ref))
    entry = f"$.status_log[{len(d.status_log)}]"

    def name(path: str) -> str | None:
        if path == entry:  # neither a source nor a participant
            return _NEITHER
        return _FIELDS.get(path[len(entry) + 1 :]) if path.startswith(entry + ".") else None

    try:
        return values.arguments(
            lambda: d.set_status(
                args.ref, status, on=on, source=args.source, by=args.by, note=args.note
            ),
            name,
        )
    except values.Failed as exc:  # the file's own hint says what to write in it (source: ID)
        hint = "give --source ID, or --by ID for an on-record word"
        told = [attrs.evolve(p, hint=hint) if p.path == _NEITHER else p for p in exc.error.problems]
        raise values.Failed("", NegotrackError(told)) from None


def _current(d: Dossier, ref: str, as_of: Any, rule: AsOfRule) -> dict[str, Any]:
    """The status of ``ref`` as of ``as_of`` with the change that set it (and since when),
    and whether the answer depends on an order or a date the record leaves open."""
    report = d.status_report(ref, as_of, rule=rule)
    certainty = {"certain": report.certain, "possible": [s.value for s in report.possible]}
    if report.change is None:
        none = {"status": None, "since": None, "source": None, "by": None, "note": None}
        return {"ref": report.ref, **none, **certainty, "report": report}
    counted = d.history(ref, as_of, rule=rule)
    last = report.change
    start = last
    for c in reversed(counted[: counted.index(last) + 1]):
        if c.status is not last.status:
            break
        start = c
    return {
        "ref": last.ref,
        "status": last.status.value,
        "since": start.on.isoformat(),
        "since_display": start.on.display(),
        "source": start.source,
        "by": start.by,
        "note": start.note,
        **certainty,
        "report": report,
    }


def _marks(d: Dossier, ref: str, as_of: Any, rule: AsOfRule) -> list[tuple[Any, str]]:
    """The point's history, each entry with how it stands against ``as_of``."""
    from negotrack.dossier.asof import mark_history

    if as_of is None:
        return [(c, "") for c in d.history(ref)]
    report = d.status_report(ref, as_of, rule=rule)
    return mark_history(d.history(ref), d.history(ref, as_of, rule=rule), report)


def status_show(args: argparse.Namespace) -> int:
    """``negotrack status show FILE [REF] [--as-of DATE] [--rule R] [--format text|json]``."""

    d = values.load(args.file)
    if args.ref:
        values.found(("REF", d.resolve, args.ref))
    as_of = values.moment("--as-of", args.as_of)
    refs = [args.ref] if args.ref else d.refs()
    rows = [_current(d, ref, as_of, args.rule) for ref in refs]
    hidden = ("since_display", "report")
    if args.format == "json":
        data: dict[str, Any] = {
            "file": args.file,
            "as_of": as_of.isoformat() if as_of is not None else None,
            "points": [{k: v for k, v in r.items() if k not in hidden} for r in rows],
        }
        if args.ref:
            data["history"] = [
                {
                    "status": c.status.value,
                    "on": c.on.isoformat(),
                    "source": c.source,
                    "by": c.by,
                    "note": c.note,
                    **({"as_of": mark or "counts"} if as_of is not None else {}),
                }
                for c, mark in _marks(d, args.ref, as_of, args.rule)
            ]
        emit(inert_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n", None)
        return 0
    table: list[tuple[str, ...]] = [("point", "status", "since", "source")]
    for r in rows:
        who = r["source"] or (f"by {r['by']}" if r["by"] else "")
        if r["source"] and r["by"]:
            who += f" (by {r['by']})"
        if r["status"] is None:
            table.append((r["ref"], "-" if r["certain"] else "-?", "not yet tabled", ""))
        else:
            status = r["status"] if r["certain"] else r["status"] + "?"
            table.append((r["ref"], status, r["since_display"], who))
    lines = columns(table, sys.stdout)
    doubts = [f"? {visible(str(r['report']))}" for r in rows if not r["certain"]]
    if doubts:
        lines += ["", *doubts]
    if args.ref:
        lines.append("")
        lines.append("history:")
        marks = _marks(d, args.ref, as_of, args.rule)
        width = max([24, *(len(c.on.display()) for c, _ in marks)])
        for c, mark in marks:
            extra = "; ".join(
                x for x in (f"source {c.source}" if c.source else "", c.by or "", c.note or "") if x
            )
            if mark:
                extra = f"{extra} [{mark}]" if extra else f"[{mark}]"
            lines.append(
                f"  {c.on.display():<{width}} {c.status.value:<10} {visible(extra)}".rstrip()
            )
        shown = [c.on.local_start for c, _ in marks]
        if any(a > b for a, b in pairwise(shown)):  # times in zones apart
            lines.append("  (in the order they happened; each time is in its own zone)")
    if as_of is not None:
        lines.append(f"(as of {as_of.display()}, rule: {args.rule})")
    emit("\n".join(lines) + "\n", None)
    return 0
