"""Faults: writers killed at random instants, writers racing, and malformed input of every kind.

- ``negotrack status set`` (run as ``python -m negotrack``) is SIGKILLed at random instants,
  over a hundred times: the dossier always loads and equals the state before or after.
- eight processes each apply 25 updates at once: every one of the 200 is there afterwards.
- hypothesis feeds garbage JSON and YAML, wrong types, unknown ids and refs, impossible
  dates, unknown time zones, very large files and YAML alias bombs: the command line only
  ever answers with negotrack's own located errors, exit 1, and never changes the file.

The random instants come from a seeded generator (``NEGOTRACK_FAULT_SEED`` overrides it) so
that a failure can be replayed.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import negotrack as nt
from negotrack.cli.commands import main
from negotrack.io.storage import dumps, to_data
from tests.support.dossiers import ROOT, make_small

SEED = int(os.environ.get("NEGOTRACK_FAULT_SEED", "20251226"))
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}


def big_dossier(events: int) -> nt.Dossier:
    """The small dossier with ``events`` more events, so a write takes a while."""
    d = make_small()
    extra = [
        nt.Event(
            id=f"e{i}",
            when=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
            title=f"Event number {i}, with a title of some length",
            kind="meeting",
            participants=["witkoff", "umerov"],
            sources=["s1"],
            summary="A summary that makes the file larger. " * 3,
        )
        for i in range(events)
    ]
    return nt.Dossier(
        title=d.title,
        participants=d.participants,
        sources=d.sources,
        events=(*d.events, *extra),
        plans=d.plans,
    )


def cli(*args: str) -> list[str]:
    """The argv that runs negotrack's command line in a fresh interpreter."""
    return [sys.executable, "-m", "negotrack", *args]


def status_args(path: Path, i: int) -> tuple[str, str, str, str]:
    """(ref, status, on, note) of the i-th scripted change."""
    ref = ("us-28#1", "us-28#12", "geneva-19#9")[i % 3]
    status = ("kept", "disputed", "amended", "deferred")[i % 4]
    return ref, status, f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}", f"change {i}"


# -- SIGKILL at random instants --------------------------------------------------------


def _kill_run(path: Path, rounds: int, rng: random.Random) -> tuple[int, int]:
    """Kill ``rounds`` status updates of ``path`` at random instants; check each outcome.

    Returns (kills that left the old state, runs that completed).
    """
    # How long one update takes here, so the kill instants cover its whole life: the median
    # of three timed runs after an untimed one (the first run of a fresh interpreter pays for
    # cold caches, and a span measured on it puts every kill after the write).
    spans = []
    for k in range(4):
        start = time.perf_counter()
        ref, status, on, note = status_args(path, 0)
        subprocess.run(
            cli("status", "set", str(path), ref, status, "--on", on, "--by", "umerov",
                "--note", f"{note} ({k})"),
            env=ENV,
            check=True,
            capture_output=True,
        )  # fmt: skip
        spans.append(time.perf_counter() - start)
    span = statistics.median(spans[1:])
    current = nt.load(path)
    old_kept = completed = 0
    for i in range(1, rounds + 1):
        ref, status, on, note = status_args(path, i)
        expected = nt.load(path)
        expected.set_status(ref, status, on=on, by="umerov", note=note)
        proc = subprocess.Popen(
            cli("status", "set", str(path), ref, status, "--on", on, "--by", "umerov",
                "--note", note),
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        # Half the kills anywhere in the run, half in its last stretch, where it writes.
        time.sleep(rng.uniform(0.2, 1.1) * span if i % 2 else rng.uniform(0.75, 1.05) * span)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = nt.load(path)  # must always load
        if after == current:
            old_kept += 1
        else:
            assert after == expected, f"round {i}: neither the old nor the new state"
            completed += 1
        current = after
    return old_kept, completed


@pytest.mark.parametrize(("suffix", "rounds"), [(".json", 100), (".yaml", 30)])
def test_sigkill_leaves_old_or_new_state(tmp_path: Path, suffix: str, rounds: int) -> None:
    """A status update killed at any instant leaves the dossier loadable, old or new."""
    path = tmp_path / f"d{suffix}"
    big_dossier(300 if suffix == ".json" else 60).save(path)
    # (The instants rarely fall inside the write itself, which is short; test_update.py
    # also dies deterministically at each step of the atomic write.)
    old_kept, completed = _kill_run(path, rounds, random.Random(SEED))
    assert old_kept + completed == rounds
    # The instants span the run: some kills land before the replace, some after.
    assert old_kept > 0
    assert completed > 0
    # A later writer is never blocked by a killed one: the kernel dropped its lock.
    code = subprocess.run(
        cli("status", "set", str(path), "us-28#1", "agreed", "--on", "2027", "--by", "umerov",
            "--timeout", "2"),
        env=ENV,
        capture_output=True,
    ).returncode  # fmt: skip
    assert code == 0
    # ... and that run removed the temporary files the killed writers left behind.
    assert sorted(p.name for p in tmp_path.glob(f".d{suffix}.*.tmp")) == []


# -- concurrent writers ----------------------------------------------------------------

WORKER = """
import sys
from negotrack.cli.commands import main
path, worker, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
refs = ("us-28#1", "us-28#12", "geneva-19#1", "geneva-19#9")
for i in range(count):
    code = main(["status", "set", path, refs[(worker + i) % 4], "disputed",
                 "--on", "2026-01-01", "--by", "umerov", "--note", f"w{worker}-{i}",
                 "--timeout", "60"])
    if code:
        sys.exit(code)
"""


@pytest.mark.parametrize(("suffix", "count"), [(".json", 25), (".yaml", 12)])
def test_concurrent_writers_lose_nothing(tmp_path: Path, suffix: str, count: int) -> None:
    """Eight processes applying 25 updates each (12 for slower YAML) at once, half of them
    through a symlink to the dossier: all recorded, in the real file, the link kept."""
    workers = 8
    path = tmp_path / f"d{suffix}"
    make_small().save(path)
    link = tmp_path / f"link{suffix}"
    link.symlink_to(path)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(link if w % 2 else path), str(w), str(count)],
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for w in range(workers)
    ]
    errors = [p.communicate(timeout=600)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0] * workers, errors
    notes = sorted(c.note or "" for c in nt.load(path).status_log)
    assert notes == sorted(f"w{w}-{i}" for w in range(workers) for i in range(count))
    assert link.is_symlink()


# -- malformed input -------------------------------------------------------------------


def _run(*argv: str) -> tuple[int, str]:
    """main(argv) in-process; (exit code, stderr). Any non-negotrack exception escapes."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(list(argv))
    return code, err.getvalue()


def _assert_rejected(path: Path, *, allow_ok: bool = False) -> None:
    """``validate`` and ``status set`` on ``path`` fail with located lines, file untouched.
    When the file is valid (``allow_ok``) but no longer holds what ``status set`` names (a
    broken node took point us-28#1 or participant umerov away), the error is the argument's,
    named as the usage line names it, with its value (``FILE: REF us-28#1: ...``)."""
    before = path.read_bytes(), path.stat().st_mtime_ns
    valid = False
    for argv in (
        ("validate", str(path)),
        ("status", "set", str(path), "us-28#1", "kept", "--on", "2026-01-01", "--by", "umerov"),
    ):
        code, err = _run(*argv)
        if allow_ok and code == 0:
            valid = True
            continue
        assert code == 1, err
        lines = err.splitlines()
        assert lines, "an error must say what is wrong"
        for line in lines:
            assert "Traceback" not in line
            assert line.startswith(str(path)), line
            if valid and line.startswith((f"{path}: REF us-28#1: ", f"{path}: --by umerov: ")):
                continue
            assert ": $" in line, line  # the place in the document
    if not allow_ok:
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert not list(path.parent.glob(".*.tmp")), "no temporary file may be left behind"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out.extend(_paths(v, (*prefix, i)))
    return out


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def _write(tmp_path: Path, data: Any, fmt: str) -> Path:
    path = tmp_path / f"case.{fmt}"
    if fmt == "json":
        text = json.dumps(data)
    else:
        from ruamel.yaml import YAML

        buf = io.StringIO()
        YAML(typ="safe", pure=True).dump(data, buf)
        text = buf.getvalue()
    path.write_text(text, encoding="utf-8")
    return path


FAST = settings(
    max_examples=400,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FAST
@given(raw=st.binary(max_size=300), fmt=st.sampled_from(["json", "yaml"]))
def test_garbage_bytes_are_refused(tmp_path: Path, raw: bytes, fmt: str) -> None:
    """Random bytes, as JSON or YAML, are refused with a located error or are valid."""
    path = tmp_path / f"g.{fmt}"
    path.write_bytes(raw)
    _assert_rejected(path)


@FAST
@given(text=st.text(max_size=300), fmt=st.sampled_from(["json", "yaml"]))
def test_garbage_text_is_refused(tmp_path: Path, text: str, fmt: str) -> None:
    """Random text is never a dossier: located errors, exit 1, file untouched."""
    path = tmp_path / f"t.{fmt}"
    path.write_text(text, encoding="utf-8")
    _assert_rejected(path)


@FAST
@given(data=st.data(), value=json_values, fmt=st.sampled_from(["json", "yaml"]))
def test_wrong_types_anywhere(tmp_path: Path, data: st.DataObject, value: Any, fmt: str) -> None:
    """Any node of a valid dossier replaced by any value: valid, or located errors only."""
    base = to_data(make_small())
    where = data.draw(st.sampled_from(_paths(base)))
    broken = _replace(json.loads(json.dumps(base)), where, value)
    path = _write(tmp_path, broken, fmt)
    _assert_rejected(path, allow_ok=True)


BAD_REFERENCES = [
    (("events", 0, "participants", 0), "nobody"),
    (("events", 0, "sources", 0), "s99"),
    (("events", 0, "versions", 0), "us-99"),
    (("plans", 0, "versions", 1, "derived_from", 0), "us-27"),
    (("plans", 0, "versions", 0, "points", 0, "sources"), ["s7"]),
    (("status_log",), [{"ref": "us-28#77", "status": "kept", "on": "2026", "source": "s1"}]),
    (("status_log",), [{"ref": "us-29#1", "status": "kept", "on": "2026", "source": "s1"}]),
    (("status_log",), [{"ref": "us-28", "status": "kept", "on": "2026", "source": "s1"}]),
    (("status_log",), [{"ref": "us-28#1", "status": "kept", "on": "2026", "by": "ghost"}]),
    (("position_log",), [{"ref": "us-28#1", "party": "x", "stance": "rejects", "on": "2026",
                          "source": "s1"}]),
]  # fmt: skip

BAD_DATES = [
    "2025-02-30",
    "2025-13",
    "2025-11-23T25:00+01:00",
    "2025-11-23T14:00",
    "2025-11-23T14:00 Mars/Olympus_Mons",
    "2025-11-23T14:00 Europe/Atlantis",
    "2025-11-23T14:00+25:00",
    "0000",
    "yesterday",
    "",
    "2025-11-23T14:00+03:00 Europe/Zurich",
]


@FAST
@given(
    ref=st.sampled_from(BAD_REFERENCES),
    date=st.sampled_from(BAD_DATES),
    field=st.sampled_from([("events", 1, "when"), ("sources", 0, "published"),
                           ("plans", 0, "versions", 0, "date"), ("events", 0, "until")]),
    which=st.sampled_from(["ref", "date", "both"]),
    fmt=st.sampled_from(["json", "yaml"]),
)  # fmt: skip
def test_unknown_ids_refs_and_impossible_dates(
    tmp_path: Path, ref: Any, date: str, field: tuple[Any, ...], which: str, fmt: str
) -> None:
    """Unknown ids and refs, impossible dates and unknown zones: located errors only."""
    data = json.loads(json.dumps(to_data(make_small())))
    if which in ("ref", "both"):
        _replace(data, ref[0], ref[1])
    if which in ("date", "both"):
        _replace(data, field, date)
    _assert_rejected(_write(tmp_path, data, fmt))


@FAST
@given(
    ref=st.text(max_size=12),
    status=st.text(max_size=10),
    on=st.text(max_size=30) | st.sampled_from(BAD_DATES),
    who=st.text(max_size=6),
)
def test_bad_command_line_values_never_change_the_file(
    tmp_path: Path, ref: str, status: str, on: str, who: str
) -> None:
    """Whatever the arguments of ``status set``, a refusal leaves the file as it was."""
    path = tmp_path / "d.yaml"
    if not path.exists():
        make_small().save(path)
    before = path.read_bytes(), path.stat().st_mtime_ns
    code, err = _run("status", "set", str(path), ref, status, f"--on={on}", f"--by={who}")
    assert code in (1, 2)
    assert err
    assert "Traceback" not in err
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def _bomb(levels: int) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\ntitle: bomb\nnegotrack: 1\n"


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    """A billion-laughs document is refused quickly with a located error."""
    path = tmp_path / "bomb.yaml"
    path.write_text(_bomb(9), encoding="utf-8")
    _assert_rejected(path)
    _code, err = _run("validate", str(path))
    assert "alias" in err


def _large_valid_but_one() -> str:
    # 30,000 valid events (about 10 MB) and one broken record at the very end.
    return dumps(big_dossier(30_000), "json").replace('"id": "e29999"', '"id": ["e29999"]')


LARGE: dict[str, Callable[[], str]] = {
    "deep.json": lambda: "[" * 100_000 + "]" * 100_000,
    "deep.yaml": lambda: "a:\n" + "".join(" " * i + "- \n" for i in range(1, 3000)),
    "flowdeep.yaml": lambda: "[" * 50_000 + "]" * 50_000,
    "long.json": lambda: json.dumps({"negotrack": 1, "title": "x" * 5_000_000, "events": [1]}),
    "many.json": _large_valid_but_one,
    "manybad.json": lambda: json.dumps(
        {"negotrack": 1, "title": "t", "events": [{"id": "e"}] * 10_000}
    ),
}


@pytest.mark.parametrize("name", sorted(LARGE))
def test_very_large_and_deep_files(tmp_path: Path, name: str) -> None:
    """Huge, deeply nested and very long inputs end in located errors, not crashes."""
    path = tmp_path / name
    path.write_text(LARGE[name](), encoding="utf-8")
    _assert_rejected(path)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bomb.yaml", _bomb(9).encode()),
        ("bad.json", b'{"negotrack": 1, "title": "t", "events": [{"id": 1}]}'),
        ("latin1.yaml", "title: caf\xe9\n".encode("latin-1")),
        ("nosuffix.txt", b"title: t\n"),
    ],
)
def test_subprocess_errors_are_lines_not_tracebacks(
    tmp_path: Path, name: str, content: bytes
) -> None:
    """Run as a real process, bad input gives exit 1 and located lines on stderr only."""
    path = tmp_path / name
    path.write_bytes(content)
    mtime = path.stat().st_mtime_ns
    for argv in (
        ("validate", str(path)),
        ("status", "set", str(path), "us-28#1", "kept", "--on", "2026", "--by", "umerov"),
    ):
        proc = subprocess.run(cli(*argv), env=ENV, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1, proc.stderr
        assert proc.stdout == ""
        assert "Traceback" not in proc.stderr
        assert all(line.startswith(str(path)) for line in proc.stderr.splitlines())
    assert (path.read_bytes(), path.stat().st_mtime_ns) == (content, mtime)
