"""Dossier: integrity on construction, queries, as-of answers and validated changes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotrack as nt
from tests.support.dossiers import make_small
from tests.support.strategies import dossiers


def test_lookups_follow_the_contract(small: nt.Dossier) -> None:
    """plan(), version() and point() reach the same point as a VERSION#NUMBER reference."""
    point = small.plan("peace-plan").version("us-28").point("12")
    assert small.point("us-28#12") is point
    assert small.version("geneva-19").point("9").key == "army"
    assert small.plan_of("geneva-19").id == "peace-plan"


def test_status_as_of_follows_recorded_changes(small: nt.Dossier) -> None:
    """A status change applies from its date on, and not before; before the version, None."""
    small.set_status(
        "us-28#12",
        "disputed",
        on="2025-12-26",
        source="s2",
        by="zakharova",
        note="called unacceptable",
    )
    assert small.status_of("us-28#12", as_of="2025-12-01") is nt.Status.PROPOSED
    assert small.status_of("us-28#12", as_of="2025-12-26") is nt.Status.DISPUTED
    assert small.status_of("us-28#12") is nt.Status.DISPUTED
    assert small.status_of("us-28#12", as_of="2025-11-19") is None


def test_imprecise_change_is_settled_only_at_its_end(small: nt.Dossier) -> None:
    """A change recorded "in December" counts on 31 Dec, and on 10 Dec only as possible."""
    small.set_status("us-28#1", "kept", on="2025-12", source="s2")
    assert small.status_of("us-28#1", as_of="2025-12-10") is nt.Status.PROPOSED
    assert small.status_of("us-28#1", as_of="2025-12-10", rule="possible") is nt.Status.KEPT
    assert small.status_of("us-28#1", as_of="2025-12-31") is nt.Status.KEPT


def test_history_is_dated_and_sourced(small: nt.Dossier) -> None:
    """history() starts with the status as tabled and lists changes in date order."""
    small.set_status("us-28#12", "deleted", on="2025-12-20", source="s2")
    small.set_status("us-28#12", "disputed", on="2025-12-01", by="zakharova")
    history = small.history("us-28#12")
    assert [c.status.value for c in history] == ["proposed", "disputed", "deleted"]
    assert history[0].on == nt.Moment.of("2025-11-20")
    assert history[0].source == "s1"
    assert [c.ref for c in history] == ["us-28#12"] * 3


def test_positions_as_of(small: nt.Dossier) -> None:
    """positions() gives each party's latest settled stance on a point."""
    small.set_position("geneva-19#9", "umerov", "supports", on="2025-11-24", source="s1")
    small.set_position("geneva-19#9", "zakharova", "rejects", on="2025-12-02", source="s2")
    small.set_position(
        "geneva-19#9", "umerov", "accepts_with_reservations", on="2025-12-05", source="s2"
    )
    now = small.positions("geneva-19#9")
    assert now["umerov"].stance is nt.Stance.ACCEPTS_WITH_RESERVATIONS
    early = small.positions("geneva-19#9", as_of="2025-11-30")
    assert set(early) == {"umerov"}
    assert early["umerov"].stance is nt.Stance.SUPPORTS


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda d: d.set_status("us-28#13", "kept", on="2025-12-01", source="s1"), "no point '13'"),
        (
            lambda d: d.set_status("us-29#12", "kept", on="2025-12-01", source="s1"),
            "did you mean 'us-28'",
        ),
        (
            lambda d: d.set_status("us-28#12", "dispted", on="2025-12-01", source="s1"),
            "did you mean 'disputed'",
        ),
        (
            lambda d: d.set_status("us-28#12", "kept", on="2025-10-01", source="s1"),
            "only exists from 2025-11-20",
        ),
        (
            lambda d: d.set_status("us-28#12", "kept", on="2025-12-01", source="s9"),
            "unknown source 's9'",
        ),
        (lambda d: d.set_status("us-28#12", "kept", on="2025-12-01"), "needs a source"),
        (lambda d: d.set_status("us-28#12", "kept", on="Decembre 2025", source="s1"), "not a date"),
        (
            lambda d: d.set_position("us-28#12", "nobody", "rejects", on="2025-12-01", source="s1"),
            "unknown participant 'nobody'",
        ),
        (
            lambda d: d.add_event(nt.Event(id="geneva", when="2025", title="again")),
            "duplicate event id 'geneva'",
        ),
        (
            lambda d: d.add_event(
                nt.Event(id="x", when="2025", title="t", participants=["witkof"])
            ),
            "did you mean 'witkoff'",
        ),
    ],
)
def test_bad_changes_are_refused_and_change_nothing(call: object, message: str) -> None:
    """Each invalid change raises a NegotrackError naming the problem; nothing changes."""
    d = make_small()
    before = make_small()
    with pytest.raises(nt.NegotrackError, match=message):
        call(d)  # type: ignore[operator]
    assert d == before


def test_integrity_problems_are_all_reported_with_places() -> None:
    """Construction lists every integrity problem at once, each at its JSON path."""
    with pytest.raises(nt.DossierError) as info:
        nt.Dossier(
            title="t",
            participants=[nt.Participant(id="a", name="A"), nt.Participant(id="a", name="B")],
            events=[nt.Event(id="e", when="2025", title="t", sources=["nope"])],
            plans=[
                nt.Plan(
                    id="p",
                    title="t",
                    versions=[
                        nt.PlanVersion(
                            id="v1",
                            label="1",
                            date="2025",
                            derived_from=["v2"],
                            points=[nt.Point(number="1", text="a"), nt.Point(number="1", text="b")],
                        ),
                        nt.PlanVersion(id="v2", label="2", date="2025", derived_from=["v1"]),
                    ],
                )
            ],
        )
    paths = {p.path for p in info.value.problems}
    assert paths == {
        "$.participants[1].id",
        "$.events[0].sources[0]",
        "$.plans[0].versions[0].points[1].number",
        "$.plans[0].versions",
    }
    assert "cycle" in str(info.value)


def test_filter_events(small: nt.Dossier) -> None:
    """Events filter by date range, kind, participant, side, track and tag, in time order."""
    assert [e.id for e in small.filter_events()] == ["strike", "geneva", "press"]
    assert [e.id for e in small.filter_events(kind="round")] == ["geneva"]
    assert [e.id for e in small.filter_events(kind=["round", "military"])] == ["strike", "geneva"]
    assert [e.id for e in small.filter_events(side="Russia")] == ["press"]
    assert [e.id for e in small.filter_events(participant="umerov")] == ["geneva"]
    assert [e.id for e in small.filter_events(track="military")] == ["strike"]
    assert [e.id for e in small.filter_events(tag="geneva")] == ["geneva"]
    assert [e.id for e in small.filter_events(since="2025-11-24")] == ["geneva", "press"]
    assert [e.id for e in small.filter_events(until="2025-11-22")] == ["strike"]
    with pytest.raises(nt.UnknownReference):
        small.filter_events(participant="nobody")


def test_adding_versions_and_sources(small: nt.Dossier) -> None:
    """New sources and versions become queryable; a version with an existing id is refused."""
    small.add_source(nt.Source(id="s3", title="Leak", kind="leak"))
    small.add_version(
        "peace-plan",
        nt.PlanVersion(id="twenty", label="20-point", date="2025-12", derived_from=["geneva-19"]),
    )
    assert small.version("twenty").label == "20-point"
    assert small.source("s3").kind is nt.SourceKind.LEAK
    with pytest.raises(nt.DossierError, match="duplicate version id"):
        small.add_version("peace-plan", nt.PlanVersion(id="us-28", label="x", date="2026"))


def test_a_duplicate_version_id_is_the_only_problem_it_causes() -> None:
    """A version renamed to another's id is reported as a duplicate, and nothing else: no
    cycle through the two, no missing point in a change logged on the first of them."""
    from negotrack.io.storage import from_data, to_data

    small = make_small()
    small.set_status("us-28#12", "disputed", on="2025-12-26", source="s2")
    data = to_data(small)
    data["plans"][0]["versions"][1]["id"] = "us-28"  # geneva-19, derived from us-28
    data["events"] = [{**e, "versions": []} for e in data["events"]]
    with pytest.raises(nt.DossierError) as info:
        from_data(data)
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("$.plans[0].versions[1].id", "duplicate version id 'us-28'")
    ]


@given(dossiers(), st.data())
def test_latest_status_is_the_last_change(d: nt.Dossier, data: st.DataObject) -> None:
    """With no as-of date, a point's status is that of its latest recorded change."""
    refs = d.refs()
    ref = data.draw(st.sampled_from(refs))
    history = d.history(ref)
    assert d.status_of(ref) is history[-1].status
    far = nt.Moment.of("9998")
    assert d.status_of(ref, as_of=far) is history[-1].status


def test_history_as_of_keeps_what_counts_by_then(small: nt.Dossier) -> None:
    """history(as_of=) keeps the changes settled by that date, or possible by it on request."""
    small.set_status("us-28#12", "disputed", on="2025-12", source="s2")
    assert [c.status.value for c in small.history("us-28#12", "2025-12-10")] == ["proposed"]
    possible = small.history("us-28#12", "2025-12-10", rule="possible")
    assert [c.status.value for c in possible] == ["proposed", "disputed"]
    assert small.history("us-28#12", "2025-11-01") == ()


def test_a_status_change_recorded_twice_is_kept_once() -> None:
    """The same change recorded again returns the first record; one that differs is added."""
    d = make_small()
    ref = d.refs()[0]
    first = d.set_status(ref, "disputed", on="2025-12-26", source="s1", note="cron")
    before = len(d.status_log)
    again = d.set_status(ref, "disputed", on="2025-12-26", source="s1", note="cron")
    assert again is first
    assert len(d.status_log) == before
    other = d.set_status(ref, "disputed", on="2025-12-26", source="s1", note="a second word")
    assert other in d.status_log
    assert len(d.status_log) == before + 1
