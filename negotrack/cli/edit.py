"""The correcting commands: ``negotrack replace | remove | merge``.

``replace`` and ``remove`` change a dossier file through :func:`negotrack.io.update.update`
(locked, validated, atomic, the person's YAML comments kept): a refused change leaves the
file as it was. ``merge`` writes the union of two dossiers to a third file or to stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from negotrack.cli import values
from negotrack.cli.output import committed, emit, inert_json
from negotrack.core.refs import PointRef

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier

__all__ = ["merge", "remove", "replace"]


def _read_record(kind: str, path: str) -> Any:
    """The record in ``path`` (YAML or JSON; ``-`` reads stdin), checked like a dossier's."""
    from negotrack.errors import FormatError
    from negotrack.io.record import record_from_data

    name = "<stdin>" if path == "-" else path
    text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    if path.endswith(".json"):
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise FormatError(f"not valid JSON: {exc}", file=name) from None
    else:
        from negotrack.io.yaml import load_yaml

        data = load_yaml(text, name)
    return record_from_data(kind, data, file=name)


def replace(args: argparse.Namespace) -> int:
    """``negotrack replace FILE KIND RECORD [--version V]``."""
    from negotrack.io.update import update

    kind = _kind(args.kind)
    record = _read_record(kind, args.record)
    old = update(args.file, lambda d: _replace(d, kind, record, args.version), timeout=args.timeout)
    name = getattr(old, "id", None) or PointRef.format(args.version, old.number)
    committed(f"{args.file}: replaced {args.kind} {name}", args.file)
    return 0


def remove(args: argparse.Namespace) -> int:
    """``negotrack remove FILE KIND ID``."""
    from negotrack.io.update import update

    kind = _kind(args.kind)
    update(args.file, lambda d: _remove(d, kind, args.id), timeout=args.timeout)
    committed(f"{args.file}: removed {args.kind} {args.id}", args.file)
    return 0


def _kind(kind: str) -> str:
    """The KIND argument's canonical kind, or exit 1 naming KIND (before any file is read)."""
    from negotrack.dossier.edit import kind_of

    return str(values.checked("KIND", kind_of, kind))


def _replace(d: Dossier, kind: str, record: Any, version: str | None) -> Any:
    """``d.replace``, with what names nothing in the dossier named by its argument: the
    record's id or number (RECORD), the version (--version)."""
    from negotrack.dossier.edit import find, versions_with
    from negotrack.errors import NegotrackError

    if kind == "point" and version is None:
        why = "replacing a point needs the version it is in"
        ids = versions_with(d, record.number)
        hint = " or ".join(f"--version {v}" for v in ids[:3]) or (
            f"no version has a point {record.number!r}; give --version VERSION"
        )
        raise values.Failed("--version", NegotrackError(why, hint=hint))
    if kind == "point" and version is not None:
        values.found(("--version", d.version, version))
        values.found(("RECORD", d.version(version).point, record.number))
    else:
        values.found(("RECORD", lambda id: find(d, kind, id), record.id))
    return d.replace(record, version=version)


def _remove(d: Dossier, kind: str, id: str) -> Any:
    """``d.remove``, with an ID that names nothing named as the argument."""
    from negotrack.dossier.edit import find

    values.found(("ID", lambda value: find(d, kind, value), id))
    return d.remove(kind, id)


def merge(args: argparse.Namespace) -> int:
    """``negotrack merge A B [-o OUT]``: the union of two dossiers."""
    from negotrack.dossier.merge import merge as unite
    from negotrack.io.storage import dumps, save

    united = unite(values.load(args.file), values.load(args.other), names=(args.file, args.other))
    if args.output is None or args.output == "-":
        emit(inert_json(dumps(united, "json")), None)
    else:
        save(united, args.output)
        from negotrack.core.counts import counted

        events = counted(len(united.events), "event")
        committed(f"{args.output}: {events} from {args.file} and {args.other}", args.output)
    return 0
