"""Browser fixtures: Debian's Chromium driven by Playwright for Python, fully offline.

Other test files reuse these: ``browser`` (one Chromium per session), ``open_page`` (load an
HTML string into a fresh page with a script trap, console-error capture and the network
blocked) and ``artifacts`` (``tests/artifacts/``, git-ignored, for screenshots).

Without ``/usr/bin/chromium`` (or ``$CHROMIUM``) the browser tests skip locally and fail
when ``CI=true``: a missing browser must never turn a CI run green.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from tests.system.browser.chromium import ARGS, CHROMIUM

ARTIFACTS = Path(__file__).resolve().parents[3] / "tests" / "artifacts"

# Installed before any page script runs: anything injected that calls these is caught.
TRAP = """
window.__pwned = [];
(function () {
  var note = function (what) { return function () { window.__pwned.push(what); }; };
  window.alert = note("alert");
  window.confirm = note("confirm");
  window.prompt = note("prompt");
  window.print = note("print");
})();
"""

# Anything the page's own markup could have been tricked into: extra scripts, handlers,
# dangerous links, frames, objects. The page's one legitimate script is allowed.
INJECTION_PROBE = """
() => {
  const bad = [];
  const scripts = document.querySelectorAll('script');
  if (scripts.length > 1) bad.push('scripts: ' + scripts.length);
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) bad.push('handler ' + a.name + ' on ' + el.tagName);
      const risky = /^(href|src|action|formaction|xlink:href|data)$/i.test(a.name);
      if (risky && /^\\s*(javascript|data|vbscript):/i.test(a.value)) {
        bad.push('url ' + a.value.slice(0, 40));
      }
    }
  }
  // The board's own chart is the one svg a page may hold.
  if (document.querySelectorAll('svg.nt-chart').length > 1) bad.push('more than one chart');
  const foreign = ['iframe', 'object', 'embed', 'svg:not(.nt-chart)', 'math', 'img', 'base',
                   'meta[http-equiv=refresh]', 'form[action]', 'link'];
  for (const tag of foreign) {
    // The status board draws one chart of its own: an <svg class="nt-chart"> in its chart
    // section. Any other (a second one, or one elsewhere) is foreign.
    const n = [...document.querySelectorAll(tag)].filter(
      (el) => !(el.matches('section.chart > .table-wrap > svg.nt-chart') &&
                document.querySelectorAll('svg').length === 1)).length;
    if (n) bad.push(tag + ': ' + n);
  }
  return bad;
}
"""


def _chromium_missing() -> bool:
    return not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM))


@attrs.define
class Loaded:
    """A page loaded from HTML, with what it logged and any script that fired."""

    page: Any
    console_errors: list[str]
    page_errors: list[str]
    requests: list[str]

    def pwned(self) -> list[str]:
        """Calls the script trap caught (alert, confirm, prompt, print)."""
        return list(self.page.evaluate("window.__pwned || []"))

    def injected(self) -> list[str]:
        """Elements or attributes no negotrack page should contain."""
        return list(self.page.evaluate(INJECTION_PROBE))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    if _chromium_missing():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is required in CI but {CHROMIUM} is missing")
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def artifacts() -> Path:
    """The folder screenshots are written to (created on demand, git-ignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Loaded]]:
    """Load HTML into a fresh offline page: ``open_page(html, width=, dark=, csp=)``."""
    contexts: list[Any] = []

    def load(
        html: str,
        *,
        width: int = 1280,
        height: int = 900,
        dark: bool = False,
        javascript: bool = True,
        csp: bool = True,
    ) -> Loaded:
        ctx = browser.new_context(
            viewport={"width": width, "height": height},
            color_scheme="dark" if dark else "light",
            java_script_enabled=javascript,
            offline=True,
            # csp=False checks escaping itself, not the page's Content-Security-Policy,
            # and lets axe-core be injected.
            bypass_csp=not csp,
        )
        contexts.append(ctx)
        ctx.add_init_script(TRAP)
        page = ctx.new_page()
        loaded = Loaded(page, [], [], [])

        def on_console(message: Any) -> None:
            if message.type == "error":
                loaded.console_errors.append(message.text)

        def on_dialog(dialog: Any) -> None:
            loaded.page_errors.append("dialog " + dialog.type)
            dialog.dismiss()

        page.on("console", on_console)
        page.on("pageerror", lambda error: loaded.page_errors.append(str(error)))
        page.on("dialog", on_dialog)
        page.on("request", lambda request: loaded.requests.append(request.url))
        page.set_content(html, wait_until="load")
        return loaded

    yield load
    for ctx in contexts:
        ctx.close()


def axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page (run offline from node_modules)."""
    script = Path(__file__).resolve().parents[3] / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"axe-core is required in CI but {script} is missing (run npm ci)")
        pytest.skip("axe-core is not installed (npm ci)")
    page.add_script_tag(path=str(script))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v.get("impact") in ("serious", "critical")]
