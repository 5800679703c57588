"""Warnings about valid but suspicious input (negotrack.dossier.warnings)."""

from __future__ import annotations

from pathlib import Path

import pytest

import negotrack as nt
from negotrack.dossier.warnings import check_warnings
from tests.support.dossiers import SEEDS, make_small


def _paths(d: nt.Dossier) -> list[str]:
    return [p.path for p in check_warnings(d)]


def test_a_careful_dossier_has_no_warnings() -> None:
    """The small test dossier and every seed pass without a warning."""
    assert check_warnings(make_small()) == []
    for seed in sorted(SEEDS.glob("*.yaml")):
        assert check_warnings(nt.load(seed)) == [], seed.name


def test_empty_titles_and_point_texts_are_warned_about() -> None:
    """A blank event title and a blank point text each give a warning at their place."""
    d = make_small()
    d.add_event(nt.Event(id="blank", when="2025-12-01", title="  "))
    assert _paths(d) == [f"$.events[{len(d.events) - 1}].title"]
    plan = nt.Plan(
        id="p2",
        title="Second",
        versions=[
            nt.PlanVersion(id="w1", label="W", date="2025-12", points=[{"number": "1", "text": ""}])
        ],
    )
    d.add_plan(plan)
    assert _paths(d)[-1] == f"$.plans[{len(d.plans) - 1}].versions[0].points[0].text"


def test_ids_with_spaces_are_warned_about_with_a_suggestion() -> None:
    """An id with a space is a warning that suggests the hyphenated id."""
    d = make_small()
    d.add_participant(nt.Participant(id="jared kushner", name="Jared Kushner"))
    (warning,) = check_warnings(d)
    assert warning.path == f"$.participants[{len(d.participants) - 1}].id"
    assert warning.hint is not None
    assert "'jared-kushner'" in warning.hint


@pytest.mark.parametrize(
    ("when", "expected"), [("2101-01-01", "after 2100"), ("2099", "a year after the newest")]
)
def test_far_future_dates_are_warned_about(when: str, expected: str) -> None:
    """A date after 2100 or over a year past the newest source is a warning."""
    d = make_small()
    d.add_event(nt.Event(id="typo", when=when, title="A typo in the year"))
    (warning,) = check_warnings(d)
    assert expected in warning.message


def test_a_date_within_a_year_of_the_sources_is_fine() -> None:
    """An event some months after the newest source is not suspicious."""
    d = make_small()
    d.add_event(nt.Event(id="soon", when="2026-06-01", title="Talks planned"))
    assert check_warnings(d) == []


def test_control_characters_in_any_text_are_warned_about(tmp_path: Path) -> None:
    """An escape in a point's text, a NUL in a note, a NEL in a name: each is a warning at
    its place; tabs and line breaks are text. The file loads, as before."""
    path = tmp_path / "d.yaml"
    text = (SEEDS / "minsk-2014-2015.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "text: An inclusive national dialogue continues.",
        'text: "An inclusive \\x1b[31mnational dialogue\\tcontinues.\\n"',
    ).replace("name: Heidi Tagliavini", 'name: "Heidi\\x85Tagliavini"')
    path.write_text(text, encoding="utf-8")
    d = nt.load(path)
    warnings = check_warnings(d)
    assert [p.path for p in warnings] == [
        "$.participants[0].name",
        "$.plans[0].versions[0].points[6].text",
    ]
    assert "(U+0085)" in warnings[0].message
    assert "(U+001B)" in warnings[1].message
    assert "delete it" in (warnings[1].hint or "")


def test_a_distinct_link_between_points_sharing_a_key_is_warned_about() -> None:
    """The DRC agreement keys declaration#2.3 and agreement#2.1 'state-support'; a
    distinct link between them contradicts the key: a warning at the link, naming both
    points and the key, with what to do. A distinct link between points with other keys
    (or none) is no warning, nor is a plain link between points sharing a key."""
    d = nt.load(SEEDS / "drc-rwanda-2025.yaml")
    d.link("declaration#2.1", "agreement#1.3", distinct=True)  # other keys: fine
    d.link("declaration#2.2", "agreement#2.2", distinct=True)  # no keys: fine
    assert check_warnings(d) == []
    d.link("declaration#2.3", "agreement#2.1", distinct=True)
    (warning,) = check_warnings(d)
    links = d.plan("drc-rwanda-peace").links
    k = links.index(nt.PointLink("declaration#2.3", "agreement#2.1", distinct=True))
    assert warning.path == f"$.plans[0].links[{k}]"
    assert warning.message == (
        "the distinct link declaration#2.3 -> agreement#2.1 turns down two points that share"
        " the key 'state-support': a diff keeps them apart, as the link says"
    )
    assert warning.hint is not None
    assert "negotrack unlink" in warning.hint
    # The diff does keep them apart: the key is not followed for this pair.
    changes = d.diff("declaration", "agreement").changes
    assert not any(
        c.old is not None and c.new is not None and (c.old.number, c.new.number) == ("2.3", "2.1")
        for c in changes
    )
