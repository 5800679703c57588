"""Build the Markdown docs (docs/**/*.md) into browsable HTML beside the API reference.

    .venv/bin/python scripts/build_docs.py [--out docs/_build]

Writes ``OUT/index.html`` (docs/index.md), one page per other Markdown file under the same
relative path, and ``OUT/img/``; links between the Markdown files become links between the
pages, and links into the repository (examples, seeds) point at the files in the checkout.
``make docs`` writes the API reference (pdoc) into ``OUT/api/``; the index links to it.
Uses markdown2, which pdoc already depends on: no new dependency.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{title} — negotrack</title>
<style>
body {{ font: 16px/1.55 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto;
  padding: 0 1rem; }}
pre, code {{ font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; }}
pre {{ padding: 0.75rem; overflow-x: auto; border: 1px solid #8884; border-radius: 4px; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #8886; padding: 0.3rem 0.5rem;
  vertical-align: top; }}
img {{ max-width: 100%; }} nav {{ margin-bottom: 1.5rem; }}
</style>
</head>
<body>
<nav><a href="{home}">negotrack docs</a> · <a href="{api}">API reference</a></nav>
<main>
{body}
</main>
</body>
</html>
"""

_LINK = re.compile(r'(href|src)="([^"#:]+?)(#[^"]*)?"')


def _target(page: Path, out_page: Path, out: Path, ref: str) -> str:
    """Where a relative link of ``page`` points once ``page`` is built to ``out_page``."""
    source = (page.parent / ref).resolve()
    if source.is_relative_to(DOCS) and source.suffix == ".md":
        built = out / source.relative_to(DOCS).with_suffix(".html")
        if source == DOCS / "index.md":
            built = out / "index.html"
    elif source.is_relative_to(DOCS / "img"):
        built = out / "img" / source.relative_to(DOCS / "img")
    else:
        built = source  # a file of the checkout: examples/, seeds/, CHANGELOG.md, ...
    return os.path.relpath(built, out_page.parent)


def _relink(body: str, page: Path, out_page: Path, out: Path) -> str:
    """``body`` with each relative link of ``page`` pointing where it leads once built."""

    def one(m: re.Match[str]) -> str:
        return f'{m.group(1)}="{_target(page, out_page, out, m.group(2))}{m.group(3) or ""}"'

    return _LINK.sub(one, body)


def build(out: Path) -> list[Path]:
    """Render every Markdown page of docs/ into ``out``; return the pages written."""
    import markdown2  # type: ignore[import-untyped]

    written = []
    for page in sorted(DOCS.rglob("*.md")):
        if "_build" in page.relative_to(DOCS).parts:
            continue
        out_page = out / page.relative_to(DOCS).with_suffix(".html")
        text = page.read_text(encoding="utf-8")
        title = next(
            (line[2:].strip() for line in text.splitlines() if line.startswith("# ")), page.stem
        )
        body = markdown2.markdown(text, extras=["fenced-code-blocks", "tables", "header-ids"])
        body = _relink(body, page, out_page, out)
        out_page.parent.mkdir(parents=True, exist_ok=True)
        rel = os.path.relpath(out, out_page.parent)
        out_page.write_text(
            _PAGE.format(
                title=html.escape(title),
                home=f"{rel}/index.html",
                api=f"{rel}/api/index.html",
                body=body,
            ),
            encoding="utf-8",
        )
        written.append(out_page)
    if (DOCS / "img").is_dir():
        shutil.copytree(DOCS / "img", out / "img", dirs_exist_ok=True)
    return written


def main(argv: list[str] | None = None) -> int:
    """Build the pages and print where the index is."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else "")
    parser.add_argument("--out", type=Path, default=DOCS / "_build")
    args = parser.parse_args(argv)
    pages = build(args.out.resolve())
    print(f"{len(pages)} pages; open {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
