"""Hostile strings in every field: escaped in HTML, inert in Markdown, links only when safe.

The browser half (that no script runs in a real Chromium) is in
``tests/system/browser/test_hostile_pages.py``; this half reads the outputs as text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from markupsafe import escape

import negotrack as nt
from negotrack.render.htmltext import CONTROLS, visible
from negotrack.render.shared import repr_html
from negotrack.views.formatting import md, safe_url
from negotrack.views.timeline import TimelineView
from tests.support.hostile import HOSTILE, URLS, hostile_dossier

DOSSIER = hostile_dossier()
PLAN = DOSSIER.plans[0]
DIFF = DOSSIER.diff(PLAN.versions[0].id, PLAN.versions[1].id)

# Markup negotrack itself writes; any other element came from a user.
_OWN_TAGS = frozenset(
    [
        "svg",  # the board's chart, one per page (checked below)
        "g",
        "rect",
        "desc",
        "text",
        "caption",
        "html",
        "bdi",
        "head",
        "body",
        "meta",
        "title",
        "style",
        "script",
        "header",
        "main",
        "footer",
        "nav",
        "section",
        "article",
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "a",
        "ul",
        "ol",
        "li",
        "span",
        "time",
        "abbr",
        "figure",
        "figcaption",
        "blockquote",
        "form",
        "label",
        "select",
        "option",
        "input",
        "button",
        "fieldset",  # the diff report's choice of what to show
        "legend",
        "dl",  # the diff report's legend of its measures
        "dt",
        "dd",
        "div",
        "ins",
        "del",
        "mark",
        "b",
        "br",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "caption",
        "code",
    ]
)


class _Tags(HTMLParser):
    """Collects every element and attribute name the way a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((name, value or "") for name, value in attrs)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def _html_outputs() -> dict[str, str]:
    return {
        "timeline": nt.render_timeline(DOSSIER),
        "diff": DIFF.to_html(),
        "board": nt.render_board(DOSSIER),
        "repr-dossier": repr_html(DOSSIER),
        "repr-version": repr_html(PLAN.versions[1]),
        "repr-diff": repr_html(DIFF),
        "repr-timeline": repr_html(TimelineView.build(DOSSIER)),
    }


HTML = _html_outputs()


def test_corpus_is_large_enough() -> None:
    """The corpus holds at least 150 distinct hostile strings."""
    assert len(set(HOSTILE)) >= 150


@pytest.mark.parametrize("name", sorted(HTML))
def test_no_user_markup_survives(name: str) -> None:
    """Every tag in the output is one negotrack writes, and scripts are only its own."""
    parser = _Tags()
    parser.feed(HTML[name])
    parser.close()
    assert set(parser.tags) <= _OWN_TAGS
    assert parser.tags.count("script") <= 1
    assert parser.tags.count("svg") <= 1
    assert [n for n, _ in parser.attrs if n.startswith("on")] == []
    assert parser.comments == []


def test_every_string_appears_escaped_in_the_timeline() -> None:
    """Each hostile title appears in the timeline exactly as html.escape would write it,
    its control characters shown by their stand-ins."""
    page = HTML["timeline"]
    for event in DOSSIER.events:
        # Either escaping (markupsafe's or html.escape's) is right; the text must be there.
        title = visible(event.title)
        assert str(escape(title)) in page or html.escape(title) in page


@pytest.mark.parametrize("name", sorted(HTML))
def test_no_control_character_reaches_a_page(name: str) -> None:
    """The corpus's control characters are all shown by stand-ins, none left raw."""
    assert any(CONTROLS.search(text) for text in HOSTILE)  # the corpus has some to show
    assert CONTROLS.search(HTML[name]) is None


def test_template_syntax_is_not_evaluated() -> None:
    """``{{ 7*7 }}`` in user data is printed, never computed."""
    assert "{{ 7*7 }}" in HTML["timeline"]
    assert "{% for x in range(9) %}x{% endfor %}" in HTML["timeline"]


@pytest.mark.parametrize("name", sorted(HTML))
def test_only_safe_urls_become_links(name: str) -> None:
    """Every href is a fragment, a sibling diff file, or an http, https or mailto URL."""
    for href in re.findall(r'href="([^"]*)"', HTML[name]):
        target = html.unescape(href)
        assert target.startswith("#") or target.startswith("diff-") or safe_url(target), target


def test_unsafe_urls_are_shown_as_text() -> None:
    """A javascript: URL of a source is visible as text, not lost and not linked."""
    assert html.escape(URLS[0]) in HTML["timeline"]
    assert 'href="javascript' not in HTML["timeline"].lower()


@pytest.mark.parametrize(
    "url",
    [*URLS[:10], "", "https://", "http:", "jav&#x09;ascript:alert(1)", "ftp://example.org"],
)
def test_safe_url_refuses(url: str) -> None:
    """Anything but a plain http, https or mailto URL is refused."""
    assert safe_url(url) is None


@pytest.mark.parametrize("url", ["https://example.org/a?b=c", "http://x.org", "mailto:a@b.org"])
def test_safe_url_accepts(url: str) -> None:
    """Plain http, https and mailto URLs may become links."""
    assert safe_url(url) == url


@pytest.mark.parametrize("fmt", ["md", "text"])
def test_markdown_and_text_outputs_are_inert(fmt: str) -> None:
    """Markdown escapes HTML and link syntax; it never links an unsafe URL."""
    outputs = [DIFF.to_markdown() if fmt == "md" else DIFF.to_text()]
    if fmt == "md":
        outputs += [nt.render_timeline(DOSSIER, format="md"), nt.render_board(DOSSIER, format="md")]
        for out in outputs:
            assert "<script" not in out.lower()
            assert not re.search(r"(?<!\\)\]\(\s*javascript", out, re.I)
            assert "<javascript" not in out.lower()
    else:
        assert "{{ 7*7 }}" in outputs[0] or "{{ 7*7 }}" not in str(DOSSIER.plans)


@pytest.mark.parametrize("text", HOSTILE[:80])
def test_md_escape_leaves_no_markup(text: str) -> None:
    """The Markdown filter leaves no raw tag, link opener or line break."""
    out = md(text)
    assert "<" not in out
    assert "\n" not in out
    assert "](" not in out.replace("\\](", "")
