"""What the diff report says around its changes: edits marked without stray spaces."""

from __future__ import annotations

import re

import negotrack as nt
from tests.support.dossiers import SEEDS

MINSK = nt.load(SEEDS / "minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")
HIDDEN = re.compile(r'<span class="visually-hidden"[^>]*>[^<]*</span>')
EDIT = re.compile(r'<span class="edit">([^<]*)</span>')


def _shown(html: str) -> str:
    """``html`` without the words for screen readers, an edit's words out of their span."""
    return EDIT.sub(r"\1", HIDDEN.sub("", html))


def _card(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("</li>", start)]


def test_no_edit_is_spacing_alone_and_no_mark_holds_an_end_space() -> None:
    """Minsk II #10 has no inserted space ("[inserted: ]"); no <ins> or <del> of any seed
    report starts or ends with a space, or holds nothing but spaces."""
    card = _card(MINSK.to_html(), "p-minsk-2-10")
    assert "[inserted: </span> <span" not in card
    assert "military equipment<del>" in card
    assert "</del> and mercenaries leave <del>" in card
    for seed in sorted(SEEDS.glob("*.yaml")):
        d = nt.load(seed)
        for plan in d.plans:
            for old, new in zip(plan.versions, plan.versions[1:], strict=False):
                html = d.diff(old.id, new.id).to_html()
                for tag in ("ins", "del"):
                    for inner in re.findall(rf"<{tag}>(.*?)</{tag}>", html):
                        words = _shown(inner)
                        assert words.strip() == words != "", (seed.stem, tag, inner)


def test_a_deletion_and_the_insertion_after_it_are_one_space_apart() -> None:
    """ "armed groups" became "armed formations": one space before the deletion (the text's
    own), one between it and the insertion, and no margin that would add another."""
    card = _card(MINSK.to_html(), "p-minsk-2-10")
    inline = card[card.index('<div class="inline">') : card.index('<div class="side-by-side">')]
    words = _shown(inline)
    assert " armed <del>groups</del> <ins>formations</ins>, military" in words
    assert "<del>Illegal</del> <ins>All foreign</ins> armed" in words
    css = MINSK.to_html()
    assert "del + ins" not in css
    assert "ins + del" not in css
