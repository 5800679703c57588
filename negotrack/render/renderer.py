"""Rendering: HTML, Markdown and text for timelines, diff reports and status boards.

A :class:`Renderer` owns its Jinja2 environment (there is no module-global one): the
packaged templates in ``negotrack/render/templates``, with a user's template folder in front.
Templates receive typed view-models (:mod:`negotrack.views.timeline`, :mod:`negotrack.views.board`,
:class:`negotrack.PlanDiff`); user data is only ever passed *to* templates, never used to
build one. HTML is autoescaped; undefined names fail loudly (``StrictUndefined``).

Overriding: a user folder holding ``html/timeline.html.j2`` replaces the default, and may
start with ``{% extends "default/html/timeline.html.j2" %}`` to change only some blocks;
``html/css/custom.css`` in that folder is inlined after the default styles. The blocks and
macros are listed in ``negotrack/render/templates/README.md``.

Languages: ``Renderer(locale="uk")`` renders in Ukrainian (words from :mod:`.catalogs`, dates
in CLDR's grammar); each method and ``render_*`` function also takes ``locale=``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from negotrack.core.collector import collector_paused
from negotrack.core.controls import printable
from negotrack.core.dates import MomentLike
from negotrack.core.model import EventKind
from negotrack.errors import RenderError, did_you_mean
from negotrack.render.catalogs import interface
from negotrack.render.diff_page import diff_records
from negotrack.render.escaping import escaped_view, page_records
from negotrack.render.htmltext import escaping_html
from negotrack.render.running import overrides, rendered, template_error
from negotrack.views import formatting as _filters
from negotrack.views.i18n import Interface
from negotrack.views.site import SiteLink
from negotrack.views.timeline import DEFAULT_DIFF_HREF, TimelineView, event_filter

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier
    from negotrack.dossier.links import Suggestions
    from negotrack.dossier.selection import EventFilter
    from negotrack.plandiff.compare import PlanDiff
    from negotrack.views.board import BoardView
    from negotrack.views.home import HomeView

__all__ = ["Renderer"]

_TEMPLATES = Path(__file__).parent / "templates"
_SUFFIX = {"html": "html.j2", "md": "md.j2", "text": "txt.j2"}
_SCRIPT = "html/js/timeline.js"
_BLANKS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+\n")


def _autoescape(name: str | None) -> bool:
    return name is not None and (name.endswith(".html.j2") or name.endswith(".html"))


class Renderer:
    """Renders negotrack's views with one Jinja2 environment of its own.

    ``template_dir`` is searched before the packaged templates; the packaged ones stay
    reachable under the ``default/`` prefix, so an override can extend what it replaces.
    ``locale`` is the interface language ("en", "uk", "ar", ...; see
    :func:`negotrack.render.catalogs.known_locales`); an unknown one is a
    :class:`~negotrack.LocaleError`.
    """

    def __init__(
        self, *, template_dir: str | Path | None = None, locale: str | None = None
    ) -> None:
        self.lang: Interface = interface(locale)
        self.template_dir = template_dir
        self._siblings: dict[str, Renderer] = {self.lang.code: self}
        defaults, loaders = jinja2.FileSystemLoader(_TEMPLATES), list[jinja2.BaseLoader]()
        if template_dir is not None:
            folder = Path(template_dir)
            if not folder.is_dir():
                raise RenderError(
                    f"the template folder {str(folder)!r} does not exist",
                    hint="pass a folder holding e.g. html/timeline.html.j2 or html/css/custom.css",
                )
            loaders.append(jinja2.FileSystemLoader(folder))
        loaders.append(defaults)
        loaders.append(jinja2.PrefixLoader({"default": defaults}))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=_autoescape,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
            # Interface strings are {{ _("...") }} (gettext), in the language installed below.
            extensions=["jinja2.ext.i18n"],
        )
        self.env.install_gettext_translations(  # type: ignore[attr-defined]
            self.lang.translations, newstyle=True
        )
        self.env.globals["lang"] = self.lang
        self.env.filters.update(_filters.FILTERS)
        escaping_html(self.env)  # autoescape and `e` show control characters too
        self.env.tests.update(_filters.TESTS)
        script, _, _ = self.env.loader.get_source(self.env, _SCRIPT)  # type: ignore[union-attr]
        digest = hashlib.sha256(script.encode("utf-8")).digest()
        # The page's Content-Security-Policy admits this one inline script and nothing else.
        self.env.globals["script_hash"] = "sha256-" + base64.b64encode(digest).decode("ascii")

    def _render(self, page: str, format: str, **context: Any) -> str:
        suffix = _SUFFIX.get(format)
        if suffix is None:
            raise RenderError(
                f"unknown format {format!r} for the {page}",
                hint=did_you_mean(format, _SUFFIX),
            )
        name = f"{format}/{page}.{suffix}"
        try:
            template = self.env.get_template(name)
        except jinja2.TemplateNotFound:
            raise RenderError(
                f"there is no {format} output for the {page}",
                hint="available: " + ", ".join(self.formats(page)),
            ) from None
        except jinja2.TemplateSyntaxError as e:
            raise template_error(e, name) from None
        # A block rendered once per event costs a context per event; the page renders
        # `event_extra` only when a user's template overrides it.
        context = {"nav": (), "overrides": overrides(template, _TEMPLATES), **context}
        try:
            text = rendered(template, context, _TEMPLATES)
        except jinja2.TemplateError as e:
            raise template_error(e, name, _TEMPLATES) from None
        if format != "html":
            # One blank line is all prose needs; a text report holds no raw control character.
            text = _BLANKS.sub("\n\n", text).strip("\n") + "\n"
            text = printable(text) if format == "text" else text
        return text

    def _in(self, locale: str | None) -> Renderer:
        """This renderer, or its sibling (same templates) in ``locale`` when that differs."""
        if locale is None:
            return self
        code = interface(locale).code
        found = self._siblings.get(code)
        if found is None:
            found = Renderer(template_dir=self.template_dir, locale=code)
            found._siblings = self._siblings
            self._siblings[code] = found
        return found

    def formats(self, view: str) -> list[str]:
        """The formats this renderer has templates for, for a view ("timeline", ...)."""
        names = set(self.env.list_templates())
        return [fmt for fmt, suffix in _SUFFIX.items() if f"{fmt}/{view}.{suffix}" in names]

    def timeline(
        self,
        dossier: Dossier,
        *,
        format: str = "html",
        embed: bool = False,
        select: EventFilter | None = None,
        since: MomentLike | None = None,
        until: MomentLike | None = None,
        kind: str | EventKind | Iterable[str | EventKind] | None = None,
        participant: str | Iterable[str] | None = None,
        side: str | Iterable[str] | None = None,
        track: str | Iterable[str] | None = None,
        tag: str | Iterable[str] | None = None,
        diff_href: str | None = DEFAULT_DIFF_HREF,
        locale: str | None = None,
        nav: tuple[SiteLink, ...] = (),
    ) -> str:
        """The timeline of ``dossier``'s events matching ``select`` and the criteria given
        (see :meth:`Dossier.filter_events`), as a page; ``embed`` gives an HTML fragment
        (the axis and the list, styles scoped to it) for another site's page. ``locale``
        renders this page in another language than the renderer's; ``nav`` links the other
        pages of a site (:mod:`negotrack.views.site`)."""
        r = self._in(locale)
        chosen = event_filter(
            select,
            since=since,
            until=until,
            kind=kind,
            participant=participant,
            side=side,
            track=track,
            tag=tag,
        )
        if format == "html":
            with collector_paused():
                view = escaped_view(dossier, chosen, diff_href, r.lang)
                records = page_records(view, escaped=True)
                page = r._render(
                    "timeline", format, view=view, embed=embed, escaped=records, nav=nav
                )
                # Let them go while the collector is paused, as the diff report does.
                del view, records
            return page
        view = TimelineView.build(dossier, select=chosen, diff_href=diff_href, lang=r.lang)
        return r.timeline_view(view, format=format, embed=embed, nav=nav)

    def timeline_view(
        self,
        view: TimelineView,
        *,
        format: str = "html",
        embed: bool = False,
        nav: tuple[SiteLink, ...] = (),
    ) -> str:
        """A prepared :class:`TimelineView` as a page (or, with ``embed``, a fragment), in
        the language its labels were written in."""
        if view.lang.code != self.lang.code:
            return self._in(view.lang.code).timeline_view(view, format=format, embed=embed, nav=nav)
        if embed and format != "html":
            raise RenderError(
                f"only HTML can be embedded, not {format}", hint="drop embed or use html"
            )
        with collector_paused():
            records = page_records(view, escaped=False) if format == "html" else None
            return self._render(
                "timeline", format, view=view, embed=embed, escaped=records, nav=nav
            )

    def diff(
        self,
        plan_diff: PlanDiff,
        *,
        format: str = "html",
        locale: str | None = None,
        content_lang: str | None = None,
        nav: tuple[SiteLink, ...] = (),
    ) -> str:
        """The diff report of ``plan_diff``: summary, then each point's fate.

        ``content_lang`` is the language the plan's texts are written in (a dossier's
        ``language``), marked on them when it differs from the page's; ``nav`` links the
        other pages of a site."""
        from negotrack.views.diff import DiffView

        r = self._in(locale)
        with collector_paused():
            view = DiffView.build(plan_diff, lang=r.lang, content_lang=content_lang)
            if format != "html":
                page = r._render("diff", format, view=view, embed=False, nav=nav)
            else:
                records = diff_records(view)
                page = r._render("diff", format, view=view, embed=False, escaped=records, nav=nav)
                del records
            # Let the view and the records go while the collector is paused: the first
            # collection after it is back on then finds the page's few survivors young,
            # not the whole view.
            del view
        return page

    def board(
        self,
        dossier: Dossier,
        plan_id: str | None = None,
        *,
        format: str = "html",
        as_of: MomentLike | None = None,
        threshold: float | None = None,
        locale: str | None = None,
        nav: tuple[SiteLink, ...] = (),
    ) -> str:
        """The status board of a plan (the dossier's first plan when ``plan_id`` is None),
        as it stood on ``as_of`` (today's record when None); ``threshold`` goes to the
        diffs that line the versions' points up; ``nav`` links the other pages of a site."""
        from negotrack.views.board import BoardView

        r = self._in(locale)
        view = BoardView.build(dossier, plan_id, as_of=as_of, threshold=threshold, lang=r.lang)
        return r.board_view(view, format=format, nav=nav)

    def board_view(
        self, view: BoardView, *, format: str = "html", nav: tuple[SiteLink, ...] = ()
    ) -> str:
        """A prepared :class:`BoardView` as a page, in the language its labels were written
        in (a site renders one view in both formats: its diffs are worked out once)."""
        r = self if view.lang.code == self.lang.code else self._in(view.lang.code)
        return r._render("board", format, view=view, embed=False, nav=nav)

    def home_view(
        self, view: HomeView, *, format: str = "html", nav: tuple[SiteLink, ...] = ()
    ) -> str:
        """A site's home page (``index``) in the language its labels were written in."""
        r = self if view.lang.code == self.lang.code else self._in(view.lang.code)
        return r._render("index", format, view=view, embed=False, nav=nav)

    def suggestions(
        self,
        suggestions: Suggestions,
        *,
        format: str = "md",
        locale: str | None = None,
        file: str | None = None,
    ) -> str:
        """The review sheet of ``suggestions`` (``d.suggest_links``): each pair with both
        its texts, least sure first, and what pins it: ``d.link(...)``, or with ``file``
        (the dossier's path) the ``negotrack link`` command."""
        from negotrack.views.suggestions import SuggestionsView

        r = self._in(locale)
        view = SuggestionsView.build(suggestions, lang=r.lang, file=file)
        return r._render("suggestions", format, view=view, embed=False)

    def repr_html(self, obj: Any) -> str:
        """A compact HTML fragment for a notebook, its styles scoped to its own wrapper."""
        from negotrack.views.notebook import notebook_view

        kind, view = notebook_view(obj, self.lang)
        # The scope class comes from the content: two different displays in one notebook
        # never restyle each other, and the same display always renders the same way.
        digest = hashlib.blake2b(repr(view).encode("utf-8"), digest_size=5).hexdigest()
        scope = f"nt-{kind[0]}{digest}"
        return self.env.get_template(f"html/repr/{kind}.html.j2").render(scope=scope, view=view)
