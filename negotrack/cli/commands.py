"""The command line: ``negotrack timeline | diff | export``, and the other commands from their
modules (``validate`` in :mod:`negotrack.cli.checking`, ``status`` in
:mod:`negotrack.cli.status`, ``link | unlink | suggest-links`` in :mod:`negotrack.cli.linking`,
``board | site`` in :mod:`negotrack.cli.publishing`, ``replace | remove | merge`` in
:mod:`negotrack.cli.edit`).

Exit codes: 0 success, 1 bad input (one line per problem on stderr, naming the file and the
place in it), 2 a usage error (argparse's own message), 70 an internal error (a bug, reported
in one line; ``NEGOTRACK_DEBUG=1`` shows its traceback). No traceback reaches a user for bad
input: every :class:`~negotrack.NegotrackError` and every ``OSError`` is turned into lines.

Start-up is part of the product (scripts call ``negotrack status set`` in loops), so each
subcommand imports what it needs when it runs: the renderer, the diff engine, the exports
and ruamel.yaml are never loaded by a command that does not use them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from functools import partial
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from negotrack.cli import checking, edit, linking, publishing, status, values
from negotrack.cli.args import COMMANDS, PROG, build_parser
from negotrack.cli.output import (
    emit,
    error,
    inert_json,
    note,
    printable,
    replaces,
    undecodable,
    visible,
)
from negotrack.cli.problems import given, lined
from negotrack.core.collector import collector_paused
from negotrack.errors import NegotrackError

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    # Build only the command asked for: the full parser is for help and usage errors.
    parser = build_parser(_RUNNERS, argv[0] if argv and argv[0] in COMMANDS else None)
    try:
        args = _parse(parser, argv)
    except SystemExit as exc:  # --help, --version (0) or a usage error (2)
        return _printed(exc.code if isinstance(exc.code, int) else 2)
    if args.run is None:  # no command, or ``status`` without its action
        own = getattr(args, "command_parser", None) or parser
        own.print_usage(sys.stderr)
        note(f"{own.prog}: error: choose a command (see '{own.prog} --help')")
        return 2
    # A command builds thousands of small objects and few cycles, and ends soon: the
    # cyclic collector would only cost time (it is back on for in-process callers).
    with collector_paused():
        return _run(args)


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """``argv`` parsed; an argument the command does not take is a usage error of that
    command, with its usage line (argparse reports it with the top-level usage)."""
    args, extras = parser.parse_known_args(argv)
    if extras:
        own = getattr(args, "command_parser", None) if argv[0] in COMMANDS else None
        (own or parser).error(_unknown(own or parser, extras))
    return args


def _unknown(parser: argparse.ArgumentParser, extras: list[str]) -> str:
    """What is wrong with ``extras``: each option ``parser`` does not know, with the one it
    most resembles, or one it knows given after ``--``; else the surplus arguments."""
    from difflib import get_close_matches

    options = [a for a in extras if a.startswith("-") and a != "-"]
    if not options:
        return f"unrecognized arguments: {visible(' '.join(extras))}"
    known = list(parser._option_string_actions)
    said = []
    for option in options:
        name = option.split("=", 1)[0]
        if name in known:  # an option the command takes is left over only after "--"
            said.append(
                f"{visible(name)} comes after '--', which ends the options: put it before '--'"
            )
            continue
        close = get_close_matches(name, known, n=1)
        said.append(
            f"unknown option {visible(name)}" + (f" (did you mean {close[0]}?)" if close else "")
        )
    return "; ".join(said)


def _printed(code: int) -> int:
    """``code``, once what argparse printed (help, the version) has reached stdout: a
    reader gone is fine, a stdout that cannot take it is exit 1."""
    if code != 0 or sys.stdout is None:  # a usage error, or help that went to stderr
        return code
    try:
        emit("", None)
    except OSError as exc:
        error(f"{exc.filename}: {exc.strerror}")
        return 1
    return code


def _run(args: argparse.Namespace) -> int:
    """Run the parsed command; every failure becomes lines on stderr and an exit code."""
    file = getattr(args, "file", None)
    bad = undecodable(args)
    if bad is not None:
        error(f"{bad}: not UTF-8 text (check the terminal's or the script's encoding)")
        return 1
    clobbered = replaces(file, args.output) if getattr(args, "renders", False) else None
    if clobbered is not None:
        error(f"{args.output}: {clobbered}")
        return 1
    try:
        return int(args.run(args))
    except values.Failed as exc:
        for p in lined(exc.error, file):
            option = exc.option or p.path
            if option.startswith("$"):
                error(str(p.at(file)))
            else:
                where = f"{file}: " if file is not None else ""
                said = given(args, option, exc.value)
                error(f"{where}{said}: {p.message}" + (f" ({p.hint})" if p.hint else ""))
        return 1
    except NegotrackError as exc:
        for p in lined(exc, file):
            error(str(p.at(file)))
        return 1
    except OSError as exc:
        name = exc.filename if exc.filename is not None else file
        error(f"{name}: {exc.strerror or exc}" if name else str(exc))
        return 1
    except KeyboardInterrupt:
        return 130
    except RecursionError:  # a parser recursing through absurdly nested input
        error(f"{file}: $: the document is nested too deeply to read")
        return 1
    except Exception as exc:  # a bug: say so in one line, unless debugging
        if os.environ.get("NEGOTRACK_DEBUG"):
            raise
        error(
            f"{PROG}: internal error ({type(exc).__name__}: {exc}); please report it, with "
            "the input, at the project's issue tracker (NEGOTRACK_DEBUG=1 shows the traceback)"
        )
        return 70  # EX_SOFTWARE


# -- timeline, diff --------------------------------------------------------------------


def _timeline(args: argparse.Namespace) -> int:
    from negotrack.core.model import EventKind
    from negotrack.dossier.selection import EventFilter
    from negotrack.render.shared import render_timeline

    d = values.load(args.file)
    locale = values.locale(args.locale)
    filters: dict[str, Any] = {}
    for name in ("kind", "participant", "side", "track", "tag"):
        value = getattr(args, name)
        if value:
            filters[name] = value
    filters["since"] = values.moment("--since", args.since)
    filters["until"] = values.moment("--until", args.until)
    if "kind" in filters:
        filters["kind"] = [values.checked("--kind", EventKind.coerce, k) for k in filters["kind"]]
    _check_filters(d, filters)
    chosen = EventFilter(**filters)
    emit(
        render_timeline(d, args.format, select=chosen, embed=args.embed, locale=locale),
        args.output,
    )
    return 0


def _check_filters(d: Dossier, filters: dict[str, Any]) -> None:
    """Each participant, side, track and tag as the dossier spells it, or exit 1 with a
    suggestion: a misspelt filter must not publish an empty page."""
    from negotrack.dossier.selection import known

    if "participant" in filters:
        find = d.find_participant
        filters["participant"] = [
            values.checked("--participant", find, w).id for w in filters["participant"]
        ]
    for name in ("side", "track", "tag"):
        if name in filters:
            filters[name] = values.checked(f"--{name}", partial(known, d, name), filters[name])


def _diff(args: argparse.Namespace) -> int:
    locale = values.locale(args.locale, args.format, ("html", "md", "text"))
    threshold = values.cut("--threshold", args.threshold, zero=False)
    d = values.load(args.file)
    values.found(("OLD", d.version, args.old), ("NEW", d.version, args.new))
    plan_diff = d.diff(args.old, args.new, threshold=threshold)
    if args.format == "json":
        text = inert_json(json.dumps(plan_diff.to_json_data(), ensure_ascii=False, indent=2))
        text += "\n"
    else:
        from negotrack.render.shared import render_diff

        text = render_diff(plan_diff, args.format, locale=locale, content_lang=d.language)
        if args.format == "text":
            text = printable(text)
    emit(text, args.output)
    return 0


# -- export ----------------------------------------------------------------------------


def _format_options(args: argparse.Namespace) -> tuple[tuple[str, object, str], ...]:
    """The options of one export format: each with whether it was given, and its format."""
    return (
        ("--table", args.table, "csv"),
        ("--excel", args.excel, "csv"),
        ("--as-of", args.as_of, "csv"),
        ("--all-events", args.all_events, "ics"),
        ("--kind", args.kind, "ics"),
        ("--locale", args.locale, "timelinejs"),
    )


def _export(args: argparse.Namespace) -> int:
    for option, value, to in _format_options(args):
        if value and args.to != to:
            raise values.Failed(option, NegotrackError(f"applies to --to {to}, not --to {args.to}"))
    if args.to == "json-schema":
        from negotrack.io.schema import json_schema

        emit(json.dumps(json_schema(), indent=2) + "\n", args.output)
        return 0
    if args.file is None:
        raise values.Failed("FILE", NegotrackError(f"--to {args.to} needs a dossier file"))
    from negotrack.export import formats as export

    locale = values.locale(args.locale)
    d = values.load(args.file)
    if args.to == "timelinejs":
        text = inert_json(export.to_timelinejs(d, locale=locale))
    elif args.to == "ics":
        from datetime import UTC, datetime

        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        stamp = datetime.fromtimestamp(int(epoch), UTC) if epoch and epoch.isdigit() else None
        kinds = None
        if args.kind:
            from negotrack.core.model import EventKind

            kinds = [values.checked("--kind", EventKind.coerce, k) for k in args.kind]
        text = export.to_ics(d, all_events=args.all_events, kinds=kinds, stamp=stamp)
        if "BEGIN:VEVENT" not in text:
            exported = (
                "events" if args.all_events else "events of these kinds" if kinds else "rounds"
            )
            note(
                f"{args.file}: no {exported} to export: the calendar is empty "
                "(--all-events exports every event, --kind KIND those of a kind)"
            )
    else:
        as_of = values.moment("--as-of", args.as_of)
        text = export.to_csv(d, args.table or "events", as_of=as_of, bom=args.excel)
    emit(text, args.output)
    return 0


_RUNNERS = MappingProxyType(
    {
        "validate": checking.validate,
        "status set": status.status_set,
        "status show": status.status_show,
        "timeline": _timeline,
        "diff": _diff,
        "link": linking.link,
        "unlink": linking.unlink,
        "suggest-links": linking.suggest_links,
        "export": _export,
        "board": publishing.board,
        "site": publishing.site,
        "replace": edit.replace,
        "remove": edit.remove,
        "merge": edit.merge,
    }
)
