"""The load bar: read a 100,000-event JSON dossier.

The bar: at most 2x the time of a floor, and at most 2.5x its peak memory. The floor does
the least any loader must: read the text, ``json.loads`` it, parse each event's date(s) with
``datetime.fromisoformat`` and build one small frozen attrs object per event with the same
fields as :class:`negotrack.Event`. negotrack does ``negotrack.load(path)``, which also
validates the whole dossier and keeps each date's precision, approximation and zone. Times
are taken with the garbage collector paused on both sides (see :func:`without_gc`).

The dossier is generated once per run, deterministically, into a temporary directory: a
realistic mix of participants, sources, events with one to three participants, some with a
location, summary, tags, quotes or an end date, dates mostly to the day, some to the month
or year, some to the minute with an offset or a named zone, some approximate.
"""

from __future__ import annotations

import gc
import json
import random
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import attrs

import negotrack
from benchmarks._harness import Row, interleaved, peak_memory

EVENTS = 100_000
PARTICIPANTS = 400
SOURCES = 2_000
SEED = 20251123

_SIDES = ("US", "Ukraine", "Russia", "E3", "EU", "Turkey", "UAE", "Qatar", None)
_ROLES = ("Special envoy", "Chief negotiator", "Spokesperson", "Mediator", "Minister", None)
_KINDS = ("round", "meeting", "call", "statement", "publication", "military", "incident")
_SOURCE_KINDS = ("official_text", "on_record", "anonymous_official", "leak", "media_report")
_PLACES = ("Geneva", "Miami", "Moscow", "Abu Dhabi", "Kyiv", "Istanbul", "Berlin", "Riyadh")
_ZONES = ("Europe/Kyiv", "Europe/Moscow", "Europe/Zurich", "America/New_York", "Asia/Dubai")
_OFFSETS = ("+01:00", "+02:00", "+03:00", "-05:00", "+04:00", "Z")
_TAGS = ("energy", "security", "territory", "sanctions", "prisoners", "ceasefire", "aid")
_PROSE = (
    "delegations met to discuss the draft framework and its security guarantees while "
    "officials said talks were constructive but no agreement was reached on territory "
    "sanctions relief prisoner exchanges or the sequencing of a ceasefire"
)
_WORDS = _PROSE.split()


@attrs.frozen
class _FloorEvent:
    """The floor's event: Event's fields, no converters or validation."""

    id: str
    when: datetime
    title: str
    kind: str
    participants: list[str]
    sources: list[str]
    summary: str | None
    location: str | None
    tags: list[str]
    until: datetime | None
    track: str | None
    quotes: list[dict[str, Any]]
    versions: list[str]


def _date(text: str) -> datetime:
    """One ``fromisoformat`` per date: "~" dropped, month/year padded, zone name cut."""
    text = text.lstrip("~")
    if "T" in text:
        return datetime.fromisoformat(text.split(" ", 1)[0])
    if len(text) == 4:
        text += "-01-01"
    elif len(text) == 7:
        text += "-01"
    return datetime.fromisoformat(text[:10])


def floor_load(path: Path) -> list[_FloorEvent]:
    """The least a loader must do with the same file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for e in data["events"]:
        until = e.get("until")
        out.append(
            _FloorEvent(
                id=e["id"],
                when=_date(e["when"]),
                title=e["title"],
                kind=e.get("kind", "other"),
                participants=e.get("participants", []),
                sources=e.get("sources", []),
                summary=e.get("summary"),
                location=e.get("location"),
                tags=e.get("tags", []),
                until=_date(until) if until is not None else None,
                track=e.get("track"),
                quotes=e.get("quotes", []),
                versions=e.get("versions", []),
            )
        )
    return out


def _when(rng: random.Random) -> tuple[str, datetime]:
    """A date string in one of the precisions users write, and the day it falls on."""
    day = datetime(2022, 1, 1).toordinal() + rng.randrange(4 * 365)
    d = datetime.fromordinal(day)
    roll = rng.random()
    if roll < 0.65:
        text = d.strftime("%Y-%m-%d")
    elif roll < 0.75:
        text = "~" + d.strftime("%Y-%m-%d")
    elif roll < 0.83:
        text = d.strftime("%Y-%m")
    elif roll < 0.85:
        text = d.strftime("%Y")
    elif roll < 0.93:
        text = d.strftime("%Y-%m-%d") + f"T{rng.randrange(24):02d}:{rng.randrange(60):02d}"
        text += rng.choice(_OFFSETS)
    else:
        text = d.strftime("%Y-%m-%d") + f"T{rng.randrange(24):02d}:{rng.randrange(60):02d}"
        text += " " + rng.choice(_ZONES)
    return text, d


def _sentence(rng: random.Random, lo: int, hi: int) -> str:
    return " ".join(rng.choices(_WORDS, k=rng.randint(lo, hi))).capitalize() + "."


def make_dossier(events: int = EVENTS, *, seed: int = SEED) -> dict[str, Any]:
    """A realistic dossier document with ``events`` events, as the file format's data."""
    rng = random.Random(seed)
    participants = [
        {
            "id": f"p{i}",
            "name": f"Participant {i}",
            "kind": "person" if i % 5 else "delegation",
            "side": rng.choice(_SIDES),
            "role": rng.choice(_ROLES),
        }
        for i in range(PARTICIPANTS)
    ]
    for p in participants:
        for key in ("side", "role"):
            if p[key] is None:
                del p[key]
    sources = [
        {
            "id": f"s{i}",
            "title": _sentence(rng, 4, 9),
            "kind": rng.choice(_SOURCE_KINDS),
            "publisher": rng.choice(("Reuters", "AP", "Kyiv Independent", "TASS", "BBC")),
            "url": f"https://news.example.org/{i}",
            "published": _when(rng)[0].lstrip("~").split("T")[0],
        }
        for i in range(SOURCES)
    ]
    out_events = []
    for i in range(events):
        when, day = _when(rng)
        e: dict[str, Any] = {
            "id": f"e{i}",
            "when": when,
            "title": _sentence(rng, 3, 10),
            "kind": rng.choice(_KINDS),
            "participants": [f"p{n}" for n in rng.sample(range(PARTICIPANTS), rng.randint(1, 3))],
            "sources": [f"s{n}" for n in rng.sample(range(SOURCES), rng.randint(1, 2))],
        }
        if rng.random() < 0.4:
            e["location"] = rng.choice(_PLACES)
        if rng.random() < 0.5:
            e["summary"] = _sentence(rng, 10, 40)
        if rng.random() < 0.3:
            e["tags"] = rng.sample(_TAGS, rng.randint(1, 3))
        if rng.random() < 0.2:
            e["track"] = rng.choice(("US-Ukraine", "US-Russia", "military", "humanitarian"))
        if rng.random() < 0.05 and len(when) == 10:
            e["until"] = datetime.fromordinal(day.toordinal() + rng.randint(1, 3)).strftime(
                "%Y-%m-%d"
            )
        if rng.random() < 0.05:
            e["quotes"] = [
                {
                    "text": _sentence(rng, 5, 15),
                    "source": e["sources"][0],
                    "speaker": e["participants"][0],
                }
            ]
        out_events.append(e)
    return {
        "negotrack": 1,
        "title": "Benchmark dossier",
        "description": f"{events} generated events for the load bar.",
        "participants": participants,
        "sources": sources,
        "events": out_events,
        "plans": [],
        "status_log": [],
        "position_log": [],
    }


_T = TypeVar("_T")


def without_gc(fn: Callable[[], _T]) -> Callable[[], _T]:
    """``fn`` with the cyclic garbage collector paused while it runs.

    Building 100,000 events allocates millions of containers, and CPython's collector then
    runs full collections over the growing heap: with it on, the floor takes several times
    longer (about 1.8 s instead of 0.35 s here), which would hide most of the loader's own
    cost behind collector noise. The bar compares the work itself; the figures with the
    collector on are printed as a note.
    """

    def paused() -> _T:
        gc.disable()
        try:
            return fn()
        finally:
            gc.enable()

    return paused


def run() -> list[Row]:
    """Time and memory rows for loading a 100,000-event JSON dossier."""
    with tempfile.TemporaryDirectory(prefix="negotrack-bench-load-") as tmp:
        path = Path(tmp) / "dossier.json"
        path.write_text(json.dumps(make_dossier(), ensure_ascii=False), encoding="utf-8")
        size = path.stat().st_size / (1024 * 1024)
        print(f"{EVENTS:,} events, {size:.1f} MiB of JSON")
        # One untimed check that negotrack reads the generated file completely.
        loaded = len(negotrack.load(path).events)
        if loaded != EVENTS:
            raise RuntimeError(f"negotrack loaded {loaded} of {EVENTS} events")
        ours, floor = interleaved(
            without_gc(lambda: negotrack.load(path)), without_gc(lambda: floor_load(path))
        )
        gc_ours, gc_floor = interleaved(
            lambda: negotrack.load(path), lambda: floor_load(path), repeat=3
        )
        print(
            f"with the garbage collector on: negotrack {gc_ours:.0f} ms,"
            f" floor {gc_floor:.0f} ms, ratio {gc_ours / gc_floor:.2f}"
        )
        mem_ours = peak_memory(lambda: negotrack.load(path))
        mem_floor = peak_memory(lambda: floor_load(path))
    return [
        Row("load 100k events (time)", ours, floor, 2.0),
        Row("load 100k events (peak memory)", mem_ours, mem_floor, 2.5, unit="MiB"),
    ]
