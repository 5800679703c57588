"""The custom-template example renders the seed dossier as its golden snapshot says.

``examples/custom-template/`` extends the default timeline and adds ``custom.css``; this
test renders the seed dossier's timeline and diff report with it and compares them with
``tests/render/snapshots/custom-template/``. After an intended change, regenerate the snapshots by
running this file as a script: ``.venv/bin/python -m tests.render.test_custom_template``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import snapshot_css

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "examples" / "custom-template"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots" / "custom-template"
SEED = ROOT / "seeds" / "ukraine-2025-12.yaml"


def render() -> dict[str, str]:
    """Each snapshot's file name and the text the example templates render for it."""
    import negotrack as nt

    d = nt.load(SEED)
    plan_diff = d.diff("us-28", "20-point")
    return {
        "timeline.html": nt.render_timeline(d, "html", template_dir=TEMPLATES),
        "diff-us-28_to_20-point.html": nt.render_diff(plan_diff, "html", template_dir=TEMPLATES),
    }


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """The pages rendered once for the module."""
    return render()


@pytest.mark.parametrize("name", ["timeline.html", "diff-us-28_to_20-point.html"])
def test_matches_snapshot(pages: dict[str, str], name: str) -> None:
    """The page and its stylesheet equal their golden snapshots (regenerate by running this
    file: .venv/bin/python -m tests.render.test_custom_template)."""
    snapshot_css.check(SNAPSHOTS, name, pages[name])


def test_overridden_blocks_and_kept_defaults(pages: dict[str, str]) -> None:
    """The overridden blocks show, and what the example does not override stays default."""
    page = pages["timeline.html"]
    assert '<p class="masthead">The Example Desk' in page
    assert '<p class="sourcing">' in page
    assert "Compiled by the Example Desk" in page
    assert "Made with negotrack." in page  # the footer's super()
    assert '<form id="filters"' in page  # a block the example leaves alone
    assert '<section class="nt-axis"' in page
    # event_extra: once per sourced event, inside its card.
    assert page.count('<p class="desk-ref">') == 11
    assert '<p class="desk-ref">Desk reference: talks-envoys</p>' in page
    an_event = page.index("negotiators talk with Witkoff and Kushner")
    assert an_event > page.index('<p class="masthead">')


def test_custom_css_follows_the_default_styles(pages: dict[str, str]) -> None:
    """custom.css is inlined on every page, after the default styles, so it wins."""
    for page in pages.values():
        assert page.index("--accent: #8a1538") > page.index("--accent: #0b57d0")
    assert '<p class="masthead">' not in pages["diff-us-28_to_20-point.html"]


def test_a_broken_template_is_a_render_error_naming_its_line(tmp_path: Path) -> None:
    """A custom board that prints a name no page receives, or a tag with a typo, fails
    with a RenderError naming the file and line; a site with it writes no page at all."""
    import negotrack as nt

    d = nt.load(SEED)
    (tmp_path / "html").mkdir()
    board = tmp_path / "html" / "board.html.j2"
    board.write_text(
        '{% extends "default/html/board.html.j2" %}\n'
        "{% block intro %}\n<p>{{ view.title }}</p>\n<p>{{ editor.name }}</p>\n{% endblock %}\n",
        encoding="utf-8",
    )
    with pytest.raises(nt.RenderError, match=r"board\.html\.j2, line 4: 'editor' is undefined"):
        nt.render_board(d, template_dir=tmp_path)
    site = tmp_path / "site"
    with pytest.raises(nt.RenderError):
        nt.render_site(d, site, template_dir=tmp_path)
    assert not site.exists()
    typo = tmp_path / "typo"
    (typo / "html").mkdir(parents=True)
    (typo / "html" / "board.html.j2").write_text(
        '{% extends "default/html/board.html.j2" %}\n{% block intro %}\n', "utf-8"
    )
    with pytest.raises(nt.RenderError, match=r"board\.html\.j2, line 2: .*'endblock'"):
        nt.render_board(d, template_dir=typo)


def test_a_template_that_fails_as_it_runs_is_a_render_error_naming_its_line(
    tmp_path: Path,
) -> None:
    """Python's own errors in a custom template's expressions (a division by zero, a
    method given the wrong arguments) fail as a RenderError naming the file and line, as
    Jinja's do, not as a bare ZeroDivisionError; a site with it writes nothing."""
    import negotrack as nt

    d = nt.load(SEED)
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "board.html.j2").write_text(
        '{% extends "default/html/board.html.j2" %}\n'
        "{% block intro %}\n<p>{{ view.title }}</p>\n<p>{{ 1 / 0 }}</p>\n{% endblock %}\n",
        encoding="utf-8",
    )
    with pytest.raises(
        nt.RenderError, match=r"board\.html\.j2, line 4: ZeroDivisionError: division by zero"
    ) as caught:
        nt.render_board(d, template_dir=tmp_path)
    assert "fix the template" in str(caught.value)
    other = tmp_path / "other"  # a folder once rendered keeps its compiled templates
    (other / "html").mkdir(parents=True)
    (other / "html" / "board.html.j2").write_text(
        '{% extends "default/html/board.html.j2" %}\n'
        "{% block intro %}\n<p>{{ view.title.split(1, 2, 3) }}</p>\n{% endblock %}\n",
        encoding="utf-8",
    )
    with pytest.raises(nt.RenderError, match=r"board\.html\.j2, line 3: TypeError"):
        nt.render_board(d, template_dir=other)
    site = tmp_path / "site"
    with pytest.raises(nt.RenderError):
        nt.render_site(d, site, template_dir=tmp_path)
    assert not site.exists()


def test_a_packaged_macro_given_what_it_cannot_take_is_the_callers_render_error(
    tmp_path: Path,
) -> None:
    """A custom template that calls a packaged macro with arguments it cannot take fails
    as a RenderError at the user's call (their file and line), naming the macro's line
    too, not as a bare TypeError from inside negotrack's templates."""
    import negotrack as nt

    d = nt.load(SEED)
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "board.html.j2").write_text(
        '{% extends "default/html/board.html.j2" %}\n'
        '{% import "default/html/_macros.html.j2" as mm %}\n'
        "{% block intro %}\n<p>{{ mm.words(42) }}</p>\n{% endblock %}\n",
        encoding="utf-8",
    )
    with pytest.raises(nt.RenderError) as caught:
        nt.render_board(d, template_dir=tmp_path)
    message = str(caught.value)
    assert f"{tmp_path / 'html' / 'board.html.j2'}, line 4" in message
    assert "(in the packaged _macros.html.j2, line " in message
    assert "TypeError: 'int' object is not iterable" in message


def test_an_error_in_a_packaged_template_is_left_as_it_is() -> None:
    """An error raised while a packaged template runs is negotrack's bug, not a user's
    template to fix: it is not dressed up as one."""
    import negotrack as nt
    from negotrack.render.renderer import Renderer

    class Broken:
        def __getattr__(self, name: str) -> object:
            raise ZeroDivisionError("a bug")

    renderer = Renderer()
    renderer.env.globals["lang"] = Broken()
    d = nt.load(SEED)
    with pytest.raises(ZeroDivisionError, match="a bug"):
        renderer.board(d, d.plans[0].id)


def _regenerate() -> None:
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    for name, text in render().items():
        snapshot_css.write(SNAPSHOTS, name, text)
        print(f"wrote {(SNAPSHOTS / name).relative_to(ROOT)}")


if __name__ == "__main__":
    _regenerate()
