"""Files on disk: outputs that are not plain files, symlinked dossiers, locks, owners, temps."""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import negotrack as nt
from negotrack.cli.commands import main
from negotrack.io.files import atomic_write, read_text, remove_stale_temps
from negotrack.io.update import lock_path, locked, update
from tests.support.dossiers import make_small

ROOT = os.geteuid() == 0


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    """The small dossier saved as JSON in a temporary folder."""
    path = tmp_path / "d.json"
    make_small().save(path)
    return path


def _record(path: str | Path, day: int) -> None:
    update(
        path, lambda d: d.set_status("us-28#1", "disputed", on=f"2025-12-{day:02d}", by="umerov")
    )


# -- outputs that are not plain files --------------------------------------------------


def test_output_to_a_char_device_writes_through(tmp_path: Path) -> None:
    """``-o /dev/null`` writes into the device and leaves it a device (it was replaced)."""
    before = os.stat("/dev/null")
    assert main(["export", "--to", "json-schema", "-o", "/dev/null"]) == 0
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_output_to_a_fifo_writes_through(tmp_path: Path) -> None:
    """A FIFO given as the output receives the text and stays a FIFO."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    atomic_write(fifo, "hello\n")
    reader.join(5)
    assert got == ["hello\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_output_to_proc_self_fd_prints(tmp_path: Path) -> None:
    """``-o /proc/self/fd/1`` prints to stdout (it used to replace the file behind it)."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "negotrack",
            "export",
            "--to",
            "json-schema",
            "-o",
            "/proc/self/fd/1",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert '"$schema"' in done.stdout


def test_output_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    """Writing to a symlink replaces its target's content; the link stays a link."""
    real = tmp_path / "real.html"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


def test_output_to_a_directory_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """An output that is a directory is refused with its name, not the input's."""
    code = main(["timeline", str(dossier), "-o", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"{tmp_path}:")


def test_output_write_errors_name_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dossier: Path
) -> None:
    """A failure writing the output names the output file (it used to blame the input)."""
    out = tmp_path / "missing-folder" / "t.html"
    code = main(["timeline", str(dossier), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"{out}: cannot write the output")


# -- dossiers that are not plain files -------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_fifo_or_dev_zero_as_a_dossier_is_refused(tmp_path: Path, kind: str) -> None:
    """A FIFO or /dev/zero as a dossier is refused at once: no hang, no memory filled."""
    path = tmp_path / "d.json"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    with pytest.raises(nt.FormatError) as info:
        nt.load(path)
    assert "not a regular file" in str(info.value)


@pytest.mark.parametrize("name", ["d.yaml", "seeds"])
@pytest.mark.parametrize("command", ["validate", "diff", "link"])
def test_a_directory_as_a_dossier_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, name: str
) -> None:
    """A folder given as the dossier is a located error naming it, not a bare descriptor
    (nor, for a folder named without a suffix, a complaint about its suffix)."""
    folder = tmp_path / name
    folder.mkdir()
    with pytest.raises(nt.FormatError) as info:
        nt.load(folder)
    assert "a directory" in str(info.value)
    extra = {"validate": [], "diff": ["us-28", "20-point"], "link": ["us-28#1", "20-point#1"]}
    assert main([command, str(folder), *extra[command]]) == 1
    err = capsys.readouterr().err
    assert err == f"{folder}: $: cannot read it: a directory (give a dossier file)\n"


@pytest.mark.parametrize("command", ["link", "status"])
def test_a_read_only_dossier_is_refused_by_name_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """A dossier made read-only is not replaced behind its owner's back (a rename ignores
    the file's mode): the change is refused naming it and what to do, and no lock file is
    left beside it."""
    path = tmp_path / "d.json"
    make_small().save(path)
    path.chmod(0o444)
    before = path.read_bytes()
    argv = {
        "link": ["link", str(path), "us-28#1", "geneva-19#1"],
        "status": [
            "status",
            "set",
            str(path),
            "us-28#1",
            "kept",
            "--on",
            "2025-12",
            "--by",
            "witkoff",
        ],
    }[command]
    assert main(argv) == 1
    assert capsys.readouterr().err == (
        f"{path}: cannot change it: the file is read-only (make it writable to change it: "
        "chmod u+w)\n"
    )
    assert path.read_bytes() == before
    assert os.stat(path).st_mode & 0o777 == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.json"]


def test_a_dossier_in_a_folder_one_cannot_write_names_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dossier in a folder the user may read but not write is refused as the dossier's
    problem, naming the folder, not as a lock file's 'Permission denied'. (The folder is
    made unwritable for this user through ``os.access``, which root's own would deny
    nothing; the file is left alone.)"""
    path = tmp_path / "d.json"
    make_small().save(path)
    before = path.read_bytes()
    real_access = os.access

    def access(target: str | os.PathLike[str], mode: int) -> bool:
        if os.path.realpath(target) == os.path.realpath(tmp_path) and mode & os.W_OK:
            return False
        return real_access(target, mode)

    monkeypatch.setattr("negotrack.io.files.os.access", access)
    assert main(["link", str(path), "us-28#1", "geneva-19#1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{path}: cannot change it: its folder {tmp_path} is not writable")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.json"]


def test_read_text_applies_the_cap_while_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The size limit holds for what is read, not only for what stat reports."""
    monkeypatch.setattr("negotrack.io.files.MAX_BYTES", 10)
    path = tmp_path / "d.json"
    path.write_text("x" * 11, encoding="utf-8")
    with pytest.raises(nt.FormatError, match="over the limit"):
        read_text(path)


# -- symlinked dossiers and locks ------------------------------------------------------


def test_status_set_on_a_symlinked_dossier_updates_the_target(tmp_path: Path) -> None:
    """``status set`` through a link changes the real file and keeps the link."""
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    real = real_dir / "d.yaml"
    make_small().save(real)
    link = tmp_path / "d.yaml"
    link.symlink_to(real)
    code = main(
        ["status", "set", str(link), "us-28#1", "disputed", "--on", "2025-12-01", "--by", "umerov"]
    )
    assert code == 0
    assert link.is_symlink()
    assert nt.load(real).status_of("us-28#1") is nt.Status.DISPUTED
    assert lock_path(link) == lock_path(real) == str(real_dir / ".d.yaml.lock")


def test_the_lock_never_follows_a_planted_symlink(tmp_path: Path, dossier: Path) -> None:
    """A symlink planted as the sidecar is refused, and nothing is created where it points."""
    elsewhere = tmp_path / "elsewhere"
    Path(lock_path(dossier)).symlink_to(elsewhere)
    with pytest.raises(OSError, match="never followed"), locked(dossier):
        pass
    assert not elsewhere.exists()


def test_a_new_sidecar_has_the_dossiers_group_and_bits(tmp_path: Path, dossier: Path) -> None:
    """The sidecar of a 0660 dossier is group-readable and -writable, in the dossier's group."""
    os.chmod(dossier, 0o660)
    if ROOT:
        os.chown(dossier, 0, 4242)
    with locked(dossier):
        pass
    st = os.stat(lock_path(dossier))
    assert st.st_mode & 0o777 == 0o660
    assert st.st_gid == os.stat(dossier).st_gid


def test_owner_group_and_mode_survive_an_update(dossier: Path) -> None:
    """An update leaves the dossier with its owner, group and mode (run by root, the file
    belongs to another user and group, which root used to take over)."""
    if ROOT:
        os.chown(dossier, 4242, 4343)
    os.chmod(dossier, 0o640)
    before = os.stat(dossier)
    _record(dossier, 1)
    st = os.stat(dossier)
    assert st.st_ino != before.st_ino  # replaced, not edited in place
    assert (st.st_uid, st.st_gid, st.st_mode) == (before.st_uid, before.st_gid, before.st_mode)


def test_deleting_the_sidecar_while_held_loses_no_update(dossier: Path) -> None:
    """Writers keep their turns even while someone keeps deleting the lock file."""
    stop = threading.Event()

    def vandal() -> None:
        while not stop.is_set():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(lock_path(dossier))
            time.sleep(0.003)

    def writer(n: int) -> None:
        for i in range(10):
            on = f"2025-12-{1 + i:02d}T{n:02d}:00Z"

            def change(d: nt.Dossier, on: str = on) -> object:
                return d.set_status("us-28#1", "disputed", on=on, by="umerov")

            update(dossier, change)

    thread = threading.Thread(target=vandal)
    thread.start()
    try:
        writers = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
        for w in writers:
            w.start()
        for w in writers:
            w.join()
    finally:
        stop.set()
        thread.join()
    added = len(nt.load(dossier).status_log) - len(make_small().status_log)
    assert added == 40


def test_a_file_replaced_during_the_turn_keeps_both_changes(dossier: Path) -> None:
    """A writer that takes no lock (``Dossier.save``, an editor) and replaces the file while
    an update holds its turn is not overwritten: the update sees the file is no longer
    the one it read and makes its change again on the new one. The same check closes most
    of the race a deleted sidecar opens (another writer's turn on a new sidecar)."""
    calls: list[str] = []

    def change(d: nt.Dossier) -> object:
        if not calls:  # mid-turn, someone else saves the file without the lock
            other = nt.load(dossier)
            other.set_status("us-28#12", "deleted", on="2025-12-02", by="witkoff")
            other.save(dossier)
        calls.append("ran")
        return d.set_status("us-28#1", "disputed", on="2025-12-03", by="umerov")

    update(dossier, change)
    log = nt.load(dossier).status_log
    assert {(str(e.ref), str(e.status), e.by) for e in log[-2:]} == {
        ("us-28#12", "deleted", "witkoff"),
        ("us-28#1", "disputed", "umerov"),
    }
    assert len(log) == len(make_small().status_log) + 2
    assert calls == ["ran", "ran"]


def test_stale_temp_files_are_removed_by_the_next_update(tmp_path: Path, dossier: Path) -> None:
    """A killed writer's ``.d.json.PID.N.tmp`` goes at the next update; others stay."""
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    pid = int(dead.stdout)
    stale = tmp_path / f".d.json.{pid}.0.tmp"
    stale.write_text("x" * 1000, encoding="utf-8")
    old = tmp_path / f".d.json.{os.getppid()}.0.tmp"
    old.write_text("x", encoding="utf-8")
    os.utime(old, (0, 0))
    live = tmp_path / f".d.json.{os.getppid()}.1.tmp"
    live.write_text("x", encoding="utf-8")
    other = tmp_path / f".other.json.{pid}.0.tmp"
    other.write_text("x", encoding="utf-8")
    _record(dossier, 2)
    assert not stale.exists()
    assert not old.exists()
    assert live.exists()
    assert other.exists()
    assert remove_stale_temps(dossier) == []


# -- a committed change is a success ---------------------------------------------------


def test_status_set_into_a_closed_pipe_exits_0(dossier: Path) -> None:
    """``status set ... | true`` records once and exits 0, saying so on stderr."""
    cmd = [
        sys.executable,
        "-m",
        "negotrack",
        "status",
        "set",
        str(dossier),
        "us-28#1",
        "disputed",
        "--on",
        "2025-12-03",
        "--by",
        "umerov",
    ]
    read, write = os.pipe()
    os.close(read)
    done = subprocess.run(cmd, stdout=write, stderr=subprocess.PIPE, text=True, check=False)
    os.close(write)
    assert done.returncode == 0, done.stderr
    assert f"{dossier}: saved (us-28#1: disputed on 2025-12-03 (by umerov))" in done.stderr
    assert nt.load(dossier).status_of("us-28#1") is nt.Status.DISPUTED


def test_reading_a_file_costs_its_size_not_the_cap(tmp_path: Path) -> None:
    """Reading a 1 MB dossier allocates about 1 MB, not a buffer the size of the cap (which
    made a 29 MB load peak at 512 MB)."""
    import tracemalloc

    from negotrack.io.files import read_text

    path = tmp_path / "d.json"
    path.write_text("x" * 1_000_000, encoding="utf-8")
    tracemalloc.start()
    try:
        text = read_text(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(text) == 1_000_000
    assert peak < 4_000_000
