"""The docs cannot rot: their examples run, and their references agree with the code.

- Every fenced ``python`` block of README.md and docs/**/*.md runs, in order, one shared
  namespace per file, in a temporary folder holding a copy of ``seeds/`` and ``examples/``.
  ``pycon`` blocks run as doctests in the same namespace, so shown results are checked.
- Every ``negotrack ...`` command of a ``console`` or ``sh`` block runs through
  :func:`negotrack.cli.commands.main` in-process; in ``console`` blocks the lines after a ``$``
  command are its expected output (``...`` matches anything). A command ending in
  ``# exit N`` must exit with N; any other must exit 0.
- A block marked ``no-run`` (info string ``python no-run <reason>``) is skipped; it must
  give a reason. A runnable shell block may hold only ``negotrack`` commands.
- docs/format.md's field tables equal the JSON Schema; docs/cli.md's option tables equal
  each subcommand's ``--help``.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib.util
import io
import json
import re
import shlex
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from negotrack.cli.commands import _RUNNERS, main
from negotrack.io.schema import json_schema
from tests.support.dossiers import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(
    [ROOT / "README.md", *DOCS.rglob("*.md")],
    key=lambda p: str(p),
)
PAGES = [p for p in PAGES if "_build" not in p.parts]

_FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_SHELL = ("console", "sh", "shell", "bash")
_EXIT = re.compile(r"\s+#\s*exit\s+(\d+)\s*$")
_STOP = {"|", "||", "&&", ";", ">", ">>", "<"}


class Block(NamedTuple):
    """A fenced code block: its language, flags after the language, text and first line."""

    lang: str
    flags: tuple[str, ...]
    text: str
    line: int


def blocks(text: str) -> Iterator[Block]:
    """The fenced code blocks of a Markdown text, in order."""
    for m in _FENCE.finditer(text):
        info = m.group(1).split()
        lang = info[0] if info else ""
        line = text.count("\n", 0, m.start()) + 2
        yield Block(lang, tuple(info[1:]), m.group(2), line)


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary working folder with copies of seeds/ and examples/."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(
        ROOT / "examples",
        tmp_path / "examples",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def run_cli(argv: list[str]) -> tuple[int, str]:
    """Run the command line in-process; its exit code and its stdout and stderr together."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(argv)
    return code, out.getvalue()


def _matches(expected: str, actual_lines: list[str]) -> bool:
    pattern = ".*".join(re.escape(part) for part in " ".join(expected.split()).split("..."))
    return any(re.fullmatch(pattern, " ".join(a.split())) for a in actual_lines)


def _commands(block: Block) -> Iterator[tuple[str, list[str]]]:
    """Each command of a shell block with its expected output lines (console blocks only)."""
    lines = block.text.splitlines()
    prompt = block.lang == "console"
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if prompt and not line.startswith("$ "):
            continue
        command = line[2:] if prompt else line
        while command.endswith("\\") and i < len(lines):
            command = command[:-1] + " " + lines[i].strip()
            i += 1
        expected: list[str] = []
        while prompt and i < len(lines) and not lines[i].startswith("$ "):
            expected.append(lines[i])
            i += 1
        if command.strip() and not command.lstrip().startswith("#"):
            yield command.strip(), expected


def run_shell(block: Block, where: str) -> None:
    """Run a shell block's negotrack commands and check their exit codes and output."""
    for command, expected in _commands(block):
        m = _EXIT.search(command)
        want = int(m.group(1)) if m else 0
        # As in a shell, '#' starts a comment only at the start of a word (not in us-28#12).
        tokens = shlex.split(re.sub(r"(^|\s)#.*$", "", command))
        assert tokens[0] == "negotrack", (
            f"{where}: only negotrack commands may run in the docs, found {command!r}; "
            "mark the block no-run with a reason"
        )
        cut = next((k for k, t in enumerate(tokens) if t in _STOP), len(tokens))
        code, output = run_cli(tokens[1:cut])
        assert code == want, f"{where}: {command!r} exited {code}, not {want}:\n{output}"
        if cut < len(tokens):
            continue  # piped: the shown output is not negotrack's own
        actual = output.splitlines()
        for line in expected:
            if line.strip():
                assert _matches(line, actual), (
                    f"{where}: {command!r} did not print {line!r}; it printed:\n{output}"
                )


def run_page(page: Path) -> int:
    """Run every block of one page in order; return how many ran."""
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    name = str(page.relative_to(ROOT))
    ran = 0
    for block in blocks(page.read_text(encoding="utf-8")):
        where = f"{name}:{block.line}"
        runnable = block.lang in ("python", "pycon", *_SHELL)
        if not runnable:
            continue
        if "no-run" in block.flags:
            reason = block.flags[block.flags.index("no-run") + 1 :]
            assert reason, f"{where}: a no-run block must say why (```python no-run <why>)"
            continue
        if block.lang == "python":
            exec(compile(block.text, where, "exec"), namespace)
        elif block.lang == "pycon":
            test = doctest.DocTestParser().get_doctest(
                block.text, namespace, where, name, block.line - 1
            )
            runner = doctest.DocTestRunner(
                optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
            )
            report = io.StringIO()
            result = runner.run(test, out=report.write, clear_globs=False)
            namespace.update(test.globs)  # a DocTest works on a copy of its globals
            assert result.failed == 0, report.getvalue()
        else:
            run_shell(block, where)
        ran += 1
    return ran


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
@pytest.mark.usefixtures("sandbox")
def test_examples_run(page: Path) -> None:
    """Every runnable code block of the page runs and shows what it claims."""
    ran = run_page(page)
    assert ran >= 0


def test_every_page_is_linked_from_the_index() -> None:
    """docs/index.md links every other page of docs/, so no page is an orphan."""
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for page in PAGES:
        if page.parent == ROOT or page.name == "index.md":
            continue
        rel = page.relative_to(DOCS).as_posix()
        assert f"]({rel}" in index, f"docs/index.md does not link {rel}"


def test_the_readme_links_every_how_to_guide() -> None:
    """README.md's list of docs names every how-to guide, as docs/index.md does."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in sorted((DOCS / "howto").glob("*.md")):
        rel = page.relative_to(ROOT).as_posix()
        assert f"]({rel})" in readme, f"README.md does not link {rel}"


def test_relative_links_resolve() -> None:
    """Every relative link in README.md and docs/ names a file that exists."""
    link = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
    for page in PAGES:
        text = _FENCE.sub("", page.read_text(encoding="utf-8"))
        for target in link.findall(text):
            if re.match(r"[a-z]+:", target):
                continue
            assert (page.parent / target).exists(), f"{page.name}: broken link {target}"


# -- the format reference --------------------------------------------------------------


def _tables(text: str, marker: str) -> dict[str, list[list[str]]]:
    """Each table under a ``<!-- MARKER: NAME -->`` comment, as rows of cells."""
    out: dict[str, list[list[str]]] = {}
    for m in re.finditer(rf"<!-- {marker}: (.+?) -->\n((?:\|.*\n)+)", text):
        rows = [
            [c.strip() for c in line.strip().strip("|").split("|")]
            for line in m.group(2).splitlines()[2:]
        ]
        out[m.group(1)] = rows
    return out


def _schema_type(prop: dict[str, Any]) -> str:
    """How docs/format.md names the type of a schema property."""
    if "const" in prop:
        return f"`{prop['const']}`"
    if "enum" in prop:
        return "one of: " + ", ".join(prop["enum"])
    if "anyOf" in prop:
        options = [o for o in prop["anyOf"] if o != {"type": "null"}]
        if len(options) == 1:
            return _schema_type(options[0])
    ref = prop.get("$ref", "")
    named = {
        "#/$defs/id": "id",
        "#/$defs/moment": "date",
        "#/$defs/ref": "point ref",
        "#/$defs/end": "point ref or version",
        "#/$defs/number": "point number",
        "#/$defs/strings": "list of text",
    }
    if ref in named:
        return named[ref]
    if prop.get("type") == "array":
        item = str(prop["items"].get("$ref", ""))
        if item == "#/$defs/id":
            return "list of ids"
        return "list of " + item.rpartition("/")[2]
    if prop.get("type") in ("string", ["string", "null"]):
        return "text"
    if prop.get("type") == "boolean":
        return "true or false"
    raise AssertionError(f"no doc type for {prop}")


def test_format_reference_matches_the_json_schema() -> None:
    """Every record's field table in docs/format.md equals its JSON Schema definition."""
    schema = json_schema()
    tables = _tables((DOCS / "format.md").read_text(encoding="utf-8"), "fields")
    expected = {"$", *schema["$defs"]} - {"id", "moment", "ref", "end", "number", "strings"}
    assert set(tables) == expected, "docs/format.md must have one table per record"
    for name, rows in tables.items():
        record = schema if name == "$" else schema["$defs"][name]
        props: dict[str, Any] = record["properties"]
        fields = {row[0].strip("`"): row for row in rows}
        assert list(fields) == list(props), f"{name}: the fields differ from the schema"
        for field, (_, kind, required, meaning) in fields.items():
            prop = props[field]
            where = f"docs/format.md, {name}.{field}"
            assert kind == _schema_type(prop), f"{where}: type {kind!r}"
            is_required = field in record.get("required", ())
            assert required.startswith("yes" if is_required else "no"), f"{where}: required"
            default = re.search(r"default `([^`]+)`", required)
            said = prop.get("default")
            if isinstance(said, bool):  # written as YAML and JSON write it
                said = json.dumps(said)
            assert (default.group(1) if default else None) == said, f"{where}: default"
            assert meaning, f"{where}: says nothing about the field"


# -- the CLI reference -----------------------------------------------------------------

COMMANDS = [
    "validate", "status set", "status show", "timeline", "diff", "link", "unlink",
    "suggest-links",
    "board", "site", "export",
    "replace", "remove", "merge",
]  # fmt: skip
_OPTION = re.compile(r"(?<![\w-])(--?[a-z][a-z-]*)")


def _help(command: str) -> str:
    code, text = run_cli([*command.split(), "--help"])
    assert code == 0
    return text


def _help_arguments(text: str) -> tuple[set[str], set[str], set[str]]:
    """The option strings, positional names and choices shown by a ``--help`` text."""
    options: set[str] = set()
    positionals: set[str] = set()
    choices: set[str] = set()
    section = ""
    for line in text.splitlines():
        if line and not line.startswith(" "):
            section = line
            continue
        m = re.match(r"  (\S.*?)(?:\s{2,}|$)", line)
        if not m or line.startswith("      "):
            continue
        head = m.group(1)
        if section.startswith("options"):
            options.update(_OPTION.findall(head))
            for group in re.findall(r"\{([^}]*)\}", head):
                choices.update(group.split(","))
        elif section.startswith("positional"):
            positionals.add(head.split()[0])
    return options, positionals, choices


def _doc_sections() -> dict[str, str]:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    parts = re.split(r"^## `negotrack ([a-z -]+)`\s*$", text, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def test_cli_reference_has_every_command() -> None:
    """docs/cli.md has one section per subcommand, and no other."""
    assert sorted(_doc_sections()) == sorted(COMMANDS)


def test_the_command_list_is_every_command_the_cli_runs() -> None:
    """COMMANDS, what the reference is checked against, is every command the CLI runs, so
    a new command cannot go undocumented."""
    assert sorted(COMMANDS) == sorted(_RUNNERS)


def _synopsis() -> dict[str, str]:
    """Each line of docs/cli.md's opening synopsis, by its command."""
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    block = next(b for b in blocks(text) if b.lang == "")
    out: dict[str, str] = {}
    for line in block.text.splitlines():
        words = line.split()
        command = " ".join(words[1:3] if words[1] == "status" else words[1:2])
        out[command] = line
    return out


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_synopsis_matches_help(command: str) -> None:
    """docs/cli.md's synopsis line of a command names only options ``--help`` shows, and
    every one of them unless the line ends in "..." (the options then in its table)."""
    options, _, _ = _help_arguments(_help(command))
    line = _synopsis()[command]
    shown = set(_OPTION.findall(line.partition(" ")[2]))
    assert shown <= options, f"negotrack {command}: the synopsis names {shown - options}"
    if not line.endswith("..."):
        # An option is shown by any of its names (-o for -o/--output).
        heads = re.findall(r"^  (-\S.*?)(?:\s{2,}|$)", _help(command), flags=re.MULTILINE)
        names = [set(_OPTION.findall(head)) for head in heads]
        missing = [sorted(n) for n in names if not n & shown and "--help" not in n]
        assert not missing, f"negotrack {command}: the synopsis lacks {missing}"


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_reference_matches_help(command: str) -> None:
    """The command's option table in docs/cli.md lists exactly what ``--help`` shows."""
    options, positionals, choices = _help_arguments(_help(command))
    section = _doc_sections()[command]
    rows = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
    doc_options = {o for cell in rows for o in _OPTION.findall(cell)}
    doc_positionals = {p for cell in rows for p in re.findall(r"`([A-Z_]+)`", cell)}
    assert doc_options == options, f"negotrack {command}: options differ from --help"
    assert doc_positionals == positionals, f"negotrack {command}: arguments differ"
    for choice in choices:
        assert f"`{choice}`" in section, f"negotrack {command}: choice {choice} undocumented"


# -- the HTML build --------------------------------------------------------------------


def test_build_docs_writes_every_page_with_working_links(tmp_path: Path) -> None:
    """scripts/build_docs.py turns every docs page into HTML whose doc links resolve."""
    spec = importlib.util.spec_from_file_location("build_docs", ROOT / "scripts/build_docs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "site"
    pages = module.build(out)
    expected = {p for p in PAGES if p.parent != ROOT}
    assert len(pages) == len(expected)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r'(?:href|src)="([^"#]+)', text):
            if re.match(r"[a-z]+:", target) or "api/" in target:
                continue  # written by pdoc, not by this script
            resolved = (page.parent / target).resolve()
            assert resolved.exists(), f"{page.name}: broken link {target}"
            if resolved.is_relative_to(out):
                assert resolved.suffix != ".md", f"{page.name}: {target} was not built"


# -- the API reference -----------------------------------------------------------------

# pdoc cannot resolve a forward reference in a NamedTuple's fields (mitmproxy/pdoc#765,
# open upstream): the view-models' records warn although their names resolve in Python.
_PDOC_NAMEDTUPLE = re.compile(r"Error parsing type annotation ForwardRef\(.*\.__init__\. ")


def _doc_modules() -> list[str]:
    """The modules `make docs` documents: the package and each public module."""
    found = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in sorted((ROOT / "negotrack").rglob("[a-z]*.py"))
    ]
    return ["negotrack", *found]


def test_api_reference_builds_without_warnings(tmp_path: Path) -> None:
    """pdoc documents every module `make docs` names, as it does, without a warning (an
    annotation it cannot evaluate shows as raw text), but for its own NamedTuple bug."""
    pdoc = pytest.importorskip("pdoc")
    pdoc.render.configure(docformat="restructuredtext")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pdoc.pdoc(*_doc_modules(), output_directory=tmp_path)
    messages = [str(w.message) for w in caught]
    assert [m for m in messages if not _PDOC_NAMEDTUPLE.search(m)] == []
    assert (tmp_path / "negotrack.html").is_file()
