"""YAML, safely: no object construction, bounded alias expansion, lines for error paths.

ruamel.yaml is used in two modes: ``safe`` to read dossiers into plain data (dicts, lists,
scalars; never arbitrary objects), and ``rt`` (round-trip) to find the line of a JSON path
when reporting a problem, and to write files people read and review.

The safe reads use ruamel.yaml's C parser (libyaml, from ``ruamel.yaml.clib``) when it is
installed: five times faster than the pure-Python one on a large dossier, which a scripted
status update reads twice. Which of the two reads a text is
:func:`negotrack.io.yamlparser.pure`'s choice.
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
from typing import Any

from negotrack.errors import FormatError, Problem
from negotrack.io.yamlparser import pure as _pure

__all__ = ["compose_yaml", "dump_yaml", "fold", "line_index", "load_yaml", "quote_style"]

#: Aliases may expand a document to ALIAS_FACTOR times its size plus this many characters.
ALIAS_BUDGET = 1_000_000
ALIAS_FACTOR = 10


# Plain scalars a YAML 1.1 reader (PyYAML, and most tools) would not read as text: its
# booleans (``on``, ``yes``, ``n``), numbers (``1.10``, ``010``, ``1:20``), dates
# (``2025-1-5``), null and the merge and value keys. negotrack quotes such strings so
# every reader, 1.1 or 1.2, reads the text that was meant.
_YAML11_NOT_TEXT = re.compile(
    r"""y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
    |~|null|Null|NULL|<<|=
    |[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+
    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?
    |[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
    |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}
     (?:(?:[Tt]|[\ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?
        (?:[\ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?""",
    re.VERBOSE,
)
# Characters some YAML readers take for line breaks (NEL, the Unicode line and paragraph
# separators) or that cannot stand in plain or single-quoted text: written as escapes.
_NEEDS_ESCAPES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def quote_style(data: str) -> str | None:
    """How negotrack writes the string ``data`` so that every YAML reader, 1.1 or 1.2, reads
    it back as the same text: ``'"'`` (with escapes), ``"'"``, or ``None`` when it may be
    written plain."""
    if _NEEDS_ESCAPES.search(data):
        return '"'
    if _YAML11_NOT_TEXT.fullmatch(data):
        return "'"
    return None


def _represent_str(representer: Any, data: str) -> Any:
    """A string as a scalar every YAML reader reads back as the same text."""
    return representer.represent_scalar("tag:yaml.org,2002:str", data, style=quote_style(data))


def yaml11_safe(y: Any) -> Any:
    """Make the round-trip writer ``y`` quote strings YAML 1.1 readers would misread.

    A subclass of ruamel.yaml's representer, so that no other user of ruamel.yaml in the
    process is affected.
    """
    from ruamel.yaml.representer import RoundTripRepresenter

    class Representer(RoundTripRepresenter):
        pass

    Representer.add_representer(str, _represent_str)
    y.Representer = Representer
    return y


def _yaml(typ: str, *, pure: bool = True) -> Any:
    from ruamel.yaml import YAML

    y = YAML(typ=typ, pure=pure)
    if typ == "safe":
        y.Resolver = _resolver()
    if typ == "rt":
        yaml11_safe(y)
        y.indent(mapping=2, sequence=4, offset=2)
        y.width = 100
        y.allow_unicode = True
        y.default_flow_style = False
    return y


@functools.cache
def _resolver() -> Any:
    """ruamel.yaml's resolver, reading the document's YAML version once per load (its own
    looks it up per scalar, through two exceptions on the C parser: a fifth of a load). A
    ``%YAML`` directive comes before the document, and negotrack reads one per load."""
    from ruamel.yaml.resolver import VersionedResolver

    class Resolver(VersionedResolver):
        _resolvers: Any = None

        @property
        def versioned_resolver(self) -> Any:
            if self._resolvers is None:
                self._resolvers = VersionedResolver.versioned_resolver.fget(self)  # type: ignore[attr-defined]
            return self._resolvers

    return Resolver


class _WrittenFloat(float):
    """A YAML number as written: where the file means text (a point numbered ``1.10``),
    ``str()`` gives back ``1.10``, not the float's ``1.1``."""

    written: str

    def __str__(self) -> str:
        return self.written


class _WrittenInt(int):
    """An integer as written (``012`` stays ``012`` where text is meant)."""

    written: str

    def __str__(self) -> str:
        return self.written


def _safe_yaml(*, pure: bool = True) -> Any:
    """ruamel.yaml's safe loader, keeping each number's written form for text fields; with
    ``pure=False``, on the C parser when it is installed (the constructor is Python either
    way: the C parser hands it the same nodes)."""
    from ruamel.yaml.constructor import SafeConstructor

    class Constructor(SafeConstructor):
        def construct_yaml_float(self, node: Any) -> float:
            value = _WrittenFloat(super().construct_yaml_float(node))
            value.written = node.value
            return value

        def construct_yaml_int(self, node: Any) -> int:
            value = _WrittenInt(super().construct_yaml_int(node))
            value.written = node.value
            return value

        def construct_yaml_timestamp(self, node: Any, values: Any = None) -> str:
            # A bare date is read as its text: negotrack's own date parser then reads it,
            # with its forms and its located errors ("2025-13-01" is a bad date at its
            # field, not a file that is "not valid YAML").
            return str(node.value)

    Constructor.add_constructor("tag:yaml.org,2002:float", Constructor.construct_yaml_float)
    Constructor.add_constructor("tag:yaml.org,2002:int", Constructor.construct_yaml_int)
    Constructor.add_constructor("tag:yaml.org,2002:timestamp", Constructor.construct_yaml_timestamp)
    y = _yaml("safe", pure=pure)
    y.Constructor = Constructor
    return y


def load_yaml(text: str, file: str | None = None) -> Any:
    """Plain data from YAML text; raises :class:`FormatError` with the line on bad input.

    Numbers keep their written form for fields that hold text: ``number: 1.10`` is the
    point "1.10", never "1.1".
    """
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        data = _safe_load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = _one_line(exc.problem or exc.context or "invalid YAML")
        raise FormatError(
            Problem(
                f"not valid YAML: {what}",
                "$",
                file,
                line,
                hint="check the indentation and quoting around this line",
            )
        ) from None
    except RecursionError:
        raise FormatError(Problem("the YAML document is nested too deeply", "$", file)) from None
    except (YAMLError, ValueError, TypeError) as exc:  # e.g. a bad timestamp or a tag
        raise FormatError(Problem(f"not valid YAML: {_one_line(str(exc))}", "$", file)) from None
    _check_aliases(data, text, file)
    return data


def _safe_load(text: str) -> Any:
    """The data of ``text``, read by the C parser when it is installed and may read it.

    Text the C parser refuses is read again by the pure-Python one, so that a malformed
    file is reported as it always was (the same messages, lines and paths), and what only
    libyaml refuses (an escaped surrogate, which negotrack then refuses at its path) is
    read as before.
    """
    if not _pure(text):
        with contextlib.suppress(Exception):
            return _safe_yaml(pure=False).load(text)
    return _safe_yaml().load(text)


def compose_yaml(text: str) -> Any:
    """The nodes of ``text`` as the safe load reads them, each with its place in the text
    (``start_mark`` and ``end_mark``: ``line``, ``column`` and ``index``, in characters)."""
    return _yaml("safe", pure=_pure(text)).compose(text)


def _one_line(text: str) -> str:
    """A parser's message on one line: each problem is one line of the CLI's output."""
    return " ".join(text.split())


def _check_aliases(data: Any, text: str, file: str | None) -> None:
    """Refuse documents whose aliases would expand far beyond their own size (YAML bombs).

    The size counted is what a reader of the data would handle if every alias were written
    out: the characters of every string (a long anchored string aliased 300 times counts
    300 times) and one per other value. Over ``ALIAS_FACTOR`` times the text's own size
    plus :data:`ALIAS_BUDGET`, the file is refused, naming the first place an alias repeats.
    """
    sizes: dict[int, int] = {}
    first_repeat: list[str] = []

    def size(node: Any, path: str, depth: int) -> int:
        if depth > 200:
            raise FormatError(Problem("the YAML document is nested too deeply", "$", file))
        if isinstance(node, str):
            return len(node) + 1
        if not isinstance(node, dict | list):
            return 1
        key = id(node)
        known = sizes.get(key)
        if known is not None:
            if not first_repeat and known > 1:
                first_repeat.append(path)
            return known
        sizes[key] = 0  # guards against recursive aliases
        total = 1
        if isinstance(node, dict):
            for k, v in node.items():
                total += size(k, path, depth + 1) + _aliased(v, sizes, first_repeat, path, k)
                total += size(v, f"{path}.{k}", depth + 1)
        else:
            for i, v in enumerate(node):
                total += _aliased(v, sizes, first_repeat, path, i)
                total += size(v, f"{path}[{i}]", depth + 1)
        sizes[key] = total
        return total

    expanded = size(data, "$", 0)
    if expanded > ALIAS_FACTOR * len(text) + ALIAS_BUDGET:
        where = first_repeat[0] if first_repeat else "$"
        raise FormatError(
            Problem(
                f"YAML aliases would expand this {len(text):,}-character file to about "
                f"{expanded:,} characters",
                where,
                file,
                hint="this looks like an alias bomb; write the data out instead of aliasing it",
            )
        )


def _aliased(value: Any, sizes: dict[int, int], first: list[str], path: str, at: object) -> int:
    """Note the first place a long string is reached a second time (an alias of it)."""
    if isinstance(value, str) and len(value) > 64:
        key = id(value)
        if key in sizes and not first:
            first.append(f"{path}.{at}" if isinstance(at, str) else f"{path}[{at}]")
        sizes.setdefault(key, len(value))
    return 0


def line_index(text: str) -> dict[str, int]:
    """A map from JSON paths (``$.events[3].when``) to 1-based YAML lines."""
    from ruamel.yaml.constructor import RoundTripConstructor

    class Constructor(RoundTripConstructor):
        def construct_yaml_timestamp(  # type: ignore[override]
            self, node: Any, values: Any = None
        ) -> str:
            return str(node.value)  # as the safe load reads it: a bad date has lines too

    Constructor.add_constructor("tag:yaml.org,2002:timestamp", Constructor.construct_yaml_timestamp)
    y = _yaml("rt")
    y.Constructor = Constructor
    try:
        tree = y.load(text)
    except Exception:  # the safe load already reported what is wrong
        return {}
    lines: dict[str, int] = {}
    seen: set[int] = set()  # an alias is its anchor's node: walked once (a YAML bomb is not)

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict | list):
            if id(node) in seen:
                return
            seen.add(id(node))
        lc = getattr(node, "lc", None)
        if isinstance(node, dict):
            for key, value in node.items():
                child = f"{path}.{key}"
                if lc is not None:
                    with contextlib.suppress(KeyError, TypeError):
                        lines[child] = lc.key(key)[0] + 1
                walk(value, child)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                child = f"{path}[{i}]"
                if lc is not None:
                    with contextlib.suppress(KeyError, TypeError, IndexError):
                        lines[child] = lc.item(i)[0] + 1
                walk(value, child)

    walk(tree, "$")
    return lines


def line_of(path: str, lines: dict[str, int]) -> int | None:
    """The line of ``path``, or of its nearest ancestor that has one."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            return None
        path = path[:cut]
    return None


FOLD = 88
"""Prose longer than this is written as a folded block (``>-``), in lines of at most this."""
_BREAKS = frozenset("\n\r\t\x85\u2028\u2029")
"""Characters that keep a text from being folded: YAML reads them as line breaks, or a
folded block would not keep them as written."""


def dump_yaml(data: Any) -> str:
    """YAML text people can read and review: block style, stable order, unicode kept.

    Long prose (a point's text, a summary) is written as a folded block, ``>-``, broken
    at spaces into lines of at most FOLD characters, as the seed dossiers are written by
    hand; anything else stays on one line, never wrapped. A safe update
    (:func:`negotrack.io.yamlmerge.merge_text`) keeps both as they are: a plain scalar
    wrapped over several lines would come back as one line, and a later ``negotrack status
    set`` would rewrite every such line of a file :meth:`negotrack.Dossier.save` wrote."""
    out = io.StringIO()
    y = _yaml("rt")
    y.width = 1 << 16
    y.dump(fold(data), out)
    return out.getvalue()


def fold(node: Any) -> Any:
    """``node`` with its long prose strings as folded blocks (see :func:`dump_yaml`); a safe
    update folds the prose it adds the same way."""
    if isinstance(node, dict):
        return {key: fold(value) for key, value in node.items()}
    if isinstance(node, list):
        return [fold(value) for value in node]
    if isinstance(node, str) and len(node) > FOLD:
        return _folded(node)
    return node


def _folded(text: str) -> Any:
    """``text`` as a folded block broken at single spaces, or as it is when it cannot be
    folded exactly (line breaks, tabs, double or edge spaces, unprintable characters)."""
    if not text.isprintable() or _BREAKS.intersection(text) or "  " in text or text != text.strip():
        return text
    cuts: list[int] = []
    start = 0
    while len(text) - start > FOLD:
        cut = text.rfind(" ", start, start + FOLD + 1)
        if cut <= start:  # a word longer than a line: break after it
            cut = text.find(" ", start + FOLD)
            if cut == -1:
                break
        cuts.append(cut)
        start = cut + 1
    if not cuts:
        return text
    from ruamel.yaml.scalarstring import FoldedScalarString

    block = FoldedScalarString(text)
    block.fold_pos = cuts
    return block
