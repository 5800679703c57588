"""Safe scripted changes to a dossier file: lock, re-read, change, validate, replace.

A newsroom's cron job and an editor may change the same dossier at once; neither may corrupt
it or lose the other's change. :func:`update` gives every writer a turn:

1. **Lock.** An advisory ``fcntl.flock`` on a sidecar file next to the dossier
   (``.NAME.lock``), never on the dossier itself: the atomic replace below swaps the
   dossier's inode, so a lock on it would guard a file no longer in the directory. The lock
   is polled until ``timeout`` and then :class:`~negotrack.LockTimeout` names the file and
   what to do. The kernel drops a flock when its process dies, so a crashed writer never
   leaves a stale lock behind (the empty sidecar file may stay; it is harmless). The
   sidecar is opened without following symlinks, is created with the dossier's group and
   read/write bits (so the dossier's group can lock it), and is checked after locking and
   again before committing: if someone deleted it meanwhile, the turn is taken again.
   Temporary files that killed writers left are removed under the lock.
2. **Re-read under the lock**, so that whatever another writer recorded while we waited is
   the starting point and nothing is lost.
3. **Change and validate**: the change runs on a :class:`~negotrack.Dossier`, whose methods
   validate before changing anything; a change that raises leaves the file untouched.
4. **Replace atomically**: a temporary file in the same directory, ``fsync``, ``os.replace``
   and an ``fsync`` of the directory, keeping the file's owner, group and mode (see
   :mod:`negotrack.io.files`); a symlinked dossier is changed where it lives. A reader, or
   a writer killed at any instant, sees the old file or the new one, never a torn one.

**Why YAML files are merged, not re-dumped or logged aside.** Hand-edited YAML dossiers
carry comments, ordering and layout that their editors rely on. Re-dumping the dossier
would throw them away on the first scripted update. A sidecar log of changes (appended by
scripts, folded in later) would keep the file intact but split the truth in two: every
reader, diff and review would have to know about the second file, and a forgotten fold
would silently hide recorded changes. Instead the file is loaded with ruamel.yaml's
round-trip loader and the new data is merged into that tree (changed scalars updated, new
list items appended, keys added or removed, see :mod:`negotrack.io.yamlmerge`), so one file
stays the whole truth and a status update shows in review as the few lines it added. A
change that only appends to existing lists (a status update, a position) skips the round
trip: the new items' lines are put after each list's last item as text
(:mod:`negotrack.io.yamlappend`). The new text is loaded again and compared with the
intended dossier before it replaces the file; should the appended text disagree, the
merge is tried, and should the merge disagree, the dossier is written afresh instead
(correct data wins over kept comments).

**JSON files are spliced**: only the sections a change touched are encoded again, the rest
kept byte for byte (:mod:`negotrack.io.jsonsplice`).

**What the lock does not cover.** Only writers that go through :func:`update` (and so
``negotrack status set``) take turns. :meth:`Dossier.save` on a dossier loaded earlier
writes atomically but without the lock, and would overwrite changes made since it was
loaded; scripts that change files others may be changing should use :func:`update`.
What such a writer saves during an update's turn is kept, though: just before replacing
the file, the update checks that it is still the one it read (its inode, size and
modification time) and, if not, makes its change again on the new one. The same check
guards against a sidecar deleted while held, which lets a second writer take a turn on a
new sidecar and read the file before the first replaced it. Only a replace that lands
between that check and the replace itself is lost.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from negotrack.errors import LockTimeout, Problem

if TYPE_CHECKING:
    from pathlib import Path

    from negotrack.dossier.dossier import Dossier

__all__ = ["lock_path", "locked", "update"]

T = TypeVar("T")


def lock_path(path: str | Path) -> str:
    """The sidecar lock file of the dossier at ``path``: ``.NAME.lock`` beside the real file.

    A symlinked dossier is locked beside its target, so every link to one file shares one
    lock. (Plain ``os.path`` rather than pathlib: the command line's start-up time is a bar.)
    """
    folder, name = os.path.split(os.path.realpath(os.fspath(path)))
    return os.path.join(folder, f".{name}.lock")


def _open_sidecar(sidecar: str, dossier: str) -> int:
    """Open (creating) the sidecar without following a symlink planted in its place.

    A new sidecar gets the dossier's group and its read/write bits, so whoever may write
    the dossier may take its lock. Read access is all ``flock`` needs, so a sidecar made by
    another user is opened read-only.
    """
    flags = os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK
    while True:
        try:
            fd = os.open(sidecar, flags | os.O_CREAT | os.O_EXCL, 0o600)
            break
        except FileExistsError:
            pass
        try:
            return _checked_sidecar(os.open(sidecar, flags), sidecar)
        except FileNotFoundError:
            continue  # deleted between the two calls: create it after all
        except OSError as exc:
            if exc.errno != errno.ELOOP:
                raise
            raise OSError(
                errno.ELOOP,
                "the lock file is a symlink, which is never followed (remove it)",
                sidecar,
            ) from None
    try:
        st = os.stat(dossier)
    except OSError:
        return fd
    with contextlib.suppress(PermissionError):
        os.fchown(fd, -1, st.st_gid)
    if os.geteuid() == 0:
        os.fchown(fd, st.st_uid, st.st_gid)
    os.fchmod(fd, (st.st_mode & 0o666) | 0o600)
    return fd


def _checked_sidecar(fd: int, sidecar: str) -> int:
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, "the lock file is not a regular file (remove it)", sidecar)
    return fd


def _same_file(fd: int, path: str) -> bool:
    """Whether ``path`` still names the file open as ``fd`` (a deleted sidecar does not)."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (held.st_dev, held.st_ino)


class _LockLost(Exception):
    """The sidecar was deleted or replaced while held: the turn must be taken again."""


@contextmanager
def locked(path: str | Path, *, timeout: float = 10.0) -> Iterator[Callable[[], None]]:
    """Hold the dossier's advisory write lock for the ``with`` block.

    Raises :class:`~negotrack.LockTimeout` if another process holds it for ``timeout``
    seconds. The lock is taken on the sidecar that the path names *after* the ``flock``:
    should someone delete or replace the sidecar meanwhile, the lock is taken again on the
    new one. The value bound by ``as`` is a check to call just before committing: it raises
    an internal signal that :func:`update` answers by taking its turn again.
    """
    sidecar = lock_path(path)
    dossier = os.path.realpath(os.fspath(path))
    deadline = time.monotonic() + timeout
    while True:
        fd = _open_sidecar(sidecar, dossier)
        try:
            _flock(fd, deadline, timeout, sidecar, path)
        except BaseException:
            os.close(fd)
            raise
        if _same_file(fd, sidecar):
            break
        os.close(fd)  # someone removed the sidecar while we waited: lock the current one

    def still_held() -> None:
        if not _same_file(fd, sidecar):
            raise _LockLost

    try:
        yield still_held
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _flock(fd: int, deadline: float, timeout: float, sidecar: str, path: str | Path) -> None:
    pause = 0.002
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
        if time.monotonic() >= deadline:
            raise LockTimeout(
                Problem(
                    f"another process has been writing this dossier for over {timeout:g}s "
                    f"(lock {os.path.basename(sidecar)})",
                    "$",
                    str(path),
                    hint="try again shortly, or give a longer --timeout; the lock is "
                    "released as soon as the other writer finishes or dies",
                )
            )
        time.sleep(pause)
        pause = min(pause * 2, 0.01)


def update(path: str | Path, change: Callable[[Dossier], T], *, timeout: float = 10.0) -> T:
    """Apply ``change`` to the dossier at ``path`` under its lock and save it atomically.

    ``change`` receives the freshly re-read :class:`~negotrack.Dossier` and changes it
    through its validating methods (``set_status``, ``add_event``, ...); its return value is
    returned. If ``change`` raises, the file is left untouched; if it changes nothing, the
    file is not rewritten. JSON and YAML files keep their layout outside what changed (see
    the module docstring). A symlinked dossier is updated where it lives; should the lock
    be lost to someone deleting its sidecar, or the file be replaced during the turn (by a
    writer that takes no lock), the change is applied again on a fresh read (so ``change``
    may run more than once; it must depend only on the dossier it gets).
    """
    while True:
        try:
            return _update_once(path, change, timeout)
        except _LockLost:
            continue


def _update_once(path: str | Path, change: Callable[[Dossier], T], timeout: float) -> T:
    from negotrack.io.files import atomic_write, changeable, read_text, remove_stale_temps
    from negotrack.io.jsonsplice import sections, spans_of, splice
    from negotrack.io.storage import check_surrogates, format_of, from_data, loads, to_data

    changeable(path)  # no lock file for a file not there, or one that cannot be written
    fmt, name = format_of(path), str(path)
    real = os.path.realpath(path)
    with locked(path, timeout=timeout) as still_held:
        remove_stale_temps(path)
        seen = _stamp(real)  # before reading: a change after it is seen as a change
        text = read_text(path)
        spans = spans_of(text) if fmt == "json" else None
        if spans is not None:
            # One parse: the spans hold the parsed values too.
            data = {k: span[0] for k, span in spans.items()}
            check_surrogates(text, data, name)
            dossier = from_data(data, file=name)
        else:
            dossier = loads(text, fmt, file=name)
        before = sections(dossier)
        yaml_before = to_data(dossier) if fmt == "yaml" else None
        result = change(dossier)
        if yaml_before is not None:
            new = _yaml_text(text, yaml_before, dossier, name)
        else:
            new = splice(text, spans, before, dossier)
        if new != text:

            def unchanged() -> None:
                """Just before the replace: the turn is still ours, and the file is the
                one read (a writer that lost the lock to a deleted sidecar, or one that
                takes no lock, may have replaced it since; its change is kept, ours made
                again on it)."""
                still_held()
                if _stamp(real) != seen:
                    raise _LockLost

            atomic_write(real, new, before_replace=unchanged)
    return result


def _stamp(path: str) -> tuple[int, int, int, int] | None:
    """What tells a regular file replaced or rewritten: its inode, size and modification
    time (None for anything else: a device or a pipe written through has no such stamp)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _yaml_text(old: str, before: dict[str, Any], dossier: Dossier, name: str) -> str:
    """The YAML text for ``dossier``: the file's own text with the new items' lines added
    when the change only appends (:mod:`negotrack.io.yamlappend`), else merged; each only
    when it reads back as ``dossier``."""
    from negotrack.io.storage import dumps, loads, to_data
    from negotrack.io.yamlappend import append_text
    from negotrack.io.yamlmerge import merge_text

    after = to_data(dossier)
    if after == before:
        return old
    try:
        text = append_text(old, before, after)
        if text is not None and loads(text, "yaml", file=name) == dossier:
            return text
    except Exception:
        pass  # a faster way to the same text: the merge below writes it too
    try:
        text = merge_text(old, before, after)
        if loads(text, "yaml", file=name) == dossier:
            return text
    except Exception:
        pass  # keeping comments is a nicety; correct data is not, so dump it afresh
    return dumps(dossier, "yaml")
