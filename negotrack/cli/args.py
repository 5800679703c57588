"""The command line's arguments: the argparse parser and its help texts (each command's
examples are in :mod:`negotrack.cli.examples`).

Kept apart from :mod:`negotrack.cli.commands` (which runs the commands) so each stays readable; the
parser is built from a mapping of command names to the functions that run them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from negotrack.__about__ import __version__
from negotrack.cli.examples import EXAMPLES
from negotrack.cli.helpformat import Formatter

__all__ = ["COMMANDS", "MAIN_EPILOG", "PROG", "Runner", "build_parser", "locale_option"]

PROG = "negotrack"

Runner = Callable[[argparse.Namespace], int]
"""A command: it receives the parsed arguments and returns the exit code."""

MAIN_EPILOG = """Run 'negotrack COMMAND --help' for a command's options and examples.
Exit status: 0 ok, 1 bad input (one line per problem on stderr), 2 usage error."""


def _sub(
    subs: Any, name: str, run: Runner | None, help: str, key: str = ""
) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = subs.add_parser(
        name,
        help=help,
        description=help[:1].upper() + help[1:] + ".",
        epilog=EXAMPLES[key or name],
        formatter_class=Formatter,
    )
    p.set_defaults(run=run, command_parser=p)  # for its usage line in a usage error
    return p


def _output(p: argparse.ArgumentParser) -> None:
    """``-o``: where a rendering goes; never over a dossier (see ``cli.output.replaces``)."""
    p.add_argument(
        "-o", "--output", metavar="OUT", help="write here (atomically); '-' or none: stdout"
    )
    p.set_defaults(renders=True)


def locale_option(p: argparse.ArgumentParser, what: str = "") -> None:
    """``--locale``: the language of a rendered page's interface (every rendering command);
    ``what`` prefixes its help ("timelinejs: ") where only some of a command's outputs
    have one."""
    p.add_argument(
        "--locale",
        metavar="LANG",
        help=f"{what}the language of the page's interface: en (default), uk, ru, ar, fr, de, es",
    )


def _timeout(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="how long to wait for another writer (default 10)",
    )


def build_parser(
    commands: Mapping[str, Runner], only: str | None = None
) -> argparse.ArgumentParser:
    """The parser; ``commands`` maps each command ("validate", "status set", "status show",
    "timeline", "diff", "link", "board", ...) to the function that runs it (found as
    ``args.run``).

    ``only`` names the one top-level command to build (start-up matters for scripts that
    call ``negotrack status set`` in loops); None builds them all, for help and errors.
    """
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Track peace negotiations: rounds, plan versions, point lineage and "
        "sourced status history.",
        epilog=MAIN_EPILOG,
        formatter_class=Formatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.set_defaults(run=None)
    subs = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name, add in _COMMANDS.items():
        if only is None or only == name:
            add(subs, commands)
    return parser


def _validate(subs: Any, commands: Mapping[str, Runner]) -> None:
    p = _sub(
        subs, "validate", commands["validate"], "check a dossier file and report every problem"
    )
    p.add_argument("file", metavar="FILE", help="a .json, .yaml or .yml dossier")
    p.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (empty titles, ids with spaces, far-future dates, control "
        "characters in text) as errors",
    )


def _status(subs: Any, commands: Mapping[str, Runner]) -> None:
    status = _sub(subs, "status", None, "record or list the status of plan points")
    ssubs = status.add_subparsers(title="status commands", metavar="ACTION")
    p = _sub(ssubs, "set", commands["status set"], "record a point's new status", "status set")
    p.add_argument("file", metavar="FILE")
    p.add_argument("ref", metavar="REF", help="the point, as VERSION#NUMBER (us-28#12)")
    p.add_argument("status", metavar="STATUS", help="kept, amended, agreed, disputed, ...")
    p.add_argument("--on", required=True, metavar="DATE", help="when (2025-12-26, 2025-12, ...)")
    p.add_argument("--source", metavar="ID", help="the source it is recorded on")
    p.add_argument("--by", metavar="ID", help="the participant who said or did it")
    p.add_argument("--note", metavar="TEXT", help="context worth keeping")
    _timeout(p)
    p = _sub(ssubs, "show", commands["status show"], "list points with their status", "status show")
    p.add_argument("file", metavar="FILE")
    p.add_argument("ref", metavar="REF", nargs="?", help="one point (VERSION#NUMBER)")
    p.add_argument("--as-of", metavar="DATE", help="the status known by this date")
    p.add_argument(
        "--rule",
        choices=("settled", "possible"),
        default="settled",
        help="count an imprecise date once its interval is over (settled, the default) "
        "or once it has begun (possible)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")


def _timeline(subs: Any, commands: Mapping[str, Runner]) -> None:
    p = _sub(subs, "timeline", commands["timeline"], "render a timeline of the dossier's events")
    p.add_argument("file", metavar="FILE")
    _output(p)
    p.add_argument("--format", choices=("html", "md"), default="html")
    locale_option(p)
    p.add_argument(
        "--embed",
        action="store_true",
        help="an HTML fragment (the axis and the list, styles scoped) for another site's page",
    )
    p.add_argument("--since", metavar="DATE", help="events overlapping this date or later")
    p.add_argument("--until", metavar="DATE", help="events up to this date")
    for name, what in (
        ("kind", "event kind (round, statement, ...)"),
        ("participant", "participant id"),
        ("side", "side (US, Ukraine, ...)"),
        ("track", "track"),
        ("tag", "tag"),
    ):
        p.add_argument(
            f"--{name}", action="append", metavar=name.upper(), help=f"{what}; repeatable"
        )


def _diff(subs: Any, commands: Mapping[str, Runner]) -> None:
    p = _sub(subs, "diff", commands["diff"], "compare two versions of a plan, point by point")
    p.add_argument("file", metavar="FILE")
    p.add_argument("old", metavar="OLD", help="the older version id")
    p.add_argument("new", metavar="NEW", help="the newer version id")
    _output(p)
    p.add_argument("--format", choices=("html", "md", "text", "json"), default="html")
    locale_option(p)
    _threshold(p)


def _threshold(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--threshold",
        type=float,
        metavar="X",
        help="pair points by text at this confidence or more (above 0, at most 1; default: "
        "calibrated on the two versions)",
    )


def _link(subs: Any, commands: Mapping[str, Runner]) -> None:
    p = _sub(subs, "link", commands["link"], "pin a pair of points as curated lineage")
    p.add_argument("file", metavar="FILE")
    p.add_argument("old_ref", metavar="OLD_REF", help="VERSION#NUMBER, or a bare VERSION")
    p.add_argument("new_ref", metavar="NEW_REF", help="VERSION#NUMBER, or a bare VERSION")
    p.add_argument("--note", metavar="TEXT", help="why (kept with the link)")
    p.add_argument(
        "--distinct",
        action="store_true",
        help="turn the pair down instead: the two points are not the same point, and text"
        " matching never pairs them nor offers one for the other",
    )


def _unlink(subs: Any, commands: Mapping[str, Runner]) -> None:
    p = _sub(subs, "unlink", commands["unlink"], "remove a curated link")
    p.add_argument("file", metavar="FILE")
    p.add_argument("old_ref", metavar="OLD_REF", help="the link's old end, as written")
    p.add_argument("new_ref", metavar="NEW_REF", help="the link's new end, as written")


def _suggest_links(subs: Any, commands: Mapping[str, Runner]) -> None:
    p = _sub(
        subs,
        "suggest-links",
        commands["suggest-links"],
        "list the pairs only text matching vouches for, and the candidates it left unpaired,"
        " least sure first",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("old", metavar="OLD", help="the older version id")
    p.add_argument("new", metavar="NEW", help="the newer version id")
    p.add_argument(
        "--format",
        choices=("text", "json", "md"),
        default="text",
        help="text (default): a pair a line, for scripts; json; md: a review sheet, each pair"
        " with both texts and the command that pins it",
    )
    locale_option(p, "md: ")
    p.add_argument(
        "--min-confidence",
        type=float,
        metavar="X",
        help="only pairs at least this sure (0 to 1; default: all listed, and with --accept"
        " 0.8, the pairs the reports do not mark 'check this')",
    )
    p.add_argument(
        "--accept",
        action="store_true",
        help="pin the pairs the matcher made at --min-confidence or more as links, each split"
        " or merge whole or not at all (never the unpaired candidates: decide those with"
        " `negotrack link`)",
    )


def _export(subs: Any, commands: Mapping[str, Runner]) -> None:
    p = _sub(
        subs, "export", commands["export"], "export to TimelineJS, iCalendar, CSV or JSON Schema"
    )
    p.add_argument(
        "file", metavar="FILE", nargs="?", help="the dossier (not needed for the schema)"
    )
    p.add_argument(
        "--to", required=True, choices=("timelinejs", "ics", "csv", "json-schema"), dest="to"
    )
    _output(p)
    p.add_argument(
        "--table",
        choices=("events", "points", "status", "positions"),
        help="csv: which table (default events)",
    )
    p.add_argument("--as-of", metavar="DATE", help="csv: what was known by this date")
    p.add_argument("--excel", action="store_true", help="csv: a byte-order mark first, for Excel")
    p.add_argument("--all-events", action="store_true", help="ics: every event, not just rounds")
    p.add_argument("--kind", action="append", metavar="KIND", help="ics: these event kinds")
    locale_option(p, "timelinejs: ")


def _board(subs: Any, commands: Mapping[str, Runner]) -> None:
    p = _sub(subs, "board", commands["board"], "render the status board of a plan")
    p.add_argument("file", metavar="FILE")
    p.add_argument("plan", metavar="PLAN", nargs="?", help="the plan id (default: the first)")
    _output(p)
    p.add_argument("--format", choices=("html", "md"), default="html")
    p.add_argument("--as-of", metavar="DATE", help="statuses and positions known by this date")
    locale_option(p)
    _threshold(p)


def _site(subs: Any, commands: Mapping[str, Runner]) -> None:
    p = _sub(subs, "site", commands["site"], "write the timeline, diff reports and boards")
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "-o", "--output", metavar="DIR", required=True, help="the folder to write (created)"
    )
    locale_option(p)
    _threshold(p)


_KINDS_HELP = "participant, source, event, plan, version or point"


def _replace(subs: Any, commands: Mapping[str, Runner]) -> None:
    p = _sub(subs, "replace", commands["replace"], "correct a record: the one with its id")
    p.add_argument("file", metavar="FILE")
    p.add_argument("kind", metavar="KIND", help=_KINDS_HELP)
    p.add_argument(
        "record", metavar="RECORD", help="a .yaml or .json file of the record; '-': stdin"
    )
    p.add_argument("--version", metavar="VERSION", help="for a point: the version it is in")
    _timeout(p)


def _remove(subs: Any, commands: Mapping[str, Runner]) -> None:
    p = _sub(subs, "remove", commands["remove"], "remove a record nothing refers to")
    p.add_argument("file", metavar="FILE")
    p.add_argument("kind", metavar="KIND", help=_KINDS_HELP)
    p.add_argument("id", metavar="ID", help="its id (a point: VERSION#NUMBER)")
    _timeout(p)


def _merge(subs: Any, commands: Mapping[str, Runner]) -> None:
    p = _sub(subs, "merge", commands["merge"], "unite two dossiers, refusing conflicts")
    p.add_argument("file", metavar="FILE")
    p.add_argument("other", metavar="OTHER")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="the united dossier (.json, .yaml); none: JSON on stdout",
    )


_COMMANDS: Mapping[str, Callable[[Any, Mapping[str, Runner]], None]] = MappingProxyType(
    {
        "validate": _validate,
        "status": _status,
        "timeline": _timeline,
        "diff": _diff,
        "board": _board,
        "site": _site,
        "link": _link,
        "unlink": _unlink,
        "suggest-links": _suggest_links,
        "export": _export,
        "replace": _replace,
        "remove": _remove,
        "merge": _merge,
    }
)
COMMANDS = tuple(_COMMANDS)
"""The top-level command names."""
