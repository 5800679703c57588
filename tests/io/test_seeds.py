"""The seed dossiers load, survive save/load in both formats, and answer questions about
themselves: who said what, what was deleted and when, which events are strikes, how many
points each Minsk text has, and how honestly their dates are recorded."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

import negotrack as nt
from negotrack.core.dates import Precision
from negotrack.io import storage
from negotrack.io.yamlmerge import merge_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
UKRAINE = SEEDS / "ukraine-2025-12.yaml"
MINSK = SEEDS / "minsk-2014-2015.yaml"
ALL_SEEDS = sorted(SEEDS.glob("*.yaml"))


@pytest.fixture(scope="module")
def ukraine() -> nt.Dossier:
    """The dossier built from the December 2025 article."""
    return nt.load(UKRAINE)


@pytest.fixture(scope="module")
def minsk() -> nt.Dossier:
    """The Minsk agreements dossier."""
    return nt.load(MINSK)


def _speaker_of(d: nt.Dossier, words: str) -> set[str]:
    return {q.speaker or "" for e in d.events for q in e.quotes if words in q.text}


# -- every seed ------------------------------------------------------------------------


def test_both_seeds_are_present() -> None:
    """The seeds folder holds the article dossier and the Minsk dossier."""
    assert {p.name for p in ALL_SEEDS} >= {UKRAINE.name, MINSK.name}


@pytest.mark.parametrize("path", ALL_SEEDS, ids=lambda p: p.stem)
def test_seed_loads_as_a_dossier(path: Path) -> None:
    """Each seed loads through the public loader with events, plans and a status log."""
    d = nt.load(path)
    assert isinstance(d, nt.Dossier)
    assert d.title
    assert d.events
    assert d.plans
    assert d.status_log


@pytest.mark.parametrize("path", ALL_SEEDS, ids=lambda p: p.stem)
@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_seed_round_trips(path: Path, suffix: str, tmp_path: Path) -> None:
    """Saving a seed and loading it back gives an equal dossier, in JSON and in YAML."""
    d = nt.load(path)
    out = tmp_path / f"copy{suffix}"
    d.save(out)
    assert nt.load(out) == d


@pytest.mark.parametrize("path", ALL_SEEDS, ids=lambda p: p.stem)
def test_every_record_is_sourced(path: Path) -> None:
    """Every event, version and point names at least one source, as the domain demands."""
    d = nt.load(path)
    unsourced = [e.id for e in d.events if not e.sources]
    for plan in d.plans:
        for v in plan.versions:
            unsourced += [v.id] * (not v.sources)
            unsourced += [f"{v.id}#{p.number}" for p in v.points if not p.sources]
    assert unsourced == []


@pytest.mark.parametrize("path", ALL_SEEDS, ids=lambda p: p.stem)
def test_a_scripted_status_update_keeps_the_comments(path: Path, tmp_path: Path) -> None:
    """A status change merged into the seed's YAML keeps every comment and reloads equal."""
    text = path.read_text(encoding="utf-8")
    d = nt.load(path)
    before = storage.to_data(d)
    ref = d.refs()[0]
    d.set_status(ref, "disputed", on="2030-01-01", source=d.sources[0].id, note="a test")
    merged = merge_text(text, before, storage.to_data(d))
    comments = [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]
    assert comments
    assert all(c in merged for c in comments)
    out = tmp_path / path.name
    out.write_text(merged, encoding="utf-8")
    again = nt.load(out)
    assert again == d
    assert again.status_of(ref) is nt.Status.DISPUTED


# -- the December 2025 article ------------------------------------------------------------


def test_the_article_is_source_s1_with_honest_metadata(ukraine: nt.Dossier) -> None:
    """The article is s1, a media report dated to the month, with no invented publisher or URL."""
    s1 = ukraine.source("s1")
    assert s1.kind is nt.SourceKind.MEDIA_REPORT
    assert s1.title.startswith("Zelensky Says")
    assert s1.publisher is None
    assert s1.url is None
    assert s1.published is not None
    assert s1.published.precision is Precision.MONTH
    assert s1.notes
    assert "holiday season" in s1.notes


def test_all_actors_of_the_article_are_participants(ukraine: nt.Dossier) -> None:
    """Every actor the article names or quotes is recorded as a participant."""
    expected = {
        "zelensky",
        "trump",
        "witkoff",
        "kushner",
        "umerov",
        "zakharova",
        "ua-general-staff",
        "sbu",
        "krasnodar-authorities",
        "polish-authorities",
        "lithuanian-authorities",
        "belarus",
        "kyiv-diplomat",
        "polish-border-official",
        "ir-scholar",
        "olga",
        "refinery-worker",
        "dmytro",
        "marta",
    }
    assert expected <= {p.id for p in ukraine.participants}
    assert ukraine.participant("umerov").role == "Chief negotiator"


def test_points_deleted_from_the_us_draft_are_deleted_by_late_december(
    ukraine: nt.Dossier,
) -> None:
    """Recognition and Donetsk withdrawal are deleted as of 31 Dec 2025, not in November."""
    for ref in ("us-28#21a", "us-28#21c"):
        assert ukraine.status_of(ref, as_of="2025-12-31") is nt.Status.DELETED
        assert ukraine.status_of(ref, as_of="2025-11-30") is nt.Status.PROPOSED
        # Dated only to December: not settled on 10 Dec, but possibly already done.
        assert ukraine.status_of(ref, as_of="2025-12-10") is nt.Status.PROPOSED
        assert ukraine.status_of(ref, as_of="2025-12-10", rule="possible") is nt.Status.DELETED
        last = ukraine.history(ref)[-1]
        assert (last.source, last.by) == ("s1", "zelensky")


def test_the_us_draft_did_not_exist_before_november(ukraine: nt.Dossier) -> None:
    """Before the US draft was tabled its points have no status at all."""
    assert ukraine.status_of("us-28#6", as_of="2025-10-31") is None


def test_the_army_cap_rises_from_600000_to_800000(ukraine: nt.Dossier) -> None:
    """The armed-forces cap shares a lineage key across the two drafts, 600,000 to 800,000."""
    old, new = ukraine.point("us-28#6"), ukraine.point("20-point#4")
    assert old.key == new.key == "army-size"
    assert "600,000" in old.text
    assert "800,000" in new.text
    assert ukraine.status_of("us-28#6") is nt.Status.AMENDED


def test_the_20_point_draft_derives_from_the_us_draft(ukraine: nt.Dossier) -> None:
    """The 20-point version derives from us-28 and is tabled by a publication event."""
    plan = ukraine.plan("peace-framework")
    assert plan.version("20-point").derived_from == ("us-28",)
    tabled = [e for e in ukraine.filter_events(kind="publication") if "20-point" in e.versions]
    assert [e.id for e in tabled] == ["draft-20-point"]


def test_torpedo_the_process_was_said_by_zakharova(ukraine: nt.Dossier) -> None:
    """The quote "torpedo the process" is attributed to Maria Zakharova."""
    assert _speaker_of(ukraine, "torpedo the process") == {"zakharova"}
    assert ukraine.participant("zakharova").side == "Russia"


def test_zelensky_thanked_the_envoys(ukraine: nt.Dossier) -> None:
    """Zelensky's words of thanks are quoted with him as the speaker."""
    assert _speaker_of(ukraine, "constructive approach") == {"zelensky"}
    assert _speaker_of(ukraine, "The target was hit") == {"ua-general-staff"}


def test_strikes_are_in_the_military_filter(ukraine: nt.Dossier) -> None:
    """The three strikes are military events; the Polish incidents are not."""
    military = {e.id for e in ukraine.filter_events(kind="military")}
    assert military == {"strike-novoshakhtinsk", "strike-temryuk", "strike-orenburg"}
    assert "Storm Shadow" in (ukraine.event("strike-novoshakhtinsk").summary or "")


def test_events_filter_by_track_and_side(ukraine: nt.Dossier) -> None:
    """The eastern-flank track holds the Polish and Lithuanian incidents, and Poland's side."""
    flank = {e.id for e in ukraine.filter_events(track="nato-eastern-flank")}
    assert flank == {"poland-escort", "balloons-poland", "balloons-vilnius"}
    assert {e.id for e in ukraine.filter_events(side="Lithuania")} == {"balloons-vilnius"}


def test_what_only_the_article_dates_is_at_most_month_precise(ukraine: nt.Dossier) -> None:
    """Events sourced to the undated article alone are dated no finer than their month."""
    article_only = [e for e in ukraine.events if e.sources == ("s1",)]
    assert len(article_only) >= 7
    assert all(e.when.precision <= Precision.MONTH for e in article_only)


def test_recent_months_is_an_approximate_span(ukraine: nt.Dossier) -> None:
    """Vilnius' balloon reports "in recent months" are a span with an approximate start."""
    e = ukraine.event("balloons-vilnius")
    assert e.when.approximate
    assert e.until is not None
    assert e.when.start < e.until.start


def test_positions_on_the_20_point_draft(ukraine: nt.Dossier) -> None:
    """Russia is undecided on the territory point; Ukraine accepts it with reservations."""
    stances = {party: p.stance for party, p in ukraine.positions("20-point#14").items()}
    assert stances == {
        "russia": nt.Stance.UNDECIDED,
        "ukraine": nt.Stance.ACCEPTS_WITH_RESERVATIONS,
    }
    assert ukraine.positions("20-point#14", as_of="2025-11-30") == {}


# -- the Minsk agreements -----------------------------------------------------------------


def test_minsk_texts_have_12_and_13_points(minsk: nt.Dossier) -> None:
    """The Minsk Protocol has 12 points and the Package of Measures 13."""
    assert len(minsk.version("minsk-1").points) == 12
    assert len(minsk.version("minsk-2").points) == 13
    assert minsk.version("minsk-2").derived_from == ("minsk-1",)


def test_minsk_lineage_keys_and_split(minsk: nt.Dossier) -> None:
    """The ceasefire shares a key across texts; Minsk I's election point splits in two."""
    assert minsk.point("minsk-1#1").key == minsk.point("minsk-2#1").key == "ceasefire"
    links = minsk.plan("minsk").links
    assert {(link.old, link.new) for link in links} == {
        ("minsk-1#9", "minsk-2#4"),
        ("minsk-1#9", "minsk-2#12"),
    }


def test_second_ceasefire_starts_at_midnight_kyiv_time(minsk: nt.Dossier) -> None:
    """The Minsk II ceasefire begins at 00:00 Kyiv time on 15 Feb 2015 (22:00 UTC on the 14th)."""
    when = minsk.event("ceasefire-2015").when
    assert when.precision is Precision.MINUTE
    assert when.zone == "Europe/Kyiv"
    assert when.start == datetime(2015, 2, 14, 22, 0, tzinfo=UTC)


def test_the_ceasefire_is_disputed_after_debaltseve_and_deleted_in_2022(
    minsk: nt.Dossier,
) -> None:
    """Minsk II's ceasefire is proposed when signed, disputed from 15 Feb 2015, gone in 2022."""
    assert minsk.status_of("minsk-2#1", as_of="2015-02-13") is nt.Status.PROPOSED
    assert minsk.status_of("minsk-2#1", as_of="2015-02-20") is nt.Status.DISPUTED
    assert minsk.status_of("minsk-2#1", as_of="2022-03-01") is nt.Status.DELETED
    assert minsk.status_of("minsk-1#1", as_of="2014-09-01") is None


def test_every_minsk_ii_point_is_deleted_after_february_2022(minsk: nt.Dossier) -> None:
    """After Putin declared the agreements void, every Minsk II point is deleted."""
    refs = [r for r in minsk.refs() if r.startswith("minsk-2#")]
    assert len(refs) == 13
    assert {minsk.status_of(r, as_of="2022-12-31") for r in refs} == {nt.Status.DELETED}
    assert minsk.status_of("minsk-2#11", as_of="2022-02-21") is nt.Status.DISPUTED


def test_minsk_events_filter_by_participant_and_kind(minsk: nt.Dossier) -> None:
    """Putin takes part in the summit and the 2022 statements; the ceasefires are military."""
    with_putin = [e.id for e in minsk.filter_events(participant="putin")]
    assert with_putin == [
        "normandy-summit",
        "leaders-declaration",
        "recognition",
        "minsk-declared-dead",
    ]
    military = {e.id for e in minsk.filter_events(kind="military", until="2015-12-31")}
    assert military == {"ceasefire-2014", "ceasefire-2015", "debaltseve"}


def test_minsk_signatories_are_the_contact_group(minsk: nt.Dossier) -> None:
    """Both texts are signed by Tagliavini, Kuchma, Zurabov, Zakharchenko and Plotnitsky."""
    signers = {"tagliavini", "kuchma", "zurabov", "zakharchenko", "plotnitsky"}
    for event_id in ("protocol-signed", "package-signed"):
        assert signers <= set(minsk.event(event_id).participants)
    assert all(minsk.source(s).publisher == "OSCE" for s in ("m1", "m2", "m3"))


# -- the diffs the seeds were curated for ---------------------------------------------------


def test_the_us_draft_diff_shows_the_reported_deletions(ukraine: nt.Dossier) -> None:
    """Diffing the drafts shows the two deleted clauses and the line of contact carried on."""
    changes = {
        (c.old.number if c.old else None): c for c in ukraine.diff("us-28", "20-point").changes
    }
    assert changes["21a"].kind == "deleted"
    assert changes["21c"].kind == "deleted"
    carried = changes["21b"].new
    assert carried is not None
    assert carried.number == "14"


def test_the_gaza_diff_drops_the_qatar_point_and_shifts_the_last_three() -> None:
    """The 20-point plan carries each point of the 21-point draft but Qatar's (a curated "no
    successor"), in the same order, the last three one number lower."""
    gaza = nt.load(SEEDS / "gaza-2025.yaml")
    changes = gaza.diff("us-21", "us-20").changes
    pairs = {(c.old.number, c.new.number) for c in changes if c.old and c.new}
    carried = [str(n) for n in range(1, 18)] + ["19", "20", "21"]
    assert pairs == {(old, str(k)) for k, old in enumerate(carried, start=1)}
    (qatar,) = [c for c in changes if c.old is not None and c.old.number == "18"]
    assert qatar.kind == "deleted"
    assert qatar.matched_by == "link"


def test_the_minsk_diff_splits_the_elections_point(minsk: nt.Dossier) -> None:
    """Minsk I's local-elections point splits into Minsk II points 4 and 12."""
    split = [c for c in minsk.diff("minsk-1", "minsk-2").changes if c.kind == "split"]
    assert {(c.old.number if c.old else None, c.new.number if c.new else None) for c in split} == {
        ("9", "4"),
        ("9", "12"),
    }
