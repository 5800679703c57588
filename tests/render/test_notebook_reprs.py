"""Notebook display: a real notebook, run by nbclient on a real kernel, holds the reprs.

The notebook is built with nbformat, loads the small test dossier and shows a Dossier, a
PlanVersion, a PlanDiff, a TimelineView, a Plan and what ``suggest_links`` returns; each
output must carry ``text/html`` with the display's scoped wrapper.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]

CELLS = [
    f"import sys; sys.path.insert(0, {str(ROOT)!r})",
    "import negotrack as nt\n"
    "from negotrack.views.timeline import TimelineView\n"
    "from tests.support.dossiers import small_dossier\n"
    "d = small_dossier()",
    "d",
    "d.version('20-point')",
    "d.diff('us-28', '20-point')",
    "TimelineView.build(d)",
    "d.plan('peace-plan')",
    "from tests.support.lineage import unkeyed\n"
    "unkeyed('minsk-2014-2015.yaml').suggest_links('minsk-1', 'minsk-2')",
    "print(sys.prefix)",
]


@pytest.fixture(scope="module")
def executed() -> nbformat.NotebookNode:
    """The notebook after a kernel has run it."""
    nb: nbformat.NotebookNode = nbformat.v4.new_notebook()  # type: ignore[no-untyped-call]
    nb.cells = [nbformat.v4.new_code_cell(src) for src in CELLS]  # type: ignore[no-untyped-call]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    client = NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT)}},
    )
    client.execute(cwd=str(ROOT))
    return nb


def _html(cell: nbformat.NotebookNode) -> str:
    for out in cell.outputs:
        if out.get("output_type") in ("execute_result", "display_data"):
            html = out.get("data", {}).get("text/html")
            if html:
                return str(html)
    raise AssertionError(f"no text/html output in {cell.source!r}: {cell.outputs!r}")


@pytest.mark.parametrize(
    ("index", "expect"),
    [
        (2, "Peace talks, late 2025"),
        (3, "20-point framework"),
        (4, "<bdi>US 28-point draft</bdi> → <bdi>20-point framework</bdi>"),
        (5, "Kyiv and Washington agree a 20-point framework"),
        (6, "<code>us-28</code>"),
        (7, "pairs to review, from <code>minsk-1</code> to <code>minsk-2</code>"),
    ],
)
def test_outputs_hold_scoped_html(executed: nbformat.NotebookNode, index: int, expect: str) -> None:
    """Each displayed object rendered as scoped HTML with its content."""
    html = _html(executed.cells[index])
    assert '<div class="negotrack-repr nt-' in html
    assert expect in html


def test_kernel_is_this_environment(executed: nbformat.NotebookNode) -> None:
    """No cell failed, and the kernel ran in this virtual environment."""
    errors = [o for c in executed.cells for o in c.outputs if o.get("output_type") == "error"]
    assert errors == []
    printed = "".join(o.get("text", "") for o in executed.cells[-1].outputs)
    assert printed.strip() == sys.prefix
