"""A version's date is not written after a label that already states it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import negotrack as nt
from negotrack.core.dates import Moment
from negotrack.render.catalogs import interface
from negotrack.views.dated_labels import date_after_label, states_date
from negotrack.views.i18n import ENGLISH
from tests.support.dossiers import ROOT, SEEDS

LANGUAGES = ("ar", "de", "en", "es", "fr", "ru", "uk")


@pytest.mark.parametrize(
    "label",
    [
        "Declaration of Principles (25 April 2025)",
        "Declaration (25 Apr 2025)",
        "Declaration (25 Apr. 2025)",
        "Declaration of the 25th of April 2025",
        "Declaration of April 25, 2025",
        "Declaration (2025-04-25)",
        "Erklärung vom 25.04.2025",
        "Erklärung vom 25. April 2025",
        "Declaración del 25 de abril de 2025",
        "Déclaration du 25 avril 2025",
        "Декларація від 25 квітня 2025 р.",
        "Декларация от 25 апреля 2025 г.",
        "إعلان ٢٥ أبريل ٢٠٢٥",
    ],
)
def test_a_label_states_its_day_in_the_ways_dates_are_written(label: str) -> None:
    """Day, month and year in words or digits, in English and in the pages' languages."""
    assert states_date(label, Moment.parse("2025-04-25"), LANGUAGES)


@pytest.mark.parametrize(
    ("label", "date"),
    [
        ("Annan Plan III (February 2003)", "2003-02-26"),  # says less: the day is news
        ("Declaration (26 April 2025)", "2025-04-25"),  # another day
        ("Final Agreement (rejected 2 October 2016)", "2016-08-24"),
        ("US 28-point draft (20 November 2025)", "2025-11-20~"),  # "c." is news
        ("Talks (25 April 2025)", "2025-04-25T10:00Z"),  # so is the time
        ("Resolution 2202 (2015)", "2015-02-17"),
        ("Declaración del 25 de abril de 2025", "2025-05-25"),
        ("Protocol 05/04/2025", "2025-04-05"),  # day or month first: not read
    ],
)
def test_a_label_that_says_less_or_another_date_keeps_the_date(label: str, date: str) -> None:
    """A coarser date, another date, or a date the label cannot show whole is kept."""
    assert not states_date(label, Moment.parse(date), LANGUAGES)


def test_a_label_says_a_month_or_a_year_at_that_precision_or_finer() -> None:
    """A date known to the month is stated by its month or any day of it; to the year, by
    the year; and any date by the very text the page would show."""
    assert states_date("Framework (December 2025)", Moment.parse("2025-12"))
    assert states_date("Framework (Dec 2025)", Moment.parse("2025-12"))
    assert states_date("Framework of 2 December 2025", Moment.parse("2025-12"))
    assert not states_date("Framework (November 2025)", Moment.parse("2025-12"))
    assert states_date("Plan of 2004", Moment.parse("2004"))
    assert states_date("Draft (Q4 2025)", Moment.parse("2025-Q4"), shown="Q4 2025")
    assert not states_date("Draft (Q4 20251)", Moment.parse("2025-Q4"), shown="Q4 2025")


def test_month_names_come_from_the_dossier_or_the_page_language() -> None:
    """A Spanish label is read in a Spanish dossier or on a Spanish page; an English page of
    an undeclared dossier reads English only, and loads no Babel for it."""
    day = Moment.parse("2016-08-24")
    label = "Acuerdo Final del 24 de agosto de 2016"
    assert date_after_label(label, day, ENGLISH, "es") == ""
    assert date_after_label(label, day, interface("es"), None) == ""
    assert date_after_label(label, day, ENGLISH, None) == "24 Aug 2016"
    assert date_after_label("Final Agreement", day, interface("fr"), "es") == "24 août 2016"


def test_english_labels_load_no_babel() -> None:
    """An English page of an English dossier reads month names without Babel."""
    code = (
        "import sys; from negotrack.core.dates import Moment; "
        "from negotrack.views.dated_labels import date_after_label; "
        "from negotrack.views.i18n import ENGLISH; "
        "assert date_after_label('P (25 April 2025)', Moment.parse('2025-04-25'), ENGLISH, 'en')"
        " == ''; print(any(m == 'babel' or m.startswith('babel.') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=ROOT,
    )
    assert out.stdout.strip() == "False"


def test_the_board_and_the_home_page_do_not_repeat_a_labelled_date(tmp_path: Path) -> None:
    """The DRC-Rwanda board's columns read "Declaration of Principles (25 April 2025)", not
    "... (25 April 2025) (25 Apr 2025)", in HTML and Markdown, and so does its site's home
    page; the Annan plan's "(February 2003)" keeps its day under it."""
    d = nt.load(SEEDS / "drc-rwanda-2025.yaml")
    md = nt.render_board(d, format="md")
    assert "| Declaration of Principles (25 April 2025) | Peace Agreement (27 June 2025) |" in md
    html = nt.render_board(d)
    assert "<bdi>Declaration of Principles (25 April 2025)</bdi></th>" in html
    assert "(25 Apr 2025)" not in md
    head = html[html.index('role="columnheader">Point') :]
    assert "25 Apr 2025" not in head[: head.index("</thead>")]
    nt.render_site(d, tmp_path)
    home = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert (
        "<p><bdi>Declaration of Principles (25 April 2025)</bdi> → "
        "<bdi>Peace Agreement (27 June 2025)</bdi></p>" in home
    )
    home_md = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "Declaration of Principles (25 April 2025) → Peace Agreement (27 June 2025):" in home_md
    annan = nt.render_board(nt.load(SEEDS / "cyprus-annan-2003-2004.yaml"), format="md")
    assert "| Annan Plan III (February 2003) (26 Feb 2003) | Annan Plan V (31 March 2004) |" in (
        annan
    )
