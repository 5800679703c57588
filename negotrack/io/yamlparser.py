"""Which parser reads a YAML text: ruamel.yaml's C parser (libyaml, from
``ruamel.yaml.clib``), five times faster, or its pure-Python one.

The C parser is taken when it is installed and reads the text as the pure one would. Its
composer recurses on the C stack, so a document nested tens of thousands of levels deep
would crash the interpreter instead of raising: a document that may be nested deeper than
:data:`C_DEPTH` goes to the pure parser (:func:`shallow`), which refuses it with a located
error. So does text the two read differently (:data:`_DIFFERENT`).
"""

from __future__ import annotations

import re

__all__ = ["C_DEPTH", "pure", "shallow"]

C_DEPTH = 256
"""The deepest nesting read with the C parser. Deeper documents are refused anyway (the
alias check allows 200 levels), but by the pure-Python parser, which raises where the C
one would overflow its stack."""


def pure(text: str) -> bool:
    """Whether ``text`` is for the pure-Python parser: when it names its YAML version (the
    C parser reads by YAML 1.2's rules whatever ``%YAML 1.1`` says, and ``yes`` would
    be text there but true here), holds what the two parsers read differently, or may be
    nested too deeply for the C parser."""
    return _DIFFERENT.search(text) is not None or not shallow(text)


_DIFFERENT = re.compile(
    r"^%YAML|^(?:---[ \t]+)?[|>]|[\x85\u2028\u2029\ufeff]|\r(?!\n)|(?:^|[\s\[{,?:-])(?:!|&\S)",
    re.MULTILINE,
)
"""What the C parser (YAML 1.1's libyaml) reads otherwise than the pure one, found by
comparing the two on generated text: a version directive; NEL, U+2028 and U+2029, line
breaks to YAML 1.1 but not always to 1.2 (pasted text brings them: ``- a<NEL>- b`` is two
items to one, one to the other); a carriage return alone (a block scalar after it reads
empty); a block scalar at the top level (``|`` at a line's start: a line of it that
starts with ``#`` is text to one, a comment to the other); a byte-order mark, which the C
parser drops anywhere; a tag (a bare ``!`` reads as
null to one and as empty text to the other); and an anchor (``&a:`` is null to one, a
mapping to the other). Text the pure parser refuses but the C one reads (a tab after a
value) is read as the C parser reads it."""


def shallow(text: str) -> bool:
    """Whether ``text`` is surely nested at most :data:`C_DEPTH` levels deep, so that the C
    parser may read it; False too when the C parser is not installed.

    First a bound from characters alone, enough for any dossier negotrack writes: every
    flow collection opens with a ``[`` or ``{`` (a ``[`` may also hold a one-pair mapping),
    and block collections nest only by indentation, at most two levels (a mapping and its
    key's indentless list) per column of the indicators (``- ``, ``? ``, ``: ``) and spaces
    a line starts with. Past that bound, the C parser's events are counted: its parser
    keeps its state on the heap, only its composer recurses, and the count stops at the
    first event too deep (or the first error, where the composer would stop too).
    """
    from ruamel.yaml.main import CParser  # type: ignore[attr-defined]  # None without clib

    if CParser is None:
        return False
    lead = max(map(len, _LEADS.findall(text)), default=0)
    if 2 * (lead + 2) + 2 * text.count("[") + text.count("{") <= C_DEPTH:
        return True
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent

    parser = CParser(text)
    depth = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > C_DEPTH:
                    return False
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except Exception:  # the load reports it (the C one stops at the same place)
        pass
    finally:
        parser.dispose()
    return True


_LEADS = re.compile(r"^[ \t?:-]*", re.MULTILINE)
"""What a line starts with before its first scalar, tag, anchor or flow collection."""
