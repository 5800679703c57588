"""Files on disk, safely: bounded reads of regular files, atomic writes that keep ownership.

What this module promises, whoever runs it (a cron job, an editor, root):

- **A dossier is read only from a regular file**, at most :data:`MAX_BYTES` of it: a FIFO
  or ``/dev/zero`` given as a dossier is refused at once instead of hanging or filling
  memory.
- **A symlink is followed, never replaced**: writing to a link writes the file it points
  to, where it lives (so a symlinked dossier gets the change, and its lock is the real
  file's).
- **What is not a regular file is written through, never replaced**: ``-o /dev/null``,
  ``-o /dev/stdout``, ``-o /proc/self/fd/1`` or a FIFO receive the text as a shell's ``>``
  would give it; a directory is refused.
- **A regular file is replaced atomically**, through a temporary file in its directory
  (``.NAME.PID.N.tmp``), ``fsync`` and ``os.replace``, keeping the old file's owner, group
  and mode. The temporary files of a writer killed mid-write are removed by the next
  update of that file (:func:`remove_stale_temps`).
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import re
import stat
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from negotrack.errors import FormatError, Problem

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "MAX_BYTES",
    "atomic_write",
    "changeable",
    "read_text",
    "real_path",
    "remove_stale_temps",
]

#: Larger files are refused before parsing: they are almost surely a mistake.
MAX_BYTES = 512 * 1024 * 1024
#: A temporary file older than this is stale even if its writer's process id is in use.
STALE_AFTER = 3600.0

_SERIAL = itertools.count()


def real_path(path: str | Path) -> str:
    """Where ``path`` lives once every symlink is followed (the file a change must reach)."""
    return os.path.realpath(os.fspath(path))


def read_text(path: str | Path) -> str:
    """The UTF-8 text of the regular file at ``path``; a located :class:`FormatError` else.

    The size cap is applied while reading too, so a file that grows, or lies about its
    size, cannot exhaust memory.
    """
    name = os.fspath(path)
    try:
        fd = os.open(name, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except FileNotFoundError:
        raise FormatError(Problem("no such file", "$", name)) from None
    except OSError as exc:
        raise FormatError(Problem(f"cannot read it: {exc.strerror}", "$", name)) from None
    # Checked before fdopen, which refuses a directory with the descriptor for its name.
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        what = "a directory" if stat.S_ISDIR(mode) else "not a regular file"
        raise FormatError(Problem(f"cannot read it: {what}", "$", name, hint="give a dossier file"))
    with os.fdopen(fd, "rb") as f:
        # Read what the file says it holds (a buffer of the cap's size, allocated up front,
        # would cost its whole size in memory), then whatever it grew by, up to the cap.
        want = min(os.fstat(fd).st_size, MAX_BYTES) + 1
        data = f.read(want)
        if len(data) == want:
            chunks, total = [data], len(data)
            while total <= MAX_BYTES:
                chunk = f.read(min(1 << 20, MAX_BYTES + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
            data = b"".join(chunks)
    if len(data) > MAX_BYTES:
        raise FormatError(Problem(f"the file is over the limit of {MAX_BYTES:,} bytes", "$", name))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(
            Problem(f"not UTF-8 text ({exc.reason} at byte {exc.start})", "$", name)
        ) from None


def changeable(path: str | Path) -> None:
    """Refuse a dossier that cannot be changed where it is, before a lock or a temporary
    file is made: a missing file or a folder (:func:`read_text`'s error), a read-only file
    (no write bit at all, which even root is held to, as editors do, or none for this
    user), or one in a folder this user cannot make files in (its lock and its new copy
    are made beside it). Each is named as the dossier's problem, with what to do: the
    lock file's own name meant nothing to the person."""
    real, name = real_path(path), os.fspath(path)
    if os.path.isdir(real) or not os.path.exists(real):
        read_text(path)
    if not os.stat(real).st_mode & 0o222 or not os.access(real, os.W_OK):
        why = "the file is read-only (make it writable to change it: chmod u+w)"
    elif not os.access(os.path.dirname(real) or ".", os.W_OK | os.X_OK):
        why = (
            f"its folder {os.path.dirname(real) or '.'} is not writable (the lock file and the "
            "new copy are made beside the dossier: change it where you may write, or ask "
            "for write access to the folder)"
        )
    else:
        return
    raise PermissionError(errno.EACCES, f"cannot change it: {why}", name)


def _write_through(path: str, text: str) -> None:
    """Write ``text`` into what ``path`` names (a device, a FIFO, a descriptor), as ``>`` does."""
    flags = os.O_WRONLY | os.O_CLOEXEC
    if stat.S_ISREG(os.stat(path).st_mode):
        flags |= os.O_TRUNC
    fd = os.open(path, flags)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def _is_descriptor_alias(path: str) -> bool:
    """``/dev/stdout``, ``/dev/fd/N``, ``/proc/self/fd/N``: names of an open descriptor,
    which must receive the text itself (replacing the file behind it would not show)."""
    return _DESCRIPTOR.fullmatch(path) is not None


_DESCRIPTOR = re.compile(r"/dev/(stdout|stderr|fd/\d+)|/proc/(self|thread-self|\d+)/fd/\d+")


def atomic_write(
    path: str | Path, text: str, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Put ``text`` in ``path`` so that readers see the old or the new file, never half.

    A regular file (or a missing one) is replaced through a temporary file in the same
    directory, flushed, ``fsync``-ed, given the old file's owner, group and mode, and
    renamed over it; then the directory is ``fsync``-ed. A symlink is followed (its target
    is replaced, the link stays); a device, a FIFO or a descriptor alias is written through;
    a directory is refused. ``before_replace`` runs just before the rename (a writer's last
    chance to abort).
    """
    given = os.fspath(path)
    try:
        st: os.stat_result | None = os.stat(given)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "Is a directory (give a file name)", given)
    if st is not None and (not stat.S_ISREG(st.st_mode) or _is_descriptor_alias(given)):
        if before_replace is not None:
            before_replace()
        _write_through(given, text)
        return
    target = real_path(given)
    folder = os.path.dirname(target) or "."
    if st is not None:
        mode = st.st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    # A name of our own rather than tempfile's: importing tempfile costs the command line
    # more start-up time than the whole write. O_EXCL makes the name ours alone.
    while True:
        tmp = os.path.join(folder, f".{os.path.basename(target)}.{os.getpid()}.{next(_SERIAL)}.tmp")
        try:
            fd = os.open(
                tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600
            )
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
            if st is not None:
                _keep_owner(f.fileno(), st)
            os.fchmod(f.fileno(), mode)  # after chown, which may clear set-id bits
        if before_replace is not None:
            before_replace()
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _keep_owner(fd: int, st: os.stat_result) -> None:
    """Give the new file the old one's owner and group, as far as we are allowed.

    Root keeps both; another user keeps the group when they belong to it (else the new
    file has theirs, as any editor saving the file would give it).
    """
    if (st.st_uid, st.st_gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.fchown(fd, st.st_uid, st.st_gid)
    except PermissionError:
        with contextlib.suppress(PermissionError):
            os.fchown(fd, -1, st.st_gid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temps(path: str | Path, *, now: float | None = None) -> list[str]:
    """Remove the temporary files killed writers of ``path`` left behind; return their names.

    Only files named as :func:`atomic_write` names them for this very file
    (``.NAME.PID.N.tmp``) are touched, and only when their process is gone or they are
    older than :data:`STALE_AFTER` seconds.
    """
    target = real_path(path)
    folder, base = os.path.split(target)
    pattern = re.compile(rf"\.{re.escape(base)}\.(\d+)\.\d+\.tmp")
    now = time.time() if now is None else now
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder or "."))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        pid = int(match.group(1))
        if pid != os.getpid() and _alive(pid) and now - info.st_mtime < STALE_AFTER:
            continue
        if pid == os.getpid() and now - info.st_mtime < STALE_AFTER:
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(entry.name)
    return removed
