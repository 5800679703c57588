"""Locked read-modify-write: atomic, re-reading, mode-keeping, comment-keeping for YAML."""

from __future__ import annotations

import difflib
import json
import os
import re
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import negotrack as nt
from negotrack.io import jsonsplice
from negotrack.io import yamlappend as _yamlappend
from negotrack.io import yamlmerge as _yamlmerge
from negotrack.io.storage import dumps, to_data
from negotrack.io.update import lock_path, locked, update
from tests.support.dossiers import SEEDS, make_small
from tests.support.strategies import dossiers

HAND_EDITED = """\
# A dossier kept by hand. Comments matter to its editors.
negotrack: 1
title: "Talks"        # the working title
participants:
  - id: witkoff       # US envoy
    name: Steve Witkoff
    side: US
sources:
  - id: s1
    title: 'A report'
    url: https://example.org/r
    published: 2025-11-20
events:
  - id: geneva
    when: 2025-11-23
    title: Geneva talks
    kind: round
    participants: [witkoff]
    sources: [s1]
    summary: >-
      A folded summary
      over two lines.

plans:
  - id: plan
    title: The plan
    versions:
      - id: us-28
        label: US 28-point draft
        date: 2025-11-20
        points:
          - number: 1
            text: Sovereignty.    # keep
          - {number: 12, text: "The army is capped."}

# Status changes, newest last.
status_log:
  - ref: us-28#1
    status: kept
    on: 2025-11-23
    source: s1
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    """A file under ``tmp_path`` holding ``text``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_update_applies_the_change_and_returns_its_value(tmp_path: Path) -> None:
    """The change is saved and its return value handed back."""
    path = tmp_path / "d.json"
    make_small().save(path)
    change = update(
        path, lambda d: d.set_status("us-28#12", "disputed", on="2025-12-26", by="umerov")
    )
    assert change.status is nt.Status.DISPUTED
    assert nt.load(path).status_of("us-28#12") is nt.Status.DISPUTED


def test_a_failing_change_leaves_the_file_untouched(tmp_path: Path) -> None:
    """A change that raises writes nothing: same bytes, same mtime."""
    path = tmp_path / "d.json"
    make_small().save(path)
    before = path.read_bytes(), path.stat().st_mtime_ns
    with pytest.raises(nt.UnknownReference):
        update(path, lambda d: d.set_status("us-28#99", "kept", on="2025-12-01", by="umerov"))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_update_rereads_so_nothing_is_lost(tmp_path: Path) -> None:
    """Two writers working from the file each keep the other's change."""
    path = tmp_path / "d.yaml"
    make_small().save(path)
    stale = nt.load(path)  # what a careless writer would hold in memory
    update(path, lambda d: d.set_status("us-28#1", "kept", on="2025-11-23", source="s1"))
    update(path, lambda d: d.set_status("us-28#12", "deleted", on="2025-11-24", source="s1"))
    d = nt.load(path)
    assert len(d.status_log) == len(stale.status_log) + 2


def test_file_mode_is_kept(tmp_path: Path) -> None:
    """An update keeps the dossier's permission bits."""
    path = tmp_path / "d.json"
    make_small().save(path)
    path.chmod(0o640)
    update(path, lambda d: d.set_status("us-28#1", "kept", on="2025-11-23", source="s1"))
    assert path.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("name", ["nonexist.yaml", "dangling.json"])
def test_a_dossier_that_is_not_there_gets_no_lock_file(tmp_path: Path, name: str) -> None:
    """Updating a file that does not exist (or a symlink to none) says so and leaves no
    ``.NAME.lock`` behind: there is nothing to take turns on."""
    path = tmp_path / name
    if name.startswith("dangling"):
        path.symlink_to(tmp_path / "gone.json")
    with pytest.raises(nt.FormatError, match="no such file"):
        update(path, lambda d: d.set_status("us-28#1", "kept", on="2025-11-23", source="s1"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ([name] if path.is_symlink() else [])


def test_the_lock_is_a_sidecar_file(tmp_path: Path) -> None:
    """The lock lives in ``.NAME.lock`` beside the dossier, never in the dossier itself."""
    path = tmp_path / "d.json"
    make_small().save(path)
    inode = path.stat().st_ino
    update(path, lambda d: d.set_status("us-28#1", "kept", on="2025-11-23", source="s1"))
    assert Path(lock_path(path)) == tmp_path / ".d.json.lock"
    assert Path(lock_path(path)).exists()
    assert path.stat().st_ino != inode  # replaced atomically, hence the sidecar


def test_a_held_lock_times_out_with_a_clear_message(tmp_path: Path) -> None:
    """While another writer holds the lock, update waits, then says what to do."""
    path = tmp_path / "d.json"
    make_small().save(path)
    before = path.read_bytes()
    with locked(path), pytest.raises(nt.LockTimeout) as info:
        update(path, lambda d: None, timeout=0.2)
    (problem,) = info.value.problems
    assert problem.file == str(path)
    assert "another process" in problem.message
    assert problem.hint is not None
    assert "--timeout" in problem.hint
    assert isinstance(info.value, TimeoutError)
    assert path.read_bytes() == before


def test_writers_take_turns(tmp_path: Path) -> None:
    """A writer waiting on the lock proceeds once it is released, and both changes land."""
    path = tmp_path / "d.json"
    make_small().save(path)
    release = threading.Event()
    holding = threading.Event()

    def hold() -> None:
        with locked(path):
            holding.set()
            release.wait(5)

    t = threading.Thread(target=hold)
    t.start()
    holding.wait(5)
    threading.Timer(0.2, release.set).start()
    update(path, lambda d: d.set_status("us-28#1", "kept", on="2025-11-23", source="s1"))
    t.join()
    assert nt.load(path).status_of("us-28#1") is nt.Status.KEPT


def _diff(old: str, new: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if not line.startswith(("---", "+++", "@@"))
    ]


def test_yaml_status_update_only_adds_lines(tmp_path: Path) -> None:
    """A status set on a hand-edited YAML file adds its lines and changes nothing else
    but the quoting of the bare ``on:`` keys a YAML 1.1 reader would take for ``True``."""
    path = write(tmp_path, "d.yaml", HAND_EDITED)
    update(
        path,
        lambda d: d.set_status(
            "us-28#12", "disputed", on="2025-12-26", source="s1", note="Moscow: no; Kyiv: maybe"
        ),
    )
    new = path.read_text(encoding="utf-8")
    changed = _diff(HAND_EDITED, new)
    assert changed
    requoted = {"-    on: 2025-11-23", "+    'on': 2025-11-23"}
    assert all(line.startswith("+") or line in requoted for line in changed)
    assert "+  - ref: us-28#12" in changed
    assert nt.load(path).status_of("us-28#12") is nt.Status.DISPUTED


def test_long_prose_a_safe_update_adds_is_folded(tmp_path: Path) -> None:
    """A long note written by a safe update is a folded block of short lines, as ``save``
    and the hand-written seeds write prose, and reads back exactly."""
    path = write(tmp_path, "d.yaml", HAND_EDITED)
    note = " ".join(["Moscow accepts the wording, Kyiv asks for a review of the annex."] * 4)
    update(
        path,
        lambda d: d.set_status("us-28#12", "disputed", on="2025-12-26", source="s1", note=note),
    )
    text = path.read_text(encoding="utf-8")
    assert "note: >-" in text
    assert max(len(line) for line in text.splitlines()) <= 100
    assert nt.load(path).status_log[-1].note == note


def test_yaml_without_a_status_log_gains_one(tmp_path: Path) -> None:
    """A file with no status_log gets the key appended, the rest untouched."""
    text = HAND_EDITED[: HAND_EDITED.index("# Status changes")]
    path = write(tmp_path, "d.yaml", text)
    update(path, lambda d: d.set_status("us-28#1", "kept", on="2025-11-23", source="s1"))
    changed = _diff(text, path.read_text(encoding="utf-8"))
    assert all(line.startswith("+") for line in changed)
    assert "+status_log:" in changed


def test_yaml_seed_update_only_adds_lines(tmp_path: Path) -> None:
    """Each seed's YAML keeps every line through a status update."""
    for seed in sorted(SEEDS.glob("*.y*ml")):
        text = seed.read_text(encoding="utf-8")
        path = write(tmp_path, seed.name, text)
        ref = nt.load(path).refs()[0]
        source = nt.load(path).sources[0].id

        def defer(d: nt.Dossier, ref: str = ref, source: str = source) -> None:
            d.set_status(ref, "deferred", on="2026-01", source=source)

        update(path, defer)
        changed = _diff(text, path.read_text(encoding="utf-8"))
        assert changed, seed.name
        assert all(line.startswith("+") for line in changed), seed.name


WRAPPED = (
    HAND_EDITED.replace(
        "    title: Geneva talks\n",
        "    title: Geneva talks between the US and Ukraine's delegations, continued\n"
        "      on the second day\n",
    )
    .replace(
        "    title: 'A report'\n",
        "    title: 'A report from Geneva, quoted because the editor likes quotes,\n"
        "      and wrapped'\n",
    )
    .replace(
        '          - {number: 12, text: "The army is capped."}\n',
        "          - number: 12\n"
        '            text: "The army is capped at 600,000 personnel, wrapped by the editor\n'
        '              inside double quotes."\n',
    )
)


def test_scalars_the_editor_wrapped_stay_wrapped(tmp_path: Path) -> None:
    """ruamel.yaml writes a plain or quoted scalar wrapped over several lines back on one
    line; the merge puts the editor's lines back, so an update only adds its own."""
    path = write(tmp_path, "d.yaml", WRAPPED)
    before = nt.load(path)
    assert before.events[0].title.endswith("continued on the second day")
    update(path, lambda d: d.set_status("us-28#12", "agreed", on="2025-12-26", source="s1"))
    changed = _diff(WRAPPED, path.read_text(encoding="utf-8"))
    requoted = {"-    on: 2025-11-23", "+    'on': 2025-11-23"}
    assert changed
    assert all(line.startswith("+") or line in requoted for line in changed), changed
    after = nt.load(path)
    assert after.events == before.events
    assert after.sources == before.sources
    assert after.plans == before.plans


def test_a_wrapped_scalar_that_changed_is_written_anew(tmp_path: Path) -> None:
    """Only scalars left as they were keep the editor's lines: a changed one is written
    as the dumper writes it, and the other wrapped ones stay."""
    path = write(tmp_path, "d.yaml", WRAPPED)

    def rename(d: nt.Dossier) -> None:
        d.replace(attrs.evolve(d.events[0], title="Geneva talks, first day"))

    update(path, rename)
    text = path.read_text(encoding="utf-8")
    changed = _diff(WRAPPED, text)
    assert "-    title: Geneva talks between the US and Ukraine's delegations, continued" in changed
    assert "+    title: Geneva talks, first day" in changed
    assert "      and wrapped'" in text.splitlines()
    assert nt.load(path).events[0].title == "Geneva talks, first day"


@settings(max_examples=40, deadline=None)
@given(
    words=st.lists(st.sampled_from(["truce", "line", "Kyiv's", "zone", "of", "20%"]), min_size=2),
    cuts=st.lists(st.integers(min_value=1), max_size=4),
    quote=st.sampled_from(["", "'", '"']),
)
def test_any_wrapped_note_survives_an_update(words: list[str], cuts: list[int], quote: str) -> None:
    """A note wrapped anywhere between its words, plain or quoted, keeps its lines through
    a status update, and reads back the same."""
    breaks = {c % (len(words) - 1) + 1 for c in cuts}
    lines: list[list[str]] = [[]]
    for k, word in enumerate(words):
        if k in breaks:
            lines.append([])
        lines[-1].append(word)
    body = "\n      ".join(" ".join(line) for line in lines)
    if quote == "'":
        body = body.replace("'", "''")
    text = HAND_EDITED.replace(
        "    source: s1\n", f"    source: s1\n    note: {quote}{body}{quote}\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), "d.yaml", text)
        note = nt.load(path).status_log[0].note
        assert note == " ".join(words)
        update(path, lambda d: d.set_status("us-28#12", "agreed", on="2025-12-26", source="s1"))
        changed = _diff(text, path.read_text(encoding="utf-8"))
        requoted = {"-    on: 2025-11-23", "+    'on': 2025-11-23"}
        assert all(line.startswith("+") or line in requoted for line in changed), changed
        assert nt.load(path).status_log[0].note == note


MINSK = (SEEDS / "minsk-2014-2015.yaml").read_text(encoding="utf-8")
NOTE = "        note: Local elections under the special-status law; Minsk II adds a dialogue on their terms.\n"  # noqa: E501


def _only_added(before: str, path: Path) -> list[str]:
    """The lines an update changed in the file at ``path``, each one it added."""
    changed = _diff(before, path.read_text(encoding="utf-8"))
    assert changed
    assert all(line.startswith("+") for line in changed), changed
    return changed


@pytest.mark.parametrize(
    "wrapped",
    [
        # a comment after the last line keeps its spacing
        "        note: Local elections under the special-status law; Minsk II adds\n"
        "          a dialogue on their terms.  # c\n",
        # a blank line in a plain value (a line break in it) is written plain, not quoted
        "        note: Local elections under the special-status law.\n\n"
        "          Minsk II adds a dialogue on their terms.\n",
    ],
)
def test_a_wrapped_value_keeps_its_comment_and_its_blank_line(tmp_path: Path, wrapped: str) -> None:
    text = MINSK.replace(NOTE, wrapped)
    assert text != MINSK
    path = write(tmp_path, "m.yaml", text)
    update(path, lambda d: d.set_status("minsk-2#1", "disputed", on="2015-03-01", source="m3"))
    _only_added(text, path)


HEADER_END = (
    "# points is recorded as curated `links` (one old point linked to two new ones is a split).\n"
)


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.replace(HEADER_END, HEADER_END + "---\n"),
        lambda t: t.replace(HEADER_END, HEADER_END + "%YAML 1.2\n--- # the dossier\n"),
        lambda t: "--- # doc start\n" + t,
        lambda t: t + "...\n# the end of the dossier\n",
    ],
    ids=["comments-then-start", "directive", "start-comment", "end-and-comment"],
)
def test_document_markers_and_the_comments_around_them_are_kept(
    tmp_path: Path, edit: Callable[[str], str]
) -> None:
    """ruamel.yaml drops the comments before a "---", the comment on its line, a
    directive, and a closing "..." with what follows: the update keeps them as written."""
    text = edit(MINSK)
    assert text != MINSK
    path = write(tmp_path, "m.yaml", text)
    update(path, lambda d: d.set_status("minsk-2#1", "disputed", on="2015-03-01", source="m3"))
    _only_added(text, path)


def test_a_file_with_windows_line_endings_keeps_them(tmp_path: Path) -> None:
    """A CRLF file comes back CRLF throughout (it came back with most lines LF and the
    comment lines CRLF), changed only by the lines the update adds."""
    text = MINSK.replace("\n", "\r\n")
    path = tmp_path / "m.yaml"
    path.write_bytes(text.encode("utf-8"))
    update(path, lambda d: d.set_status("minsk-2#1", "disputed", on="2015-03-01", source="m3"))
    after = path.read_bytes().decode("utf-8")
    assert after.count("\r\n") == after.count("\n")
    _only_added(MINSK, write(tmp_path, "lf.yaml", after.replace("\r\n", "\n")))


def test_equal_values_keep_their_own_line_breaks(tmp_path: Path) -> None:
    """Two links with the same note, one wrapped: unlinking the wrapped one leaves the
    other on its one line, and a new link whose note equals a wrapped note elsewhere in
    the file does not unwrap it (values are told apart by the keys and values before
    them, not only by their order)."""
    second = re.compile(r"(        new: minsk-2#12\n        note: )>-\n(?:          .*\n)+")
    text = second.sub(r"\1Same note\n", MINSK.replace(NOTE, "        note: Same\n          note\n"))
    path = write(tmp_path, "m.yaml", text)
    assert [k.note for k in nt.load(path).plan("minsk").links[:2]] == ["Same note"] * 2
    update(path, lambda d: d.unlink("minsk-1#9", "minsk-2#4"))
    after = path.read_text(encoding="utf-8")
    assert "        new: minsk-2#12\n        note: Same note\n" in after
    log_note = "    note: Split into Minsk II points 4 and 12.\n"
    assert log_note in MINSK
    text = MINSK.replace(log_note, "    note: Split into Minsk II\n      points 4 and 12.\n")
    path = write(tmp_path, "c.yaml", text)
    update(
        path,
        lambda d: d.link("minsk-1#4", "minsk-2#9", note="Split into Minsk II points 4 and 12."),
    )
    _only_added(text, path)


def test_yaml_edits_change_only_their_lines(tmp_path: Path) -> None:
    """Changing a title rewrites that one line and keeps its comment (and quotes the bare
    ``on:`` key, which YAML 1.1 readers take for ``True``)."""
    path = write(tmp_path, "d.yaml", HAND_EDITED)

    def retitle(d: nt.Dossier) -> None:
        d.title = "Talks, renamed"

    update(path, retitle)
    changed = _diff(HAND_EDITED, path.read_text(encoding="utf-8"))
    requoted = {"-    on: 2025-11-23", "+    'on': 2025-11-23"}
    assert requoted <= set(changed)
    changed = [line for line in changed if line not in requoted]
    assert len(changed) == 2
    assert changed[0].startswith('-title: "Talks"')
    assert changed[1].startswith("+title:")
    assert "# the working title" in changed[1]


def test_a_bad_merge_falls_back_to_a_correct_dump(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the merge ever produce other data, the dossier is written afresh instead."""
    path = write(tmp_path, "d.yaml", HAND_EDITED)
    monkeypatch.setattr(_yamlappend, "append_text", lambda text, before, after: None)
    monkeypatch.setattr(_yamlmerge, "merge_text", lambda text, before, after: HAND_EDITED)
    update(path, lambda d: d.set_status("us-28#12", "agreed", on="2025-12-26", source="s1"))
    assert nt.load(path).status_of("us-28#12") is nt.Status.AGREED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a:\n- b: 1\n  c: 2\n", {"mapping": 2, "sequence": 2, "offset": 0}),
        ("a:\n  - b: 1\n    c: 2\n", {"mapping": 2, "sequence": 4, "offset": 2}),
        ("a:\n    b:\n        - 1\n", {"mapping": 4, "sequence": 6, "offset": 4}),
        ("a: 1\n", {"mapping": 2, "sequence": 2, "offset": 0}),
    ],
)
def test_indentation_is_guessed(text: str, expected: dict[str, int]) -> None:
    """The merge reuses the file's own mapping and sequence indentation."""
    assert _yamlmerge._guess_indent(text) == expected


def test_update_of_a_missing_file_is_an_error(tmp_path: Path) -> None:
    """A missing dossier is a FormatError naming it, and no dossier is created."""
    path = tmp_path / "nope.json"
    with pytest.raises(nt.FormatError, match="no such file"):
        update(path, lambda d: None)
    assert not path.exists()
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_json_update_matches_a_fresh_save(tmp_path: Path) -> None:
    """On a file negotrack wrote, the JSON splice gives exactly what ``save`` would."""
    path = tmp_path / "d.json"
    make_small().save(path)
    for i, ref in enumerate(["us-28#1", "us-28#12", "geneva-19#9"]):

        def keep(d: nt.Dossier, ref: str = ref, day: int = i + 1) -> None:
            d.set_status(ref, "kept", on=f"2026-01-0{day}", by="umerov")

        update(path, keep)
        assert path.read_text(encoding="utf-8") == dumps(nt.load(path), "json")
    assert len(nt.load(path).status_log) == 3


def test_json_update_keeps_the_rest_of_a_hand_formatted_file(tmp_path: Path) -> None:
    """A compact, hand-formatted JSON file changes only in the section that changed."""
    data = to_data(make_small())
    text = json.dumps(data, separators=(",", ":"))
    path = write(tmp_path, "d.json", text)
    update(path, lambda d: d.set_status("us-28#1", "deleted", on="2026-01-01", by="umerov"))
    new = path.read_text(encoding="utf-8")
    assert "\n" not in new
    assert new.startswith(text[: text.index(',"status_log"') if '"status_log"' in text else -1])
    assert nt.load(path).status_of("us-28#1") is nt.Status.DELETED


def test_a_change_that_changes_nothing_writes_nothing(tmp_path: Path) -> None:
    """An update whose change leaves the dossier as it was does not rewrite the file."""
    for name in ("d.json", "d.yaml"):
        path = tmp_path / name
        make_small().save(path)
        mtime = path.stat().st_mtime_ns
        assert update(path, lambda d: d.title) == make_small().title
        assert path.stat().st_mtime_ns == mtime


def test_json_that_is_not_a_plain_object_is_rewritten_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text the splice cannot read as one plain object is written afresh."""
    text = dumps(make_small(), "json").replace('"negotrack": 1,', '"negotrack":   1,')
    path = write(tmp_path, "d.json", text)
    monkeypatch.setattr(jsonsplice, "spans_of", lambda text: None)
    update(path, lambda d: d.set_status("us-28#1", "kept", on="2026-01-01", by="umerov"))
    assert path.read_text(encoding="utf-8") == dumps(nt.load(path), "json")


def test_json_with_a_key_twice_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    """A key twice in one object is refused at its line; the file is not touched."""
    text = dumps(make_small(), "json").replace('"negotrack": 1,', '"negotrack": 1, "negotrack": 1,')
    path = write(tmp_path, "d.json", text)
    with pytest.raises(nt.FormatError, match='the key "negotrack" appears twice'):
        update(path, lambda d: d.set_status("us-28#1", "kept", on="2026-01-01", by="umerov"))
    assert path.read_text(encoding="utf-8") == text


class _Killed(BaseException):
    """Stands for the process dying at a chosen instant."""


@pytest.mark.parametrize("instant", ["fsync", "replace"])
def test_death_before_the_replace_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, instant: str
) -> None:
    """Dying while the new text is written or just before the rename keeps the old file."""
    path = tmp_path / "d.json"
    make_small().save(path)
    before = path.read_bytes()

    def die(*args: object) -> None:
        raise _Killed

    monkeypatch.setattr(os, instant, die)
    with pytest.raises(_Killed):
        update(path, lambda d: d.set_status("us-28#1", "kept", on="2026-01-01", by="umerov"))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert nt.load(path) == make_small()
    assert not list(tmp_path.glob(".*.tmp"))


def test_death_after_the_replace_leaves_the_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dying after the rename (before the directory is synced) keeps the complete new file."""
    path = tmp_path / "d.json"
    make_small().save(path)
    real_replace = os.replace

    def replace_then_die(src: str, dst: str) -> None:
        real_replace(src, dst)
        raise _Killed

    monkeypatch.setattr(os, "replace", replace_then_die)
    with pytest.raises(_Killed):
        update(path, lambda d: d.set_status("us-28#1", "kept", on="2026-01-01", by="umerov"))
    monkeypatch.undo()
    assert nt.load(path).status_of("us-28#1") is nt.Status.KEPT


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(d=dossiers(), data=st.data(), suffix=st.sampled_from([".json", ".yaml"]))
def test_any_dossier_gains_exactly_the_status_change(
    tmp_path: Path, d: nt.Dossier, data: st.DataObject, suffix: str
) -> None:
    """For any dossier, an update adds the change and nothing else; YAML keeps every line."""
    path = tmp_path / f"any{suffix}"
    d.save(path)
    old = path.read_text(encoding="utf-8")
    ref = data.draw(st.sampled_from(d.refs()))
    status = data.draw(st.sampled_from(list(nt.Status)))
    source = d.sources[0].id
    expected = nt.load(path)
    expected.set_status(ref, status, on="2041-01-01", source=source, note="a: b # 'c'")
    update(path, lambda x: x.set_status(ref, status, on="2041-01-01", source=source,
                                        note="a: b # 'c'"))  # fmt: skip
    assert nt.load(path) == expected
    if suffix == ".yaml":  # JSON changes a "}" to "}," when it appends to a list
        changed = _diff(old, path.read_text(encoding="utf-8"))
        assert [line for line in changed if not line.startswith("+")] == []
