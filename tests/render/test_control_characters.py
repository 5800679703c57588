"""Control characters in a dossier's text: shown by stand-ins on every page, kept in JSON."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import jinja2
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

import negotrack as nt
from negotrack.publish import render_site
from negotrack.render.htmltext import CONTROLS, escape_html, visible
from negotrack.render.renderer import Renderer
from tests.support.pagetext import texts_of

C0 = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)]
ALL = [*C0, "\x7f", *(chr(c) for c in range(0x80, 0xA0))]
# Any character a dossier can hold (a lone surrogate is refused on loading), controls often.
TEXTS = st.text(
    st.one_of(st.characters(codec="utf-8"), st.sampled_from([*ALL, "\t", "\n", "\r", "<", "&"]))
)


def _dossier(text: str) -> nt.Dossier:
    """A dossier with ``text`` in the fields each page shows: a plan and a version's
    titles, an event's title, summary and location, a participant's name, a source's
    title, and a point's text, topic and options (which change: the diff shows the point)."""
    old = nt.PlanVersion(
        id="v1",
        label="First " + text,
        date="2025-11-20",
        points=[nt.Point(number="1", text="Point " + text, key="k", options=["10 km"])],
    )
    new = nt.PlanVersion(
        id="v2",
        label="Second",
        date="2025-11-30",
        derived_from=["v1"],
        points=[
            nt.Point(number="1", text="Point " + text, key="k", topic="t" + text, options=[text])
        ],
    )
    return nt.Dossier(
        title="Dossier " + text,
        participants=[nt.Participant(id="a", name="A " + text, kind="person", side="S")],
        sources=[nt.Source(id="s1", title="Source " + text, published="2025-11-20")],
        events=[
            nt.Event(
                id="e1",
                when="2025-11-23",
                title="Event " + text,
                kind="round",
                participants=["a"],
                sources=["s1"],
                summary="Summary " + text,
                location="Place " + text,
            )
        ],
        plans=[nt.Plan(id="p", title="Plan " + text, versions=[old, new])],
    )


def _texts(page: str, tag: str, cls: str) -> list[str]:
    return [_lines(t) for t in texts_of(page, cls, tag)]


def _lines(text: str) -> str:
    # A browser reads every line break as a line feed before anything else.
    return re.sub(r"\r\n?", "\n", text)


def test_each_control_character_has_a_visible_stand_in() -> None:
    """C0 (but tab, line feed, carriage return) and DEL show their control pictures, C1
    controls the replacement character; any other text is itself."""
    assert visible("a\x00b\x1bc\x7fd\x85e\x0cf") == "a␀b␛c␡d\ufffde␌f"
    assert visible("".join(C0)) == "".join(chr(0x2400 + ord(c)) for c in C0)
    plain = "tab\tline\nreturn\r<&> ünïcode ␛"
    assert visible(plain) is plain
    assert all(len(visible(c)) == 1 and not CONTROLS.search(visible(c)) for c in ALL)


def test_escape_html_escapes_and_shows_controls_also_in_markup() -> None:
    """User text is escaped and its controls shown; markup is kept, its controls shown."""
    assert escape_html("<b>\x1b</b>") == "&lt;b&gt;␛&lt;/b&gt;"
    assert escape_html(Markup("<b>\x1b</b>")) == Markup("<b>␛</b>")
    assert escape_html(Markup("<b>x</b>")) == Markup("<b>x</b>")


def test_the_environments_autoescape_and_e_filter_show_controls() -> None:
    """A template a renderer compiles, a user's too, prints controls by their stand-ins:
    autoescaped values, markup built around them, and the ``e`` filter with autoescape off."""
    env = Renderer().env
    page = env.from_string(
        '{% autoescape true %}{{ x }}|{{ "<i>%s</i>"|safe % x }}|{{ "<b>"|safe ~ x }}'
        "{% endautoescape %}|{% autoescape false %}{{ x | e }}{% endautoescape %}"
    ).render(x="\x1b<\x85")
    assert page == "␛&lt;\ufffd|<i>␛&lt;\ufffd</i>|<b>␛&lt;\ufffd|␛&lt;\ufffd"
    assert isinstance(env.from_string("x"), jinja2.Template)


def test_json_keeps_the_exact_text(tmp_path: Path) -> None:
    """Only pages show stand-ins: a saved dossier and the diff's JSON hold the characters."""
    text = "esc\x1b nul\x00 nel\x85"
    d = _dossier(text)
    d.save(tmp_path / "d.json")
    assert nt.load(tmp_path / "d.json").events[0].title == "Event " + text
    report = json.dumps(d.diff("v1", "v2").to_json_data())
    assert json.loads(report)["changes"][0]["options"]["new"] == [text]


def _pages(d: nt.Dossier) -> dict[str, str]:
    """Every HTML page of ``d``: timeline, diff report, board, and the site's pages."""
    pages = {
        "timeline": nt.render_timeline(d),
        "diff": d.diff("v1", "v2").to_html(),
        "board": nt.render_board(d),
        "repr": d._repr_html_(),
    }
    with tempfile.TemporaryDirectory() as folder:
        for path in render_site(d, folder):
            if path.suffix == ".html":
                pages["site/" + path.name] = path.read_text(encoding="utf-8")
    return pages


@settings(max_examples=40, deadline=None)
@given(TEXTS)
def test_no_page_holds_a_control_character_and_the_text_reads_back(text: str) -> None:
    """For any text: no page holds a control character, each page parses, and the text
    reads back from the page as it was but for its controls' stand-ins."""
    d = _dossier(text)
    pages = _pages(d)
    for name, page in pages.items():
        assert CONTROLS.search(page) is None, name
    shown = _lines(visible(text))
    assert "Event " + shown in _texts(pages["timeline"], "h3", "")
    assert "Event " + shown in _texts(pages["site/timeline.html"], "h3", "")
    assert "Point " + shown in _texts(pages["diff"], "p", "text")
    assert "Point " + shown in _texts(pages["board"], "span", "point-text")
    assert [_lines(t) for t in texts_of(pages["board"], "options")] == [f"Options: {shown}"]


def test_markdown_shows_controls_as_escapes() -> None:
    """Markdown shows each control character as its escape (``\\x1b``), never raw."""
    d = _dossier("a\x1bb\x85c\x00d")
    report = d.diff("v1", "v2").to_markdown()
    for out in (nt.render_timeline(d, format="md"), nt.render_board(d, format="md"), report):
        assert CONTROLS.search(out) is None
        assert "a\\\\x1bb\\\\x85c\\\\x00d" in out


def test_text_reports_show_controls_as_escapes() -> None:
    """A plain-text report (``to_text()``, the text timeline), written to a file from
    Python, shows each control character as its escape, as the command line always printed
    it: an ESC in a point would otherwise act on the terminal that shows the file."""
    d = _dossier("a\x1b[31mb\x85c\x00d")
    for out in (d.diff("v1", "v2").to_text(), nt.render_timeline(d, format="text")):
        assert CONTROLS.search(out) is None
        assert "a\\x1b[31mb\\x85c\\x00d" in out
