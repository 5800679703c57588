"""As-of answers: uncertain orderings are reported, queries bisect, recording is linear."""

from __future__ import annotations

import gc
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotrack as nt
from negotrack.dossier import integrity
from negotrack.io import storage
from tests.support.dossiers import make_small
from tests.support.strategies import moments, times_near

REF = "us-28#12"


def test_overlapping_changes_are_not_ordered_silently(small: nt.Dossier) -> None:
    """ "disputed, Dec 2025" and "agreed, c. 12 Dec 2025" overlap: the answer by the end of
    December follows the documented order and says that it depends on it."""
    small.set_status(REF, "disputed", on="Dec 2025", source="s1")
    small.set_status(REF, "agreed", on="c. 12 Dec 2025", source="s1")
    report = small.status_report(REF, as_of="2025-12-31")
    assert report.status is nt.Status.AGREED  # the documented order: later start last
    assert small.status_of(REF, as_of="2025-12-31") is nt.Status.AGREED
    assert not report.certain
    assert [c.status for c in report.unordered] == [nt.Status.DISPUTED]
    assert report.possible == (nt.Status.AGREED, nt.Status.DISPUTED)
    assert "the order is unknown against disputed (Dec 2025)" in str(report)


def test_a_report_shows_in_a_notebook_as_one_line_that_reads(small: nt.Dossier) -> None:
    """A notebook shows a report's repr: one line that says what ``str`` does, as of what
    date and by which rule, not every change whole."""
    small.set_status(REF, "disputed", on="Dec 2025", source="s1", note="x" * 200)
    small.set_status(REF, "agreed", on="c. 12 Dec 2025", source="s1", note="y" * 200)
    report = small.status_report(REF, as_of="2025-12-31")
    assert repr(report) == f"<StatusReport {report}; as of 31 Dec 2025, rule 'settled'>"
    assert "x" * 20 not in repr(report)
    latest = small.status_report(REF)
    assert repr(latest) == f"<StatusReport {latest}; latest>"
    possible = small.status_report(REF, as_of="2025-11", rule="possible")
    assert repr(possible).endswith("; as of Nov 2025, rule 'possible'>")


def test_changes_in_a_known_order_give_a_certain_answer(small: nt.Dossier) -> None:
    """Non-overlapping dates, or overlapping ones with the same status, leave no doubt."""
    small.set_status(REF, "disputed", on="2025-11-25", source="s1")
    small.set_status(REF, "agreed", on="2025-12-02", source="s1")
    small.set_status(REF, "agreed", on="early Dec 2025", source="s1")
    report = small.status_report(REF, as_of="2025-12-31")
    assert report.certain
    assert report.status is nt.Status.AGREED
    assert str(report) == f"{REF}: agreed"


def test_a_change_straddling_the_as_of_date_is_pending(small: nt.Dossier) -> None:
    """ "deleted in December" may or may not have happened by 10 December, under either rule."""
    small.set_status(REF, "deleted", on="2025-12", source="s1")
    settled = small.status_report(REF, as_of="2025-12-10")
    assert settled.status is nt.Status.PROPOSED
    assert [c.status for c in settled.pending] == [nt.Status.DELETED]
    possible = small.status_report(REF, as_of="2025-12-10", rule="possible")
    assert possible.status is nt.Status.DELETED
    assert [c.status for c in possible.pending] == [nt.Status.DELETED]
    assert small.status_report(REF, as_of="2026").certain


def test_before_the_version_there_is_no_status(small: nt.Dossier) -> None:
    """Before the version was tabled the report has no status and no deciding change."""
    report = small.status_report(REF, as_of="2025-11-01")
    assert report.status is None
    assert report.change is None
    assert "not yet tabled" in str(report)


_Answer = tuple[nt.Status | None, tuple[nt.StatusChange, ...], tuple[nt.StatusChange, ...]]


def _brute(d: nt.Dossier, as_of: nt.Moment, rule: str) -> _Answer:
    """The report computed the slow, obvious way: sort everything, filter, compare all.

    A query date without a time of day is a stretch of the calendar, and the changes are
    counted by their dates as displayed; their order is that of their instants."""
    tabled, *changes = d.history(REF)
    changes.sort(key=lambda c: c.on.sort_key)
    shown = as_of.value.tzinfo is None

    def start(m: nt.Moment) -> datetime:
        return m.local_start if shown else m.start

    def end(m: nt.Moment) -> datetime:
        return m.local_end if shown else m.end

    q_end = end(as_of)

    def counts(m: nt.Moment) -> bool:
        return end(m) <= q_end if rule == "settled" else start(m) < q_end

    counted = [c for c in changes if counts(c.on)]
    if counted:
        last = counted[-1]
    elif counts(tabled.on):
        last = tabled
    else:
        return (None, (), ())
    unordered = tuple(
        c
        for c in counted[:-1]
        if last is not tabled and c.on.end > last.on.start and c.status is not last.status
    )
    straddling = [c for c in changes if start(c.on) < q_end < end(c.on)]
    pending = [c for c in straddling if c is not last and c.status is not last.status]
    if rule == "possible" and last in straddling:
        pending.insert(0, last)
    return (last.status, unordered, tuple(pending))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(list(nt.Status)), moments()), max_size=12),
    moments(),
    st.sampled_from(["settled", "possible"]),
)
def test_the_bisected_report_agrees_with_sorting_everything(
    changes: list[tuple[nt.Status, nt.Moment]], as_of: nt.Moment, rule: str
) -> None:
    """The indexed answer (binary search, bounded look-back) equals a full sort-and-scan."""
    d = make_small()
    version_start = d.version("us-28").date.start
    for status, on in changes:
        if on.end > version_start:
            d.set_status(REF, status, on=on, source="s1")
    report = d.status_report(REF, as_of, rule=rule)  # type: ignore[arg-type]
    expected = _brute(d, as_of, rule)
    assert (report.status, report.unordered, tuple(sorted(report.pending, key=id))) == (
        expected[0],
        expected[1],
        tuple(sorted(expected[2], key=id)),
    )
    assert d.status_of(REF, as_of, rule=rule) is report.status  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(
    st.data(),
    st.dates(min_value=date(2025, 11, 22), max_value=date(2030, 1, 1)),
    st.sampled_from(["settled", "possible"]),
)
def test_the_bisected_report_agrees_near_midnight_in_any_zone(
    data: st.DataObject, day: date, rule: str
) -> None:
    """Changes timed within a day and a half of a calendar query's end, in zones and at
    offsets east and west of UTC, get the answer of a full sort-and-scan: the search's
    window around the UTC instants is wide enough, and no wider than it must be to agree."""
    as_of = nt.Moment.of(day)
    midnight = as_of.local_end
    d = make_small()
    for status in data.draw(st.lists(st.sampled_from(list(nt.Status)), max_size=10)):
        d.set_status(REF, status, on=data.draw(times_near(midnight)), source="s1")
    report = d.status_report(REF, as_of, rule=rule)  # type: ignore[arg-type]
    expected = _brute(d, as_of, rule)
    assert (report.status, report.unordered, tuple(sorted(report.pending, key=id))) == (
        expected[0],
        expected[1],
        tuple(sorted(expected[2], key=id)),
    )


def test_recording_a_change_checks_only_what_it_touches(
    small: nt.Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    """set_status never re-checks the whole dossier, yet still refuses a bad change."""

    def whole(_: object) -> list[nt.Problem]:
        raise AssertionError("the whole dossier was checked for one change")

    monkeypatch.setattr(integrity, "check_dossier", whole)
    monkeypatch.setattr("negotrack.dossier.dossier.check_dossier", whole)
    for day in range(21, 31):
        small.set_status(REF, "disputed", on=f"2025-11-{day}", source="s1")
    with pytest.raises(nt.DossierError, match="unknown source 's9'"):
        small.set_status(REF, "kept", on="2025-12-01", source="s9")
    with pytest.raises(nt.DossierError, match="only exists from"):
        small.set_status(REF, "kept", on="2024", source="s1")
    assert len(small.status_log) == 10
    assert [c.on.value.day for c in small.history(REF)[1:]] == list(range(21, 31))


def test_changes_recorded_out_of_order_are_kept_in_time_order(small: nt.Dossier) -> None:
    """A change recorded late but dated early goes to its place in the history."""
    small.set_status(REF, "agreed", on="2025-12-20", source="s1")
    small.set_status(REF, "disputed", on="2025-12-01", source="s1")
    small.set_status(REF, "kept", on="2025-12-20", source="s1")  # a tie keeps recording order
    assert [c.status.value for c in small.history(REF)] == [
        "proposed",
        "disputed",
        "agreed",
        "kept",
    ]
    assert small.status_of(REF, as_of="2025-12-10") is nt.Status.DISPUTED
    assert [c.status.value for c in small.status_log] == ["agreed", "disputed", "kept"]


def test_a_saved_and_loaded_dossier_answers_the_same(small: nt.Dossier, tmp_path: Path) -> None:
    """The per-point index rebuilt by a load gives the same histories and reports."""
    small.set_status(REF, "disputed", on="Dec 2025", source="s1")
    small.set_status(REF, "agreed", on="c. 12 Dec 2025", source="s1")
    for suffix in ("json", "yaml"):
        path = tmp_path / f"d.{suffix}"
        small.save(path)
        again = nt.load(path)
        assert again == small
        assert again.history(REF) == small.history(REF)
        assert again.status_report(REF, "2025-12-31") == small.status_report(REF, "2025-12-31")


@pytest.mark.parametrize("enabled", [True, False])
def test_load_pauses_the_collector_and_restores_it(
    small: nt.Dossier, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, enabled: bool
) -> None:
    """nt.load builds with the garbage collector off, then leaves it as it found it."""
    path = tmp_path / "d.json"
    small.save(path)
    seen: list[bool] = []
    build = storage.from_data

    def spy(*args: object, **kwargs: object) -> nt.Dossier:
        seen.append(gc.isenabled())
        return build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(storage, "from_data", spy)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        nt.load(path)
        with pytest.raises(nt.FormatError):
            storage.loads("{", "json")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert seen == [False]
