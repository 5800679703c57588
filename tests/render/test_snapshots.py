"""Golden snapshots of every rendered output, and of the view-model behind it.

Each case stores the rendered file (HTML, Markdown or text) and the ``repr`` of the typed
view-model the template received, so a change shows up as a readable diff of either the data
or the markup. After an intended change, regenerate them all by running this file::

    .venv/bin/python -m tests.render.test_snapshots

and review ``git diff tests/render/snapshots``. Full pages share one stylesheet, stored once as
``page.css`` (see ``tests/snapshot_css.py``). Cases cover the seed dossier (``seeds/``) and the
small test dossier, the zoned one and the points with options of
``tests/support/dossiers.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import attrs
import pytest

import negotrack as nt
from negotrack.render.renderer import Renderer
from negotrack.render.shared import repr_html
from negotrack.views.board import BoardView
from negotrack.views.diff import DiffView
from negotrack.views.home import HomeView
from negotrack.views.site import site_pages
from negotrack.views.suggestions import SuggestionsView
from negotrack.views.timeline import TimelineView
from tests.support import snapshot_css
from tests.support.dossiers import (
    SEED,
    options_dossier,
    sentence_options_dossier,
    small_dossier,
    zoned_dossier,
)
from tests.support.lineage import unkeyed

HERE = Path(__file__).resolve().parent

SNAPSHOTS = HERE / "snapshots"

Case = Callable[[], tuple[str, str]]
"""A snapshot case: () -> (rendered output, repr of the view-model)."""


def pretty(obj: object, indent: int = 0) -> str:
    """A view-model's repr, one field per line, so snapshot diffs point at the field."""
    pad = "    " * (indent + 1)
    cls: Any = type(obj)
    if attrs.has(cls):
        fields = [(f.name, getattr(obj, f.name)) for f in attrs.fields(cls) if f.repr]
    elif isinstance(obj, tuple) and hasattr(obj, "_fields"):
        fields = [(name, getattr(obj, name)) for name in obj._fields]
    elif isinstance(obj, tuple | list) and obj:
        inner = ",\n".join(pad + pretty(x, indent + 1) for x in obj)
        return f"(\n{inner},\n{'    ' * indent})"
    else:
        return repr(obj)
    inner = ",\n".join(f"{pad}{name}={pretty(value, indent + 1)}" for name, value in fields)
    return f"{type(obj).__name__}(\n{inner},\n{'    ' * indent})"


def _dossiers() -> dict[str, nt.Dossier]:
    found = {"small": small_dossier()}
    if SEED.exists():
        found["seed"] = nt.load(SEED)
    return found


def _timeline(r: Renderer, d: nt.Dossier, fmt: str) -> tuple[str, str]:
    view = TimelineView.build(d)
    return r.timeline_view(view, format=fmt), pretty(view)


def _diff(r: Renderer, d: nt.Dossier, old: str, new: str, fmt: str) -> tuple[str, str]:
    pd = d.diff(old, new)
    return r.diff(pd, format=fmt), pretty(DiffView.build(pd, lang=r.lang))


def _board(
    r: Renderer, d: nt.Dossier, plan_id: str, fmt: str, as_of: str | None = None
) -> tuple[str, str]:
    view = BoardView.build(d, plan_id, as_of=as_of, lang=r.lang)
    return r.board(d, plan_id, format=fmt, as_of=as_of), pretty(view)


def _home(r: Renderer, d: nt.Dossier, fmt: str) -> tuple[str, str]:
    # A site's home page, as render_site writes it (the diffs and boards it counts).
    pages = site_pages(d, r.lang)
    diffs = {p.stem: d.diff(p.old, p.new) for p in pages if p.kind == "diff"}
    boards = {p.stem: BoardView.build(d, p.plan, lang=r.lang) for p in pages if p.kind == "board"}
    view = HomeView.build(d, pages, diffs=diffs, boards=boards, lang=r.lang)
    nav = pages[0].nav(pages, "." + fmt)
    return r.home_view(view, format=fmt, nav=nav), pretty(view)


def _embed(r: Renderer, d: nt.Dossier) -> tuple[str, str]:
    # The fragment's styles are the page's, scoped (tests/render/test_axis.py checks that).
    view = TimelineView.build(d)
    fragment = re.sub(
        r"<style>.*?</style>", snapshot_css.MARKER, r.timeline_view(view, embed=True), flags=re.S
    )
    return fragment, pretty(view.axis)


def _dossier(d: nt.Dossier) -> tuple[str, str]:
    return repr_html(d), repr(d)


def _cases() -> dict[str, Case]:
    r = Renderer()
    cases: dict[str, Case] = {}
    for name, d in _dossiers().items():
        for fmt, suffix in (("html", "html"), ("md", "md"), ("text", "txt")):
            cases[f"{name}-timeline.{suffix}"] = partial(_timeline, r, d, fmt)
        for plan in d.plans:
            if len(plan.versions) < 2:
                continue
            old, new = plan.versions[0].id, plan.versions[-1].id
            for fmt, suffix in (("html", "html"), ("md", "md"), ("text", "txt")):
                cases[f"{name}-diff-{old}-{new}.{suffix}"] = partial(_diff, r, d, old, new, fmt)
            for fmt in ("html", "md"):
                cases[f"{name}-board-{plan.id}.{fmt}"] = partial(_board, r, d, plan.id, fmt)
            first = plan.versions[0].date.isoformat().strip("~")
            cases[f"{name}-board-{plan.id}-as-of.html"] = partial(
                _board, r, d, plan.id, "html", first
            )
        cases[f"{name}-timeline-embed.html"] = partial(_embed, r, d)
        for fmt in ("html", "md"):
            cases[f"{name}-site-index.{fmt}"] = partial(_home, r, d, fmt)
        cases[f"{name}-repr-dossier.html"] = partial(_dossier, d)
    # Times whose dates as shown fall in other months than their UTC instants, and dates
    # known only to a stretch of months: the list's headings and order, in each format.
    zoned = zoned_dossier()
    for fmt, suffix in (("html", "html"), ("md", "md"), ("text", "txt")):
        cases[f"zoned-timeline.{suffix}"] = partial(_timeline, r, zoned, fmt)
    for loc in ("fr", "ar"):
        cases[f"zoned-{loc}-timeline.md"] = partial(
            _localised_timeline, Renderer(locale=loc), zoned, "md"
        )
    # Points with options (bracketed alternatives): changed, kept, gained, deleted, added.
    opts = options_dossier()
    for fmt, suffix in (("html", "html"), ("md", "md"), ("text", "txt")):
        cases[f"options-diff-v1-v2.{suffix}"] = partial(_diff, r, opts, "v1", "v2", fmt)
    # Options that are sentences: a list in each report, the short ones beside them a line.
    sentences = sentence_options_dossier()
    for fmt, suffix in (("html", "html"), ("md", "md"), ("text", "txt")):
        cases[f"options-sentences-diff-v1-v2.{suffix}"] = partial(
            _diff, r, sentences, "v1", "v2", fmt
        )
    for fmt in ("html", "md"):
        cases[f"options-sentences-board.{fmt}"] = partial(_board, r, sentences, "line", fmt)
    seed = _dossiers().get("seed")
    if seed is not None:
        # The seed in other languages: Ukrainian and Russian (CLDR dates and plurals), Arabic
        # (right to left), French; the English dossier's text is marked lang="en" in each.
        plan = seed.plans[0]
        old, new = plan.versions[0].id, plan.versions[-1].id
        for loc in ("uk", "ar"):
            lr = Renderer(locale=loc)
            for fmt, suffix in (("html", "html"), ("md", "md")):
                cases[f"seed-{loc}-timeline.{suffix}"] = partial(_localised_timeline, lr, seed, fmt)
            for fmt, suffix in (("html", "html"), ("text", "txt")):
                cases[f"seed-{loc}-diff-{old}-{new}.{suffix}"] = partial(
                    _diff, lr, seed, old, new, fmt
                )
        for loc in ("ru", "fr"):
            cases[f"seed-{loc}-board-{plan.id}.html"] = partial(
                _board, Renderer(locale=loc), seed, plan.id, "html"
            )
        cases["seed-ar-site-index.html"] = partial(_home, Renderer(locale="ar"), seed, "html")
    # A pair a person turned down (a distinct link), on both points' cards, with its note.
    turned = _turned_down()
    for fmt, suffix in (("html", "html"), ("md", "md"), ("text", "txt")):
        cases[f"drc-distinct-diff.{suffix}"] = partial(
            _diff, r, turned, "declaration", "agreement", fmt
        )
    cases["minsk-review-sheet.md"] = partial(_review_sheet, r, None)
    cases["minsk-ar-review-sheet-cli.md"] = partial(
        _review_sheet, Renderer(locale="ar"), "my dossiers/minsk.yaml"
    )
    return cases


def _turned_down() -> nt.Dossier:
    # The DRC-Rwanda seed with its lineage forgotten, and the candidate text offers for
    # declaration 2.4 in agreement 2.1 (which only names the mechanism) turned down.
    d = unkeyed("drc-rwanda-2025.yaml")
    d.link("declaration#2.4", "agreement#2.1", note="2.1 only names <the> mechanism", distinct=True)
    return d


def _review_sheet(r: Renderer, file: str | None) -> tuple[str, str]:
    # The review sheet of the Minsk seed with its lineage forgotten: every kind of line
    # (pairs by text, pieces, candidates left unpaired), pinned by d.link or by the CLI.
    found = unkeyed("minsk-2014-2015.yaml").suggest_links("minsk-1", "minsk-2")
    view = SuggestionsView.build(found, lang=r.lang, file=file)
    return r.suggestions(found, file=file), pretty(view)


def _localised_timeline(r: Renderer, d: nt.Dossier, fmt: str) -> tuple[str, str]:
    view = TimelineView.build(d, lang=r.lang)
    return r.timeline(d, format=fmt), pretty(view)


CASES = _cases()


@pytest.mark.parametrize("name", sorted(CASES))
def test_snapshot(name: str) -> None:
    """The output and its view-model equal the stored snapshot (regenerate: run this file)."""
    output, model = CASES[name]()
    snapshot_css.check(SNAPSHOTS, name, output)
    assert model + "\n" == (SNAPSHOTS / (name + ".repr.txt")).read_text(encoding="utf-8")


def regenerate() -> list[Path]:
    """Write every snapshot afresh (and remove stale ones); returns the paths written.

    Only this file's own snapshots (``small-*``, ``seed-*``, ``zoned-*``, ``options-*``) are
    removed;    folders beside them belong to other tests.
    """
    SNAPSHOTS.mkdir(exist_ok=True)
    for old in SNAPSHOTS.iterdir():
        if old.is_file() and old.name.startswith(
            ("small-", "seed-", "zoned-", "options-", snapshot_css.CSS_NAME)
        ):
            old.unlink()
    written = []
    for name, case in sorted(CASES.items()):
        output, model = case()
        snapshot_css.write(SNAPSHOTS, name, output)
        (SNAPSHOTS / (name + ".repr.txt")).write_text(model + "\n", encoding="utf-8")
        written.append(SNAPSHOTS / name)
    return written


if __name__ == "__main__":
    for path in regenerate():
        print(path.relative_to(HERE.parent))
