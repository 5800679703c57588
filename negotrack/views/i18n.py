"""The language of a page's interface: its words, its dates and numbers, its direction.

An :class:`Interface` is what the view-models and templates ask for every piece of text that
is not the user's own: labels (through gettext), dates and spans in CLDR's grammar, numbers,
lists, and whether the page reads right to left. :data:`ENGLISH` is built in and formats
dates with negotrack's own code, as it always has, so English pages cost nothing new. Every
other language is built by :func:`negotrack.render.catalogs.interface` from the packaged
gettext catalogs, and formats with Babel (CLDR), which is imported only then.

Dates are formatted from a :class:`~negotrack.core.dates.Moment`'s precision and bounds
(:meth:`Interface.date`, :meth:`Interface.span`), never from English text, so a month alone
is CLDR's standalone form ("листопад 2025 р.") and a day its formatting form ("23 лист.
2025 р.").
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import attrs

from negotrack.core.confidence import cut_down
from negotrack.core.dateparse import MONTH_WORDS
from negotrack.core.dates import Moment, Precision

__all__ = ["ENGLISH", "NP_", "N_", "Interface", "vocabulary"]


def N_(context: str, message: str) -> str:
    """Marks ``message`` (in ``context``) for the catalogs without translating it now."""
    return message


def NP_(context: str, singular: str, plural: str) -> tuple[str, str]:
    """Marks a word and its plural (in ``context``) for the catalogs without translating
    them now."""
    return singular, plural


# Every word of the model's vocabularies a page shows, marked for extraction: an enum value
# maps to its English label, which is the catalogs' message id (in its own context).
_VOCABULARY: dict[str, dict[str, str]] = {
    "event kind": {
        "round": N_("event kind", "round"),
        "meeting": N_("event kind", "meeting"),
        "call": N_("event kind", "call"),
        "statement": N_("event kind", "statement"),
        "publication": N_("event kind", "publication"),
        "military": N_("event kind", "military"),
        "incident": N_("event kind", "incident"),
        "personnel": N_("event kind", "personnel"),
        "other": N_("event kind", "other"),
    },
    "source kind": {
        "official_text": N_("source kind", "official text"),
        "on_record": N_("source kind", "on record"),
        "anonymous_official": N_("source kind", "anonymous official"),
        "leak": N_("source kind", "leak"),
        "media_report": N_("source kind", "media report"),
        "state_media": N_("source kind", "state media"),
    },
    "status": {
        "proposed": N_("status", "proposed"),
        "kept": N_("status", "kept"),
        "amended": N_("status", "amended"),
        "agreed": N_("status", "agreed"),
        "disputed": N_("status", "disputed"),
        "deferred": N_("status", "deferred"),
        "deleted": N_("status", "deleted"),
        "unknown": N_("status", "unknown"),
        "superseded": N_("status", "superseded"),
    },
    "stance": {
        "supports": N_("stance", "supports"),
        "accepts_with_reservations": N_("stance", "accepts with reservations"),
        "rejects": N_("stance", "rejects"),
        "undecided": N_("stance", "undecided"),
    },
    "filter": {
        "kind": N_("filter", "kind"),
        "participant": N_("filter", "participant"),
        "side": N_("filter", "side"),
        "track": N_("filter", "track"),
        "tag": N_("filter", "tag"),
        "since": N_("filter", "since"),
        "until": N_("filter", "until"),
    },
    "change": {
        "unchanged": N_("change", "unchanged"),
        "reworded": N_("change", "reworded"),
        "renumbered": N_("change", "renumbered"),
        "moved": N_("change", "moved"),
        "added": N_("change", "added"),
        "deleted": N_("change", "deleted"),
        "split": N_("change", "split"),
        "merged": N_("change", "merged"),
    },
}


# The change kinds as they read after a count ("4 reworded"): English says one and many
# alike, French and Spanish agree the word with the number ("4 reformulés").
_COUNTED: dict[str, dict[str, tuple[str, str]]] = {
    "change": {
        "unchanged": NP_("change count", "unchanged", "unchanged"),
        "reworded": NP_("change count", "reworded", "reworded"),
        "renumbered": NP_("change count", "renumbered", "renumbered"),
        "moved": NP_("change count", "moved", "moved"),
        "added": NP_("change count", "added", "added"),
        "deleted": NP_("change count", "deleted", "deleted"),
        "split": NP_("change count", "split", "split"),
        "merged": NP_("change count", "merged", "merged"),
    },
}


def vocabulary() -> dict[str, dict[str, str]]:
    """Each vocabulary (its gettext context) and its values' English labels."""
    return {k: dict(v) for k, v in _VOCABULARY.items()}


_MONTHS = tuple(w.capitalize() for w in MONTH_WORDS)


@attrs.frozen
class Interface:
    """A page's interface language: ``code`` ("en", "uk", ...) and its translations.

    Use :data:`ENGLISH` or :func:`negotrack.render.catalogs.interface`; the methods are what
    view-models call, and templates reach the same translations through ``_()``.
    """

    code: str
    translations: _gettext.NullTranslations = attrs.field(
        factory=_gettext.NullTranslations, eq=False, repr=False
    )
    rtl: bool = False

    @property
    def direction(self) -> str:
        """``"rtl"`` or ``"ltr"``, for the ``dir`` attribute."""
        return "rtl" if self.rtl else "ltr"

    @property
    def arrow(self) -> str:
        """ "Became": → in a left-to-right page, ← in a right-to-left one (arrows are not
        mirrored by the bidi algorithm, so the page must choose)."""
        return "←" if self.rtl else "→"

    @property
    def english(self) -> bool:
        """Whether this is English, formatted by negotrack's own code."""
        return self.code == "en"

    # -- words -------------------------------------------------------------------------

    def gettext(self, message: str) -> str:
        """``message`` in this language."""
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The form of ``singular``/``plural`` that this language uses for ``n``."""
        return self.translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        """``message`` in this language, as meant in ``context``."""
        return self.translations.pgettext(context, message)

    def term(self, context: str, value: Any) -> str:
        """A vocabulary value (``media_report``, a :class:`Status`) as this language's word."""
        key = str(getattr(value, "value", value))
        english = _VOCABULARY.get(context, {}).get(key)
        if english is None:
            return key.replace("_", " ")
        return english if self.english else self.translations.pgettext(context, english)

    def counted(self, context: str, value: Any, n: int) -> str:
        """A vocabulary value as it reads after the count ``n`` ("4 reformulés" in French,
        where :meth:`term` gives a single point's "reformulé")."""
        key = str(getattr(value, "value", value))
        forms = _COUNTED.get(context, {}).get(key)
        if forms is None:
            return self.term(context, value)
        singular, plural = forms
        if self.english:
            return singular if n == 1 else plural
        return self.translations.npgettext(f"{context} count", singular, plural, n)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        """The form of ``singular``/``plural`` (as meant in ``context``) for ``n``."""
        return self.translations.npgettext(context, singular, plural, n)

    # -- dates, numbers, lists ---------------------------------------------------------

    def date(self, moment: Moment) -> str:
        """The date as a reader sees it, at its precision, without the approximation mark
        (templates show :meth:`circa` apart, with an explanation)."""
        if self.english:
            text = moment.display()
            return text[3:] if moment.approximate else text
        from negotrack.views.cldr import format_moment

        return format_moment(moment, self.code)

    def plain_date(self, moment: Moment) -> str:
        """The date with its approximation mark in front (Markdown, text, tables)."""
        if self.english:
            return moment.display()
        text = self.date(moment)
        return f"{self.circa} {text}" if moment.approximate else text

    def span(self, start: Moment, end: Moment) -> str | None:
        """Two dates as one interval in CLDR's grammar ("23–24 лист. 2025 р."), or in
        English as an interval in ``when`` reads ("7–12 Nov 2022"), when both are exact
        days; None when they are better shown apart."""
        if start.approximate or end.approximate:
            return None
        if start.precision is not Precision.DAY or end.precision is not Precision.DAY:
            return None
        if self.english:
            if start.uncertain or end.uncertain or start.is_span or end.is_span:
                return None
            if end.value <= start.value:
                return None
            return Moment(start.value, Precision.DAY, span_end=end.local_end).display()
        from negotrack.views.cldr import format_day_span

        return format_day_span(start, end, self.code)

    def month_heading(self, moment: Moment) -> str:
        """The heading of a month's events: "November 2025", "листопад 2025 р."; of a year's
        (events known only to the year): "2025 (month not known)"; of a stretch of months or
        years, the stretch as dates show it, months in full: "Late 2025", "Q4 2025",
        "October–November 2025", "жовтень – грудень 2025 р."."""
        v = moment.value
        if moment.span_end is not None:
            if self.english:
                text = Moment(v, moment.precision, span_end=moment.span_end).display(long=True)
                return text[:1].upper() + text[1:]
            from negotrack.views.cldr import format_stretch

            return format_stretch(moment, self.code)
        if moment.precision is Precision.YEAR:
            year = str(v.year) if self.english else self.date(Moment.of(v.year))
            return self.gettext("%(year)s (month not known)") % {"year": year}
        if self.english:
            return f"{_MONTHS[v.month - 1]} {v.year}"
        from negotrack.views.cldr import format_month

        return format_month(moment, self.code)

    @property
    def colon(self) -> str:
        """The colon after a label ("Part of a split: ..."): ":" in most languages, with a
        no-break space before it in French."""
        return self.pgettext("label punctuation", ":")

    @property
    def comma(self) -> str:
        """What separates the items of a list written out ("9 reworded, 4 moved"): ", " in
        most languages, the Arabic comma in Arabic."""
        return self.pgettext("list separator", ", ")

    @property
    def semicolon(self) -> str:
        """What separates items that hold commas themselves ("Russia — → undecided; Ukraine
        ..."): "; " in most languages, with a no-break space before it in French, the
        Arabic semicolon in Arabic."""
        return self.pgettext("list separator, between items with commas", "; ")

    @property
    def quote_marks(self) -> tuple[str, str]:
        """The marks that open and close a quoted value ("“" and "”", "«\u00a0" and
        "\u00a0»", "„" and "“"), from the catalog's pattern: Babel offers no CLDR
        quotation delimiters to rely on."""
        before, _, after = self.pgettext("quotation", "“%(text)s”").partition("%(text)s")
        return before, after

    def quote(self, text: str) -> str:
        """``text`` between this language's quotation marks: a filter's value, a quote."""
        before, after = self.quote_marks
        return f"{before}{text}{after}"

    @property
    def circa(self) -> str:
        """The mark of an approximate date: "c.", "бл.", "ca.", ..."""
        return self.pgettext("approximate date", "c.")

    def tick(self, t: datetime, unit: str) -> str:
        """A gridline's label on the time axis ("day", "week", "month" or "year"), in
        CLDR's forms (English pages keep the axis's own)."""
        if unit == "year":
            return self.date(Moment(datetime(t.year, 1, 1), Precision.YEAR))
        if unit == "month":
            return self.month_heading(Moment(datetime(t.year, t.month, 1), Precision.MONTH))
        if self.english:
            return f"{t.day} {_MONTHS[t.month - 1][:3]}"
        from negotrack.views.cldr import format_day_month

        return format_day_month(t, self.code)

    def cluster(self, n: int, first: datetime, last: datetime) -> str:
        """The label of events crowded on the axis, the count first (the page's script
        updates it): "3 events, 1 Dec 2025 – 4 Dec 2025"."""
        a = self.date(Moment(datetime(first.year, first.month, first.day), Precision.DAY))
        b = self.date(Moment(datetime(last.year, last.month, last.day), Precision.DAY))
        if self.english:
            return f"{n} events, {a} – {b}"
        text = self.gettext("%(num)s events close together, %(first)s – %(last)s")
        return text % {"num": n, "first": a, "last": b}

    def number(self, n: int) -> str:
        """``n`` with this language's digits and grouping."""
        if self.english:
            return str(n)
        from negotrack.views.cldr import format_number

        return format_number(n, self.code)

    def fraction(self, x: float) -> str:
        """A number between 0 and 1 (a confidence) with two decimals, cut down, never
        rounded up (see :mod:`negotrack.core.confidence`): "0.69", "0,69"; 0.9998 is
        "0.99", never "1.00"."""
        x = cut_down(x)
        if self.english:
            return f"{x:.2f}"
        from negotrack.views.cldr import format_fraction

        return format_fraction(x, self.code)

    def either(self, items: Iterable[str]) -> str:
        """Items as alternatives in this language's words ("a or b", "a أو b")."""
        words = [str(i) for i in items]
        if len(words) < 2:
            return "".join(words)
        if self.english:
            return ", ".join(words[:-1]) + (", or " if len(words) > 2 else " or ") + words[-1]
        from negotrack.views.cldr import format_list

        return format_list(words, self.code, style="or")

    def join(self, items: Iterable[str]) -> str:
        """Items as a list in this language's words ("a, b and c")."""
        words = [str(i) for i in items]
        if self.english or len(words) < 2:
            return ", ".join(words)
        from negotrack.views.cldr import format_list

        return format_list(words, self.code)


ENGLISH = Interface("en")
"""English: the default, with negotrack's own date forms and no catalog to load."""
