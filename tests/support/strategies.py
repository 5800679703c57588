"""Hypothesis strategies for every model class, and for whole consistent dossiers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

import negotrack as nt

ZONES = ("Europe/Kyiv", "Europe/Moscow", "Europe/Zurich", "America/New_York", "Asia/Dubai")

ids = st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)
#: Text that YAML readers misread when it is written bare: YAML 1.1 booleans, numbers and
#: dates, and characters some readers take for line breaks.
YAML_TRICKY = (
    "on", "off", "yes", "no", "y", "N", "ON", "1.10", "010", "0o17", "1_000", "1:20", "0x1F",
    "2025-11-20", "2025-1-5", "null", "~", "<<", "=", ".inf", "\x85", "a\x85b", "x\u2028y",
    "tab\there", "#1", "- item", "key: value", "'quoted'", '"dq"', " lead", "trail ",
)  # fmt: skip
texts = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"),
    min_size=1,
    max_size=40,
) | st.sampled_from(YAML_TRICKY)
optional_texts = st.none() | texts


@st.composite
def single_moments(draw: st.DrawFn) -> nt.Moment:
    """One unit at any precision, sometimes approximate, with zones or offsets for times."""
    precision = draw(st.sampled_from(list(nt.Precision)))
    approximate = draw(st.booleans())
    day = draw(
        st.dates(min_value=datetime(1990, 1, 1).date(), max_value=datetime(2040, 12, 31).date())
    )
    prefix = "~" if approximate else ""
    if precision is nt.Precision.YEAR:
        return nt.Moment.of(f"{prefix}{day.year:04d}")
    if precision is nt.Precision.MONTH:
        return nt.Moment.of(f"{prefix}{day.year:04d}-{day.month:02d}")
    if precision is nt.Precision.DAY:
        return nt.Moment.of(f"{prefix}{day.isoformat()}")
    hour = draw(st.integers(0, 23))
    minute = draw(st.integers(0, 59))
    naive = datetime(day.year, day.month, day.day, hour, minute)
    if draw(st.booleans()):
        zone = draw(st.sampled_from(ZONES))
        return nt.Moment.of(prefix + naive.strftime("%Y-%m-%dT%H:%M") + " " + zone)
    offset = timedelta(minutes=15 * draw(st.integers(-48, 56)))
    m = nt.Moment.of(naive.replace(tzinfo=timezone(offset)))
    return nt.Moment(m.value, m.precision, approximate, None)


PHRASES = (
    "{mon} {y}",
    "{month} {y}",
    "{d} {mon} {y}",
    "{mon} {d}, {y}",
    "early {month} {y}",
    "mid-{month} {y}",
    "late {mon} {y}",
    "early {y}",
    "mid-{y}",
    "late {y}",
    "Q{q} {y}",
    "{y}-Q{q}",
)


@st.composite
def phrases(draw: st.DrawFn) -> str:
    """A date as an analyst writes it in English, or as a quarter."""
    day = draw(
        st.dates(min_value=datetime(1990, 1, 1).date(), max_value=datetime(2040, 12, 31).date())
    )
    form = draw(st.sampled_from(PHRASES))
    return form.format(
        y=day.year,
        d=day.day,
        q=(day.month + 2) // 3,
        mon=day.strftime("%b"),
        month=day.strftime("%B"),
    )


@st.composite
def moments(draw: st.DrawFn) -> nt.Moment:
    """Any moment: one unit, a phrase, or an interval of two (of any precisions), with or
    without EDTF's approximate/uncertain marks."""
    kind = draw(st.sampled_from(["unit", "unit", "phrase", "interval"]))
    if kind == "unit":
        m = draw(single_moments())
    elif kind == "phrase":
        m = nt.Moment.parse(draw(phrases()))
    else:
        a, b = draw(single_moments()), draw(single_moments())
        floating = a.precision is not nt.Precision.MINUTE
        if floating != (b.precision is not nt.Precision.MINUTE):
            b = a
        first, last = (a, b) if a.start <= b.start else (b, a)
        if last.end <= first.start or last.start < first.start:
            last = first
        m = nt.Moment.parse(f"{first.isoformat()}/{last.isoformat()}")
    if draw(st.booleans()):
        mark = draw(st.sampled_from("~?%"))
        m = nt.Moment(
            m.value,
            m.precision,
            mark in "~%",
            m.zone,
            uncertain=mark in "?%",
            span_end=m.span_end,
        )
    return m


@st.composite
def times_near(draw: st.DrawFn, midnight: datetime) -> nt.Moment:
    """A time (or a stretch of times) within a day and a half of ``midnight`` on its own
    clock, in a named zone or at an offset as far as they go: where a date as displayed and
    its UTC date disagree."""
    minutes = draw(st.integers(-36 * 60, 36 * 60))
    wall = midnight + timedelta(minutes=minutes)
    if draw(st.booleans()):
        zone = draw(st.sampled_from((*ZONES, "Asia/Tokyo", "Pacific/Kiritimati", "Etc/GMT+12")))
        text = wall.strftime("%Y-%m-%dT%H:%M") + " " + zone
        until = f"/{(wall + timedelta(minutes=draw(st.integers(1, 600)))):%Y-%m-%dT%H:%M} {zone}"
    else:
        hours = draw(st.integers(-23, 23))
        sign = "-" if hours < 0 else "+"
        offset = f"{sign}{abs(hours):02d}:{draw(st.sampled_from(['00', '30', '45']))}"
        text = wall.strftime("%Y-%m-%dT%H:%M") + offset
        until = f"/{(wall + timedelta(minutes=draw(st.integers(1, 600)))):%Y-%m-%dT%H:%M}{offset}"
    if draw(st.booleans()):
        text += until
    return nt.Moment.parse(text)


def zoned_datetimes() -> st.SearchStrategy[datetime]:
    """Aware datetimes in a named zone, minute resolution, at wall times that exist.

    A time in a daylight-saving gap (02:30 on the night clocks go forward) names no instant,
    and Python never calls it equal to an instant in another zone (PEP 495).
    """
    return st.builds(
        lambda d, z: d.replace(second=0, microsecond=0, tzinfo=ZoneInfo(z)),
        st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 1, 1)),
        st.sampled_from(ZONES),
    ).filter(lambda d: d.astimezone(UTC).astimezone(d.tzinfo) == d)


def participants(id: st.SearchStrategy[str] = ids) -> st.SearchStrategy[nt.Participant]:
    """A participant of any kind."""
    return st.builds(
        nt.Participant,
        id=id,
        name=texts,
        kind=st.sampled_from(list(nt.ParticipantKind)),
        side=st.none() | st.sampled_from(["US", "Ukraine", "Russia", "E3"]),
        role=optional_texts,
        aliases=st.lists(texts, max_size=2).map(tuple),
        notes=optional_texts,
    )


def sources(id: st.SearchStrategy[str] = ids) -> st.SearchStrategy[nt.Source]:
    """A source of any kind."""
    return st.builds(
        nt.Source,
        id=id,
        title=texts,
        kind=st.sampled_from(list(nt.SourceKind)),
        publisher=optional_texts,
        url=st.none() | st.just("https://example.org/a") | texts,
        published=st.none() | moments(),
        notes=optional_texts,
    )


def points(number: st.SearchStrategy[str], source_ids: list[str]) -> st.SearchStrategy[nt.Point]:
    """A point citing some of ``source_ids``."""
    return st.builds(
        nt.Point,
        number=number,
        text=texts,
        key=st.none() | ids,
        topic=optional_texts,
        options=st.lists(texts, max_size=2).map(tuple),
        notes=optional_texts,
        sources=st.lists(st.sampled_from(source_ids), max_size=2).map(tuple)
        if source_ids
        else st.just(()),
        status=st.sampled_from(list(nt.Status)),
    )


@st.composite
def dossiers(draw: st.DrawFn, max_events: int = 6) -> nt.Dossier:
    """A consistent dossier: every reference resolves, every log entry is dated after its
    version."""
    people = draw(st.lists(participants(), min_size=1, max_size=4, unique_by=lambda p: p.id))
    srcs = draw(st.lists(sources(), min_size=1, max_size=3, unique_by=lambda s: s.id))
    pids = [p.id for p in people]
    sids = [s.id for s in srcs]
    versions = []
    vids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    for i, vid in enumerate(vids):
        numbers = draw(st.lists(st.integers(1, 40).map(str), min_size=1, max_size=5, unique=True))
        versions.append(
            nt.PlanVersion(
                id=vid,
                label=draw(texts),
                date=draw(moments()),
                points=[draw(points(st.just(n), sids)) for n in numbers],
                derived_from=(vids[i - 1],) if i else (),
                sources=draw(st.lists(st.sampled_from(sids), max_size=1)),
                side=draw(st.none() | st.sampled_from(["US", "Ukraine"])),
                summary=draw(optional_texts),
            )
        )
    plan = nt.Plan(id="plan", title=draw(texts), versions=versions)
    events = []
    for eid in draw(st.lists(ids, max_size=max_events, unique=True)):
        events.append(
            nt.Event(
                id=eid,
                when=draw(moments()),
                title=draw(texts),
                kind=draw(st.sampled_from(list(nt.EventKind))),
                participants=draw(st.lists(st.sampled_from(pids), max_size=2, unique=True)),
                sources=draw(st.lists(st.sampled_from(sids), max_size=2, unique=True)),
                summary=draw(optional_texts),
                location=draw(optional_texts),
                tags=draw(st.lists(ids, max_size=2)),
                track=draw(st.none() | st.sampled_from(["diplomacy", "military"])),
                quotes=draw(
                    st.lists(
                        st.builds(
                            nt.Quote,
                            text=texts,
                            source=st.sampled_from(sids),
                            speaker=st.none() | st.sampled_from(pids),
                        ),
                        max_size=2,
                    )
                ),
                versions=draw(st.lists(st.sampled_from(vids), max_size=1)),
            )
        )
    log = []
    positions = []
    for v in versions:
        later = nt.Moment.of(v.date.end.year + 1) if v.date.end.year < 9000 else v.date
        for p in v.points:
            if draw(st.booleans()):
                log.append(
                    nt.StatusChange(
                        ref=f"{v.id}#{p.number}",
                        status=draw(st.sampled_from(list(nt.Status))),
                        on=later,
                        source=draw(st.sampled_from(sids)),
                        by=draw(st.none() | st.sampled_from(pids)),
                        note=draw(optional_texts),
                    )
                )
            if draw(st.booleans()):
                positions.append(
                    nt.Position(
                        ref=f"{v.id}#{p.number}",
                        party=draw(st.sampled_from(pids)),
                        stance=draw(st.sampled_from(list(nt.Stance))),
                        on=later,
                        source=draw(st.sampled_from(sids)),
                        note=draw(optional_texts),
                    )
                )
    return nt.Dossier(
        title=draw(texts.filter(str.strip)),  # a file needs a title a reader can see
        description=draw(optional_texts),
        participants=people,
        sources=srcs,
        events=events,
        plans=[plan],
        status_log=log,
        position_log=positions,
    )
