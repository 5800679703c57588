"""Appends to a YAML dossier's lists written as new lines: the text the merge writes,
without its round trip, and the merge wherever the file is not one this path handles."""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import negotrack as nt
from negotrack.io import yamlappend, yamlmerge
from negotrack.io.storage import dumps, to_data
from negotrack.io.update import update
from negotrack.io.yamlappend import append_text
from negotrack.io.yamlmerge import merge_text
from tests.io.test_update import HAND_EDITED
from tests.support.dossiers import SEEDS
from tests.support.readers import within
from tests.support.strategies import dossiers, optional_texts, texts

Change = Callable[[nt.Dossier], object]
LONG = "Moscow accepts the wording; Kyiv asks for a review of the annex, on its security terms."
ALL_SEEDS = sorted(SEEDS.glob("*.yaml"))
KINDS = ("status", "position", "event")


def _change(kind: str, d: nt.Dossier) -> Change:
    """A change of ``kind`` to ``d`` that appends one record: a status change, a position
    with a long note (a folded block), or an event with a long summary."""
    ref, source, party = d.refs()[-1], d.sources[-1].id, d.participants[0].id
    if kind == "status":
        return lambda x: x.set_status(ref, "disputed", on="2026-01-05", source=source, note="on")
    if kind == "position":
        return lambda x: x.set_position(
            ref, party, "supports", on="2026-01", source=source, note=LONG
        )
    event = nt.Event(id="talks-2026", when="2026-01-05", title="yes", kind="round", summary=LONG)
    return lambda x: x.add_event(event)


def _both(text: str, change: Change) -> tuple[str | None, str, nt.Dossier]:
    """The fast path's text, the merge's text, and the changed dossier."""
    d = nt.loads(text, "yaml")
    before = to_data(d)
    change(d)
    after = to_data(d)
    return append_text(text, before, after), merge_text(text, before, after), d


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("seed", ALL_SEEDS, ids=lambda p: p.stem)
def test_an_append_to_a_seed_is_the_merges_text(seed: Path, kind: str) -> None:
    """A status change, a position and an event appended to each seed give byte for byte
    the text the round-trip merge gives, which reads back as the changed dossier."""
    text = seed.read_text(encoding="utf-8")
    fast, merged, d = _both(text, _change(kind, nt.loads(text, "yaml")))
    assert fast is not None
    assert fast == merged
    assert nt.loads(fast, "yaml") == d


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("seed", ALL_SEEDS, ids=lambda p: p.stem)
def test_pyyaml_reads_an_appended_seed_as_negotrack_does(seed: Path, kind: str) -> None:
    """A YAML 1.1 reader reads the appended seed as negotrack's JSON of the changed dossier
    (the new ``'on'`` key and dates quoted)."""
    text = seed.read_text(encoding="utf-8")
    fast, _, d = _both(text, _change(kind, nt.loads(text, "yaml")))
    assert fast is not None
    within(yaml.safe_load(fast), json.loads(dumps(d, "json")))


def test_a_status_update_takes_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``update`` on a seed writes the appended text without calling the merge, and the
    file changes by the new entry's lines only."""
    text = (SEEDS / "minsk-2014-2015.yaml").read_text(encoding="utf-8")
    change = _change("status", nt.loads(text, "yaml"))
    expected, _, _ = _both(text, change)

    def no_merge(*args: object) -> str:
        raise AssertionError("the merge ran")

    monkeypatch.setattr(yamlmerge, "merge_text", no_merge)
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    update(path, change)
    assert path.read_text(encoding="utf-8") == expected
    changed = list(difflib.ndiff(text.splitlines(), expected.splitlines()))
    assert [line[2:] for line in changed if line.startswith("+ ")] == [
        "  - ref: minsk-2#13",
        "    status: disputed",
        "    'on': '2026-01-05'",
        "    source: m10",
        "    note: 'on'",
    ]
    assert not [line for line in changed if line.startswith("- ")]


def test_appended_text_that_reads_otherwise_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the appended text ever read as other data, the merge writes the file."""
    path = tmp_path / "d.yaml"
    path.write_text(HAND_EDITED, encoding="utf-8")
    change = _change("status", nt.loads(HAND_EDITED, "yaml"))
    _, merged, _ = _both(HAND_EDITED, change)
    monkeypatch.setattr(yamlappend, "append_text", lambda text, before, after: HAND_EDITED)
    update(path, change)
    assert path.read_text(encoding="utf-8") == merged


LOG_END = "    source: s1\n"
assert HAND_EDITED.endswith(LOG_END)
LOG = HAND_EDITED[HAND_EDITED.index("status_log:") :]
POSITIONS = (
    "\n# Positions, newest last.\nposition_log:\n  - ref: us-28#1\n    party: witkoff\n"
    "    stance: supports\n    'on': '2025-11-23'\n    source: s1\n"
)
FALLBACKS: dict[str, Callable[[str], str]] = {
    "flow-list": lambda t: t.replace(
        LOG, "status_log: [{ref: 'us-28#1', status: kept, 'on': '2025-11-23', source: s1}]\n"
    ),
    "list-before-another": lambda t: t.replace(LOG, POSITIONS),
    "document-start": lambda t: "---\n" + t,
    "document-end": lambda t: t + "...\n",
    "directive": lambda t: "%YAML 1.2\n---\n" + t,
    "tab": lambda t: t.replace("title: The plan", "title: 'The\tplan'"),
    "anchor": lambda t: t.replace("  - ref: us-28#1\n", "  - &first\n    ref: us-28#1\n"),
    "alias": lambda t: t.replace("    source: s1\n", "    source: &s s1\n", 1).replace(
        LOG_END, "    source: *s\n"
    ),
    "tag": lambda t: t.replace(LOG_END, "    source: !!str s1\n"),
    "keep-block": lambda t: t.replace(LOG_END, LOG_END + "    note: |+\n      kept\n\n"),
    "empty-last-value": lambda t: t.replace(LOG_END, LOG_END + "    note:\n"),
    "mixed-line-ends": lambda t: t.replace("\n", "\r\n", 3),
    "lone-cr": lambda t: t.replace('title: "Talks"', 'title: "Talks\ragain"'),
    "no-line-end": lambda t: t.removesuffix("\n"),
    "other-indent": lambda t: t.replace(
        LOG, "status_log:\n- ref: us-28#1\n  status: kept\n  on: 2025-11-23\n  source: s1\n"
    ),
}


@pytest.mark.parametrize("edit", FALLBACKS.values(), ids=FALLBACKS.keys())
def test_what_the_fast_path_does_not_handle_is_merged(
    tmp_path: Path, edit: Callable[[str], str]
) -> None:
    """A flow list, a list yet to be made before a list the file has, document markers,
    tabs, anchors, aliases or tags in the list, a last value that is a keep block or empty,
    odd line ends, a last line without its end, or a list indented otherwise than the rest:
    the fast path declines, and the update writes what the merge writes."""
    text = edit(HAND_EDITED)
    assert text != HAND_EDITED
    change = _change("status", nt.loads(text, "yaml"))
    fast, merged, d = _both(text, change)
    assert fast is None
    path = tmp_path / "d.yaml"
    path.write_bytes(text.encode("utf-8"))
    update(path, change)
    assert path.read_bytes().decode("utf-8") == merged.replace("\r\r\n", "\r\n")
    assert nt.load(path) == d


def test_a_change_other_than_appends_is_merged() -> None:
    """A changed title, or an entry inserted before the last, is not an append."""
    d = nt.loads(HAND_EDITED, "yaml")
    before = to_data(d)
    d.title = "Talks, renamed"
    assert append_text(HAND_EDITED, before, to_data(d)) is None
    after = to_data(nt.loads(HAND_EDITED, "yaml"))
    after["status_log"].insert(0, dict(after["status_log"][0], status="agreed"))
    assert append_text(HAND_EDITED, before, after) is None


HANDLED: dict[str, Callable[[str], str]] = {
    "end-of-line-comment": lambda t: t.replace(LOG_END, "    source: s1   # the first\n"),
    "comment-lines-after": lambda t: t + "    # more to come\n\n# The end.\n",
    "next-section-heading": lambda t: t + POSITIONS,
    "folded-last": lambda t: t.replace(LOG_END, LOG_END + "    note: >-\n      a b\n      c\n\n"),
    "wrapped-last": lambda t: t.replace(LOG_END, LOG_END + "    note: a note\n      wrapped\n"),
    "quoted-last": lambda t: t.replace(LOG_END, LOG_END + "    note: 'it''s # not a comment'\n"),
    "flow-item-last": lambda t: t.replace(
        LOG, "status_log:\n  - {ref: us-28#1, status: kept, 'on': '2025-11-23', source: s1}\n"
    ),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "missing-list": lambda t: t.replace(LOG, ""),
    "missing-list-no-comment": lambda t: t[: t.index("\n# Status changes")] + "\n",
}


@pytest.mark.parametrize("edit", HANDLED.values(), ids=HANDLED.keys())
def test_comments_block_scalars_and_crlf_are_appended_as_the_merge_does(
    edit: Callable[[str], str],
) -> None:
    """New items go after the line the last item ends on: its end-of-line comment stays on
    it, the comment and blank lines after the list (the next section's heading) stay after
    the new items, a folded or wrapped last value keeps its lines, a CRLF file stays CRLF,
    a list yet to be made goes at the end, after the comments that end the file; the text
    is the merge's, byte for byte."""
    text = edit(HAND_EDITED)
    assert text != HAND_EDITED
    fast, merged, d = _both(text, _change("status", nt.loads(text, "yaml")))
    assert fast is not None
    assert fast == merged
    assert nt.loads(fast, "yaml") == d
    if "\r\n" in text:
        assert fast.count("\r\n") == fast.count("\n")


@st.composite
def _appends(draw: st.DrawFn, d: nt.Dossier) -> list[Change]:
    """One to three appends to ``d``: status changes, positions and events."""
    refs, sources, people = d.refs(), [s.id for s in d.sources], [p.id for p in d.participants]
    changes: list[Change] = []
    for n in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(KINDS))
        ref, source = draw(st.sampled_from(refs)), draw(st.sampled_from(sources))
        note = draw(optional_texts)
        on = f"2041-0{n + 1}-01"
        if kind == "status":
            status = draw(st.sampled_from(list(nt.Status)))
            changes.append(
                partial(
                    nt.Dossier.set_status, ref=ref, status=status, on=on, source=source, note=note
                )
            )
        elif kind == "position":
            party = draw(st.sampled_from(people))
            stance = draw(st.sampled_from(list(nt.Stance)))
            changes.append(
                partial(
                    nt.Dossier.set_position,
                    ref=ref,
                    party=party,
                    stance=stance,
                    on=on,
                    source=source,
                    note=note,
                )
            )
        else:
            event = nt.Event(
                id=f"appended-{n}", when=on, title=draw(texts), kind="round", summary=note
            )
            changes.append(partial(nt.Dossier.add_event, event=event))
    return changes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(d=dossiers(max_events=3), data=st.data())
def test_any_appends_read_back_and_only_add_lines(d: nt.Dossier, data: st.DataObject) -> None:
    """Appends to any small dossier written by negotrack give text that reads as the
    changed dossier, and that is the original text with lines inserted, byte for byte the
    merge's; the fast path declines only a list yet to be made before a key the dossier
    has (the merge puts it in its place), a tab, or what could be an anchor, alias or tag."""
    text = dumps(d, "yaml")
    before = to_data(d)
    for change in data.draw(_appends(d)):
        change(d)
    after = to_data(d)
    fast = append_text(text, before, after)
    if fast is None:
        new_list_inside = list(after)[: len(before)] != list(before)
        assert new_list_inside or "\t" in text or yamlappend._PROPERTIES.search(text)
        return
    assert nt.loads(fast, "yaml") == d
    assert fast == merge_text(text, before, after)
    old, new = text.splitlines(keepends=True), fast.splitlines(keepends=True)
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    assert {tag for tag, *_ in opcodes} <= {"equal", "insert"}
