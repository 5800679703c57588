"""Storage: JSON/YAML round trips, located errors for bad files, atomic saves."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import negotrack as nt
from negotrack.io import storage
from tests.support.strategies import dossiers


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dossiers())
def test_save_load_round_trip_json_and_yaml(tmp_path: Path, d: nt.Dossier) -> None:
    """Any valid dossier saved as JSON or YAML loads back equal."""
    for suffix in (".json", ".yaml"):
        path = tmp_path / f"d{suffix}"
        d.save(path)
        assert nt.load(path) == d


def test_loads_text_and_both_formats_agree(small: nt.Dossier) -> None:
    """The same dossier written as JSON and as YAML reads back the same."""
    as_json = storage.dumps(small, "json")
    as_yaml = storage.dumps(small, "yaml")
    assert nt.loads(as_json) == nt.loads(as_yaml, "yaml") == small
    assert json.loads(as_json)["negotrack"] == storage.SCHEMA_VERSION


def test_saved_files_are_readable_and_stable(small: nt.Dossier, tmp_path: Path) -> None:
    """Saving twice gives identical bytes; optional empty fields are left out; dates are text."""
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    small.save(a)
    nt.load(a).save(b)
    assert a.read_bytes() == b.read_bytes()
    text = a.read_text(encoding="utf-8")
    assert '"summary": null' not in text
    assert '"when": "2025-11-20~"' in text  # EDTF's mark, the canonical form


def test_bad_json_reports_every_problem_with_its_place(small: nt.Dossier) -> None:
    """Each broken field is one problem naming the file and its JSON path."""
    data = storage.to_data(small)
    data["events"][0]["when"] = "2025-13-01"
    data["events"][1]["kind"] = "strke"
    data["plans"][0]["versions"][1]["points"][1]["status"] = "dispted"
    data["sources"].append({"id": "s9"})
    data["participants"][0]["nmae"] = "typo"
    data["extra"] = 1
    with pytest.raises(nt.DossierError) as info:
        nt.loads(json.dumps(data), file="talks.json")
    lines = str(info.value).splitlines()
    assert {p.path for p in info.value.problems} == {
        "$.extra",
        "$.events[0].when",
        "$.events[1].kind",
        "$.plans[0].versions[1].points[1].status",
        "$.sources[2]",
        "$.participants[0].nmae",
    }
    assert all(line.startswith("talks.json: $.") for line in lines)
    assert any("did you mean 'disputed'" in line for line in lines)
    assert any("did you mean 'name'" in line for line in lines)


def test_yaml_problems_carry_lines(small: nt.Dossier) -> None:
    """A YAML problem names the line of the bad value."""
    text = storage.dumps(small, "yaml").replace("kind: round", "kind: rnd")
    with pytest.raises(nt.DossierError) as info:
        nt.loads(text, "yaml", file="talks.yaml")
    (problem,) = info.value.problems
    assert problem.path == "$.events[0].kind"
    assert problem.line is not None
    assert text.splitlines()[problem.line - 1].strip() == "kind: rnd"
    assert str(problem).startswith(f"talks.yaml:{problem.line}: $.events[0].kind: ")


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        ("{", "json", "not valid JSON"),
        ("[]", "json", "a dossier is a mapping"),
        ("title: [unclosed", "yaml", "not valid YAML"),
        ("title: a\ntitle: b\n", "yaml", "not valid YAML"),
        ("!!python/object:os.system {}", "yaml", "not valid YAML"),
        ('{"title": "t", "negotrack": 7}', "json", "schema version 7"),
        ('{"title": "t", "events": {"a": 1}}', "json", "expected a list"),
        (
            '{"title": "t", "events": [{"id": "e", "when": "2025", "title": ["x"]}]}',
            "json",
            "expected text",
        ),
    ],
)
def test_unreadable_input_gives_format_errors(text: str, fmt: storage.Format, message: str) -> None:
    """Broken syntax, unsafe tags, wrong shapes and unknown schema versions are DossierErrors."""
    with pytest.raises(nt.DossierError, match=message):
        nt.loads(text, fmt, file="x")


def test_yaml_alias_bomb_is_refused() -> None:
    """A billion-laughs document is refused before it is expanded."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 9):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    with pytest.raises(nt.FormatError, match="alias"):
        nt.loads("\n".join(lines) + "\ntitle: t\n", "yaml")


def test_yaml_reads_plain_scalars_as_text() -> None:
    """YAML numbers and dates in text fields are read as text and dates as moments."""
    d = nt.loads(
        "title: 2025\nplans:\n  - id: p\n    title: P\n    versions:\n"
        "      - id: v\n        label: 20\n        date: 2025-12-24\n"
        "        points:\n          - number: 12\n            text: a\n",
        "yaml",
    )
    assert d.point("v#12").number == "12"
    assert d.version("v").date == nt.Moment.of("2025-12-24")
    assert d.title == "2025"


def test_unknown_suffix_and_missing_file(tmp_path: Path, small: nt.Dossier) -> None:
    """A suffix that names no format and a missing file are FormatErrors naming the file."""
    with pytest.raises(nt.FormatError, match="suffix"):
        small.save(tmp_path / "d.txt")
    with pytest.raises(nt.FormatError, match="no such file"):
        nt.load(tmp_path / "missing.json")


def test_atomic_save_keeps_mode_and_leaves_no_temporary(tmp_path: Path, small: nt.Dossier) -> None:
    """Saving over a file keeps its permissions and leaves no temporary file behind."""
    path = tmp_path / "d.json"
    small.save(path)
    os.chmod(path, 0o640)
    small.set_status("us-28#12", "kept", on="2025-12-01", source="s1")
    small.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.json"]
    assert nt.load(path).status_of("us-28#12") is nt.Status.KEPT


def test_failed_write_leaves_the_old_file(tmp_path: Path, small: nt.Dossier) -> None:
    """When writing fails before the rename, the old file is intact and no temporary remains."""
    path = tmp_path / "d.json"
    small.save(path)
    before = path.read_bytes()

    def boom() -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        storage.atomic_write(path, "garbage", before_replace=boom)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.json"]
