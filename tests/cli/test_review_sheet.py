"""``suggest-links --format md``: a review sheet a person decides from, away from a notebook.

Each pair is a section with both texts, how sure and how found, "check this" where the
reports mark it, and the command that pins it; the command, pasted into a shell, pins that
very pair. The sheet is read by a CommonMark reader as the template means it, whatever the
points say.
"""

from __future__ import annotations

import ast
import functools
import shlex
from pathlib import Path

import attrs
import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

import negotrack as nt
from tests.support.cli import run
from tests.support.hostile import HOSTILE
from tests.support.lineage import undecided, unkeyed

READER = MarkdownIt("commonmark")


@pytest.fixture
def minsk(tmp_path: Path) -> Path:
    """The Minsk seed with its lineage forgotten, in a folder whose name needs quoting."""
    folder = tmp_path / "my dossiers"
    folder.mkdir()
    path = folder / "minsk #1.yaml"
    unkeyed("minsk-2014-2015.yaml").save(path)
    return path


LEFT_OVER = "Left over, with no candidate"
"""The heading of the sheet's last section: the points with neither pair nor candidate."""


def _sections(sheet: str) -> list[list[str]]:
    """The sheet's pair sections as a CommonMark reader finds them: for each second-level
    heading, its text and the text of each paragraph or list item up to the next heading
    (emphasis dropped, escapes resolved, code spans without their backticks); the
    section of the points left over (see :func:`_left_over`) is not a pair's."""
    return [s for s in _all_sections(sheet) if s[0] != LEFT_OVER]


def _left_over(sheet: str) -> list[str]:
    """The texts of the section of points left with neither pair nor candidate (its
    heading first), as :func:`_sections` reads a pair's; empty when there is none."""
    return next((s for s in _all_sections(sheet) if s[0] == LEFT_OVER), [])


def _all_sections(sheet: str) -> list[list[str]]:
    tokens = READER.parse(sheet)
    sections: list[list[str]] = []
    for t in tokens:
        if t.type == "heading_open" and t.tag == "h2":
            sections.append([])
        elif t.type == "inline" and sections:
            sections[-1].append(_plain(t))
    return sections


def _plain(inline: Token) -> str:
    return "".join(
        c.content if c.type in ("text", "code_inline") else " " if c.type == "softbreak" else ""
        for c in inline.children or ()
    )


def test_each_pair_has_both_texts_and_the_command_that_pins_it(
    capsys: pytest.CaptureFixture[str], minsk: Path
) -> None:
    """One section per suggestion, least sure first: the two references, both texts, the
    confidence and what found the pair, "check this" exactly where the reports mark it, and
    the `negotrack link` command for this file and this pair, quoted for a shell."""
    d = nt.load(minsk)
    found = d.suggest_links("minsk-1", "minsk-2")
    code, out, err = run(
        capsys, "suggest-links", str(minsk), "minsk-1", "minsk-2", "--format", "md"
    )
    assert (code, err) == (0, "")
    assert out.startswith(f"# {len(found)} pairs to review, from `minsk-1` to `minsk-2`\n")
    sections = _sections(out)
    assert len(sections) == len(found) > 5
    for s, (heading, line, old, new, *others, pin, down) in zip(found, sections, strict=True):
        assert heading == f"{s.old} → {s.new}"
        # Each other pair text matching made with either point is named, with its command.
        taken = [
            (point, k)
            for point in (s.old, s.new)
            for k in found.taken.get(point, ())
            if (k.old, k.new) != (s.old, s.new)
        ]
        assert len(others) == len(taken)
        for note, (point, k) in zip(others, taken, strict=True):
            other = k.new if k.old == point else k.old
            assert note.startswith(f"{point} is paired with {other} (")
            assert note.endswith(f"pin that pair too: negotrack link '{minsk}' '{k.old}' '{k.new}'")
        assert line.startswith(f"Confidence: {int(s.confidence * 100) / 100:.2f} · ")
        assert ("check this" in line) == (not s.paired or s.confidence < 0.8)
        assert old == f"Old point: {d.point(s.old).text}"
        assert new == f"New point: {d.point(s.new).text}"
        assert shlex.split(pin) == ["negotrack", "link", str(minsk), s.old, s.new]
        lead, _, command = down.partition(": ")
        assert lead == "If they are not the same point, turn the pair down"
        assert shlex.split(command) == [
            "negotrack", "link", "--distinct", str(minsk), s.old, s.new
        ]  # fmt: skip


def test_a_candidate_of_a_linked_point_says_it_makes_a_split(
    capsys: pytest.CaptureFixture[str], minsk: Path
) -> None:
    """Once a person linked Minsk I #9 to Minsk II #4, the sheet still offers #9 -> #12
    (the other half of the split) and says that pinning it keeps the link and makes #9 a
    split; pasting its command gives the curated split, #9 -> {#4, #12}. (The note that a
    candidate would make a linked point a merger is checked on the notebook display.)"""
    assert run(capsys, "link", str(minsk), "minsk-1#9", "minsk-2#4")[0] == 0
    out = run(capsys, "suggest-links", str(minsk), "minsk-1", "minsk-2", "--format", "md")[1]
    (section,) = [s for s in _sections(out) if s[0] == "minsk-1#9 → minsk-2#12"]
    assert section[4] == (
        "minsk-1#9 is already linked to minsk-2#4: pinning this pair too keeps that link and "
        "makes minsk-1#9 a split, continued in both."
    )
    noted = {s[0]: s[4] for s in _sections(out) if "already linked" in s[4]}
    assert noted.keys() == {"minsk-1#9 → minsk-2#12"}
    assert run(capsys, *shlex.split(section[-2])[1:])[0] == 0
    split = [
        (c.kind.value, c.old.number, c.new.number)
        for c in nt.load(minsk).diff("minsk-1", "minsk-2").changes
        if c.old is not None and c.old.number == "9" and c.new is not None
    ]
    assert split == [("split", "9", "4"), ("split", "9", "12")]


def test_a_candidate_of_a_linked_new_point_says_it_makes_a_merger(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """In the Ukraine seed a person linked us-28 #21b to 20-point #14; before they placed
    #21a and #21c, the sheet offers both as other predecessors of #14 and says that
    pinning either keeps the link and makes #14 a merger."""
    path = tmp_path / "ukraine.yaml"
    undecided("ukraine-2025-12.yaml", "us-28#21a", "us-28#21c").save(path)
    out = run(capsys, "suggest-links", str(path), "us-28", "20-point", "--format", "md")[1]
    noted = {s[0]: s[4] for s in _sections(out) if "already linked" in s[4]}
    note = (
        "20-point#14 is already linked to us-28#21b: pinning this pair too keeps that link"
        " and makes 20-point#14 a merger of both."
    )
    assert noted == {"us-28#21a → 20-point#14": note, "us-28#21c → 20-point#14": note}


def test_the_printed_command_pins_the_pair(capsys: pytest.CaptureFixture[str], minsk: Path) -> None:
    """Pasting a candidate's command links that pair: the next diff shows it curated."""
    out = run(capsys, "suggest-links", str(minsk), "minsk-1", "minsk-2", "--format", "md")[1]
    sections = _sections(out)
    candidate = next(s for s in sections if "candidate, left unpaired" in s[1])
    argv = shlex.split(candidate[-2])
    code, _, err = run(capsys, *argv[1:])
    assert code == 0, err
    old, new = argv[3:]
    pinned = [
        (f"minsk-1#{c.old.number}", f"minsk-2#{c.new.number}")
        for c in nt.load(minsk).diff("minsk-1", "minsk-2").changes
        if c.matched_by == "link" and c.old is not None and c.new is not None
    ]
    assert pinned == [(old, new)]


def test_a_candidate_that_would_undo_a_pair_says_so_and_both_commands_make_a_split(
    capsys: pytest.CaptureFixture[str], minsk: Path
) -> None:
    """Minsk I's early elections (#9) became two points of Minsk II: the dialogue on how
    elections are held (#4, paired by text) and the elections questions agreed in the
    Contact Group (#12, a candidate). Pinning the candidate alone takes #9 from its pair
    with #4; the sheet says so before, with the command that keeps that pair too, and the
    two commands pasted make the split the curated lineage holds."""
    out = run(capsys, "suggest-links", str(minsk), "minsk-1", "minsk-2", "--format", "md")[1]
    (section,) = [s for s in _sections(out) if s[0] == "minsk-1#9 → minsk-2#12"]
    note = section[-3]
    assert note.startswith("minsk-1#9 is paired with minsk-2#4 (0.98, by its text): pinning ")
    keep = shlex.split(note.rsplit(": ", 1)[1])
    assert keep == ["negotrack", "link", str(minsk), "minsk-1#9", "minsk-2#4"]
    for argv in (shlex.split(section[-2]), keep):
        assert run(capsys, *argv[1:])[0] == 0
    changes = nt.load(minsk).diff("minsk-1", "minsk-2").changes
    split = {(c.old.number, c.new.number) for c in changes if c.old and c.new and c.group}
    assert split == {("9", "4"), ("9", "12")}
    # A pair that undoes nothing says nothing more: its section ends with its commands.
    (plain,) = [s for s in _sections(out) if s[0] == "minsk-1#4 → minsk-2#9"]
    assert len(plain) == 6


def test_the_python_sheet_names_the_call_that_pins_each_pair() -> None:
    """``Suggestions.to_markdown()`` ends each section with ``d.link("OLD", "NEW")``, a
    Python call whose two arguments are the pair's references, and the same call with
    ``distinct=True`` that turns the pair down."""
    d = unkeyed("minsk-2014-2015.yaml")
    found = d.suggest_links("minsk-1", "minsk-2")
    sheet = found.to_markdown()
    assert "pin the pairs you confirm with `d.link(OLD, NEW)`" in sheet
    for s, section in zip(found, _sections(sheet), strict=True):
        call = ast.parse(section[-2], mode="eval").body
        assert isinstance(call, ast.Call)
        assert ast.unparse(call.func) == "d.link"
        assert [ast.literal_eval(a) for a in call.args] == [s.old, s.new]
        assert not call.keywords
        down = ast.parse(section[-1].partition(": ")[2], mode="eval").body
        assert isinstance(down, ast.Call)
        assert ast.unparse(down) == ast.unparse(call)[:-1] + ", distinct=True)"


def test_the_sheet_follows_the_locale_and_says_when_there_is_nothing(
    capsys: pytest.CaptureFixture[str], minsk: Path
) -> None:
    """``--locale ar`` writes the sheet's words in Arabic, the references isolated from the
    right-to-left line; an empty sheet says so, and stderr says why, as for text."""
    sheet = ("suggest-links", str(minsk), "minsk-1", "minsk-2", "--format", "md")
    out = run(capsys, *sheet, "--locale", "ar")[1]
    assert "\u2068`minsk-1#3`\u2069 ← " in out
    # The command stays in reading order on a right-to-left line (its quotes at its ends).
    assert f"\u2068`negotrack link {minsk}" in out.replace(f"'{minsk}'", str(minsk))
    assert "يُرجى التحقّق" in out
    code, out, err = run(capsys, *sheet, "--min-confidence", "1")
    assert code == 0
    assert out.startswith("# No pairs to review.\n\n`minsk-1` → `minsk-2`\n\n## Left over")
    assert _sections(out) == []
    assert err.startswith("nothing at --min-confidence 1 or more: ")
    code, _, err = run(capsys, "suggest-links", str(minsk), "minsk-1", "minsk-2", "--locale", "xx")
    assert code == 1
    assert "--locale" in err


def test_the_sheet_ends_with_the_points_left_with_nothing_to_offer(
    capsys: pytest.CaptureFixture[str], minsk: Path
) -> None:
    """After the pairs, the points with neither a pair nor a candidate, old then new, each
    with its text and the command that says it has no counterpart: run, it empties the
    section (a link settles the point)."""
    sheet = ("suggest-links", str(minsk), "minsk-1", "minsk-2", "--format", "md")
    out = run(capsys, *sheet)[1]
    d = nt.load(minsk)
    seven, eleven, twelve = d.point("minsk-1#7"), d.point("minsk-1#11"), d.point("minsk-1#12")
    eight = d.point("minsk-2#8")
    file = shlex.quote(str(minsk))
    assert _left_over(out) == [
        LEFT_OVER,
        "Text matching found no pair and no candidate for these points. Read them side by"
        " side: pin a pair you find with negotrack link FILE OLD NEW, or say that a point"
        " has none.",
        "Old points, no successor found",
        f"minsk-1#7: {seven.text}",
        f"If it has no successor: negotrack link {file} 'minsk-1#7' minsk-2",
        f"minsk-1#11: {eleven.text}",
        f"If it has no successor: negotrack link {file} 'minsk-1#11' minsk-2",
        f"minsk-1#12: {twelve.text}",
        f"If it has no successor: negotrack link {file} 'minsk-1#12' minsk-2",
        "New points, no predecessor found",
        f"minsk-2#8: {eight.text}",
        f"If it has no predecessor: negotrack link {file} minsk-1 'minsk-2#8'",
    ]
    for line in [t for t in _left_over(out) if t.startswith("If it has no")]:
        argv = shlex.split(line.partition(": ")[2])
        assert run(capsys, *argv[1:])[0] == 0
    assert _left_over(run(capsys, *sheet)[1]) == []


def test_accept_pins_then_writes_the_sheet_of_what_is_left(
    capsys: pytest.CaptureFixture[str], minsk: Path
) -> None:
    """``--format md --accept`` pins what ``--accept`` pins, then writes the sheet of what
    is left to review: no pair it pinned (whose command would be run already), and the
    candidates of the points left over, those naming a point just pinned included: Minsk
    I #9, pinned to Minsk II #4, is still offered #12, its other half."""
    code, out, err = run(
        capsys, "suggest-links", str(minsk), "minsk-1", "minsk-2", "--format", "md", "--accept"
    )
    assert code == 0
    pinned = {(k.old, k.new) for k in nt.load(minsk).plan("minsk").links}
    assert ("minsk-1#9", "minsk-2#4") in pinned
    assert {
        line.removeprefix("linked ") for line in err.splitlines() if line.startswith("linked")
    } == {f"{a} -> {b}" for a, b in pinned}
    headings = [s[0] for s in _sections(out)]
    assert out.startswith(f"# {len(headings)} pairs to review, from `minsk-1` to `minsk-2`\n")
    assert not {tuple(h.split(" → ")) for h in headings} & pinned
    assert "minsk-1#9 → minsk-2#12" in headings
    # The same sheet as suggest-links gives on the file as --accept left it.
    assert (
        out == run(capsys, "suggest-links", str(minsk), "minsk-1", "minsk-2", "--format", "md")[1]
    )


@functools.cache
def _minsk() -> nt.Dossier:
    return unkeyed("minsk-2014-2015.yaml")


def _sheet_with(text: str) -> tuple[str, list[Token]]:
    """The sheet of one pair, Minsk I #2 -> Minsk II #3, the old point saying ``text``, and
    the tokens a CommonMark reader finds in it."""
    d = _minsk()
    v = d.version("minsk-1")
    old = attrs.evolve(
        v, points=tuple(attrs.evolve(p, text=text) if p.number == "2" else p for p in v.points)
    )
    one = nt.LinkSuggestion("minsk-1#2", "minsk-2#3", 0.5, "text")
    sheet = nt.Suggestions([one], old=old, new=d.version("minsk-2")).to_markdown()
    return sheet, READER.parse(sheet)


def test_hostile_texts_stay_text_in_the_sheet() -> None:
    """A point whose text would open a heading, a list, a link, emphasis, raw HTML or a
    code span is read as that very text (its white space runs made one space)."""
    hostile = "# Both <script>alert(1)</script> stop `using` [arms](javascript:x) *now*\n\n- 1."
    sheet, tokens = _sheet_with(hostile)
    assert not [c for t in tokens for c in (t.children or ()) if c.type == "em_open"]
    (section,) = _sections(sheet)
    assert section[2] == "Old point: " + hostile.replace("\n\n", " ")


@pytest.mark.parametrize("text", HOSTILE)
def test_every_hostile_text_leaves_the_sheet_one_section_of_six_blocks(text: str) -> None:
    """Whatever a point says, a CommonMark reader finds one pair section of six blocks
    (heading, confidence, both texts, the call that pins it and the one that turns it
    down), no raw HTML and no link."""
    sheet, tokens = _sheet_with(text)
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]
    assert not [c for t in tokens for c in (t.children or ()) if c.type == "link_open"]
    (section,) = _sections(sheet)
    assert len(section) == 6
    assert section[-2:] == [
        'd.link("minsk-1#2", "minsk-2#3")',
        'If they are not the same point, turn the pair down: d.link("minsk-1#2", "minsk-2#3",'
        " distinct=True)",
    ]


def test_the_printed_command_works_for_a_file_named_like_an_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dossier whose path starts with "-" (``-minsk.yaml``, given after ``--``) gets a
    command that still pins the pair when pasted: its operands follow ``--``, so the
    command line does not take the path for an option."""
    monkeypatch.chdir(tmp_path)
    unkeyed("minsk-2014-2015.yaml").save(tmp_path / "-minsk.yaml")
    code, out, err = run(
        capsys, "suggest-links", "--format", "md", "--", "-minsk.yaml", "minsk-1", "minsk-2"
    )
    assert (code, err) == (0, "")
    argv = shlex.split(_sections(out)[0][-2])
    assert argv[:3] == ["negotrack", "link", "--"]
    down = shlex.split(_sections(out)[0][-1].partition(": ")[2])
    assert down == ["negotrack", "link", "--distinct", *argv[2:]]
    code, out, err = run(capsys, *argv[1:])
    assert (code, out) == (0, f"linked {argv[4]} -> {argv[5]}\n"), err
