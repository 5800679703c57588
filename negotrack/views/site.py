"""The pages of a dossier's site and the links between them.

:func:`negotrack.render_site` writes a home page (``index``: what the dossier is and what
each page holds, so a folder published as it is opens on it), one timeline, a diff report
for every version that has a predecessor, and a status board per plan with versions, each as
HTML and as Markdown. :func:`site_pages` says which pages those are, in reading order, with
the names their files get (the same names the timeline's "what changed" links use); every
page of the site then carries :meth:`SitePage.nav`, a link to each page, the current one
marked, so a reader can go from any page to any other, by keyboard and screen reader too (a
labelled ``<nav>``, ``aria-current="page"``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from negotrack.views import formatting as _filters
from negotrack.views.i18n import ENGLISH, Interface
from negotrack.views.timeline import DEFAULT_DIFF_HREF, predecessor

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier

__all__ = ["SiteLink", "SitePage", "site_pages"]


@attrs.frozen
class SiteLink:
    """A link of the site's navigation: its label, the file it leads to (``href``, relative,
    in the format of the page that shows it) and whether it is the page shown."""

    label: str
    href: str
    current: bool


@attrs.frozen
class SitePage:
    """One page of the site: ``kind`` ("index", "timeline", "diff" or "board"), the file name
    without its suffix (``stem``), its label in the site's navigation, and what to render:
    the two versions of a diff (``old``, ``new``) or the plan of a board (``plan``)."""

    kind: str
    stem: str
    label: str
    old: str = ""
    new: str = ""
    plan: str = ""

    def nav(self, pages: tuple[SitePage, ...], suffix: str) -> tuple[SiteLink, ...]:
        """Links to every page of ``pages``, as files ending in ``suffix`` (".html",
        ".md"), this one marked current."""
        return tuple(SiteLink(p.label, p.stem + suffix, p.stem == self.stem) for p in pages)


def site_pages(dossier: Dossier, lang: Interface = ENGLISH) -> tuple[SitePage, ...]:
    """The site's pages in reading order: the home page (``index``, the contents), the
    timeline, then each plan's diff reports (in version order) and its board. Labels are in
    ``lang``, short enough for a phone's width: a report is named by its versions' ids, a
    board by its plan's title only when the dossier has several; what comes from the dossier
    is isolated where it needs to be (:func:`negotrack.views.formatting.isolate`: in a
    right-to-left page, or right-to-left text) so that it reads right."""
    pages = [
        SitePage("index", "index", lang.gettext("Contents")),
        SitePage("timeline", "timeline", lang.gettext("Timeline")),
    ]
    boards = sum(1 for plan in dossier.plans if plan.versions)
    for plan in dossier.plans:
        for version in plan.versions:
            old = predecessor(dossier, version)
            if old is None:
                continue
            stem = DEFAULT_DIFF_HREF.format(
                old=_filters.file_part(old.id), new=_filters.file_part(version.id)
            ).removesuffix(".html")
            # Version ids are short handles ("us-28", "jcpoa"): labels run to a sentence.
            label = lang.gettext("What changed: %(old)s → %(new)s") % {
                "old": _filters.isolate(old.id, lang.direction),
                "new": _filters.isolate(version.id, lang.direction),
            }
            pages.append(SitePage("diff", stem, label, old=old.id, new=version.id))
        if plan.versions:
            if boards > 1:
                label = lang.gettext("%(title)s: status board") % {
                    "title": _filters.isolate(plan.title, lang.direction)
                }
            else:
                label = lang.gettext("Status board")
            stem = "board-" + _filters.file_part(plan.id)
            pages.append(SitePage("board", stem, label, plan=plan.id))
    return tuple(pages)
