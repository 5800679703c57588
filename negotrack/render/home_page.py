"""A site's home page (``index.html``, ``index.md``): the dossier and the pages it holds.

Its own module beside :class:`~negotrack.render.renderer.Renderer`, which it renders with:
only :func:`negotrack.render_site` writes a home page (it lists the pages of a site).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from negotrack.views.site import SiteLink

if TYPE_CHECKING:
    from negotrack.render.renderer import Renderer
    from negotrack.views.home import HomeView

__all__ = ["render_home"]


def render_home(
    renderer: Renderer, view: HomeView, *, format: str = "html", nav: tuple[SiteLink, ...] = ()
) -> str:
    """The home page ``view`` in ``format`` ("html" or "md"), with ``renderer``'s templates
    (a user's ``html/index.html.j2`` too) in the language the view's labels were written in;
    ``nav`` links the site's pages."""
    r = renderer._in(view.lang.code)
    return r._render("index", format, view=view, embed=False, nav=nav)
