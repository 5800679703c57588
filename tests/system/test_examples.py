"""Everything in examples/ runs: the tour notebook on a real kernel, and the three scripts.

Each test works on a temporary copy of ``seeds/`` and ``examples/``, so nothing in the tree
changes. The notebook is executed with nbclient on the ``python3`` kernel of this very
interpreter (ipykernel's native kernel).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

import negotrack as nt
from tests.support.dossiers import ROOT

EXAMPLES = ROOT / "examples"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A temporary folder holding copies of seeds/ and examples/."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(
        EXAMPLES, tmp_path / "examples", ignore=shutil.ignore_patterns("__pycache__", ".ipynb*")
    )
    return tmp_path


def _read(path: Path) -> Any:
    """A notebook file as nbformat's node (nbformat is not typed)."""
    return nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "NO_COLOR": "1", **env}
    return subprocess.run(
        args, cwd=cwd, env=environ, capture_output=True, text=True, encoding="utf-8", timeout=120
    )


# -- the notebook ----------------------------------------------------------------------


def test_tour_is_stored_without_outputs() -> None:
    """The tour notebook is committed clean: no outputs, no execution counts."""
    nb = _read(EXAMPLES / "tour.ipynb")
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    assert all(not c.outputs and c.execution_count is None for c in code)


def _outputs(cell: Any) -> dict[str, Any]:
    """The mime bundles of a cell's display and result outputs, merged."""
    data: dict[str, Any] = {}
    for out in cell.outputs:
        data.update(out.get("data", {}))
    return data


def test_tour_runs_and_displays_reprs(work: Path) -> None:
    """The tour runs on a real kernel without errors and shows the HTML reprs it promises."""
    nb = _read(work / "examples" / "tour.ipynb")
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=120,
        resources={"metadata": {"path": str(work / "examples")}},
    )
    client.execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors, errors

    def html_of(source_start: str) -> str:
        exact = [c for c in code if c.source.strip() == source_start]
        cell = (exact or [c for c in code if c.source.strip().startswith(source_start)])[0]
        html = _outputs(cell).get("text/html", "")
        assert html, f"the cell {source_start!r} displayed no HTML"
        return str(html)

    assert "Ukraine peace talks, December 2025" in html_of("from pathlib import Path")
    assert "20-point draft framework" in html_of("from IPython.display import HTML")
    diff_html = html_of("changes")
    assert "reworded" in diff_html
    assert "800,000" in diff_html
    assert "Zelensky" in html_of("from negotrack.views.timeline import TimelineView")
    assert "Package of Measures" in html_of("minsk = nt.load")
    board = next(c for c in code if "render_board" in c.source)
    assert "text/markdown" in _outputs(board)
    # The review loop: the table of suggestions, a pinned pair, the Markdown sheet.
    table = html_of("import attrs")
    assert "pairs to review, from <code>minsk-1</code> to <code>minsk-2</code>" in table
    assert "candidate, left unpaired" in table
    pinned = next(c for c in code if c.source.startswith('bare.link("minsk-1#1"'))
    assert "('1', '1', 'link', 'the ceasefire, restated for February 2015')" in str(
        _outputs(pinned).get("text/plain")
    )
    sheet = next(c for c in code if c.source.startswith("sheet = "))
    printed = "".join(o.get("text", "") for o in sheet.outputs)
    assert printed.startswith("# 11 pairs to review, from `minsk-1` to `minsk-2`\n")
    assert printed.count("\n## ") == 1
    assert '`d.link("minsk-1#3", "minsk-2#13")`' in printed
    asof = next(c for c in code if c.source.startswith('ref = "us-28#21a"'))
    printed = "".join(o.get("text", "") for o in asof.outputs)
    assert "2025-12-10: settled proposed, possible deleted" in printed
    assert "2025-12-31: settled deleted, possible deleted" in printed


# -- the scripts -----------------------------------------------------------------------


def test_notebook_analysis_answers_the_questions(work: Path) -> None:
    """notebook_analysis.py prints statuses by both as-of rules, histories and the diff."""
    result = _run(
        [sys.executable, "examples/notebook_analysis.py", "seeds/ukraine-2025-12.yaml"], work
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "us-28#21a      deleted    proposed / deleted" in out
    assert "## us-28 → 20-point" in out
    assert "600,000 → 800,000" in out


def test_notebook_analysis_runs_on_the_second_seed(work: Path) -> None:
    """notebook_analysis.py works on the Minsk dossier too: nothing is tuned to one case."""
    result = _run(
        [sys.executable, "examples/notebook_analysis.py", "seeds/minsk-2014-2015.yaml"], work
    )
    assert result.returncode == 0, result.stderr
    assert "## minsk-1 → minsk-2" in result.stdout


def test_publish_html_writes_linked_pages(work: Path) -> None:
    """publish_html.py writes the timeline, the diff reports it links to, and the board."""
    out = work / "site"
    result = _run(
        [sys.executable, "examples/publish_html.py", "seeds/minsk-2014-2015.yaml", str(out)],
        work,
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["board-minsk.html", "diff-minsk-1_to_minsk-2.html", "timeline.html"]
    timeline = (out / "timeline.html").read_text(encoding="utf-8")
    assert 'href="diff-minsk-1_to_minsk-2.html"' in timeline
    for page in out.iterdir():
        assert page.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")


def test_publish_html_reports_a_bad_dossier(work: Path) -> None:
    """publish_html.py exits 1 with negotrack's message when the dossier cannot be read."""
    result = _run([sys.executable, "examples/publish_html.py", "missing.yaml", "site"], work)
    assert result.returncode == 1
    assert "missing.yaml" in result.stderr
    assert "Traceback" not in result.stderr


def test_cron_update_applies_the_queue_and_keeps_rejects(work: Path) -> None:
    """cron_update.sh records good lines, keeps rejected ones queued, exits 1, keeps comments."""
    dossier = work / "seeds" / "ukraine-2025-12.yaml"
    queue = work / "queue.tsv"
    queue.write_text(
        "# ref\tstatus\ton\tsource\tnote\n"
        "20-point#14\tdisputed\t2025-12-26\ts1\tterritory still unresolved\n"
        "20-point#99\tkept\t2025-12-26\ts1\t\n"
        "20-point#18\tagreed\t2025-12-27\ts3\n",
        encoding="utf-8",
    )
    bin_dir = str(Path(sys.executable).parent)
    script = str(work / "examples" / "cron_update.sh")
    path = bin_dir + os.pathsep + os.environ.get("PATH", "")
    result = _run(["bash", script, str(dossier), str(queue)], work, PATH=path)
    assert result.returncode == 1, result.stderr
    assert "no point '99'" in result.stderr
    d = nt.load(dossier)
    assert d.history("20-point#14")[-1].note == "territory still unresolved"
    assert d.status_of("20-point#18") == "agreed"
    assert queue.read_text(encoding="utf-8").splitlines() == ["20-point#99\tkept\t2025-12-26\ts1\t"]
    text = dossier.read_text(encoding="utf-8")
    assert text.startswith("# negotrack seed dossier")
    assert "# -- the negotiators" in text

    queue.write_text("", encoding="utf-8")
    again = _run(["bash", script, str(dossier), str(queue)], work, PATH=path)
    assert again.returncode == 0, again.stderr


def test_cron_update_reads_a_queue_saved_with_windows_line_endings(work: Path) -> None:
    """A queue saved on Windows (CRLF) records its lines as written: no carriage return in
    a note, and a line without a note is not refused for a source id ending in one."""
    dossier = work / "seeds" / "ukraine-2025-12.yaml"
    queue = work / "queue.tsv"
    queue.write_bytes(
        b"20-point#14\tdisputed\t2025-12-26\ts1\tterritory still unresolved\r\n"
        b"20-point#18\tagreed\t2025-12-27\ts3\r\n"
    )
    path = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    script = str(work / "examples" / "cron_update.sh")
    result = _run(["bash", script, str(dossier), str(queue)], work, PATH=path)
    assert result.returncode == 0, result.stderr
    d = nt.load(dossier)
    assert d.history("20-point#14")[-1].note == "territory still unresolved"
    assert d.status_of("20-point#18") == "agreed"
