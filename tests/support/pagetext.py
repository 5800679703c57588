"""The text of a page's elements as a reader sees it, for tests that look at rendered HTML."""

from __future__ import annotations

from html.parser import HTMLParser

__all__ = ["texts_of"]


class _Texts(HTMLParser):
    """The text of each element with a given class (and tag, when one is given)."""

    def __init__(self, cls: str, tag: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.cls, self.depth, self.found = tag, cls, 0, [""]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += 1
        elif (self.tag is None or tag == self.tag) and (
            not self.cls or self.cls in (dict(attrs).get("class") or "").split()
        ):
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            if not self.depth:
                self.found.append("")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.found[-1] += data


def texts_of(html: str, cls: str, tag: str | None = None) -> list[str]:
    """The text of each element of ``html`` with class ``cls`` (and tag ``tag``, when
    given; any element with the tag when ``cls`` is empty), character references read."""
    parser = _Texts(cls, tag)
    parser.feed(html)
    parser.close()
    return [t for t in parser.found if t]
