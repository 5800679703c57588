"""Safe scripted changes to a dossier file: lock, re-read, change, validate, replace.

A newsroom's cron job and an editor may change the same dossier at once; neither may corrupt
it or lose the other's change. :func:`update` gives every writer a turn:

1. **Lock.** An advisory ``fcntl.flock`` on a sidecar file next to the dossier
   (``.NAME.lock``), never on the dossier itself: the atomic replace below swaps the
   dossier's inode, so a lock on it would guard a file no longer in the directory. The lock
   is polled until ``timeout`` and then :class:`~negotrack.LockTimeout` names the file and
   what to do. The kernel drops a flock when its process dies, so a crashed writer never
   leaves a stale lock behind (the empty sidecar file may stay; it is harmless).
2. **Re-read under the lock**, so that whatever another writer recorded while we waited is
   the starting point and nothing is lost.
3. **Change and validate**: the change runs on a :class:`~negotrack.Dossier`, whose methods
   validate before changing anything; a change that raises leaves the file untouched.
4. **Replace atomically**: a temporary file in the same directory, ``fsync``, ``os.replace``
   and an ``fsync`` of the directory, keeping the file's mode. A reader, or a writer killed
   at any instant, sees the old file or the new one, never a torn one.

**Why YAML files are merged, not re-dumped or logged aside.** Hand-edited YAML dossiers
carry comments, ordering and layout that their editors rely on. Re-dumping the dossier
would throw them away on the first scripted update. A sidecar log of changes (appended by
scripts, folded in later) would keep the file intact but split the truth in two: every
reader, diff and review would have to know about the second file, and a forgotten fold
would silently hide recorded changes. Instead the file is loaded with ruamel.yaml's
round-trip loader and the new data is merged into that tree (changed scalars updated, new
list items appended, keys added or removed, see :mod:`negotrack._yamlmerge`), so one file
stays the whole truth and a status update shows in review as the few lines it added. The
merged text is loaded again and compared with the intended dossier before it replaces the
file; should the merge ever disagree, the dossier is written afresh instead (correct data
wins over kept comments). JSON has no comments, so JSON files are simply re-dumped.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from negotrack.errors import LockTimeout, Problem

if TYPE_CHECKING:
    from negotrack.dossier import Dossier

__all__ = ["lock_path", "locked", "update"]

T = TypeVar("T")


def lock_path(path: str | Path) -> Path:
    """The sidecar lock file of the dossier at ``path``: ``.NAME.lock`` beside it."""
    p = Path(path)
    return p.with_name(f".{p.name}.lock")


@contextmanager
def locked(path: str | Path, *, timeout: float = 10.0) -> Iterator[None]:
    """Hold the dossier's advisory write lock for the ``with`` block.

    Raises :class:`~negotrack.LockTimeout` if another process holds it for ``timeout``
    seconds.
    """
    sidecar = lock_path(path)
    fd = os.open(sidecar, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        deadline = time.monotonic() + timeout
        pause = 0.002
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise
            if time.monotonic() >= deadline:
                raise LockTimeout(
                    Problem(
                        f"another process has been writing this dossier for over {timeout:g}s "
                        f"(lock {sidecar.name})",
                        "$",
                        str(path),
                        hint="try again shortly, or give a longer --timeout; the lock is "
                        "released as soon as the other writer finishes or dies",
                    )
                )
            time.sleep(pause)
            pause = min(pause * 2, 0.01)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def update(path: str | Path, change: Callable[[Dossier], T], *, timeout: float = 10.0) -> T:
    """Apply ``change`` to the dossier at ``path`` under its lock and save it atomically.

    ``change`` receives the freshly re-read :class:`~negotrack.Dossier` and changes it
    through its validating methods (``set_status``, ``add_event``, ...); its return value is
    returned. If ``change`` raises, the file is left untouched. YAML files keep their
    comments and layout (see the module docstring).
    """
    from negotrack.storage import atomic_write, format_of, load, to_data

    fmt = format_of(path)
    with locked(path, timeout=timeout):
        name = str(path)
        dossier = load(path)
        before = to_data(dossier) if fmt == "yaml" else None
        result = change(dossier)
        if before is not None:
            text = _yaml_text(Path(path), before, dossier, name)
        else:
            from negotrack.storage import dumps

            text = dumps(dossier, "json")
        atomic_write(path, text)
    return result


def _yaml_text(path: Path, before: dict[str, Any], dossier: Dossier, name: str) -> str:
    """The YAML text for ``dossier``: the file's own text merged, when that round-trips."""
    from negotrack._yamlmerge import merge_text
    from negotrack.storage import dumps, loads, to_data

    with open(path, encoding="utf-8") as f:
        old = f.read()
    try:
        text = merge_text(old, before, to_data(dossier))
        if loads(text, "yaml", file=name) == dossier:
            return text
    except Exception:
        pass  # keeping comments is a nicety; correct data is not, so dump it afresh
    return dumps(dossier, "yaml")
