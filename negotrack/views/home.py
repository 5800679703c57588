"""The view-model of a site's home page: what the dossier is, and what each page holds.

A folder written by :func:`negotrack.render_site` and published as it is (a static host,
GitHub Pages) opens on ``index.html``. That page gives the dossier's title and summary,
then every other page of the site in reading order (:func:`negotrack.views.site.site_pages`)
with a line saying what it holds: for the timeline, how many events over which dates; for a
diff report, its two versions (label, and date unless the label states it) and its counts
of changes, with how many it marks "to check"; for a status board, its plan and how many
cells stand at each status. The counts come from the diffs and boards the site renders
anyway, so the home page costs no diff of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

import attrs

from negotrack.views.dated_labels import date_after_label
from negotrack.views.diff import KIND_ORDER
from negotrack.views.formatting import content_language
from negotrack.views.i18n import ENGLISH, Interface

if TYPE_CHECKING:
    from negotrack.dossier.dossier import Dossier
    from negotrack.plandiff.compare import PlanDiff
    from negotrack.views.board import BoardView
    from negotrack.views.site import SitePage

__all__ = ["HomeEntry", "HomeView"]


class HomeEntry(NamedTuple):
    """One page of the site as the home page lists it: its ``kind`` ("timeline", "diff",
    "board"), its label (as in the site's navigation), its file name without suffix
    (``stem``), and what the line under it says."""

    kind: str
    label: str
    stem: str
    counts: tuple[tuple[str, str, int], ...] = ()
    """(key, label, count): a report's changes by kind, then how many it asks a person to
    check (``"check"``, when any), or a board's cells by status."""
    events: int = 0
    """The timeline's number of events."""
    first: str = ""
    """The timeline's earliest date, or a report's old version's date ("" when its label
    states it: :func:`negotrack.views.dated_labels.date_after_label`)."""
    last: str = ""
    """The timeline's latest date, or a report's new version's date (the same)."""
    old: str = ""
    """A report's old version's label, or a board's plan's title."""
    new: str = ""
    """A report's new version's label."""


@attrs.frozen
class HomeView:
    """A site's home page: the dossier's title and summary (``description``), and its
    pages."""

    title: str
    description: str | None
    entries: tuple[HomeEntry, ...]
    lang: Interface = attrs.field(default=ENGLISH, repr=False)
    """The interface language of its labels and dates."""
    content_lang: str | None = None
    """The dossier's own language when it differs from the interface's, else None."""

    @classmethod
    def build(
        cls,
        dossier: Dossier,
        pages: tuple[SitePage, ...],
        *,
        diffs: Mapping[str, PlanDiff],
        boards: Mapping[str, BoardView],
        lang: Interface = ENGLISH,
    ) -> HomeView:
        """The home page of a site of ``pages``; ``diffs`` and ``boards`` are the diffs of
        its reports and the views of its boards, by page stem."""
        entries = []
        language = dossier.language
        for page in pages:
            if page.kind == "timeline":
                events = dossier.events
                first = min((e.when for e in events), key=lambda m: m.start, default=None)
                last = max((e.when for e in events), key=lambda m: m.end, default=None)
                entries.append(
                    HomeEntry(
                        page.kind,
                        page.label,
                        page.stem,
                        events=len(events),
                        first="" if first is None else lang.plain_date(first),
                        last="" if last is None else lang.plain_date(last),
                    )
                )
            elif page.kind == "diff":
                pd = diffs[page.stem]
                counts = dict(pd.summary)
                # The report's own counts end with those a person should check: so does
                # the line that sends a reader to it.
                check = len(pd.to_check)
                said = [("check", lang.pgettext("changes shown", "to check"), check)]
                entries.append(
                    HomeEntry(
                        page.kind,
                        page.label,
                        page.stem,
                        counts=tuple(
                            (k, lang.counted("change", k, counts[k]), counts[k])
                            for k in KIND_ORDER
                            if counts.get(k)
                        )
                        + tuple(said if check else ()),
                        first=date_after_label(pd.old.label, pd.old.date, lang, language),
                        last=date_after_label(pd.new.label, pd.new.date, lang, language),
                        old=pd.old.label,
                        new=pd.new.label,
                    )
                )
            elif page.kind == "board":
                board = boards[page.stem]
                entries.append(
                    HomeEntry(
                        page.kind,
                        page.label,
                        page.stem,
                        counts=tuple(s for s in board.statuses if s[2]),
                        old=board.title,
                    )
                )
        return cls(
            title=dossier.title,
            description=dossier.description,
            entries=tuple(entries),
            lang=lang,
            content_lang=content_language(dossier, lang),
        )
