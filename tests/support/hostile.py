"""A corpus of hostile strings, and a dossier with one in every string field.

The strings try every way user text has broken HTML pages: script tags, event handlers,
``javascript:``/``data:``/``vbscript:`` URLs, SVG and MathML, broken quotes and comments,
Jinja and other template syntax (``{{ 7*7 }}``), mixed scripts and bidirectional overrides,
control characters (no NUL: YAML and HTML cannot carry it) and very long strings. They are
built from a list of payloads crossed with the contexts they try to escape from, so the
corpus is large (``len(HOSTILE) >= 150``) and every payload meets every context.

``hostile_dossier()`` puts them in every string field the model has: ids, names, titles,
summaries, locations, tags, tracks, sides, roles, aliases, notes, URLs, quotes, plan and
version labels, point numbers, keys, topics, texts, options and log notes.
"""

from __future__ import annotations

import itertools

import attrs

import negotrack as nt

__all__ = ["HOSTILE", "URLS", "hostile_dossier"]

_PAYLOADS = (
    "<script>alert(1)</script>",
    "<script>window.__pwned.push('script')</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<img src=x onerror=\"window.__pwned.push('img')\">",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="data:text/html,<script>alert(1)</script>"></object>',
    '<embed src="javascript:alert(1)">',
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    "<input autofocus onfocus=alert(1)>",
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<style>body{display:none}</style>",
    "</style><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "'><script>alert(1)</script>",
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    '" autofocus onfocus="alert(1)" x="',
    "` onmouseover=alert(1) `",
    "<!-- <script>alert(1)</script> -->",
    "--><script>alert(1)</script><!--",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<!DOCTYPE html><html><body onload=alert(1)>",
    "{{ 7*7 }}",
    "{{ config.__class__.__init__.__globals__ }}",
    "{% for x in range(9) %}x{% endfor %}",
    "{# comment #}",
    "{%- raw -%}{{ 7*7 }}{%- endraw -%}",
    "${7*7}",
    "#{7*7}",
    "<%= 7*7 %>",
    "[link](javascript:alert(1))",
    '![img](x "onerror=alert(1)")',
    "**bold** _em_ `code` # heading | table |",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "\u202eevil\u202c text \u2066isolated\u2069",
    "Зеленський — Zelensky — زيلينسكي — 泽连斯基 — זלנסקי",
    "مرحبا <b>عالم</b> שלום",
    "a\u0301\u0302\u0303 combining marks \u200b\u200d zero-width",
    "tab\there\u000bvertical\u000cform\u0001\u0002\u001f\u007f controls",
    "line one\nline two\r\nline three",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "x" * 10_000,
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "\U0001f4a3 emoji <b>bold</b> \U0001f1fa\U0001f1e6",
)

_CONTEXTS = ("{}", "before {} after", "{}\"'<>&", "<b>{}</b>")

HOSTILE: tuple[str, ...] = tuple(
    dict.fromkeys(
        c.format(p) if len(p) < 1000 else p for c, p in itertools.product(_CONTEXTS, _PAYLOADS)
    )
)
"""At least 150 distinct hostile strings."""

URLS: tuple[str, ...] = (
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/x",
    'https://example.org/"onmouseover="alert(1)',
    "https://example.org/'><script>alert(1)</script>",
    "mailto:someone@example.org?subject=<script>alert(1)</script>",
    "http://example.org/?q={{ 7*7 }}",
)
"""Source URLs: the first ten must never become links; the last four are safe schemes."""


def _pick(i: int) -> str:
    return HOSTILE[i % len(HOSTILE)]


def _id(i: int) -> str:
    # Distinct, and free of '#', which separates a version from a point in references.
    return _pick(i).replace("#", "no.") + f" ·{i}"


def hostile_dossier(n_events: int | None = None) -> nt.Dossier:
    """A valid dossier whose every string field holds hostile text (all of HOSTILE appears)."""
    n = len(HOSTILE) if n_events is None else n_events
    sides = [_pick(i + 3) for i in range(4)]
    participants = [
        nt.Participant(
            id=_id(i),
            name=_pick(i + 1),
            kind="person",
            side=sides[i % 4],
            role=_pick(i + 5),
            aliases=[_pick(i + 7)],
            notes=_pick(i + 9),
        )
        for i in range(12)
    ]
    sources = [
        nt.Source(
            id=_id(100 + i),
            title=_pick(i + 11),
            publisher=_pick(i + 13),
            url=URLS[i % len(URLS)],
            notes=_pick(i + 15),
            published="2025-11-01",
        )
        for i in range(len(URLS))
    ]
    events = [
        nt.Event(
            id=_id(200 + i),
            when=f"2025-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}",
            title=_pick(i),
            kind=["round", "statement", "military", "incident"][i % 4],
            participants=[participants[i % 12].id, participants[(i + 5) % 12].id],
            sources=[sources[i % len(sources)].id],
            summary=_pick(i + 17),
            location=_pick(i + 19),
            tags=[_pick(i + 21)],
            track=_pick(i % 5 + 23),
            quotes=[
                {
                    "text": _pick(i + 29),
                    "source": sources[(i + 1) % len(sources)].id,
                    "speaker": participants[(i + 2) % 12].id,
                    "note": _pick(i + 31),
                }
            ],
            versions=[],
        )
        for i in range(n)
    ]
    old_id, new_id = _id(300).replace("#", ""), _id(301).replace("#", "")

    def points(shift: int) -> list[nt.Point]:
        return [
            nt.Point(
                number=_pick(j + shift).replace("#", "no.")[:40] + f"·{j}",
                text=_pick(j + 40) + (" — revised" if shift and j % 3 == 0 else ""),
                key=_pick(j + 50) + f"·{j}",
                topic=_pick(j + 60),
                options=[_pick(j + 70)],
                notes=_pick(j + 80),
            )
            for j in range(12)
            if not (shift and j == 5)
        ]

    old = nt.PlanVersion(
        id=old_id,
        label=_pick(90),
        date="2025-11-20",
        side=sides[0],
        summary=_pick(91),
        points=points(0),
    )
    new = nt.PlanVersion(
        id=new_id,
        label=_pick(92),
        date="2025-12-20",
        side=sides[1],
        summary=_pick(93),
        derived_from=[old_id],
        points=points(1),
    )
    plan = nt.Plan(id=_id(302), title=_pick(94), summary=_pick(95), versions=[old, new])
    events[0] = attrs.evolve(events[0], versions=(old_id,))
    events[1] = attrs.evolve(events[1], versions=(new_id,))
    d = nt.Dossier(
        title=_pick(96),
        description=_pick(97),
        participants=participants,
        sources=sources,
        events=events,
        plans=[plan],
    )
    first = new.points[0]
    d.set_status(
        f"{new_id}#{first.number}",
        "disputed",
        on="2025-12-21",
        source=sources[0].id,
        note=_pick(98),
    )
    d.set_position(
        f"{new_id}#{first.number}",
        participants[0].id,
        "rejects",
        on="2025-12-22",
        source=sources[1].id,
        note=_pick(99),
    )
    return d
