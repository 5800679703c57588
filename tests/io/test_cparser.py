"""The safe reads on ruamel.yaml's C parser: the same data and the same errors as the
pure-Python parser, and no crash on documents nested too deeply for its C stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from ruamel.yaml.main import CParser  # type: ignore[attr-defined]

import negotrack as nt
from benchmarks.bench_load import make_dossier
from negotrack.io import yaml as nyaml
from negotrack.io import yamlparser
from negotrack.io.storage import dumps, from_data
from tests.support.dossiers import SEEDS

needs_c = pytest.mark.skipif(CParser is None, reason="ruamel.yaml.clib is not installed")
YAMLS = sorted(SEEDS.glob("*.yaml"))


@needs_c
def test_the_safe_load_uses_the_c_parser() -> None:
    """With ruamel.yaml.clib installed, a dossier is read by the C parser, and the number
    and date constructors still apply (a point numbered ``1.10`` stays "1.10")."""
    assert yamlparser.shallow("a: [1]\n")
    y = nyaml._safe_yaml(pure=False)
    assert y.Parser is CParser
    data = y.load("n: 1.10\nm: 012\nwhen: 2025-11-20\n")
    assert [str(v) for v in data.values()] == ["1.10", "012", "2025-11-20"]


@needs_c
@pytest.mark.parametrize("seed", YAMLS, ids=lambda p: p.stem)
def test_the_c_parser_reads_each_seed_as_the_pure_one(seed: Path) -> None:
    """Each seed is the same data, to the written form of its numbers, read either way."""
    text = seed.read_text(encoding="utf-8")
    c, pure = nyaml._safe_yaml(pure=False).load(text), nyaml._safe_yaml().load(text)
    assert c == pure
    assert repr(c) == repr(pure)


@needs_c
def test_the_c_parser_reads_a_generated_dossier_as_the_pure_one() -> None:
    """negotrack's own YAML of a generated dossier reads the same either way."""
    text = dumps(from_data(make_dossier(200)), "yaml")
    assert nyaml._safe_yaml(pure=False).load(text) == nyaml._safe_yaml().load(text)


@needs_c
def test_a_yaml_version_directive_is_read_by_the_version_it_names() -> None:
    """The C parser reads every document by YAML 1.2's rules; a ``%YAML 1.1`` document is
    read by the pure one, as before (its bare ``yes`` is true, not text)."""
    text = "%YAML 1.1\n---\na: yes\nb: on\n"
    assert nyaml._safe_yaml(pure=False).load(text) == {"a": "yes", "b": "on"}
    assert nyaml.load_yaml(text) == {"a": True, "b": True}
    assert nyaml.compose_yaml(text).value[0][1].tag == "tag:yaml.org,2002:bool"


def test_each_load_reads_its_own_documents_version() -> None:
    """The resolver learns the YAML version once per load (not once per scalar, which cost
    a fifth of a large dossier's load), so loads one after the other each read by their
    own document's version, with either parser."""
    old, new = "%YAML 1.1\n---\na: yes\n", "a: yes\n"
    for _ in range(2):
        assert nyaml.load_yaml(old) == {"a": True}
        assert nyaml.load_yaml(new) == {"a": "yes"}
        assert nyaml._safe_yaml().load(new) == {"a": "yes"}
        assert nyaml.compose_yaml(old).value[0][1].tag == "tag:yaml.org,2002:bool"
        assert nyaml.compose_yaml(new).value[0][1].tag == "tag:yaml.org,2002:str"


MALFORMED = [
    "negotrack: 1\ntitle: [a,\nevents: []\n",
    "negotrack: 1\ntitle: t\n  events: x\n",
    "negotrack: 1\ntitle: *nowhere\n",
    "negotrack: 1\ntitle: !!python/object:os.system x\n",
    'negotrack: 1\ntitle: "a\\udc00"\n',
    "negotrack: 1\ntitle: t\ntitle: u\n",
    "negotrack: 1\ntitle: 'open\n",
    "- a\nb: c\n",
]


@pytest.mark.parametrize("text", MALFORMED)
def test_malformed_yaml_is_reported_as_the_pure_parser_reports_it(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the C parser refuses is read again by the pure one: the same message, line and
    path as without the C parser (libyaml's own words differ, and it refuses an escaped
    surrogate that negotrack refuses at its path)."""
    with pytest.raises(nt.FormatError) as c:
        nt.loads(text, "yaml", file="d.yaml")
    monkeypatch.setattr(nyaml, "_pure", lambda text: True)
    with pytest.raises(nt.FormatError) as pure:
        nt.loads(text, "yaml", file="d.yaml")
    assert str(c.value) == str(pure.value)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 50_000 + "]" * 50_000,
        "[a: " * 30_000 + "]" * 30_000,
        "- " * 60_000 + "x\n",
        "a:\n" + "".join(" " * i + "- \n" for i in range(1, 3000)),
    ],
    ids=["flow", "flow-pairs", "compact", "block"],
)
def test_deep_nesting_is_refused_without_a_crash(text: str, tmp_path: Path) -> None:
    """Nesting deep enough to overflow the C parser's stack (it recurses in C, with no
    limit) is read by the pure parser and refused with a located error; in a child
    process, so that a crash would fail this test, not end the run."""
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    code = "import sys, negotrack as nt\ntry:\n    nt.load(sys.argv[1])\nexcept nt.FormatError as e:\n    print(e)\n"  # noqa: E501
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "nested too deeply" in done.stdout


def test_the_depth_bound_lets_shallow_files_with_many_flow_lists_use_the_c_parser() -> None:
    """A file with thousands of ``[...]`` lists is over the bound from characters alone,
    and is counted: it is shallow. Nesting past the limit is not."""
    many = "events:\n" + "".join(f"  - id: e{i}\n    tags: [a, b]\n" for i in range(2000))
    deep = "x: " + "[" * (yamlparser.C_DEPTH + 1) + "]" * (yamlparser.C_DEPTH + 1) + "\n"
    assert yamlparser.shallow(many) is (CParser is not None)
    assert not yamlparser.shallow(deep)


_YAMLISH = st.text(
    alphabet=st.sampled_from(
        [*"ab:- \n[]{},#&*!|>'\"\\%?@`~0123456789.eyonx\t\r", *"\x85\u2028\u2029\ufeffé"]
    ),
    max_size=50,
)


@needs_c
@settings(max_examples=1500, deadline=None)
@given(_YAMLISH)
@example("|\n#")  # a top-level block scalar's "#" line: text to one, a comment to the other
def test_any_text_both_parsers_read_is_the_same_data(text: str) -> None:
    """Generated YAML-ish text that the pure parser reads is read the same by the safe
    load: the C parser where the two agree, the pure one where they do not (NEL and
    U+2028 in a note, a byte-order mark inside the text, tags and anchors); a differential
    search found those. (Text only the C parser reads, a tab after a value, is read.)"""
    try:
        pure = ("ok", nyaml._safe_yaml().load(text))
    except Exception:
        return
    assert ("ok", nyaml._safe_load(text)) == pure


@needs_c
def test_what_the_parsers_read_otherwise_goes_to_the_pure_one() -> None:
    """A list holding NEL is read as before (the C parser, by YAML 1.1, takes it for a
    line break between two items); a lone carriage return, a bare tag and an anchor on
    an empty key too; "&" and "!" in prose do not send a file to the pure parser."""
    items = "- a\x85- b\n"
    assert nyaml._safe_yaml(pure=False).load(items) == ["a", "b"]
    assert nyaml.load_yaml(items) == nyaml._safe_yaml().load(items) == ["a - b"]
    assert nyaml.load_yaml(">\r#") == nyaml._safe_yaml().load(">\r#") == "#"
    for text in ("|\n#", "--- >\n#x\n", "---\n|\n#"):  # a top-level block scalar
        assert nyaml.load_yaml(text) == nyaml._safe_yaml().load(text) != ""
    assert nyaml.load_yaml("a: !\n") == {"a": None}
    assert nyaml.load_yaml("&2:") is None
    assert not yamlparser.pure("title: Trade & Economy, Stop!\n")
