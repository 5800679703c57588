"""A template that fails, as a :class:`~negotrack.RenderError` naming where.

A custom template (``template_dir=``) can fail to compile (a typo in a tag) or to render
(a name the page does not receive, a filter that does not exist). Jinja's own exceptions
name neither the file nor, for a rendering error, the line; the error raised instead says
both, so the fix is one look away.
"""

from __future__ import annotations

import jinja2

from negotrack.errors import RenderError

__all__ = ["template_error"]


def template_error(error: jinja2.TemplateError, name: str) -> RenderError:
    """A template that fails to compile or to render (a custom one, usually) as a
    RenderError naming the template file and line where it failed."""
    where = name
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = f"{error.filename or error.name or name}, line {error.lineno}"
        message = error.message or str(error)
    else:
        message = str(error)
        tb = error.__traceback__
        while tb is not None:  # the innermost frame that runs a template's code
            file = tb.tb_frame.f_code.co_filename
            if file.endswith(".j2"):
                where = f"{file}, line {tb.tb_lineno}"
            tb = tb.tb_next
    return RenderError(
        f"template {where}: {message}",
        hint="fix the template (see templates/README.md for what each page receives)",
    )
