"""The interface language of the view-models: CLDR dates, spans, numbers and lists through
Babel for every language but English, whose forms stay negotrack's own."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotrack as nt
from negotrack.core.dates import Moment, Precision
from negotrack.render.catalogs import interface, known_locales
from negotrack.views.i18n import ENGLISH, Interface, vocabulary
from negotrack.views.timeline import TimelineView

NNBSP = "\u202f"  # CLDR's narrow no-break space, before "р." and "г."


@pytest.mark.parametrize(
    ("text", "locale", "shown"),
    [
        ("2025-11", "uk", f"листопад 2025{NNBSP}р."),
        ("2025-11", "ru", f"ноябрь 2025{NNBSP}г."),
        ("2025-11", "de", "November 2025"),
        ("2025-11", "es", "noviembre de 2025"),
        ("2025-11-23", "uk", f"23 лист. 2025{NNBSP}р."),
        ("2025-11-23", "ru", f"23 нояб. 2025{NNBSP}г."),
        ("2025-11-23", "fr", "23 nov. 2025"),
        ("2025-11-23", "de", "23. Nov. 2025"),
        ("2025-11-23", "ar", "23 نوفمبر 2025"),
        ("2025", "uk", "2025"),
        ("2025-11-23T14:00 Europe/Kyiv", "uk", f"23 лист. 2025{NNBSP}р., 14:00 (Київ)"),
        ("2025-11-23T14:00+01:00", "de", "23. Nov. 2025, 14:00 (GMT+01:00)"),
    ],
)
def test_dates_follow_cldr(text: str, locale: str, shown: str) -> None:
    """Each precision takes CLDR's form: a month alone nominative, a day date genitive, a time
    with its zone's city (or a localised offset)."""
    assert interface(locale).date(Moment.parse(text)) == shown


@pytest.mark.parametrize(
    ("locale", "mark"),
    [("en", "c."), ("uk", "бл."), ("ru", "ок."), ("ar", "حوالي"), ("fr", "v."), ("de", "ca.")],
)
def test_approximate_dates_carry_the_languages_circa(locale: str, mark: str) -> None:
    """An approximate date is shown with the language's own "c." in plain text."""
    lang = interface(locale)
    assert lang.circa == mark
    assert lang.plain_date(Moment.parse("~2025-11-20")).startswith(mark + " ")


def test_two_days_read_as_one_cldr_interval() -> None:
    """An event from the 23rd to the 24th is one interval: "23–24 лист. 2025 р."."""
    d = nt.Dossier(
        title="t",
        events=[nt.Event(id="g", when="2025-11-23", until="2025-11-24", title="Talks")],
    )
    view = TimelineView.build(d, lang=interface("uk"))
    event = view.events[0]
    assert event.date_text == f"23–24 лист. 2025{NNBSP}р."
    assert event.until_text is None
    english = TimelineView.build(d).events[0]
    assert (english.date_text, english.until_text) == ("23–24 Nov 2025", None)


def test_a_when_with_an_until_reads_as_the_same_interval_in_when() -> None:
    """In English too, `when: 2022-11-07` with `until: 2022-11-12` reads "7–12 Nov 2022",
    as `when: 2022-11-07/2022-11-12` does, not "7 Nov 2022 – 12 Nov 2022"; dates that are
    approximate, uncertain or parts of a month stay apart."""
    pairs = [
        ("2022-11-07", "2022-11-12", "7–12 Nov 2022"),
        ("2022-10-25", "2022-11-02", "25 Oct – 2 Nov 2022"),
        ("2022-12-28", "2023-01-03", "28 Dec 2022 – 3 Jan 2023"),
    ]
    for when, until, shown in pairs:
        d = nt.Dossier(title="t", events=[nt.Event(id="e", when=when, until=until, title="T")])
        event = TimelineView.build(d).events[0]
        assert (event.date_text, event.until_text) == (shown, None)
        assert Moment.of(f"{when}/{until}").display() == shown
    for when, until in [
        ("~2022-11-07", "2022-11-12"),
        ("2022-11-07?", "2022-11-12"),
        ("mid-November 2022", "2022-11-25"),
        ("2022-11", "2022-12-02"),
    ]:
        d = nt.Dossier(title="t", events=[nt.Event(id="e", when=when, until=until, title="T")])
        assert TimelineView.build(d).events[0].until_text is not None


def test_month_headings_and_the_unknown_month() -> None:
    """Month headings are standalone months; a year-only event is under "(month not known)"."""
    uk = interface("uk")
    assert uk.month_heading(Moment.parse("2025-11-23")) == f"листопад 2025{NNBSP}р."
    assert uk.month_heading(Moment.parse("2025")) == "2025 (місяць невідомий)"
    assert ENGLISH.month_heading(Moment.parse("2025")) == "2025 (month not known)"
    assert ENGLISH.month_heading(Moment.parse("2025-11-02")) == "November 2025"


def test_a_stretch_of_months_heads_its_events_by_its_name() -> None:
    """A stretch of months or years is named as dates show it, months in full and without
    the date's marks: "Late 2025", "Q4 2025", "вересень – грудень 2025 р."."""
    assert ENGLISH.month_heading(Moment.parse("late 2025")) == "Late 2025"
    assert ENGLISH.month_heading(Moment.parse("~2025-Q4")) == "Q4 2025"
    assert ENGLISH.month_heading(Moment.parse("2025-10/2025-11")) == "October–November 2025"
    assert ENGLISH.month_heading(Moment.parse("2024/2025")) == "2024–2025"
    uk = interface("uk")
    assert uk.month_heading(Moment.parse("late 2025")) == f"вересень\xa0— грудень 2025{NNBSP}р."
    assert interface("fr").month_heading(Moment.parse("2025-Q4")) == (
        "octobre\u2009–\u2009décembre 2025"
    )
    assert interface("ar").month_heading(Moment.parse("2024/2025")) == "2024–2025"


def test_numbers_and_lists_in_the_languages_grammar() -> None:
    """Numbers are grouped and lists joined as the language writes them."""
    assert interface("de").number(12345) == "12.345"
    assert interface("uk").join(["a", "b", "c"]) == "a, b і c"
    assert ENGLISH.number(12345) == "12345"
    assert ENGLISH.join(["a", "b", "c"]) == "a, b, c"


def test_vocabulary_words_are_translated_in_context() -> None:
    """A status and a change kind spelled alike in English may differ elsewhere."""
    uk = interface("uk")
    assert uk.term("status", nt.Status.DISPUTED) == "є розбіжності"
    assert uk.term("change", "reworded") == "переформульовано"
    assert uk.term("source kind", "media_report") == "повідомлення ЗМІ"
    assert ENGLISH.term("source kind", "media_report") == "media report"
    assert uk.term("status", "something_new") == "something new"  # unknown: shown as itself
    assert set(vocabulary()["status"]) >= {s.value for s in nt.Status}
    assert set(vocabulary()["event kind"]) == {k.value for k in nt.EventKind}
    assert set(vocabulary()["source kind"]) == {k.value for k in nt.SourceKind}
    assert set(vocabulary()["stance"]) == {k.value for k in nt.Stance}


_DAYS = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31)).map(
    lambda dt: Moment(datetime(dt.year, dt.month, dt.day), Precision.DAY)
)


@given(
    moment=_DAYS,
    locale=st.sampled_from([c for c in known_locales() if c != "en"]),
)
def test_every_day_shows_its_year_in_every_language(moment: Moment, locale: str) -> None:
    """Whatever the day and language, the date names its year and never falls back to English."""
    text = interface(locale).date(moment)
    assert str(moment.value.year) in text
    assert moment.display() != text or locale == "en"


@given(moment=_DAYS)
def test_english_dates_are_negotracks_own(moment: Moment) -> None:
    """English keeps the forms the pages always had (Moment.display)."""
    assert ENGLISH.date(moment) == moment.display()
    assert ENGLISH.plain_date(moment) == moment.display()


def test_english_pages_never_load_babel() -> None:
    """Rendering in English leaves Babel unimported (the command line's start-up bar)."""
    code = (
        "import sys, negotrack as nt; "
        "from tests.support.dossiers import small_dossier; "
        "d = small_dossier(); nt.render_timeline(d); nt.render_board(d); "
        "d.diff('us-28', '20-point').to_html(); "
        "print(any(m == 'babel' or m.startswith('babel.') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "False"


def test_minute_moments_in_utc_name_the_offset() -> None:
    """A time given in UTC names its offset readably in the language."""
    m = Moment.of(datetime(2025, 11, 23, 9, 30, tzinfo=UTC))
    assert interface("fr").date(m) == "23 nov. 2025, 09:30 (UTC)"


@pytest.mark.parametrize(
    ("text", "locale", "shown"),
    [
        ("2025-Q4", "de", "Okt.–Dez. 2025"),
        ("mid-October 2025", "uk", f"11–20 жовт. 2025{NNBSP}р."),
        ("2025-10-13/2025-10-15", "ar", "13–15 أكتوبر 2025"),
        ("2025-11?", "ru", f"ноябрь 2025{NNBSP}г.?"),
        ("2025-11-23T14:00 Europe/Kyiv", "ar", "23 نوفمبر 2025، 14:00 (كييف)"),
    ],
)
def test_stretches_and_doubts_in_cldr_grammar(text: str, locale: str, shown: str) -> None:
    """Quarters, thirds of a month and day spans read as CLDR intervals of their first and
    last units; an uncertain date keeps its "?"; a date and a time join as the language does."""
    assert interface(locale).date(Moment.parse(text)) == shown


@pytest.mark.parametrize(
    ("code", "two"),
    [("en", "a or b"), ("fr", "a ou b"), ("ar", "a أو b"), ("uk", "a або b")],
)
def test_either_lists_alternatives_in_the_language(code: str, two: str) -> None:
    """Alternatives read as the language writes them; one item is itself."""
    lang = Interface(code)
    assert lang.either(["a", "b"]) == two
    assert lang.either(["a"]) == "a"
    assert Interface("en").either(["a", "b", "c"]) == "a, b, or c"


@pytest.mark.parametrize(
    ("locale", "x", "shown"),
    [("en", 0.9998, "0.99"), ("en", 0.7996, "0.79"), ("uk", 0.9998, "0,99"), ("de", 1.0, "1,00")],
)
def test_a_confidence_below_1_never_shows_as_1(locale: str, x: float, shown: str) -> None:
    """Confidences are cut down to two decimals in every language, never rounded up: a
    pair that is not sure never reads "1.00", one below the "check this" cut never "0.80"."""
    assert interface(locale).fraction(x) == shown


@pytest.mark.parametrize(
    ("locale", "one", "four"),
    [
        ("fr", "1 reformulé", "4 reformulés"),
        ("es", "1 reformulado", "4 reformulados"),
        ("de", "1 umformuliert", "4 umformuliert"),
        ("en", "1 reworded", "4 reworded"),
    ],
)
def test_counted_changes_agree_with_their_number(locale: str, one: str, four: str) -> None:
    """A report's counts ("4 reformulés") agree in number with the count in French and
    Spanish, in the summary line of every format and in the HTML report's choices; a
    single card's badge keeps the singular."""

    def version(vid: str, date: str, reworded: int) -> nt.PlanVersion:
        texts = [
            f"Point {i} says {'forces' if i < reworded else 'troops'} withdraw from area {i}."
            for i in range(5)
        ]
        return nt.PlanVersion(
            id=vid, label=vid, date=date, points=[nt.Point(str(i), t) for i, t in enumerate(texts)]
        )

    old = version("a", "2025-01-01", 0)
    links = [nt.PointLink(f"a#{i}", f"b#{i}") for i in range(5)]
    four_reworded = nt.diff(old, version("b", "2025-02-01", 4), links=links)
    one_reworded = nt.diff(old, version("b", "2025-02-01", 1), links=links)
    assert four_reworded.summary["reworded"] == 4
    assert one_reworded.summary["reworded"] == 1
    for pd, said in ((four_reworded, four), (one_reworded, one)):
        n, word = said.split(" ", 1)
        assert re.search(rf"\b{said}(,|\n)", pd.to_text(locale=locale))
        assert f"**{n}** {word}" in pd.to_markdown(locale=locale)
        assert f"<b>{n}</b> {word}<" in pd.to_html(locale=locale)
    if locale == "fr":  # the choice of the changes alone agrees too
        assert '<label for="show-changed"><b>4</b> modifiés</label>' in four_reworded.to_html(
            locale=locale
        )
        assert '<label for="show-changed"><b>1</b> modifié</label>' in one_reworded.to_html(
            locale=locale
        )
    badge = interface(locale).term("change", "reworded")
    assert f'<span class="badge c-reworded">{badge}</span>' in four_reworded.to_html(locale=locale)
