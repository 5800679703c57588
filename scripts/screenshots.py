"""Screenshots of the seed dossier's timeline, diff report and status board for the README.

Renders ``seeds/ukraine-2025-12.yaml``'s timeline (scrolled to its time axis), its
``us-28`` → ``20-point`` diff report and its status board (scrolled to the statuses over
time) into a temporary folder, opens each in Debian's Chromium through Playwright (never a
downloaded browser, no network) and writes ``docs/img/timeline.png``, ``docs/img/diff.png``
and ``docs/img/board.png``: 1280 px wide, light theme.

    .venv/bin/python -m scripts.screenshots [--out docs/img] [--height 1000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tests.system.browser.chromium import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "ukraine-2025-12.yaml"


def pages(folder: Path) -> dict[str, Path]:
    """Render the pages to shoot into ``folder``; the PNG name of each and its HTML file."""
    import negotrack as nt

    d = nt.load(SEED)
    timeline = folder / "timeline.html"
    timeline.write_text(nt.render_timeline(d, "html"), encoding="utf-8")
    diff = folder / "diff-us-28_to_20-point.html"
    diff.write_text(nt.render_diff(d.diff("us-28", "20-point"), "html"), encoding="utf-8")
    board = folder / "board.html"
    board.write_text(nt.render_board(d, "peace-framework", "html"), encoding="utf-8")
    return {"timeline.png": timeline, "diff.png": diff, "board.png": board}


# Where each shot starts: the part of the page the README shows.
_SCROLL_TO = {"timeline.png": "axis-h", "board.png": "chart-h"}


def shoot(shots: dict[str, Path], out: Path, *, width: int, height: int) -> list[Path]:
    """Screenshot each page's top ``width`` x ``height`` pixels into ``out``."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = browser.new_context(
                viewport={"width": width, "height": height},
                color_scheme="light",
                reduced_motion="reduce",
                offline=True,
            )
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            for name, html in shots.items():
                page.goto(html.as_uri())
                page.wait_for_load_state("load")
                if name in _SCROLL_TO:
                    page.evaluate(
                        "id => window.scrollTo(0, document.getElementById(id)"
                        ".getBoundingClientRect().top + window.scrollY - 16)",
                        _SCROLL_TO[name],
                    )
                target = out / name
                page.screenshot(path=str(target), full_page=False)
                written.append(target)
            if errors:
                raise RuntimeError("the pages raised script errors: " + "; ".join(errors))
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Render and shoot; print each PNG written with its size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else "")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"no Chromium at {CHROMIUM}: run 'make system-deps' first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="negotrack-shots-") as tmp:
        written = shoot(pages(Path(tmp)), args.out, width=args.width, height=args.height)
    for path in written:
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
            f"{path.stat().st_size // 1024} KB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
