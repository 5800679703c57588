"""The timeline's list reads in calendar order as displayed: each event under the heading of
its date as shown, every heading once, spans of months under a heading that names them."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import negotrack as nt
from negotrack.core.dates import Precision
from negotrack.views.timeline import TimelineView
from tests.support.dossiers import zoned_dossier
from tests.support.strategies import moments


def _outline(view: TimelineView) -> list[tuple[str, list[str]]]:
    return [(m.heading, [e.id for e in m.events]) for m in view.months]


def test_times_are_filed_under_the_month_of_their_date_as_shown() -> None:
    """A late call in New York (1 Dec in UTC) is in November, an early meeting in Tokyo
    (30 Nov in UTC) in December, and no month comes twice."""
    view = TimelineView.build(zoned_dossier())
    assert _outline(view) == [
        ("2025 (month not known)", ["year"]),
        ("Late 2025", ["late"]),
        ("Q4 2025", ["quarter"]),
        ("November 2025", ["month", "ny-sunday", "day", "ny-late"]),
        ("December 2025", ["tokyo", "ny-eve"]),
    ]
    anchors = [m.anchor for m in view.months]
    assert len(set(anchors)) == len(anchors)
    assert [m.key for m in view.months] == ["2025", "2025-09/2025-12", "2025-10/2025-12",
                                            "2025-11", "2025-12"]  # fmt: skip


def test_within_a_day_dates_without_a_time_come_first_then_times_by_instant() -> None:
    """On one day shown, the whole day heads the times in it; times follow their instants,
    whatever their zones (10:00 in Tokyo came before 09:00 in New York)."""
    d = nt.Dossier(
        title="One day",
        events=[
            nt.Event(id="ny", when="2025-11-24T09:00 America/New_York", title="NY"),
            nt.Event(id="tokyo", when="2025-11-24T10:00 Asia/Tokyo", title="Tokyo"),
            nt.Event(id="early", when="2025-11-24T01:00+05:00", title="Early"),  # 23 Nov UTC
            nt.Event(id="day", when="2025-11-24", title="The day"),
            nt.Event(id="before", when="2025-11-23", title="The day before"),
        ],
    )
    view = TimelineView.build(d)
    assert _outline(view) == [("November 2025", ["before", "day", "early", "tokyo", "ny"])]


def test_a_span_of_months_is_filed_under_a_heading_that_names_it() -> None:
    """ "late 2025" is under "Late 2025", before September's events, not under September."""
    d = nt.Dossier(
        title="Spans",
        events=[
            nt.Event(id="sep", when="2025-09-01", title="First of September"),
            nt.Event(id="late", when="late 2025", title="Late"),
            nt.Event(id="late-c", when="~late 2025", title="Late, roughly"),
            nt.Event(id="two", when="2024/2025", title="Two years"),
            nt.Event(id="oct-dec", when="2025-10/2025-12", title="Oct to Dec"),  # = Q4
            nt.Event(id="mixed", when="2025-10/2025-11-15", title="Oct to mid-Nov"),
            nt.Event(id="days", when="2025-10-28/2025-11-03", title="A week of talks"),
        ],
    )
    view = TimelineView.build(d)
    assert _outline(view) == [
        ("2024–2025", ["two"]),
        ("Late 2025", ["late", "late-c"]),
        ("September 2025", ["sep"]),
        ("Q4 2025", ["oct-dec"]),
        ("October 2025 – 15 November 2025", ["mixed"]),
        ("October 2025", ["days"]),  # a stretch of days stays under the month it starts in
    ]
    assert [m.anchor for m in view.months][:2] == ["m-2024-to-2025", "m-2025-09-to-2025-12"]


@pytest.mark.parametrize(
    ("fmt", "heading"),
    [("md", "## {}"), ("text", "== {}"), ("html", '<h2 id="m-{}">')],
)
def test_every_format_shows_each_heading_once_in_order(fmt: str, heading: str) -> None:
    """Markdown, text and HTML list the same headings, each once, in calendar order."""
    page = nt.render_timeline(zoned_dossier(), format=fmt)
    if fmt == "html":
        found = re.findall(r'<h2 id="m-([^"]+)">', page)
        assert found == ["2025", "2025-09-to-2025-12", "2025-10-to-2025-12", "2025-11", "2025-12"]
        nav = re.search(r'<nav class="month-nav".*?</nav>', page, re.S)
        assert nav is not None
        assert re.findall(r">([^<>]+)</a>", nav.group()) == [
            "2025 (month not known)", "Late 2025", "Q4 2025", "November 2025", "December 2025",
        ]  # fmt: skip
        listed = page[page.index('<section class="month"') :]  # the axis goes by instants
        assert listed.index("30 Nov 2025, 23:30 UTC-05:00") < listed.index("1 Dec 2025, 01:00")
    else:
        found = [line for line in page.splitlines() if line.startswith(heading[:3])]
        assert found == [
            heading.format(h)
            for h in ("2025 (month not known)", "Late 2025", "Q4 2025", "November 2025",
                      "December 2025")
        ]  # fmt: skip
        assert page.index("23 Nov 2025, 23:30 UTC-05:00") < page.index("24 Nov 2025")


@pytest.mark.parametrize(
    ("locale", "headings"),
    [
        ("fr", ["septembre\u2009–\u2009décembre 2025", "octobre\u2009–\u2009décembre 2025",
                "novembre 2025", "décembre 2025"]),
        ("ar", ["سبتمبر – ديسمبر 2025", "أكتوبر – ديسمبر 2025", "نوفمبر 2025", "ديسمبر 2025"]),
    ],
)  # fmt: skip
def test_localised_headings_name_the_span_in_cldr_words(locale: str, headings: list[str]) -> None:
    """A span's heading is the stretch in the page's language, months in full, like a
    month's heading; the year's heading keeps its translated "(month not known)"."""
    lang = nt.Renderer(locale=locale).lang
    view = TimelineView.build(zoned_dossier(), lang=lang)
    assert [m.heading for m in view.months][1:] == headings
    assert view.months[0].heading == lang.month_heading(nt.Moment.of("2025"))
    page = nt.render_timeline(zoned_dossier(), format="html", locale=locale)
    assert page.count('<h2 id="m-2025-09-to-2025-12">' + headings[0] + "</h2>") == 1


def _month(m: nt.Moment) -> tuple[int, int]:
    return m.local_start.year, m.local_start.month


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(moments(), min_size=1, max_size=12))
def test_headings_are_unique_in_order_and_hold_their_dates(dates: list[nt.Moment]) -> None:
    """For any dates: every heading (key and id) once, headings in the documented order of
    their dates, each event under its month as shown (or its stretch), and within a heading
    the days shown never go back."""
    d = nt.Dossier(
        title="Any dates",
        events=[nt.Event(id=f"e{i}", when=w, title=f"e{i}") for i, w in enumerate(dates)],
    )
    view = TimelineView.build(d)
    keys = [m.key for m in view.months]
    assert len(set(keys)) == len(keys) == len({m.anchor for m in view.months})
    heads = [nt.Moment.parse(k) for k in keys]
    assert heads == sorted(heads)
    assert sorted(e.id for e in view.events) == sorted(e.id for e in d.events)
    when = {e.id: e.when for e in d.events}
    for head, month in zip(heads, view.months, strict=True):
        days = []
        for e in month.events:
            m = when[e.id]
            if head.is_span:
                assert (m.start, m.end) == (head.start, head.end)
            elif head.precision is Precision.YEAR:
                assert (m.precision, m.value.year) == (Precision.YEAR, head.value.year)
            else:
                assert _month(m) == (head.value.year, head.value.month)
            days.append(m.local_start.date())
        assert days == sorted(days)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(moments(), min_size=1, max_size=10))
def test_a_month_filter_keeps_its_heading_and_drops_later_months(dates: list[nt.Moment]) -> None:
    """Filtering by a month heading's own month keeps every event under it, and
    ``until`` that month drops every event under a later month."""
    d = nt.Dossier(
        title="Any dates",
        events=[nt.Event(id=f"e{i}", when=w, title=f"e{i}") for i, w in enumerate(dates)],
    )
    view = TimelineView.build(d)
    for month in view.months:
        if "/" in month.key or len(month.key) == 4:
            continue
        kept = {e.id for e in d.filter_events(since=month.key, until=month.key)}
        assert {e.id for e in month.events} <= kept
        until = {e.id for e in d.filter_events(until=month.key)}
        for later in view.months:
            if "/" not in later.key and len(later.key) == 7 and later.key > month.key:
                assert until.isdisjoint(e.id for e in later.events)
