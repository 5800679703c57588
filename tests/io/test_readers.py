"""Files other tools read right: YAML 1.1 readers (PyYAML), odd characters, hostile input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import negotrack as nt
from negotrack.cli.commands import main
from negotrack.io.storage import dumps
from negotrack.io.update import update
from negotrack.io.yaml import FOLD, _yaml, dump_yaml
from tests.support.dossiers import SEEDS, make_small
from tests.support.readers import within
from tests.support.strategies import YAML_TRICKY, dossiers

ALL_SEEDS = sorted(SEEDS.glob("*.yaml"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dossiers())
def test_pyyaml_reads_our_yaml_as_our_json(d: nt.Dossier) -> None:
    """A YAML 1.1 reader reads negotrack's YAML exactly as negotrack's JSON save reads."""
    assert yaml.safe_load(dumps(d, "yaml")) == json.loads(dumps(d, "json"))


@pytest.mark.parametrize("seed", ALL_SEEDS, ids=lambda p: p.stem)
def test_pyyaml_reads_every_seed_as_negotrack_does(seed: Path) -> None:
    """Each seed, read by PyYAML, holds what negotrack's JSON save holds (no ``on: True``,
    no ``datetime.date``); only defaults the seed leaves out are missing."""
    within(yaml.safe_load(seed.read_text(encoding="utf-8")), json.loads(dumps(nt.load(seed))))


@pytest.mark.parametrize("text", YAML_TRICKY)
def test_tricky_text_round_trips_through_yaml(tmp_path: Path, text: str) -> None:
    """Titles and notes like "on", "1.10" or a lone NEL load back exactly, in both readers."""
    d = make_small()
    d.title = text
    path = tmp_path / "d.yaml"
    d.save(path)
    assert nt.load(path).title == text
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["title"] == text


def test_a_nel_note_keeps_the_comments_of_a_merged_file(tmp_path: Path) -> None:
    """A status note with U+0085 is recorded exactly, and the file's comments survive."""
    path = tmp_path / "d.yaml"
    path.write_text("# kept\n" + dumps(make_small(), "yaml"), encoding="utf-8")
    note = "Moscow\x85Kyiv\u2028Geneva"
    update(
        path, lambda d: d.set_status("us-28#1", "disputed", on="2025-12-01", by="umerov", note=note)
    )
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# kept\n")
    assert nt.load(path).history("us-28#1")[-1].note == note


def test_an_unquoted_decimal_point_number_keeps_its_digits() -> None:
    """``number: 1.10`` is the point "1.10", never "1.1" (the text is read as written)."""
    d = nt.loads(
        "negotrack: 1\ntitle: t\nplans:\n  - id: p\n    title: P\n    versions:\n"
        "      - id: v\n        label: V\n        date: '2025'\n        points:\n"
        "          - {number: 1.10, text: a}\n          - {number: 012, text: b}\n",
        "yaml",
    )
    assert [p.number for p in d.version("v").points] == ["1.10", "012"]


def test_string_aliases_are_counted_by_size(tmp_path: Path) -> None:
    """One long anchored string aliased 299 times is refused, with its place, not expanded."""
    big = "x" * 200_000
    events = "".join(f"  - id: e{i}\n    title: *t\n    when: '2025'\n" for i in range(299))
    text = f"negotrack: 1\ntitle: &t {big}\nevents:\n{events}"
    with pytest.raises(nt.FormatError, match="alias") as info:
        nt.loads(text, "yaml", file="bomb.yaml")
    assert info.value.problems[0].path == "$.events[0].title"


@pytest.mark.parametrize(
    ("text", "fmt", "path"),
    [
        ('{"negotrack": 1, "title": "a\\ud800"}', "json", "$.title"),
        ('negotrack: 1\ntitle: "a\\udc00"\n', "yaml", "$.title"),
        ('{"negotrack": 1, "title": "t", "x": ' + "9" * 5000 + "}", "json", "$"),
    ],
)
def test_lone_surrogates_and_huge_numbers_are_located_errors(
    text: str, fmt: str, path: str
) -> None:
    """A lone surrogate escape or a 5,000-digit integer is a FormatError with its place."""
    with pytest.raises(nt.FormatError) as info:
        nt.loads(text, fmt, file=f"d.{fmt}")  # type: ignore[arg-type]
    assert info.value.problems[0].path == path


def test_a_long_derived_from_chain_loads(tmp_path: Path) -> None:
    """A 3,000-version ``derived_from`` chain loads (no RecursionError) and validates."""
    versions = [
        {
            "id": f"v{i}",
            "label": f"V{i}",
            "date": "2025",
            **({"derived_from": [f"v{i - 1}"]} if i else {}),
        }
        for i in reversed(range(3000))  # newest first: the search walks the whole chain
    ]
    path = tmp_path / "chain.json"
    data = {
        "negotrack": 1,
        "title": "t",
        "plans": [{"id": "p", "title": "P", "versions": versions}],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    assert len(nt.load(path).plan("p").versions) == 3000
    assert main(["validate", str(path)]) == 0


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (
            ["status", "set", "{f}", "us-28#1", "disputed", "--on", "9999-12-31", "--by", "umerov"],
            0,
        ),
        (["status", "show", "{f}", "--as-of", "9999-12-31"], 0),
        (["status", "set", "{f}", "us-28#1", "disputed", "--on", "0001-01-01T00:30+01:00"], 1),
    ],
)
def test_dates_at_the_calendars_edges_are_results_or_located_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], code: int
) -> None:
    """The calendar's last day works; a time whose UTC instant precedes year 1 is an exit 1
    naming the option (both were internal errors, exit 70)."""
    path = tmp_path / "d.json"
    make_small().save(path)
    got = main([a.format(f=path) for a in argv])
    err = capsys.readouterr().err
    assert got == code, err
    assert code == 0 or err.startswith(f"{path}: --on ")


@pytest.mark.parametrize("to", ["ics", "csv", "timelinejs"])
def test_year_9999_events_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], to: str
) -> None:
    """Events on the calendar's last day and quarter export (they were internal errors)."""
    path = tmp_path / "d.yaml"
    path.write_text(
        "negotrack: 1\ntitle: far\nevents:\n  - id: e\n    when: '9999-12-31'\n"
        "    title: end\n    kind: round\n  - id: q\n    when: 9999-Q4\n    title: q\n"
        "    kind: round\n",
        encoding="utf-8",
    )
    code = main(["export", str(path), "--to", to])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "9999" in out


def test_a_non_utf8_note_argument_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--note`` with bytes that are not UTF-8 (surrogate-escaped by Python) is exit 1."""
    path = tmp_path / "d.json"
    make_small().save(path)
    before = path.read_bytes()
    argv = ["status", "set", str(path), "us-28#1", "disputed", "--on", "2025-12-01"]
    code = main([*argv, "--by", "umerov", "--note", "caf\udce9"])
    err = capsys.readouterr().err
    assert code == 1
    assert "--note" in err
    assert path.read_bytes() == before


def test_a_bare_impossible_date_in_yaml_is_located_at_its_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``when: 2025-13-01`` unquoted is a bad date at its field and line, reported with the
    record's other problems, not a whole file that is "not valid YAML"."""
    path = tmp_path / "d.yaml"
    path.write_text(
        "negotrack: 1\ntitle: T\nevents:\n  - id: e1\n    when: 2025-13-01\n"
        "    title: x\n    kind: rond\n",
        encoding="utf-8",
    )
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:5: $.events[0].when: impossible date" in err
    assert "unknown event kind 'rond'" in err
    assert "not valid YAML" not in err


def test_bare_yaml_dates_are_read_as_text() -> None:
    """A bare YAML date reaches the record as negotrack's own date, as a quoted one does."""
    bare = nt.loads("negotrack: 1\ntitle: T\nsources:\n  - id: s\n    title: t\n"
                    "    published: 2025-11-20\n", format="yaml")  # fmt: skip
    assert bare.source("s").published == nt.Moment.parse("2025-11-20")


_PROSE = st.lists(
    st.sampled_from([*"abc xyz ÉéЖж:#-'\"!?,.", "  ", "\t", "\n", "\u2028", "\x85", "word "]),
    min_size=60,
    max_size=400,
).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=_PROSE)
def test_long_prose_is_folded_and_reads_back_exactly(text: str) -> None:
    """Long text written as a folded block (or, when it cannot be folded exactly, as it
    is) reads back the same in PyYAML and in negotrack's own reader, with no line of the
    block longer than FOLD or ending in a space."""
    written = dump_yaml({"text": text})
    assert yaml.safe_load(written)["text"] == text
    assert _yaml("rt").load(written)["text"] == text
    if written.startswith("text: >-"):
        lines = written.splitlines()[1:]
        assert all(not line.endswith(" ") for line in lines)
        assert all(len(line) <= FOLD + 2 or " " not in line.strip() for line in lines)


def test_a_saved_dossier_keeps_its_lines_through_a_status_update(tmp_path: Path) -> None:
    """A file ``save`` wrote is changed by ``status set`` only where the change is: its long
    texts were wrapped plain scalars, which came back as single lines (99 of Minsk's lines
    rewritten); they are folded blocks now, which a safe update keeps."""
    for seed in sorted(SEEDS.glob("*.yaml")):
        path = tmp_path / seed.name
        nt.load(seed).save(path)
        text = path.read_text(encoding="utf-8")
        assert nt.load(path) == nt.load(seed)
        assert " \n" not in text  # no line ends in a space
        d = nt.load(path)

        def defer(d: nt.Dossier, ref: str = d.refs()[0], source: str = d.sources[0].id) -> None:
            d.set_status(ref, "deferred", on="2026-01", source=source)

        update(path, defer)
        after = path.read_text(encoding="utf-8").splitlines()
        removed = [line for line in text.splitlines() if line not in after]
        assert removed == [], (seed.name, removed[:3])


def test_line_index_walks_an_aliased_node_once() -> None:
    """Lines are found for a node once, however often it is aliased: an alias bomb's
    nodes are not walked billions of times (``validate`` hung on one). A 4-level bomb
    would give 9^4 = 6,561 paths under its last key alone."""
    from negotrack.io.yaml import line_index

    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 4):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    found = line_index("\n".join(lines) + "\n")
    assert found["$.d"] == 4
    assert found["$.a[8]"] == 1
    assert len(found) < 50
