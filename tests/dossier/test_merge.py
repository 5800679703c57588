"""merge(): two dossiers of the same talks united, conflicts refused and located."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

import negotrack as nt
from tests.support.dossiers import make_small
from tests.support.strategies import dossiers


def test_identical_records_appear_once_and_new_ones_are_added() -> None:
    """Two copies of one dossier plus an event and a version in the second unite cleanly."""
    a, b = make_small(), make_small()
    b.add_event(nt.Event(id="miami", when="2025-11-30", title="Miami talks", kind="round"))
    b.add_version(
        "peace-plan",
        nt.PlanVersion(
            id="us-20", label="20 points", date="2025-12-02", derived_from=["geneva-19"]
        ),
    )
    b.set_status("us-28#12", "disputed", on="2025-12-26", source="s2")
    a.set_status("us-28#12", "disputed", on="2025-12-26", source="s2")
    m = nt.merge(a, b)
    assert [e.id for e in m.events] == ["geneva", "strike", "press", "miami"]
    assert [v.id for v in m.plan("peace-plan").versions] == ["us-28", "geneva-19", "us-20"]
    assert len(m.status_log) == 1
    assert m.participants == a.participants


def test_every_conflict_is_refused_and_located_in_both() -> None:
    """Records that differ under one id are each a problem naming both places and fields."""
    a, b = make_small(), make_small()
    b.remove("event", "strike")
    b.replace(attrs.evolve(b.event("press"), title="Press briefing"))
    b.replace(attrs.evolve(b.version("us-28"), label="US draft"))
    with pytest.raises(nt.DossierError) as info:
        nt.merge(a, b, names=("a.yaml", "b.yaml"))
    lines = str(info.value).splitlines()
    assert lines == [
        "a.yaml: $.events[2]: event 'press' differs (title) from b.yaml's $.events[1] "
        "(make the two records the same in one dossier, then merge again)",
        "a.yaml: $.plans[0].versions[0]: plan version 'us-28' differs (label) from b.yaml's "
        "$.plans[0].versions[0] (make the two versions the same in one dossier, then merge "
        "again)",
    ]


def test_merge_does_not_change_its_inputs() -> None:
    """The two dossiers merged are left as they were."""
    a, b = make_small(), make_small()
    b.add_event(nt.Event(id="x", when="2025-12-01", title="X"))
    before = repr(a), repr(b)
    nt.merge(a, b)
    assert (repr(a), repr(b)) == before


@given(dossiers())
def test_merging_a_dossier_with_itself_changes_nothing(d: nt.Dossier) -> None:
    """merge(d, d) == d: every record is identical, so each appears once."""
    assert nt.merge(d, d) == d
