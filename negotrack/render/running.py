"""Running a template: the page's context let go once it is written, the blocks a user's
template overrides, and a template's failure as a :class:`~negotrack.RenderError`.

A custom template (``template_dir=``) can fail to compile (a typo in a tag) or to render
(a name the page does not receive, a filter that does not exist). Jinja's own exceptions
name neither the file nor, for a rendering error, the line; the error raised instead says
both, so the fix is one look away.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from negotrack.errors import RenderError

__all__ = ["overrides", "rendered", "template_error"]


def rendered(
    template: jinja2.Template, context: dict[str, Any], packaged: Path | None = None
) -> str:
    """``template.render(context)``, and the page's context let go at once.

    A rendered context is held in a reference cycle with the macros it defines, so it
    lives until the next collection, and with it the view and the records it was given:
    that collection would then walk every one of their tuples and strings (some 50,000 for
    a report of 2,000 changes). Emptied once the page is written, it holds nothing large.

    An error a user's template raises while it runs (``{{ 1 / 0 }}``, a method that fails)
    is a :class:`RenderError` naming its file and line, as Jinja's own errors are; so is
    one raised in a packaged macro the user's template called (given what it cannot take,
    ``m.words(42)``), at the user's call. One raised in the ``packaged`` templates alone is
    negotrack's bug, and left as it is.
    """
    ctx = template.new_context(context)
    try:
        return template.environment.concat(template.root_render_func(ctx))
    except Exception:
        try:
            template.environment.handle_exception()  # re-raises, at the template's lines
        except Exception as error:
            if isinstance(error, jinja2.TemplateError) or packaged is None:
                raise
            frames = _template_frames(error)
            if not any(not _inside(file, packaged) for file, _ in frames):
                raise
            raise template_error(error, template.name or frames[-1][0], packaged) from error
    finally:
        ctx.parent.clear()
        ctx.vars.clear()


def _template_frames(error: BaseException) -> list[tuple[str, int]]:
    """The file and line of each frame of ``error`` that runs a template's code (Jinja
    rewrites the traceback to the template's lines), the outermost first."""
    found = []
    tb = error.__traceback__
    while tb is not None:
        file = tb.tb_frame.f_code.co_filename
        if file.endswith(".j2"):
            found.append((file, tb.tb_lineno))
        tb = tb.tb_next
    return found


def _inside(file: str, folder: Path | None) -> bool:
    return folder is not None and Path(file).resolve().is_relative_to(folder.resolve())


def overrides(template: jinja2.Template, packaged: Path) -> frozenset[str]:
    """The blocks a template outside the ``packaged`` folder defines (a user's override of
    a default: the page renders such blocks, and only then, once per record)."""
    name = template.filename or ""
    if Path(name).resolve().is_relative_to(packaged.resolve()):
        return frozenset()
    return frozenset(template.blocks)


def template_error(error: Exception, name: str, packaged: Path | None = None) -> RenderError:
    """A template that fails to compile or to render (a custom one, usually) as a
    RenderError naming the template file and line where it failed: the innermost line of
    a template outside ``packaged`` (where the user's template called a packaged macro
    that failed, that call, and the macro's own line after it)."""
    where = name
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = f"{error.filename or error.name or name}, line {error.lineno}"
        message = error.message or str(error)
    else:
        message = str(error)
        if not isinstance(error, jinja2.TemplateError):  # Python's own: its name tells
            message = f"{type(error).__name__}: {message}"
        frames = _template_frames(error)
        mine = [f for f in frames if not _inside(f[0], packaged)]
        if mine:
            where = f"{mine[-1][0]}, line {mine[-1][1]}"
            if mine[-1] != frames[-1]:
                where += f" (in the packaged {Path(frames[-1][0]).name}, line {frames[-1][1]})"
    return RenderError(
        f"template {where}: {message}",
        hint="fix the template (see templates/README.md for what each page receives)",
    )
