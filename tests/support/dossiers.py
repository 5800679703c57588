"""The test dossiers, in one home: a minimal one, a fully featured one, a synthetic large one.

``make_small()`` holds every kind of record and little else: the model, dossier, file and
command-line tests assert on its exact contents.

``small_dossier()`` uses every field the pages show: imprecise and approximate dates, a
multi-day span, a track, participants on several sides, quotes, a source with an unsafe URL,
two plan versions linked to an event, a status change and party positions.
``zoned_dossier()`` holds times whose calendar dates differ from their UTC dates, and dates
known only to a quarter, a third of a year or a year.
``big_dossier(n)`` is the benchmark's shape: ``n`` events over two years.
``two_versions(a, b)`` is a plan "p" of two versions "a" and "b" with the points given
(other ids may be given).
"""

from __future__ import annotations

from pathlib import Path

import negotrack as nt

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SEED = SEEDS / "ukraine-2025-12.yaml"


def make_small() -> nt.Dossier:
    """A small dossier with every kind of record, built through the public constructors."""
    return nt.Dossier(
        title="Talks on a test war",
        participants=[
            nt.Participant(id="witkoff", name="Steve Witkoff", side="US", role="Special envoy"),
            nt.Participant(
                id="umerov", name="Rustem Umerov", side="Ukraine", role="Chief negotiator"
            ),
            nt.Participant(
                id="zakharova", name="Maria Zakharova", side="Russia", role="Spokeswoman"
            ),
        ],
        sources=[
            nt.Source(
                id="s1", title="A report", url="https://example.org/r", published="2025-11-20"
            ),
            nt.Source(id="s2", title="A statement", kind="on_record", published="2025-12"),
        ],
        events=[
            nt.Event(
                id="geneva",
                when="2025-11-23",
                until="2025-11-24",
                title="Geneva talks",
                kind="round",
                participants=["witkoff", "umerov"],
                sources=["s1"],
                track="diplomacy",
                tags=["geneva"],
                versions=["geneva-19"],
            ),
            nt.Event(
                id="strike",
                when="~2025-11-20",
                title="A strike",
                kind="military",
                sources=["s1"],
                track="military",
            ),
            nt.Event(
                id="press",
                when="2025-12",
                title="Briefing",
                kind="statement",
                participants=["zakharova"],
                sources=["s2"],
                quotes=[nt.Quote(text="slow but steady", source="s2", speaker="zakharova")],
            ),
        ],
        plans=[
            nt.Plan(
                id="peace-plan",
                title="The plan",
                versions=[
                    nt.PlanVersion(
                        id="us-28",
                        label="US 28-point draft",
                        date="2025-11-20",
                        sources=["s1"],
                        points=[
                            nt.Point(number="1", text="Sovereignty is confirmed.", key="sov"),
                            nt.Point(
                                number="12", text="The army is capped at 600,000.", key="army"
                            ),
                        ],
                    ),
                    nt.PlanVersion(
                        id="geneva-19",
                        label="Geneva text",
                        date="2025-11-23",
                        derived_from=["us-28"],
                        points=[
                            nt.Point(number="1", text="Sovereignty is confirmed.", key="sov"),
                            nt.Point(number="9", text="The army is capped at 800,000.", key="army"),
                        ],
                    ),
                ],
            )
        ],
    )


def small_dossier() -> nt.Dossier:
    """A dossier that exercises every part of every page."""
    participants = [
        nt.Participant(id="witkoff", name="Steve Witkoff", side="US", role="Special envoy"),
        nt.Participant(id="umerov", name="Rustem Umerov", side="Ukraine", role="Chief negotiator"),
        nt.Participant(id="zakharova", name="Maria Zakharova", side="Russia", role="Spokeswoman"),
        nt.Participant(id="ukraine", name="Ukraine", kind="state", side="Ukraine"),
        nt.Participant(id="russia", name="Russia", kind="state", side="Russia"),
        nt.Participant(id="diplomat", name="A Kyiv-based diplomat", kind="person"),
    ]
    sources = [
        nt.Source(
            id="s1",
            title="Zelensky says talks advance deal",
            url="https://example.org/news/talks",
            publisher="Example News",
            published="2025-12-24",
        ),
        nt.Source(id="s2", title="US 28-point draft", kind="leak", published="2025-11-20"),
        nt.Source(
            id="s3",
            title="A source with a script URL",
            url="javascript:alert(1)",
            kind="state_media",
        ),
    ]
    us28 = nt.PlanVersion(
        id="us-28",
        label="US 28-point draft",
        date="2025-11-20",
        side="US",
        sources=["s2"],
        points=[
            nt.Point(number="1", text="Ukraine's sovereignty will be confirmed.", key="sov"),
            nt.Point(
                number="2",
                text="Ukraine's armed forces will be limited to 600,000 personnel.",
                key="army",
                topic="Army size",
            ),
            nt.Point(
                number="3",
                text="Ukraine withdraws from the part of Donetsk it controls.",
                key="donetsk",
                topic="Territory",
            ),
            nt.Point(number="4", text="Elections will be held within 100 days.", key="vote"),
        ],
    )
    p20 = nt.PlanVersion(
        id="20-point",
        label="20-point framework",
        date="~2025-12",
        side="Ukraine",
        derived_from=["us-28"],
        sources=["s1"],
        points=[
            nt.Point(number="1", text="Ukraine's sovereignty will be confirmed.", key="sov"),
            nt.Point(
                number="2",
                text="Elections will be held as soon as possible after the agreement is signed.",
                key="vote",
            ),
            nt.Point(
                number="3",
                text="Ukraine's armed forces will keep a peacetime strength of 800,000.",
                key="army",
                topic="Army size",
            ),
            nt.Point(number="4", text="Frozen assets fund reconstruction.", topic="Money"),
        ],
    )
    plan = nt.Plan(id="peace-plan", title="Peace plan", versions=[us28, p20])
    events = [
        nt.Event(
            id="us-draft",
            when="2025-11-20",
            title="US 28-point draft leaks",
            kind="publication",
            participants=["witkoff"],
            sources=["s2"],
            versions=["us-28"],
            track="US-Ukraine",
        ),
        nt.Event(
            id="geneva",
            when="2025-11-23T14:00 Europe/Zurich",
            until="2025-11-24",
            title="Geneva talks",
            kind="round",
            location="Geneva",
            participants=["witkoff", "umerov"],
            sources=["s1"],
            track="US-Ukraine",
            tags=["talks"],
        ),
        nt.Event(
            id="framework",
            when="~2025-12-20",
            title="Kyiv and Washington agree a 20-point framework",
            kind="round",
            participants=["umerov", "witkoff"],
            sources=["s1", "s3"],
            versions=["20-point"],
            track="US-Ukraine",
            summary="Russia is reviewing the text; the withdrawal clause is gone.",
            quotes=[
                {
                    "text": "These are small victories in a very large war.",
                    "source": "s1",
                    "speaker": "diplomat",
                }
            ],
        ),
        nt.Event(
            id="zakharova",
            when="2025-12",
            title="Zakharova speaks of slow but steady progress",
            kind="statement",
            participants=["zakharova"],
            sources=["s1"],
            quotes=[{"text": "slow but steady progress", "source": "s1", "speaker": "zakharova"}],
        ),
        nt.Event(
            id="strikes",
            when="2025-12",
            title="Strikes on Russian refineries",
            kind="military",
            location="Rostov region",
            sources=["s1"],
            track="military",
        ),
    ]
    d = nt.Dossier(
        title="Peace talks, late 2025",
        description="A small test dossier.",
        participants=participants,
        sources=sources,
        events=events,
        plans=[plan],
    )
    d.set_status("us-28#3", "deleted", on="2025-12-20", source="s1", by="umerov")
    d.set_position("20-point#4", "russia", "rejects", on="2025-12", source="s1")
    d.set_position("20-point#4", "ukraine", "supports", on="2025-12", source="s1")
    d.set_position("us-28#3", "ukraine", "rejects", on="2025-11-25", source="s1")
    return d


def zoned_dossier() -> nt.Dossier:
    """Events whose dates as shown (a time in its own zone) fall in another month than their
    UTC instants, beside dates known only to a stretch of months or to a year."""
    events = [
        ("ny-late", "2025-11-30T23:30-05:00", "A late call from New York"),  # 1 Dec in UTC
        ("tokyo", "2025-12-01T01:00 Asia/Tokyo", "An early meeting in Tokyo"),  # 30 Nov in UTC
        ("ny-eve", "2025-12-31T22:00-05:00", "A New Year's Eve call"),  # 1 Jan 2026 in UTC
        ("day", "2025-11-24", "A day with no time"),
        ("ny-sunday", "2025-11-23T23:30-05:00", "A Sunday night call"),  # 24 Nov in UTC
        ("late", "late 2025", "Something in late 2025"),
        ("quarter", "2025-Q4", "Something in the fourth quarter"),
        ("year", "2025", "Something in 2025"),
        ("month", "~2025-11", "Something around November"),
    ]
    return nt.Dossier(
        title="Dates across time zones",
        events=[nt.Event(id=i, when=w, title=t) for i, w, t in events],
    )


def options_dossier() -> nt.Dossier:
    """Two versions whose points hold options (bracketed alternatives): one point keeps its
    text and changes its options, one keeps both, one is reworded and gains options, one
    is deleted with its options and one added with its own (markup in one of them)."""
    v1 = nt.PlanVersion(
        id="v1",
        label="First draft",
        date="2025-11-20",
        points=[
            nt.Point(
                number="1", text="The buffer zone is [20] km wide.", options=["20 km", "40 km"]
            ),
            nt.Point(number="2", text="Elections are held.", options=["within 100 days"]),
            nt.Point(number="3", text="Frozen assets fund reconstruction."),
            nt.Point(number="4", text="Sanctions are lifted.", options=["at once", "in stages"]),
        ],
    )
    v2 = nt.PlanVersion(
        id="v2",
        label="Second draft",
        date="2025-12-01",
        derived_from=["v1"],
        points=[
            nt.Point(number="1", text="The buffer zone is [20] km wide.", options=["30 km"]),
            nt.Point(number="2", text="Elections are held.", options=["within 100 days"]),
            nt.Point(
                number="3",
                text="Frozen assets fund the reconstruction of Ukraine.",
                options=["half of them", "<all> of them"],
            ),
            nt.Point(
                number="5", text="A council oversees the deal.", options=["chaired by the US"]
            ),
        ],
    )
    plan = nt.Plan(id="options", title="Options", versions=[v1, v2])
    return nt.Dossier(title="Points with options", plans=[plan])


# Options that are sentences: one in both versions, one the second drops, one it adds.
KEPT = "The line is fixed where the troops stand on the day of the agreement."
OLD = "A working group settles force redeployments and the terms of special economic zones."
NEW = "A joint commission draws the line within 100 days, under UN observation."


def sentence_options_dossier(
    old: list[str] | None = None, new: list[str] | None = None
) -> nt.Dossier:
    """Two versions of a point whose options are sentences (``old``, then ``new``; by
    default :data:`KEPT` and :data:`OLD`, then :data:`KEPT` and :data:`NEW`), and of one
    whose options are short ("20 km", "40 km", then "20 km", "30 km"): the reports list the
    first's options and join the second's by "or"."""
    line = "In the four regions, the troops' positions become the de facto line of contact."
    zone = "The buffer zone is [..] km wide."
    versions = [
        nt.PlanVersion(
            id=f"v{k}",
            label=label,
            date=date,
            derived_from=["v1"] if k == 2 else [],
            points=[
                nt.Point(number="1", text=line, key="line", options=sentences),
                nt.Point(number="2", text=zone, key="zone", options=["20 km", short]),
            ],
        )
        for k, label, date, sentences, short in (
            (1, "First draft", "2025-11-20", [KEPT, OLD] if old is None else old, "40 km"),
            (2, "Second draft", "2025-12-01", [KEPT, NEW] if new is None else new, "30 km"),
        )
    ]
    plan = nt.Plan(id="line", title="Line of contact", versions=versions)
    return nt.Dossier(title="Options that are sentences", plans=[plan])


def seed_dossier() -> nt.Dossier:
    """The seed dossier when it exists (it is written in parallel), else the small one."""
    if SEED.exists():
        return nt.load(SEED)
    return small_dossier()


def big_dossier(n: int = 10_000) -> nt.Dossier:
    """``n`` events over two years, with participants, sources, quotes and tracks."""
    sides = ["US", "Ukraine", "Russia", "E3"]
    participants = [
        nt.Participant(id=f"p{i}", name=f"Person {i}", side=sides[i % 4], role="Envoy")
        for i in range(40)
    ]
    sources = [
        nt.Source(id=f"s{i}", title=f"Report {i}", url=f"https://example.org/{i}")
        for i in range(200)
    ]
    kinds = ["round", "meeting", "statement", "military", "incident", "publication"]
    events = []
    for i in range(n):
        day = i % 672
        year = 2024 + day // 336
        month = (day % 336) // 28 + 1
        dom = day % 28 + 1
        when = f"{year}-{month:02d}-{dom:02d}" if i % 7 else f"~{year}-{month:02d}"
        events.append(
            nt.Event(
                id=f"e{i}",
                when=when,
                title=f"Event number {i} & <friends>",
                kind=kinds[i % len(kinds)],
                participants=[f"p{i % 40}", f"p{(i * 7) % 40}"],
                sources=[f"s{i % 200}"],
                summary=f'Summary of event {i}: talks continued in a "constructive" mood.',
                location="Geneva" if i % 3 == 0 else None,
                track=["US-Ukraine", "US-Russia", "military"][i % 3],
                quotes=[{"text": f"Quote {i}", "source": f"s{i % 200}", "speaker": f"p{i % 40}"}]
                if i % 5 == 0
                else [],
                tags=["t"] if i % 4 == 0 else [],
            )
        )
    return nt.Dossier(
        title="Synthetic dossier",
        participants=participants,
        sources=sources,
        events=events,
    )


def two_versions(
    a: list[nt.Point], b: list[nt.Point], *, ids: tuple[str, str] = ("a", "b")
) -> nt.Dossier:
    """A dossier of one plan "p" with two versions, ``ids`` ("a" and "b"; the second
    derived from the first) of 1 and 2 November 2025, holding the points ``a`` and ``b``."""
    old, new = ids
    return nt.Dossier(
        title="t",
        plans=[
            nt.Plan(
                id="p",
                title="P",
                versions=[
                    nt.PlanVersion(id=old, label="A", date="2025-11-01", points=a),
                    nt.PlanVersion(
                        id=new, label="B", date="2025-11-02", derived_from=[old], points=b
                    ),
                ],
            )
        ],
    )
