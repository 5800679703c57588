"""``--locale`` on the rendering commands, called in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from negotrack.render.catalogs import known_locales
from tests.support.cli import run
from tests.support.dossiers import SEEDS

SEED = SEEDS / "ukraine-2025-12.yaml"


def test_timeline_in_ukrainian(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``timeline --locale uk`` writes a Ukrainian page."""
    out = tmp_path / "t.html"
    code, _, err = run(capsys, "timeline", str(SEED), "--locale", "uk", "-o", str(out))
    assert (code, err) == (0, "")
    page = out.read_text(encoding="utf-8")
    assert '<html lang="uk" dir="ltr">' in page
    assert "Джерела" in page


def test_diff_in_arabic_reads_right_to_left(capsys: pytest.CaptureFixture[str]) -> None:
    """``diff --locale ar`` prints an Arabic, right-to-left report; Markdown is translated too."""
    code, out, _ = run(capsys, "diff", str(SEED), "us-28", "20-point", "--locale", "ar")
    assert code == 0
    assert '<html lang="ar" dir="rtl">' in out
    code, out, _ = run(
        capsys, "diff", str(SEED), "us-28", "20-point", "--locale", "ru", "--format", "text"
    )
    assert code == 0
    assert "переформулировано" in out


def test_unknown_locale_is_one_line_naming_the_known(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown ``--locale`` exits 1 with one line listing the known languages."""
    code, out, err = run(capsys, "timeline", str(SEED), "--locale", "klingon")
    assert (code, out) == (1, "")
    known = ", ".join(known_locales())  # ar, de, en, es, fr, ru, uk, and any added
    assert err.strip() == (
        f"{SEED}: --locale klingon: unknown locale 'klingon' (known locales: {known})"
    )


def test_timelinejs_export_says_its_language(capsys: pytest.CaptureFixture[str]) -> None:
    """``export --to timelinejs --locale de`` sets the JSON's language and German dates."""
    code, out, _ = run(capsys, "export", str(SEED), "--to", "timelinejs", "--locale", "de")
    assert code == 0
    data = json.loads(out)
    assert data["language"] == "de"
    assert any("Dez." in e["start_date"]["display_date"] for e in data["events"])


def test_site_and_board_in_a_language(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``site --locale uk`` writes every page in Ukrainian; ``board --locale ar`` in Arabic."""
    code, out, _ = run(capsys, "site", str(SEED), "-o", str(tmp_path / "site"), "--locale", "uk")
    assert code == 0
    pages = [Path(line) for line in out.splitlines() if line.endswith(".html")]
    assert len(pages) >= 3
    for page in pages:
        assert '<html lang="uk" dir="ltr">' in page.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "board", str(SEED), "--locale", "ar")
    assert code == 0
    assert '<html lang="ar" dir="rtl">' in out
    code, _, err = run(capsys, "site", str(SEED), "-o", str(tmp_path / "x"), "--locale", "xx")
    assert code == 1
    assert "known locales" in err
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("command", "fmt", "applies"),
    [
        ("diff", "json", "html, md or text"),
        ("suggest-links", "json", "md"),
        ("suggest-links", "text", "md"),
    ],
)
def test_locale_with_a_format_that_has_no_words_is_refused(
    capsys: pytest.CaptureFixture[str], command: str, fmt: str, applies: str
) -> None:
    """``--locale`` with JSON or a listing for scripts would be ignored: it is refused,
    naming the formats it applies to, as export refuses an option of another format."""
    argv = (command, str(SEED), "us-28", "20-point", "--format", fmt, "--locale", "ar")
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "")
    assert err.endswith(f": --locale ar: applies to --format {applies}, not --format {fmt}\n")
