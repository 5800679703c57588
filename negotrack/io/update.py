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

**JSON files are spliced.** JSON has no comments, but the same idea pays: the top-level
object is scanned once (its values parsed, their positions kept), and only the sections the
change touched (for a status update, ``status_log``) are encoded again and put in place of
their old text. The rest of the file is kept byte for byte, so a reviewer's diff shows only
the change, and a scripted update on a large dossier skips re-encoding everything else
(on a file negotrack wrote, the result is exactly what :meth:`Dossier.save` would write).
A file that is not one plain object with distinct keys is re-encoded whole.

**What the lock does not cover.** Only writers that go through :func:`update` (and so
``negotrack status set``) take turns. :meth:`Dossier.save` on a dossier loaded earlier
writes atomically but without the lock, and would overwrite changes made since it was
loaded; scripts that change files others may be changing should use :func:`update`.
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
from typing import TYPE_CHECKING, Any, TypeVar, cast

from negotrack.errors import LockTimeout, Problem
from negotrack.io.records import RECORD_LISTS

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
    be lost to someone deleting its sidecar, the change is applied again on a fresh read
    (so ``change`` may run more than once; it must depend only on the dossier it gets).
    """
    while True:
        try:
            return _update_once(path, change, timeout)
        except _LockLost:
            continue


def _update_once(path: str | Path, change: Callable[[Dossier], T], timeout: float) -> T:
    from negotrack.io.files import atomic_write, changeable, read_text, remove_stale_temps
    from negotrack.io.storage import check_surrogates, format_of, from_data, loads, to_data

    changeable(path)  # no lock file for a file not there, or one that cannot be written
    fmt, name = format_of(path), str(path)
    with locked(path, timeout=timeout) as still_held:
        remove_stale_temps(path)
        text = read_text(path)
        spans = _json_spans(text) if fmt == "json" else None
        if spans is not None:
            # One parse: the spans hold the parsed values too.
            data = {k: span[0] for k, span in spans.items()}
            check_surrogates(text, data, name)
            dossier = from_data(data, file=name)
        else:
            dossier = loads(text, fmt, file=name)
        before = _sections(dossier)
        yaml_before = to_data(dossier) if fmt == "yaml" else None
        result = change(dossier)
        if yaml_before is not None:
            new = _yaml_text(text, yaml_before, dossier, name)
        else:
            new = _json_text(text, spans, before, dossier)
        if new != text:
            atomic_write(os.path.realpath(path), new, before_replace=still_held)
    return result


_SECTIONS = ("title", "description", *RECORD_LISTS)


def _sections(d: Dossier) -> dict[str, object]:
    return {name: getattr(d, name) for name in _SECTIONS}


Spans = dict[str, tuple[Any, int, int, int]]
"""Top-level key -> (parsed value, where its key starts, where its value starts and ends)."""


def _json_spans(text: str) -> Spans | None:
    """The top-level object's values with where their text starts and ends, or None when
    the text is not one plain object with distinct keys (then the ordinary loader speaks).
    """
    import json

    decoder = json.JSONDecoder()
    ws = " \t\n\r"
    n = len(text)
    i = 0
    while i < n and text[i] in ws:
        i += 1
    if i >= n or text[i] != "{":
        return None
    spans: Spans = {}
    i += 1
    try:
        while True:
            while i < n and text[i] in ws:
                i += 1
            if i < n and text[i] == "}" and not spans:
                i += 1
                break
            if i >= n or text[i] != '"':
                return None
            key_start = i
            key, i = decoder.raw_decode(text, i)
            while i < n and text[i] in ws:
                i += 1
            if i >= n or text[i] != ":":
                return None
            i += 1
            while i < n and text[i] in ws:
                i += 1
            value, end = decoder.raw_decode(text, i)
            if key in spans:
                return None
            spans[key] = (value, key_start, i, end)
            i = end
            while i < n and text[i] in ws:
                i += 1
            if i < n and text[i] == ",":
                i += 1
                continue
            if i < n and text[i] == "}":
                i += 1
                break
            return None
    except (ValueError, RecursionError):
        return None
    return spans if not text[i:].strip(ws) else None


def _json_text(text: str, spans: Spans | None, before: dict[str, object], d: Dossier) -> str:
    """The JSON text for ``d``: ``text`` with only the changed sections re-encoded.

    A status update rewrites the status log and leaves every other byte of the file as it
    was, which is both faster than re-encoding the whole dossier and kinder to a reviewer
    reading the diff. Files that are not one plain object are re-encoded whole.
    """
    from types import SimpleNamespace

    from negotrack.io.storage import dumps, to_data

    after = _sections(d)
    changed = [k for k in _SECTIONS if after[k] is not before[k] and after[k] != before[k]]
    if not changed:
        return text
    if spans is None or "title" not in spans:
        return dumps(d, "json")
    # to_data of a stand-in holding only the changed sections: the rest is not re-encoded.
    partial = SimpleNamespace(
        **{k: after[k] if k in changed else () for k in _SECTIONS[2:]},
        title=after["title"],
        description=after["description"],
    )
    data = to_data(cast("Dossier", partial))
    lead = text[text.index("{") + 1 : min(span[1] for span in spans.values())]
    indent = len(lead) - len(lead.rstrip(" ")) if "\n" in lead else None
    edits: list[tuple[int, int, str]] = []
    order = list(_SECTIONS)
    for key in changed:
        value = data.get(key, [] if key in order[2:] else None)
        encoded = _encode(value, indent)
        if key in spans:
            _, _, start, end = spans[key]
            edits.append((start, end, encoded))
            continue
        # A new section goes before the next section present in the file, or last.
        later = [spans[k][1] for k in order[order.index(key) + 1 :] if k in spans]
        if later:
            at = min(later)
            edits.append((at, at, f'"{key}": {encoded},{lead}'))
        else:
            end = max(span[3] for span in spans.values())
            edits.append((end, end, f',{lead}"{key}": {encoded}'))
    out = text
    for start, end, piece in sorted(edits, reverse=True):
        out = out[:start] + piece + out[end:]
    return out


def _encode(value: Any, indent: int | None) -> str:
    """``value`` as JSON nested one level inside an object indented by ``indent``."""
    import json

    encoded = json.dumps(value, ensure_ascii=False, indent=indent)
    return encoded.replace("\n", "\n" + " " * indent) if indent else encoded


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
